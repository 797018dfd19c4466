import { serviceProtectionLimits } from "./limits";
import { RateLimitHeaders } from "./rateLimitHeaders";
import { FailureRecord } from "./aggregator";
import type { ThrottleReason } from "./simulator";

/** What the panel shows, whichever source produced it. Plain data: the UI renders it as is. */

export type EndpointKind = "webhook" | "serviceBusQueue" | "serviceBusTopic" | "eventHub" | "eventGrid" | "other";

/** serviceendpoint.contract -> kind. Source: powerapps-docs reference/entities/serviceendpoint.md. */
export function endpointKindFromContract(contract: unknown): EndpointKind {
  switch (contract) {
    case 8:
      return "webhook";
    case 2:
    case 6:
      return "serviceBusQueue";
    case 5:
      return "serviceBusTopic";
    case 7:
      return "eventHub";
    case 9:
      return "eventGrid";
    default:
      return "other";
  }
}

export interface ThrottledCall {
  id: string;
  source: string;
  reason: ThrottleReason | "http429";
  at: number;
  retryAt: number;
}

/** Delivery counts of one endpoint; `null` where the count cannot be known (see `unknown`). */
export interface EndpointDelivery {
  name: string;
  kind: EndpointKind;
  succeeded: number | null;
  failed: number | null;
  waiting: number | null;
  retried: number | null;
  /**
   * Why some counts are not known: steps that delete their successful jobs (`asyncautodelete`), or
   * synchronous steps, which create no system job at all (PA asynchronous-service.md, use-webhooks.md).
   */
  unknown?: "autoDelete" | "synchronous" | "notRead";
}

export interface SystemJobRow {
  id: string;
  name: string;
  endpoint: string;
  statecode: number;
  statuscode: number;
  message?: string;
  at: number;
  postponeUntil?: number;
}

/** One gauge: how much of a limit is used. */
export interface Gauge {
  used: number;
  limit: number;
  /**
   * The headers reported more left than the documented default, so this environment's limit is higher
   * than the default and known only to be at least `limit`: the UI then shows what is left, not a share.
   */
  limitIsLowerBound: boolean;
  remaining: number;
}

/** Each Dataverse limit; undefined when the source cannot tell. */
export interface Headroom {
  requests?: Gauge;
  executionMs?: Gauge;
  concurrent?: Gauge;
}

/** A section the user lacks the privilege to read: which table and which privilege. */
export interface SectionDenied {
  table: string;
  privilege: string;
}

/** Sections of the panel that read their own data (and can be denied on their own). */
export type PanelSectionName = "delivery" | "jobs" | "headroom";

/** A plain note about what the numbers leave out; `key` is a .resx key. */
export interface PanelNote {
  key: string;
  values?: Record<string, string | number>;
}

export interface PanelSnapshot {
  updatedAt: number;
  headroom: Headroom;
  headers?: RateLimitHeaders;
  series: { requests: number[]; throttled: number[] };
  throttledCalls: ThrottledCall[];
  endpoints: EndpointDelivery[];
  failures: FailureRecord[];
  jobs: SystemJobRow[];
  /** Rows from the server the panel could not read (left out, counted). */
  skippedRows: number;
  /** Sections the user may not read; the other sections still show their data. */
  denied?: Partial<Record<PanelSectionName, SectionDenied>>;
  /** What was left out (truncation) or cannot be seen (read depth), said plainly. */
  notes?: PanelNote[];
  /** The live source could not ask for rate-limit headers (no client URL): why, as a .resx key. */
  headroomUnavailable?: string;
}

type HeadroomLevel = "ok" | "warning" | "critical";

/** Thresholds for the gauges: warn at 70 % used, critical at 90 %. Our choice, not a Microsoft number. */
const HEADROOM_WARNING = 0.7;
const HEADROOM_CRITICAL = 0.9;

export function headroomLevel(usedFraction: number): HeadroomLevel {
  if (!(usedFraction < HEADROOM_CRITICAL)) return "critical";
  return usedFraction < HEADROOM_WARNING ? "ok" : "warning";
}

/** A gauge from a documented default limit, what is left, and the largest "left" seen so far. */
function gaugeFromRemaining(defaultLimit: number, remaining: number, largestSeen = 0): Gauge {
  const limit = Math.max(defaultLimit, remaining, largestSeen);
  return { used: Math.max(0, limit - remaining), limit, limitIsLowerBound: limit > defaultLimit, remaining: Math.max(0, remaining) };
}

/** A gauge of a known limit and what is used (the simulation knows both). */
export function gaugeFromUsed(limit: number, used: number): Gauge {
  return { used, limit, limitIsLowerBound: false, remaining: Math.max(0, limit - used) };
}

/** The largest values the headers reported so far: a lower bound of each limit in this environment. */
export interface ImpliedLimits {
  requests: number;
  executionMs: number;
}

/**
 * Headroom from the rate-limit headers of one response (per web server; for debugging only). An
 * environment may have higher limits than the defaults (api-limits.md): the largest remaining value
 * seen is then the best known lower bound of its limit.
 */
export function headroomFromHeaders(
  headers: RateLimitHeaders,
  seen: ImpliedLimits = { requests: 0, executionMs: 0 },
): { headroom: Headroom; seen: ImpliedLimits } {
  const h: Headroom = {};
  const next = { requests: seen.requests, executionMs: seen.executionMs };
  if (headers.burstRemaining !== undefined) {
    h.requests = gaugeFromRemaining(serviceProtectionLimits.requests.limit, headers.burstRemaining, seen.requests);
    next.requests = Math.max(seen.requests, headers.burstRemaining);
  }
  if (headers.timeRemainingSeconds !== undefined) {
    const remainingMs = headers.timeRemainingSeconds * 1000;
    h.executionMs = gaugeFromRemaining(serviceProtectionLimits.executionTime.limit, remainingMs, seen.executionMs);
    next.executionMs = Math.max(seen.executionMs, remainingMs);
  }
  return { headroom: h, seen: next };
}

export function emptySnapshot(now: number, buckets = 60): PanelSnapshot {
  return {
    updatedAt: now,
    headroom: {},
    series: { requests: new Array<number>(buckets).fill(0), throttled: new Array<number>(buckets).fill(0) },
    throttledCalls: [],
    endpoints: [],
    failures: [],
    jobs: [],
    skippedRows: 0,
  };
}
