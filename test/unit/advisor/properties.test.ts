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
        for (const r of recs) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          if (r.fit === "recommended") expect(r.score).toBeGreaterThanOrEqual(RECOMMENDED_THRESHOLD);
          if (r.fit === "possible") expect(r.score).toBeGreaterThanOrEqual(POSSIBLE_THRESHOLD);
          if (r.fit === "not-suitable") expect(r.warnings.length).toBeGreaterThan(0);
          if (r.warnings.some((w) => isHardWarning(w.code))) expect(r.fit).toBe("not-suitable");
        }
        for (let i = 1; i < recs.length; i++) expect(FIT_RANK[recs[i - 1].fit]).toBeLessThanOrEqual(FIT_RANK[recs[i].fit]);
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
        for (const r of recommend(s)) {
          for (const reason of r.reasons) {
            const { rule, value } = splitAdviceCode(reason.code);
            const criterion = rule.split(".")[0];
            expect(answers[criterion]?.length ?? 0).toBeGreaterThan(0);
            if (rule === "apps.cross-app") expect(answers.apps).toHaveLength(2);
            else if (rule === "apps.one-side") expect(answers.apps).toHaveLength(2);
            else expect(answers[criterion]).toContain(value);
          }
        }
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
        for (const meta of PATTERN_META.filter((m) => m.traits.requiresApps.includes(app))) {
          const b = before.find((r) => r.patternId === meta.id)!;
          const a = after.find((r) => r.patternId === meta.id)!;
          expect(a.score).toBeLessThanOrEqual(b.score);
          expect(a.fit).toBe("not-suitable");
          expect(a.warnings.map((w) => w.code)).toContain(`apps.missing:${app}`);
        }
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
        for (const id of cloudOnly) {
          const b = before.find((r) => r.patternId === id)!;
          const a = after.find((r) => r.patternId === id)!;
          expect(a.score).toBeLessThanOrEqual(b.score);
          expect(a.fit).toBe("not-suitable");
        }
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
