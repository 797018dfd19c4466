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

export interface EndpointDelivery {
  name: string;
  kind: EndpointKind;
  succeeded: number;
  failed: number;
  waiting: number;
  retried: number;
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

/** Used share of each Dataverse limit; undefined when the source cannot tell. */
export interface Headroom {
  requestsUsed?: number;
  executionUsedMs?: number;
  concurrentUsed?: number;
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
}

export type HeadroomLevel = "ok" | "warning" | "critical";

/** Thresholds for the gauges: warn at 70 % used, critical at 90 %. Our choice, not a Microsoft number. */
export const HEADROOM_WARNING = 0.7;
export const HEADROOM_CRITICAL = 0.9;

export function headroomLevel(usedFraction: number): HeadroomLevel {
  if (!(usedFraction < HEADROOM_CRITICAL)) return "critical";
  return usedFraction < HEADROOM_WARNING ? "ok" : "warning";
}

/** Headroom from the rate-limit headers of one response (per web server; for debugging only). */
export function headroomFromHeaders(headers: RateLimitHeaders): Headroom {
  const h: Headroom = {};
  if (headers.burstRemaining !== undefined) h.requestsUsed = Math.max(0, serviceProtectionLimits.requests.limit - headers.burstRemaining);
  if (headers.timeRemainingSeconds !== undefined) {
    h.executionUsedMs = Math.max(0, serviceProtectionLimits.executionTime.limit - headers.timeRemainingSeconds * 1000);
  }
  return h;
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
