/**
 * `Retry-After` parsing (RFC 9110 section 10.2.3): either delta-seconds (`120`) or an HTTP-date in any
 * of the three formats a recipient must accept (IMF-fixdate, obsolete RFC 850, ANSI C asctime).
 */

/**
 * Longest wait we ever honour: one hour. Dataverse documents waits that grow with the load of the
 * previous 5 minutes but no upper bound; a longer value is more likely a bad header than a real
 * instruction, and the panel should not look frozen for longer than that.
 */
export const MAX_RETRY_AFTER_MS = 3_600_000;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const SHORT_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

// Sun, 06 Nov 1994 08:49:37 GMT
const IMF_FIXDATE = /^([A-Za-z]{3}), (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sunday, 06-Nov-94 08:49:37 GMT
const RFC850_DATE = /^([A-Za-z]{6,9}), (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
// Sun Nov  6 08:49:37 1994
const ASCTIME_DATE = /^([A-Za-z]{3}) ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function clampDelay(ms: number): number {
  if (ms <= 0) return 0;
  return ms > MAX_RETRY_AFTER_MS ? MAX_RETRY_AFTER_MS : ms;
}

function buildUtc(year: number, monthName: string, day: number, h: number, m: number, s: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || h > 23 || m > 59 || s > 60 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  // A leap second (60) is legal in the grammar; treat it as the next second.
  return Date.UTC(year, month, day, h, m, 0) + s * 1000;
}

/** Parses an HTTP-date; undefined when it is not one of the three RFC 9110 formats. */
function parseHttpDate(value: string, now: Date): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m) {
    if (!SHORT_DAYS.includes(m[1].toLowerCase())) return undefined;
    return buildUtc(Number(m[4]), m[3], Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = RFC850_DATE.exec(value);
  if (m) {
    if (!LONG_DAYS.includes(m[1].toLowerCase())) return undefined;
    // RFC 9110: a two-digit year that looks more than 50 years in the future is the most recent
    // past year with the same last two digits.
    const yy = Number(m[4]);
    const thisYear = now.getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return buildUtc(year, m[3], Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = ASCTIME_DATE.exec(value);
  if (m) {
    if (!SHORT_DAYS.includes(m[1].toLowerCase())) return undefined;
    return buildUtc(Number(m[7]), m[2], Number(m[3].trim()), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  return undefined;
}

/**
 * Milliseconds to wait before the next request, from a `Retry-After` value.
 * - `undefined` when the value is missing or malformed (the caller then falls back to backoff);
 * - never negative: a date in the past means "now" (0);
 * - never more than {@link MAX_RETRY_AFTER_MS}.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0) return undefined;
  if (/^\d+$/.test(trimmed)) {
    // Long digit strings overflow to huge numbers, which the cap handles; they never become NaN.
    return clampDelay(Number(trimmed) * 1000);
  }
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) return undefined;
  const at = parseHttpDate(trimmed, now);
  if (at === undefined || !Number.isFinite(at)) return undefined;
  return clampDelay(at - nowMs);
}
