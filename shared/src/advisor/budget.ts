/**
 * Throttling-budget estimate: from records per run, runs per day and batch size, project the requests a
 * design sends per 5-minute window and per 24 hours, and compare them with Dataverse service-protection
 * and entitlement limits (numbers in limits.ts, with sources).
 *
 * Assumptions, stated so the UI can show them: one identity sends all requests and they reach one web
 * server (trial environments have one; the limits apply per user and per web server), requests of a
 * run are spread evenly over its duration, and a batch counts as one request for service protection
 * but each operation inside it counts for entitlement (PA api-limits.md: "Entitlement still counts
 * every CRUD operation inside a batch").
 */
import { DATAVERSE_ENTITLEMENT, DATAVERSE_SERVICE_PROTECTION } from "./limits";

/** Who sends the requests, which decides the 24-hour allowance. */
export type BudgetIdentity = "licensed-user" | "per-app-user" | "application-user" | "power-automate-flow";
export const BUDGET_IDENTITIES: readonly BudgetIdentity[] = ["application-user", "licensed-user", "per-app-user", "power-automate-flow"];

export interface BudgetInput {
  recordsPerRun: number;
  runsPerDay: number;
  /** Operations per request: 1 sends one request per record. */
  batchSize: number;
  /** How long one run lasts, in minutes. Default: 5 (a whole run lands in one window: the worst case). */
  runMinutes?: number;
  identity?: BudgetIdentity;
  /** Paid user licences in the tenant: each adds to the application-user pool. */
  userLicences?: number;
  /** Purchased capacity add-ons (50,000 requests per 24 h each). */
  capacityAddOns?: number;
  /** Average server time per request in milliseconds, if known. */
  requestMs?: number;
  /** Requests sent in parallel. Default 1. */
  parallelism?: number;
}

export type BudgetCheckId = "requests-per-5-min" | "execution-time-per-5-min" | "concurrent-requests" | "entitlement-per-24-h";
export type BudgetStatus = "ok" | "near" | "over";

export interface BudgetCheck {
  id: BudgetCheckId;
  projected: number;
  limit: number;
  /** projected / limit */
  ratio: number;
  status: BudgetStatus;
}

/** Codes for notes about the input; the control localizes them as `Budget_<code>`. */
export type BudgetNote = "batch-too-large" | "batch-above-start" | "invalid-input" | "no-load";

export interface BudgetEstimate {
  effectiveBatchSize: number;
  requestsPerRun: number;
  requestsPer5Min: number;
  requestsPer24h: number;
  operationsPer24h: number;
  entitlementLimit: number;
  checks: BudgetCheck[];
  /** True when any check is over its limit: the design would be throttled or run out of entitlement. */
  throttled: boolean;
  /** Shortest run duration (minutes) that keeps one run under the 5-minute request limit. */
  minRunMinutes: number;
  notes: BudgetNote[];
}

/** Share of a limit from which a check is reported as "near". */
export const BUDGET_NEAR_RATIO = 0.8;
const WINDOW_MINUTES = DATAVERSE_SERVICE_PROTECTION.windowSeconds / 60;
const MINUTES_PER_DAY = 24 * 60;

function clean(value: number | undefined, fallback: number, notes: BudgetNote[]): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    if (!notes.includes("invalid-input")) notes.push("invalid-input");
    return fallback;
  }
  return value;
}

/** The 24-hour request allowance of an identity (PP api-request-limits-allocations.md). */
export function entitlementAllowance(identity: BudgetIdentity, userLicences = 0, capacityAddOns = 0): number {
  let base: number;
  switch (identity) {
    case "licensed-user":
      base = DATAVERSE_ENTITLEMENT.paidLicence;
      break;
    case "per-app-user":
      base = DATAVERSE_ENTITLEMENT.perAppLicence;
      break;
    case "power-automate-flow":
      base = DATAVERSE_ENTITLEMENT.powerAutomatePerFlow;
      break;
    default:
      base = Math.min(
        DATAVERSE_ENTITLEMENT.tenantPoolMax,
        DATAVERSE_ENTITLEMENT.tenantPoolBase + DATAVERSE_ENTITLEMENT.tenantPoolPerUserLicence * Math.floor(userLicences),
      );
  }
  return base + DATAVERSE_ENTITLEMENT.capacityAddOn * Math.floor(capacityAddOns);
}

