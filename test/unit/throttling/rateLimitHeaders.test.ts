import fc from "fast-check";
import { parseRateLimitHeaders, readHeader } from "@integrationkit/shared";

describe("parseRateLimitHeaders", () => {
  it("reads Microsoft's example values from a plain record, whatever the case", () => {
    expect(
      parseRateLimitHeaders({
        "X-MS-RateLimit-Burst-Remaining-xrm-Requests": "5999",
        "x-ms-ratelimit-time-remaining-xrm-requests": "1,200.00",
        "X-Ms-Dop-Hint": "48",
      }),
    ).toEqual({ burstRemaining: 5999, timeRemainingSeconds: 1200, dopHint: 48 });
  });

  it("reads a Fetch Headers object", () => {
    const h = new Headers({ "x-ms-ratelimit-burst-remaining-xrm-requests": "12", "x-ms-dop-hint": "4" });
    expect(parseRateLimitHeaders(h)).toEqual({ burstRemaining: 12, dopHint: 4 });
  });

  it("leaves out malformed values instead of producing NaN", () => {
    expect(
      parseRateLimitHeaders({
        "x-ms-ratelimit-burst-remaining-xrm-requests": "lots",
        "x-ms-ratelimit-time-remaining-xrm-requests": "1,20.0",
        "x-ms-dop-hint": "0",
      }),
    ).toEqual({});
    expect(parseRateLimitHeaders({ "x-ms-dop-hint": "-3" })).toEqual({});
    expect(parseRateLimitHeaders(null)).toEqual({});
    expect(parseRateLimitHeaders({ "x-ms-dop-hint": 7 as unknown as string })).toEqual({});
  });

  it("survives an object whose getter throws", () => {
    const hostile = Object.defineProperty({}, "x-ms-dop-hint", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(readHeader(hostile as Record<string, string>, "x-ms-dop-hint")).toBeUndefined();
  });

  it("property: arbitrary header values never give NaN or negative numbers", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const r = parseRateLimitHeaders({
          "x-ms-ratelimit-burst-remaining-xrm-requests": a,
          "x-ms-ratelimit-time-remaining-xrm-requests": b,
          "x-ms-dop-hint": c,
        });
        return Object.values(r).every((v) => typeof v === "number" && Number.isFinite(v) && v >= 0);
      }),
    );
  });

  it("property: formatted numbers with thousands separators round-trip", () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const text = `${whole.toLocaleString("en-US")}.${String(cents).padStart(2, "0")}`;
        const r = parseRateLimitHeaders({
          "x-ms-ratelimit-time-remaining-xrm-requests": text,
          "x-ms-ratelimit-burst-remaining-xrm-requests": whole.toLocaleString("en-US"),
        });
        return r.timeRemainingSeconds === Number(`${whole}.${String(cents).padStart(2, "0")}`) && r.burstRemaining === whole;
      }),
    );
  });
});
