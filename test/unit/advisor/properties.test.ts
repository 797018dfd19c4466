/** Property tests of the advisor (fast-check). */
import fc from "fast-check";
import {
  DEPLOYMENTS,
  DIRECTIONS,
  INITIATORS,
  INTEGRATION_KINDS,
  PATTERN_IDS,
  PATTERN_META,
  POSSIBLE_THRESHOLD,
  RECOMMENDED_THRESHOLD,
  REQUIREMENTS,
  SCENARIO_APPS,
  TIMINGS,
  TRIGGER_KINDS,
  VOLUMES,
  isHardWarning,
  recommend,
  requirementLevel,
  splitAdviceCode,
  type Scenario,
} from "@integrationkit/shared";

const scenarioArb: fc.Arbitrary<Scenario> = fc.record(
  {
    apps: fc.subarray([...SCENARIO_APPS]),
    kind: fc.constantFrom(...INTEGRATION_KINDS),
    direction: fc.constantFrom(...DIRECTIONS),
    timing: fc.constantFrom(...TIMINGS),
    volume: fc.constantFrom(...VOLUMES),
    trigger: fc.constantFrom(...TRIGGER_KINDS),
    initiatedBy: fc.constantFrom(...INITIATORS),
    deployment: fc.constantFrom(...DEPLOYMENTS),
    requirements: fc.subarray([...REQUIREMENTS]),
  },
  { requiredKeys: [] },
);

const FIT_RANK = { recommended: 0, possible: 1, "not-suitable": 2 } as const;

