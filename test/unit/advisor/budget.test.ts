import {
  DATAVERSE_SERVICE_PROTECTION,
  budgetScope,
  entitlementAllowance,
  estimateBudget,
  getPatternMeta,
  parseBudgetField,
  type BudgetCheckId,
  type BudgetEstimate,
} from "@integrationkit/shared";

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

  it("warns, without calling it throttling, when a licensed user goes past its 40,000 daily allocation", () => {
    const e = estimateBudget({ recordsPerRun: 10_000, runsPerDay: 5, batchSize: 10, identity: "licensed-user" });
    expect(checkOf(e, "entitlement-per-24-h")).toMatchObject({ projected: 50_000, limit: 40_000, status: "above-allocation" });
    expect(e.throttled).toBe(false);
    expect(e.verdict).toBe("near");
    expect(e.notes).toContain("entitlement-allocation");
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
    expect(estimateBudget({ recordsPerRun: 1, runsPerDay: 1, batchSize: 1 }).checks.map((c) => c.id)).not.toContain(
      "execution-time-per-5-min",
    );
  });

  it("marks each invalid field with its own reason and never gives a green verdict while any is invalid", () => {
    const e = estimateBudget({ recordsPerRun: Number.NaN, runsPerDay: -3, batchSize: 0, requestMs: 1e308, parallelism: 2 });
    expect(e.invalid).toEqual({ recordsPerRun: "not-a-number", runsPerDay: "negative", batchSize: "below-one", requestMs: "too-large" });
    expect(e.notes).toEqual(expect.arrayContaining(["invalid-input", "no-load"]));
    expect(e.requestsPer5Min).toBe(0);
    expect(e.checks.every((c) => Number.isFinite(c.ratio) && Number.isFinite(c.projected))).toBe(true);
    expect(e.verdict).toBe("invalid");
    // One bad optional field is enough to withhold the verdict, even when the rest is comfortably fine.
    expect(estimateBudget({ recordsPerRun: 10, runsPerDay: 1, batchSize: 1, userLicences: -1 }).verdict).toBe("invalid");
    expect(estimateBudget({ recordsPerRun: 10, runsPerDay: 1, batchSize: 1 }).verdict).toBe("ok");
  });

  it("reads typed text per field: empty, words, hex, negative and overflow each get their own error", () => {
    expect(parseBudgetField("recordsPerRun", "")).toEqual({ error: "empty" });
    expect(parseBudgetField("requestMs", "  ")).toEqual({});
    expect(parseBudgetField("recordsPerRun", "ten")).toEqual({ error: "not-a-number" });
    expect(parseBudgetField("recordsPerRun", "0x10")).toEqual({ error: "not-a-number" });
    expect(parseBudgetField("recordsPerRun", "-5")).toEqual({ error: "negative" });
    expect(parseBudgetField("recordsPerRun", "1e308")).toEqual({ error: "too-large" });
    expect(parseBudgetField("batchSize", "0")).toEqual({ error: "below-one" });
    expect(parseBudgetField("recordsPerRun", " 2500 ")).toEqual({ value: 2500 });
    expect(parseBudgetField("requestMs", "12.5")).toEqual({ value: 12.5 });
  });

  it("respects the execution-time limit in the minimum run length: 5 min × max(requests / 6000, requests × ms / 1,200,000)", () => {
    // 6,000 requests at 400 ms: 2,400,000 ms of server time, twice the 1,200,000 ms per window.
    const e = estimateBudget({ recordsPerRun: 6000, runsPerDay: 1, batchSize: 1, requestMs: 400, parallelism: 52, runMinutes: 60 });
    expect(e.minRunMinutes).toBeCloseTo(10, 5);
    const countBound = estimateBudget({ recordsPerRun: 12_000, runsPerDay: 1, batchSize: 1, requestMs: 10 });
    expect(countBound.minRunMinutes).toBeCloseTo(10, 5);
  });

  it("caps the peak by physics and says when a run cannot finish in its window", () => {
    // One request at a time, 500 ms each: at most 600 requests per 5 minutes, whatever the run length claims.
    const slow = estimateBudget({ recordsPerRun: 100_000, runsPerDay: 1, batchSize: 1, requestMs: 500, parallelism: 1 });
    expect(slow.requestsPer5Min).toBe(600);
    expect(slow.shortestRunMinutes).toBeCloseTo(833.33, 1);
    // 24 runs a day leave 60 minutes per run: 833 minutes do not fit.
    const hourly = estimateBudget({ recordsPerRun: 100_000, runsPerDay: 24, batchSize: 1, requestMs: 500, parallelism: 1 });
    expect(hourly.cannotFinish).toBe(true);
    expect(hourly.verdict).toBe("cannot-finish");
    expect(hourly.notes).toContain("cannot-finish");
    // With 40 parallel requests it finishes in about 21 minutes and is then limited by service protection instead.
    const parallel = estimateBudget({ recordsPerRun: 100_000, runsPerDay: 24, batchSize: 1, requestMs: 500, parallelism: 40 });
    expect(parallel.cannotFinish).toBe(false);
    expect(parallel.verdict).toBe("throttled");
  });

  it("measures finance and operations patterns against their own facts, not Dataverse's budget", () => {
    expect(budgetScope(getPatternMeta("odata"))).toBe("finance-operations");
    expect(budgetScope(getPatternMeta("dmf-package-api"))).toBe("finance-operations");
    expect(budgetScope(getPatternMeta("dual-write"))).toBe("finance-operations");
    expect(budgetScope(getPatternMeta("canvas-apps"))).toBe("dataverse");
    expect(budgetScope(getPatternMeta("power-automate"))).toBe("dataverse");
    expect(budgetScope(getPatternMeta("consume-web-services"))).toBe("none");
    expect(budgetScope(undefined)).toBe("dataverse");
  });

  it("computes entitlement allowances from the documented figures", () => {
    expect(entitlementAllowance("per-app-user")).toBe(6000);
    expect(entitlementAllowance("power-automate-flow")).toBe(250_000);
    expect(entitlementAllowance("application-user", 100)).toBe(1_000_000);
    expect(entitlementAllowance("application-user", 10_000)).toBe(10_000_000);
    expect(entitlementAllowance("licensed-user", 0, 2)).toBe(140_000);
  });
});
