/**
 * Throttling-budget estimate: from records per run, runs per day and batch size, project the requests a
 * design sends per 5-minute window and per 24 hours, and compare them with Dataverse service-protection
 * limits and the documented request allocations (numbers in limits.ts, with sources).
 *
 * Assumptions, stated so the UI can show them: one identity sends all requests and they reach one web
 * server (trial environments have one; the limits apply per user and per web server), requests of a
 * run are spread evenly over its duration, and a batch counts as one request for service protection
 * but each operation inside it counts for entitlement (PA api-limits.md: "Entitlement still counts
 * every CRUD operation inside a batch").
 *
 * Finance and operations patterns are not measured against these Dataverse numbers: their limits are
 * resource-based and priority-based (`budgetScope`), so the control shows those facts instead.
 */
import { DATAVERSE_ENTITLEMENT, DATAVERSE_SERVICE_PROTECTION } from "./limits";
import type { IntegrationPattern } from "./types";

/** Who sends the requests, which decides the 24-hour allocation. */
export type BudgetIdentity = "licensed-user" | "per-app-user" | "application-user" | "power-automate-flow";
export const BUDGET_IDENTITIES: readonly BudgetIdentity[] = ["application-user", "licensed-user", "per-app-user", "power-automate-flow"];

export interface BudgetInput {
  recordsPerRun: number;
  runsPerDay: number;
  /** Operations per request: 1 sends one request per record. */
  batchSize: number;
  /** How long one run may last, in minutes. Default: 5 (a whole run lands in one window: the worst case). */
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

export type BudgetField = Exclude<keyof BudgetInput, "identity">;
export const BUDGET_FIELDS: readonly BudgetField[] = [
  "recordsPerRun",
  "runsPerDay",
  "batchSize",
  "runMinutes",
  "parallelism",
  "requestMs",
  "userLicences",
  "capacityAddOns",
];
const REQUIRED_BUDGET_FIELDS: readonly BudgetField[] = ["recordsPerRun", "runsPerDay", "batchSize"];

/** Why a field's value cannot be used; the control shows `Budget_Invalid_<error>` on that field. */
export type BudgetFieldError = "empty" | "not-a-number" | "negative" | "too-large" | "below-one";

/** The largest value any field accepts: beyond it the arithmetic stops meaning anything (1e308 would overflow). */
export const BUDGET_FIELD_MAX = 1e9;

export type BudgetCheckId = "requests-per-5-min" | "execution-time-per-5-min" | "concurrent-requests" | "entitlement-per-24-h";
/** `above-allocation`: over the documented allocation, which is not enforced yet (a warning, never throttling). */
export type BudgetStatus = "ok" | "near" | "over" | "above-allocation";
/** The headline: never "ok" while any input is invalid. */
export type BudgetVerdict = "invalid" | "cannot-finish" | "throttled" | "near" | "ok";

interface BudgetCheck {
  id: BudgetCheckId;
  projected: number;
  limit: number;
  /** projected / limit */
  ratio: number;
  status: BudgetStatus;
}

/** Codes for notes about the input; the control localizes them as `Budget_Note_<code>`. */
type BudgetNote = "batch-too-large" | "batch-above-start" | "invalid-input" | "no-load" | "cannot-finish" | "entitlement-allocation";

export interface BudgetEstimate {
  effectiveBatchSize: number;
  requestsPerRun: number;
  requestsPer5Min: number;
  requestsPer24h: number;
  operationsPer24h: number;
  entitlementLimit: number;
  checks: BudgetCheck[];
  /** True when a service-protection check is over its limit (the allocation check never sets it). */
  throttled: boolean;
  /** Shortest run (minutes) that keeps one run under both the request and the execution-time limit. */
  minRunMinutes: number;
  /** Shortest run physics allows: requests ÷ (parallelism ÷ latency); undefined without a latency. */
  shortestRunMinutes?: number;
  /** The time one run has: the given run length, or the time between runs. */
  windowMinutes?: number;
  /** The run cannot finish in its window even without throttling. */
  cannotFinish: boolean;
  /** Fields whose value was not usable, with why; they fall back to a neutral value in the arithmetic. */
  invalid: Partial<Record<BudgetField, BudgetFieldError>>;
  verdict: BudgetVerdict;
  notes: BudgetNote[];
}

/** Share of a limit from which a check is reported as "near". */
const BUDGET_NEAR_RATIO = 0.8;
const WINDOW_MINUTES = DATAVERSE_SERVICE_PROTECTION.windowSeconds / 60;
const MINUTES_PER_DAY = 24 * 60;

/** Why a number cannot be used in a field, or undefined when it can. */
function budgetFieldError(field: BudgetField, value: number): BudgetFieldError | undefined {
  if (typeof value !== "number" || Number.isNaN(value)) return "not-a-number";
  if (value < 0) return "negative";
  if (!Number.isFinite(value) || value > BUDGET_FIELD_MAX) return "too-large";
  if ((field === "batchSize" || field === "parallelism") && value < 1) return "below-one";
  return undefined;
}

/** Reads what a user typed into a field. Empty text is an error for required fields, "use the default" for the others. */
export function parseBudgetField(field: BudgetField, raw: string): { value?: number; error?: BudgetFieldError } {
  const text = raw.trim();
  if (text === "") return REQUIRED_BUDGET_FIELDS.includes(field) ? { error: "empty" } : {};
  // Number("") and Number(" ") are 0, Number("0x10") is 16: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return { error: "not-a-number" };
  const value = Number(text);
  const error = budgetFieldError(field, value);
  return error ? { error } : { value };
}

/** The 24-hour request allocation of an identity (PP api-request-limits-allocations.md). */
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

function check(id: BudgetCheckId, projected: number, limit: number, advisory = false): BudgetCheck {
  const ratio = limit > 0 ? projected / limit : 0;
  const status: BudgetStatus = ratio > 1 ? (advisory ? "above-allocation" : "over") : ratio >= BUDGET_NEAR_RATIO ? "near" : "ok";
  return { id, projected, limit, ratio, status };
}

export function estimateBudget(input: BudgetInput): BudgetEstimate {
  const notes: BudgetNote[] = [];
  const invalid: BudgetEstimate["invalid"] = {};
  const read = (field: BudgetField, fallback: number): number => {
    const v = input[field];
    if (v === undefined) return fallback;
    const error = budgetFieldError(field, v);
    if (error) {
      invalid[field] = error;
      return fallback;
    }
    return v;
  };
  const records = Math.floor(read("recordsPerRun", 0));
  const runs = read("runsPerDay", 0);
  let batch = Math.floor(read("batchSize", 1));
  if (batch > DATAVERSE_SERVICE_PROTECTION.maxBatchOperations) {
    notes.push("batch-too-large");
    batch = DATAVERSE_SERVICE_PROTECTION.maxBatchOperations;
  } else if (batch > DATAVERSE_SERVICE_PROTECTION.recommendedBatchStart) {
    notes.push("batch-above-start");
  }
  const givenRunMinutes = input.runMinutes === undefined ? undefined : read("runMinutes", WINDOW_MINUTES);
  const runMinutes = Math.max(givenRunMinutes ?? WINDOW_MINUTES, 0.001);
  const parallelism = Math.floor(read("parallelism", 1));
  const requestMs = input.requestMs === undefined ? undefined : read("requestMs", 0);
  const userLicences = read("userLicences", 0);
  const addOns = read("capacityAddOns", 0);
  const identity = input.identity ?? "application-user";
  if (Object.keys(invalid).length > 0) notes.push("invalid-input");

  const requestsPerRun = Math.ceil(records / batch);
  const requestsPer24h = requestsPerRun * runs;
  const operationsPer24h = records * runs;

  // Physics: `parallelism` requests in flight, each taking `requestMs`, is the fastest a run can go.
  const requestsPerMinuteMax = requestMs !== undefined && requestMs > 0 ? (parallelism * 60_000) / requestMs : Infinity;
  const shortestRunMinutes = Number.isFinite(requestsPerMinuteMax) ? requestsPerRun / requestsPerMinuteMax : undefined;
  const effectiveRunMinutes = Math.max(runMinutes, shortestRunMinutes ?? 0);
  // Peak window: a run's share of one window (never faster than physics allows), or the daily average when runs overlap windows.
  const fromOneRun = runs > 0 ? requestsPerRun * Math.min(1, WINDOW_MINUTES / effectiveRunMinutes) : 0;
  const averagePerWindow = (requestsPer24h * WINDOW_MINUTES) / MINUTES_PER_DAY;
  const requestsPer5Min = Math.ceil(Math.max(fromOneRun, averagePerWindow));
  const entitlementLimit = entitlementAllowance(identity, userLicences, addOns);

  const checks: BudgetCheck[] = [check("requests-per-5-min", requestsPer5Min, DATAVERSE_SERVICE_PROTECTION.requestsPerWindow)];
  if (requestMs !== undefined) {
    checks.push(
      check("execution-time-per-5-min", Math.round(requestsPer5Min * requestMs), DATAVERSE_SERVICE_PROTECTION.executionMsPerWindow),
    );
  }
  checks.push(check("concurrent-requests", parallelism, DATAVERSE_SERVICE_PROTECTION.concurrentRequests));
  // Allocations differ by licence type and high-usage enforcement is not active yet (PP api-request-limits-allocations.md): advisory.
  const entitlement = check("entitlement-per-24-h", operationsPer24h, entitlementLimit, true);
  checks.push(entitlement);
  if (entitlement.status === "above-allocation") notes.push("entitlement-allocation");

  if (records === 0 || runs === 0) notes.push("no-load");
  // 5 min × max(requests / 6000, requests × average ms / 1,200,000): both limits must hold in every window.
  const minRunMinutes =
    WINDOW_MINUTES *
    Math.max(
      requestsPerRun / DATAVERSE_SERVICE_PROTECTION.requestsPerWindow,
      requestMs !== undefined ? (requestsPerRun * requestMs) / DATAVERSE_SERVICE_PROTECTION.executionMsPerWindow : 0,
    );
  const windowMinutes = Math.min(givenRunMinutes ?? Infinity, runs > 0 ? MINUTES_PER_DAY / runs : Infinity);
  const cannotFinish = shortestRunMinutes !== undefined && Number.isFinite(windowMinutes) && shortestRunMinutes > windowMinutes;
  if (cannotFinish) notes.push("cannot-finish");

  const throttled = checks.some((c) => c.status === "over");
  const verdict: BudgetVerdict =
    Object.keys(invalid).length > 0
      ? "invalid"
      : cannotFinish
        ? "cannot-finish"
        : throttled
          ? "throttled"
          : checks.some((c) => c.status === "near" || c.status === "above-allocation")
            ? "near"
            : "ok";

  return {
    effectiveBatchSize: batch,
    requestsPerRun,
    requestsPer5Min,
    requestsPer24h,
    operationsPer24h,
    entitlementLimit,
    checks,
    throttled,
    minRunMinutes,
    shortestRunMinutes,
    windowMinutes: Number.isFinite(windowMinutes) ? windowMinutes : undefined,
    cannotFinish,
    invalid,
    verdict,
    notes,
  };
}

/**
 * Which limits apply to a pattern: Dataverse's service protection (the estimate above), finance and
 * operations' resource-based and priority-based throttling (no request budget to compute: show the
 * facts), or neither (the limits are the receiving service's).
 */
type BudgetScope = "dataverse" | "finance-operations" | "none";

export function budgetScope(pattern: Pick<IntegrationPattern, "throttlingFacts"> | undefined): BudgetScope {
  if (pattern === undefined) return "dataverse";
  const facts = pattern.throttlingFacts;
  if (facts.some((f) => f === "dataverse-service-protection" || f === "dataverse-entitlement")) return "dataverse";
  if (facts.some((f) => f === "fo-resource-based" || f === "fo-priority-based" || f === "fo-exempt")) return "finance-operations";
  return "none";
}