describe("recommend() properties", () => {
  it("is deterministic: the same input (or a copy of it) gives the same output", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const copy = JSON.parse(JSON.stringify(s)) as Scenario;
        expect(recommend(s)).toEqual(recommend(copy));
      }),
    );
  });

  it("returns every pattern exactly once", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ids = recommend(s).map((r) => r.patternId);
        expect(ids).toHaveLength(PATTERN_IDS.length);
        expect([...ids].sort()).toEqual([...PATTERN_IDS].sort());
      }),
    );
  });

  it("keeps scores in [0, 1], fits consistent with scores, and ranks best first", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const recs = recommend(s);
        // One assertion per scenario, naming every broken rule (expect() in the loop cost most of this test).
        const broken: string[] = [];
        for (const r of recs) {
          const at = `${r.patternId} (${r.fit}, ${r.score})`;
          if (!(r.score >= 0 && r.score <= 1)) broken.push(`${at}: score outside [0, 1]`);
          if (r.fit === "recommended" && !(r.score >= RECOMMENDED_THRESHOLD)) broken.push(`${at}: recommended below the threshold`);
          if (r.fit === "possible" && !(r.score >= POSSIBLE_THRESHOLD)) broken.push(`${at}: possible below the threshold`);
          if (r.fit === "not-suitable" && r.warnings.length === 0) broken.push(`${at}: not suitable without a warning`);
          if (r.warnings.some((w) => isHardWarning(w.code)) && r.fit !== "not-suitable")
            broken.push(`${at}: a hard warning, yet not "not suitable"`);
        }
        for (let i = 1; i < recs.length; i++)
          if (FIT_RANK[recs[i - 1].fit] > FIT_RANK[recs[i].fit])
            broken.push(`${recs[i - 1].patternId} ranked above ${recs[i].patternId} with a worse fit`);
        expect(broken).toEqual([]);
      }),
    );
  });

  it("never raises a pattern when a requirement it cannot meet is added", () => {
    const cases = PATTERN_META.flatMap((meta) =>
      REQUIREMENTS.filter((r) => ["cannot", "rules-out"].includes(requirementLevel(meta, r))).map((r) => [meta.id, r] as const),
    );
    expect(cases.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...cases), (s, [id, req]) => {
        const before = recommend(s).find((r) => r.patternId === id)!;
        const more: Scenario = { ...s, requirements: [...(s.requirements ?? []), req] };
        const after = recommend(more).find((r) => r.patternId === id)!;
        expect(after.score).toBeLessThanOrEqual(before.score);
        expect(FIT_RANK[after.fit]).toBeGreaterThanOrEqual(FIT_RANK[before.fit]);
      }),
      { numRuns: 500 },
    );
  });

  it("traces every reason to a scenario input", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const answers: Record<string, string[]> = {
          apps: s.apps ?? [],
          kind: s.kind ? [s.kind] : [],
          direction: s.direction ? [s.direction] : [],
          timing: s.timing ? [s.timing] : [],
          volume: s.volume ? [s.volume] : [],
          trigger: s.trigger ? [s.trigger] : [],
          initiator: s.initiatedBy ? [s.initiatedBy] : [],
          deployment: s.deployment ? [s.deployment] : [],
          requirement: s.requirements ?? [],
        };
        // Reasons that no answer explains, checked in one assertion per scenario.
        const untraced: string[] = [];
        for (const r of recommend(s)) {
          for (const reason of r.reasons) {
            const { rule, value } = splitAdviceCode(reason.code);
            const criterion = rule.split(".")[0];
            const given = answers[criterion] ?? [];
            const traced =
              rule === "apps.cross-app" || rule === "apps.one-side"
                ? answers.apps.length === 2
                : value !== undefined && given.includes(value);
            if (!traced) untraced.push(`${r.patternId}: ${reason.code}`);
          }
        }
        expect(untraced).toEqual([]);
      }),
    );
  });

  it("never raises a pattern that requires an app when that app is removed from the scenario", () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...SCENARIO_APPS), (s, app) => {
        const withApp: Scenario = { ...s, apps: [...new Set([...(s.apps ?? []), app])] };
        const rest = (withApp.apps ?? []).filter((a) => a !== app);
        const without: Scenario = { ...s, apps: rest.length > 0 ? rest : undefined };
        if (rest.length === 0) delete without.apps;
        // Removing every app means "not answered"; the property is about naming the other app only.
        fc.pre(rest.length > 0);
        const before = recommend(withApp);
        const after = recommend(without);
        const raised: string[] = [];
        for (const meta of PATTERN_META.filter((m) => m.traits.requiresApps.includes(app))) {
          const b = before.find((r) => r.patternId === meta.id)!;
          const a = after.find((r) => r.patternId === meta.id)!;
          if (a.score > b.score) raised.push(`${meta.id}: score ${b.score} → ${a.score}`);
          if (a.fit !== "not-suitable") raised.push(`${meta.id}: ${a.fit}`);
          if (!a.warnings.some((w) => w.code === `apps.missing:${app}`)) raised.push(`${meta.id}: no apps.missing:${app} warning`);
        }
        expect(raised).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never raises a cloud-only pattern when the deployment is set to on-premises", () => {
    const cloudOnly = PATTERN_META.filter((m) => !m.traits.deployments.includes("on-premises")).map((m) => m.id);
    expect(cloudOnly).toEqual(
      expect.arrayContaining([
        "odata",
        "custom-services",
        "consume-web-services",
        "dual-write",
        "fo-virtual-tables",
        "power-automate",
        "synapse-link",
      ]),
    );
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const open: Scenario = { ...s };
        delete open.deployment;
        const before = recommend(open);
        const after = recommend({ ...open, deployment: "on-premises" });
        const raised: string[] = [];
        for (const id of cloudOnly) {
          const b = before.find((r) => r.patternId === id)!;
          const a = after.find((r) => r.patternId === id)!;
          if (a.score > b.score) raised.push(`${id}: score ${b.score} → ${a.score}`);
          if (a.fit !== "not-suitable") raised.push(`${id}: ${a.fit}`);
        }
        expect(raised).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never recommends a polling interface when notification is asked for", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const recs = recommend({ ...s, requirements: [...new Set([...(s.requirements ?? []), "notification" as const])] });
        for (const id of ["odata", "custom-services", "dmf-package-api", "recurring-integrations", "dataverse-change-tracking"]) {
          expect([id, recs.find((r) => r.patternId === id)!.fit]).toEqual([id, "not-suitable"]);
        }
      }),
    );
  });
});
