import fc from "fast-check";
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from "@integrationkit/shared";

const NOW = new Date(Date.UTC(2026, 10, 27, 12, 0, 0));

describe("parseRetryAfter", () => {
  it("reads delta-seconds as milliseconds", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });

  it("reads the three HTTP-date formats of RFC 9110", () => {
    expect(parseRetryAfter("Fri, 27 Nov 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Friday, 27-Nov-26 12:01:00 GMT", NOW)).toBe(60_000);
    expect(parseRetryAfter("Fri Nov 27 12:00:05 2026", NOW)).toBe(5_000);
    expect(parseRetryAfter("Fri Nov  7 12:00:05 2026", new Date(Date.UTC(2026, 10, 7, 12, 0, 0)))).toBe(5_000);
  });

  it("gives 0 for a date in the past, never a negative wait", () => {
    expect(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", NOW)).toBe(0);
  });

  it("caps very long waits at the documented maximum", () => {
    expect(parseRetryAfter("86400", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("999999999999999999999999999", NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter("Fri, 27 Nov 2099 12:00:30 GMT", NOW)).toBe(MAX_RETRY_AFTER_MS);
  });

  it.each([
    null,
    undefined,
    "",
    "  ",
    "-5",
    "1.5",
    "+3",
    "soon",
    "0x10",
    "Fri, 31 Nov 2026 12:00:00 GMT",
    "Fri, 27 Nov 2026 25:00:00 GMT",
    "Xyz, 27 Nov 2026 12:00:00 GMT",
    "27 Nov 2026 12:00:00 GMT",
    "1e3",
  ])("rejects malformed %p", (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it("rejects an HTTP-date when the clock itself is invalid", () => {
    expect(parseRetryAfter("Fri, 27 Nov 2026 12:00:30 GMT", new Date(NaN))).toBeUndefined();
  });

  it("property: any string gives undefined or a finite delay within [0, max]", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4_000_000_000_000 }), (s, now) => {
        const v = parseRetryAfter(s, new Date(now));
        return v === undefined || (Number.isFinite(v) && v >= 0 && v <= MAX_RETRY_AFTER_MS);
      }),
    );
  });

  it("property: delta-seconds round-trip up to the cap", () => {
    fc.assert(fc.property(fc.nat({ max: 10_000_000 }), (n) => parseRetryAfter(String(n), NOW) === Math.min(n * 1000, MAX_RETRY_AFTER_MS)));
  });

  it("property: an IMF-fixdate made from a future instant gives the distance to it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3600 }), (seconds) => {
        const at = new Date(NOW.getTime() + seconds * 1000);
        return parseRetryAfter(at.toUTCString(), NOW) === seconds * 1000;
      }),
    );
  });
});
