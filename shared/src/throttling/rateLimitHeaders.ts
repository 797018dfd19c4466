import { rateLimitHeaderNames } from "./limits";

/**
 * Dataverse's rate-limit response headers, parsed. They describe one web server only and Microsoft
 * says they are meant for debugging (api-limits.md), so the panel shows them with that caveat.
 */
export interface RateLimitHeaders {
  /** Requests left in the current window for this connection. */
  burstRemaining?: number;
  /** Combined execution time left, in seconds (sent as e.g. `1,200.00`). */
  timeRemainingSeconds?: number;
  /** Recommended degree of parallelism. */
  dopHint?: number;
}

type HeaderSource = Headers | Record<string, string>;

function isHeaders(source: HeaderSource): source is Headers {
  return typeof (source as { get?: unknown }).get === "function";
}

/** Case-insensitive header lookup over a Fetch `Headers` object or a plain record. */
export function readHeader(source: HeaderSource | null | undefined, name: string): string | undefined {
  if (source === null || source === undefined || typeof source !== "object") return undefined;
  try {
    if (isHeaders(source)) {
      const v = source.get(name);
      return typeof v === "string" ? v : undefined;
    }
    const wanted = name.toLowerCase();
    for (const key of Object.keys(source)) {
      if (key.toLowerCase() === wanted) {
        const v: unknown = source[key];
        if (typeof v === "string") return v;
      }
    }
  } catch {
    // A hostile object (throwing getter) is treated as "no header".
  }
  return undefined;
}

// Plain digits, or digits grouped by thousands with commas (Microsoft's examples use `1,200.00`).
const INTEGER = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;
const DECIMAL = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?$/;

function parseNumber(raw: string | undefined, pattern: RegExp): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (!pattern.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** Parses the three headers; a missing or malformed header is simply left out (never NaN). */
export function parseRateLimitHeaders(headers: HeaderSource | null | undefined): RateLimitHeaders {
  const result: RateLimitHeaders = {};
  const burst = parseNumber(readHeader(headers, rateLimitHeaderNames.burstRemaining), INTEGER);
  if (burst !== undefined && Number.isSafeInteger(burst)) result.burstRemaining = burst;
  const time = parseNumber(readHeader(headers, rateLimitHeaderNames.timeRemaining), DECIMAL);
  if (time !== undefined) result.timeRemainingSeconds = time;
  const dop = parseNumber(readHeader(headers, rateLimitHeaderNames.dopHint), INTEGER);
  if (dop !== undefined && dop >= 1 && Number.isSafeInteger(dop)) result.dopHint = dop;
  return result;
}
