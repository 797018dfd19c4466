import { serviceProtectionLimits } from "./limits";

/**
 * Tells apart the ways a Dataverse request can fail, whatever shape the error arrives in.
 * `context.webAPI` rejects with an object whose `errorCode` is the unsigned decimal of the hex code
 * (0x80072322 arrives as 2147951394), with no HTTP status and no Retry-After
 * (learn.microsoft.com/power-apps/developer/component-framework/reference/webapi/retrievemultiplerecords);
 * the SDK uses the signed form (-2147015902) and the Web API body the hex string.
 */

/** A 32-bit code in every form we meet: signed decimal, unsigned decimal and hex. */
interface ErrorCodeForms {
  signed: number;
  unsigned: number;
  hex: string;
}

export function errorCodeForms(signed: number): ErrorCodeForms {
  const unsigned = signed >>> 0;
  return { signed: unsigned | 0, unsigned, hex: `0x${unsigned.toString(16).padStart(8, "0")}` };
}

/** The three service-protection errors. Source: learn.microsoft.com/power-apps/developer/data-platform/api-limits */
export const SERVICE_PROTECTION_CODES: readonly ErrorCodeForms[] = Object.freeze([
  errorCodeForms(serviceProtectionLimits.requests.sdkErrorCode),
  errorCodeForms(serviceProtectionLimits.executionTime.sdkErrorCode),
  errorCodeForms(serviceProtectionLimits.concurrency.sdkErrorCode),
]);

/**
 * "Principal user is missing a privilege" (PrivilegeDenied, 0x80040220).
 * Source: learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes
 */
const PRIVILEGE_DENIED_CODE: ErrorCodeForms = errorCodeForms(-2147220960);

/** The first sentence of each service-protection message, for errors that carry only text (api-limits). */
const THROTTLE_TEXT = [
  /number of requests exceeded the limit/i,
  /combined execution time of incoming requests exceeded/i,
  /number of concurrent requests exceeded/i,
];

/** HTTP statuses we act on. Source: RFC 9110 §15 and RFC 6585 §4 (429). */
export const HTTP_UNAUTHORIZED = 401;
const HTTP_FORBIDDEN = 403;
export const HTTP_TOO_MANY_REQUESTS = 429;
const HTTP_SERVER_ERROR_MIN = 500;

/** Reads a code in any of its forms into an unsigned 32-bit number; undefined when it is not one. */
export function normalizeErrorCode(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= -0x80000000 && value <= 0xffffffff ? value >>> 0 : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return parseInt(text.slice(2), 16) >>> 0;
  if (/^[0-9a-f]{8}$/i.test(text) && /[a-f]/i.test(text)) return parseInt(text, 16) >>> 0;
  if (/^-?\d{1,10}$/.test(text)) return normalizeErrorCode(Number(text));
  return undefined;
}

type FailureKind = "throttled" | "forbidden" | "unauthorized" | "server" | "network" | "timeout" | "other";

interface ClassifiedFailure {
  kind: FailureKind;
  /** Seconds or date from a Retry-After the error carried, when it carried one. */
  retryAfter?: string;
  /** The error's own text, for details; never shown instead of our message. */
  detail?: string;
}

type Loose = Record<string, unknown>;

function field(error: Loose, ...names: string[]): unknown {
  for (const name of names) {
    const v = error[name];
    if (v !== undefined && v !== null) return v;
  }
  return undefined;
}

function codesOf(error: Loose): number[] {
  const codes: number[] = [];
  for (const v of [field(error, "errorCode"), field(error, "code"), field(error, "hresult", "HResult")]) {
    const n = normalizeErrorCode(v);
    if (n !== undefined) codes.push(n);
  }
  const inner = field(error, "innerError", "innererror", "error");
  if (inner !== null && typeof inner === "object" && inner !== error) {
    for (const v of [(inner as Loose).errorCode, (inner as Loose).code]) {
      const n = normalizeErrorCode(v);
      if (n !== undefined) codes.push(n);
    }
  }
  return codes;
}

function statusOf(error: Loose): number | undefined {
  const v = field(error, "status", "statusCode", "httpStatusCode");
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

function textOf(error: unknown): string | undefined {
  if (typeof error === "string") return error;
  if (error !== null && typeof error === "object") {
    const m = (error as Loose).message;
    if (typeof m === "string") return m;
  }
  return undefined;
}

/** True when the error is any of the three service-protection errors or an HTTP 429, in any form. */
export function isServiceProtectionError(error: unknown): boolean {
  return classifyFailure(error).kind === "throttled";
}

/** Sorts an error from webAPI or fetch into what the panel does about it. */
export function classifyFailure(error: unknown): ClassifiedFailure {
  const detail = textOf(error);
  if (error === null || error === undefined) return { kind: "other" };
  if (typeof error !== "object") {
    return detail !== undefined && THROTTLE_TEXT.some((r) => r.test(detail)) ? { kind: "throttled", detail } : { kind: "other", detail };
  }
  const e = error as Loose;
  if (e.name === "AbortError" || e.name === "TimeoutError") return { kind: "timeout", detail };
  const codes = codesOf(e);
  const status = statusOf(e);
  const retryAfter = field(e, "retryAfter", "Retry-After");
  if (
    status === HTTP_TOO_MANY_REQUESTS ||
    codes.some((c) => SERVICE_PROTECTION_CODES.some((s) => s.unsigned === c)) ||
    (detail !== undefined && THROTTLE_TEXT.some((r) => r.test(detail)))
  ) {
    const result: ClassifiedFailure = { kind: "throttled", detail };
    if (typeof retryAfter === "string" || typeof retryAfter === "number") result.retryAfter = String(retryAfter);
    return result;
  }
  if (status === HTTP_FORBIDDEN || codes.includes(PRIVILEGE_DENIED_CODE.unsigned)) return { kind: "forbidden", detail };
  if (status === HTTP_UNAUTHORIZED) return { kind: "unauthorized", detail };
  if (status !== undefined && status >= HTTP_SERVER_ERROR_MIN) return { kind: "server", detail };
  // fetch rejects with a TypeError when the network fails.
  if (e.name === "TypeError" || (detail !== undefined && /network|failed to fetch|load failed/i.test(detail)))
    return { kind: "network", detail };
  return { kind: "other", detail };
}
