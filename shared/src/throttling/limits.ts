/**
 * Dataverse service protection defaults and the F&O priority levels.
 * Numbers come from Microsoft's documentation; each one carries its source.
 */

/** One service-protection limit with the error codes Dataverse returns when it is exceeded. */
interface ServiceProtectionLimit {
  /** Default limit per user per web server (may differ per environment). */
  limit: number;
  unit: "requests" | "milliseconds" | "concurrent requests";
  /** Organization service fault code (SDK). */
  sdkErrorCode: number;
  /** The same code as the Web API reports it. */
  webApiErrorCode: string;
}

interface ServiceProtectionLimits {
  /** Sliding window, in seconds, over which requests and execution time are counted. */
  windowSeconds: number;
  requests: ServiceProtectionLimit;
  executionTime: ServiceProtectionLimit;
  concurrency: ServiceProtectionLimit;
  /** The limits are evaluated per user and each web server enforces them on its own. */
  scope: "per user per web server";
  /** HTTP status the Web API answers with when any limit is hit. */
  httpStatus: 429;
  sources: readonly string[];
}

export const serviceProtectionLimits: ServiceProtectionLimits = Object.freeze({
  // Source: MicrosoftDocs/powerapps-docs developer/data-platform/api-limits.md (01/31/2023)
  windowSeconds: 300,
  requests: Object.freeze({ limit: 6000, unit: "requests", sdkErrorCode: -2147015902, webApiErrorCode: "0x80072322" }),
  executionTime: Object.freeze({ limit: 1_200_000, unit: "milliseconds", sdkErrorCode: -2147015903, webApiErrorCode: "0x80072321" }),
  concurrency: Object.freeze({ limit: 52, unit: "concurrent requests", sdkErrorCode: -2147015898, webApiErrorCode: "0x80072326" }),
  scope: "per user per web server",
  httpStatus: 429,
  sources: Object.freeze([
    "MicrosoftDocs/powerapps-docs: developer/data-platform/api-limits.md",
    "MicrosoftDocs/powerapps-docs: developer/data-platform/send-parallel-requests.md (x-ms-dop-hint)",
    "MicrosoftDocs/dynamics-365-unified-operations-public: data-entities/priority-based-throttling.md",
  ]),
});

/** Response headers Dataverse adds for debugging; they are per web server. Source: api-limits.md. */
export const rateLimitHeaderNames = Object.freeze({
  burstRemaining: "x-ms-ratelimit-burst-remaining-xrm-requests",
  timeRemaining: "x-ms-ratelimit-time-remaining-xrm-requests",
  dopHint: "x-ms-dop-hint",
});

/**
 * Finance and operations throttling priorities. Lower priority means a lower threshold, so Low is
 * throttled first. Source: dynamics-365-unified-operations-public priority-based-throttling.md (08/25/2022).
 */
export type ThrottlingPriority = "Low" | "Medium" | "High";

/**
 * Share of web-server resources at which our simulator starts throttling each priority.
 * Microsoft publishes only the order (Low before Medium before High), not the thresholds:
 * these numbers are our illustrative model, used by the simulator and the priority table.
 */
export const priorityThrottleThresholds: Readonly<Record<ThrottlingPriority, number>> = Object.freeze({
  Low: 0.75,
  Medium: 0.85,
  High: 0.95,
});