function check(id: BudgetCheckId, projected: number, limit: number): BudgetCheck {
  const ratio = limit > 0 ? projected / limit : 0;
  const status: BudgetStatus = ratio > 1 ? "over" : ratio >= BUDGET_NEAR_RATIO ? "near" : "ok";
  return { id, projected, limit, ratio, status };
}

export function estimateBudget(input: BudgetInput): BudgetEstimate {
  const notes: BudgetNote[] = [];
  const records = Math.floor(clean(input.recordsPerRun, 0, notes));
  const runs = clean(input.runsPerDay, 0, notes);
  let batch = Math.floor(clean(input.batchSize, 1, notes));
  if (batch < 1) {
    if (!notes.includes("invalid-input")) notes.push("invalid-input");
    batch = 1;
  }
  if (batch > DATAVERSE_SERVICE_PROTECTION.maxBatchOperations) {
    notes.push("batch-too-large");
    batch = DATAVERSE_SERVICE_PROTECTION.maxBatchOperations;
  } else if (batch > DATAVERSE_SERVICE_PROTECTION.recommendedBatchStart) {
    notes.push("batch-above-start");
  }
  const runMinutes = Math.max(clean(input.runMinutes, WINDOW_MINUTES, notes), 0.001);
  const parallelism = Math.max(1, Math.floor(clean(input.parallelism, 1, notes)));
  const requestMs = input.requestMs === undefined ? undefined : clean(input.requestMs, 0, notes);
  const userLicences = clean(input.userLicences, 0, notes);
  const addOns = clean(input.capacityAddOns, 0, notes);
  const identity = input.identity ?? "application-user";

  const requestsPerRun = Math.ceil(records / batch);
  const requestsPer24h = requestsPerRun * runs;
  const operationsPer24h = records * runs;
  // Peak window: a run's share of one window, or the daily average when runs overlap windows.
  const fromOneRun = runs > 0 ? requestsPerRun * Math.min(1, WINDOW_MINUTES / runMinutes) : 0;
  const averagePerWindow = (requestsPer24h * WINDOW_MINUTES) / MINUTES_PER_DAY;
  const requestsPer5Min = Math.ceil(Math.max(fromOneRun, averagePerWindow));
  const entitlementLimit = entitlementAllowance(identity, userLicences, addOns);

  const checks: BudgetCheck[] = [check("requests-per-5-min", requestsPer5Min, DATAVERSE_SERVICE_PROTECTION.requestsPerWindow)];
  if (requestMs !== undefined) {
    checks.push(check("execution-time-per-5-min", Math.round(requestsPer5Min * requestMs), DATAVERSE_SERVICE_PROTECTION.executionMsPerWindow));
  }
  checks.push(check("concurrent-requests", parallelism, DATAVERSE_SERVICE_PROTECTION.concurrentRequests));
  checks.push(check("entitlement-per-24-h", operationsPer24h, entitlementLimit));

  if (records === 0 || runs === 0) notes.push("no-load");
  const minRunMinutes = (requestsPerRun / DATAVERSE_SERVICE_PROTECTION.requestsPerWindow) * WINDOW_MINUTES;

  return {
    effectiveBatchSize: batch,
    requestsPerRun,
    requestsPer5Min,
    requestsPer24h,
    operationsPer24h,
    entitlementLimit,
    checks,
    throttled: checks.some((c) => c.status === "over"),
    minRunMinutes,
    notes,
  };
}
