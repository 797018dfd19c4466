/** Property tests of the advisor (fast-check). */
import fc from "fast-check";
import {
  DEPLOYMENTS,
  DIRECTIONS,
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
            expect(reason.message.length).toBeGreaterThan(10);
          }
        }
      }),
    );
  });
});
