import { DATAVERSE_SERVICE_PROTECTION, entitlementAllowance, estimateBudget, type BudgetCheckId, type BudgetEstimate } from "@integrationkit/shared";

function checkOf(e: BudgetEstimate, id: BudgetCheckId) {
  const c = e.checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

describe("estimateBudget()", () => {
  it("flags an unbatched 100,000-record run as throttled by the 6,000 requests / 5 min limit", () => {
    const e = estimateBudget({ recordsPerRun: 100_000, runsPerDay: 1, batchSize: 1 });
    expect(e.requestsPerRun).toBe(100_000);
    expect(e.requestsPer5Min).toBe(100_000);
    expect(checkOf(e, "requests-per-5-min")).toMatchObject({ limit: 6000, status: "over" });
    expect(e.throttled).toBe(true);
    // 100,000 requests at 6,000 per window need at least 83.3 minutes.
    expect(e.minRunMinutes).toBeCloseTo(83.33, 1);
  });

  it("keeps the same load under the limit with batches of 100, while entitlement still counts every record", () => {
    const e = estimateBudget({ recordsPerRun: 100_000, runsPerDay: 1, batchSize: 100 });
    expect(e.requestsPerRun).toBe(1000);
    expect(checkOf(e, "requests-per-5-min").status).toBe("ok");
    expect(e.operationsPer24h).toBe(100_000);
    expect(checkOf(e, "entitlement-per-24-h")).toMatchObject({ projected: 100_000, limit: 500_000, status: "ok" });
    expect(e.throttled).toBe(false);
    expect(e.notes).toContain("batch-above-start");
  });

  it("runs a licensed user out of its 40,000 daily requests", () => {
    const e = estimateBudget({ recordsPerRun: 10_000, runsPerDay: 5, batchSize: 10, identity: "licensed-user" });
    expect(checkOf(e, "entitlement-per-24-h")).toMatchObject({ projected: 50_000, limit: 40_000, status: "over" });
    expect(e.throttled).toBe(true);
  });

  it("spreads a long run over several windows and reports 'near' from 80%", () => {
    const e = estimateBudget({ recordsPerRun: 60_000, runsPerDay: 1, batchSize: 1, runMinutes: 60 });
    expect(e.requestsPer5Min).toBe(5000);
    expect(checkOf(e, "requests-per-5-min").status).toBe("near");
    expect(e.throttled).toBe(false);
  });

  it("uses the daily average when frequent runs overlap a window", () => {
    const e = estimateBudget({ recordsPerRun: 100, runsPerDay: 1440, batchSize: 1, runMinutes: 1 });
    expect(e.requestsPer5Min).toBe(500);
    expect(e.requestsPer24h).toBe(144_000);
  });

  it("caps batches at 1,000 operations and says so", () => {
    const e = estimateBudget({ recordsPerRun: 10_000, runsPerDay: 1, batchSize: 5000 });
    expect(e.effectiveBatchSize).toBe(DATAVERSE_SERVICE_PROTECTION.maxBatchOperations);
    expect(e.requestsPerRun).toBe(10);
    expect(e.notes).toContain("batch-too-large");
  });

  it("checks execution time and concurrency when given", () => {
    const e = estimateBudget({ recordsPerRun: 3000, runsPerDay: 1, batchSize: 1, requestMs: 500, parallelism: 60 });
    expect(checkOf(e, "execution-time-per-5-min")).toMatchObject({ projected: 1_500_000, limit: 1_200_000, status: "over" });
    expect(checkOf(e, "concurrent-requests")).toMatchObject({ projected: 60, limit: 52, status: "over" });
    expect(estimateBudget({ recordsPerRun: 1, runsPerDay: 1, batchSize: 1 }).checks.map((c) => c.id)).not.toContain("execution-time-per-5-min");
  });

  it("reports nonsense input instead of throwing or producing NaN", () => {
    const e = estimateBudget({ recordsPerRun: Number.NaN, runsPerDay: -3, batchSize: 0 });
    expect(e.notes).toEqual(expect.arrayContaining(["invalid-input", "no-load"]));
    expect(e.requestsPer5Min).toBe(0);
    expect(e.checks.every((c) => Number.isFinite(c.ratio))).toBe(true);
    expect(e.throttled).toBe(false);
  });

  it("computes entitlement allowances from the documented figures", () => {
    expect(entitlementAllowance("per-app-user")).toBe(6000);
    expect(entitlementAllowance("power-automate-flow")).toBe(250_000);
    expect(entitlementAllowance("application-user", 100)).toBe(1_000_000);
    expect(entitlementAllowance("application-user", 10_000)).toBe(10_000_000);
    expect(entitlementAllowance("licensed-user", 0, 2)).toBe(140_000);
  });
});
