import fc from "fast-check";
import {
  classifyFailure,
  errorCodeForms,
  isServiceProtectionError,
  normalizeErrorCode,
  SERVICE_PROTECTION_CODES,
} from "@integrationkit/shared";

describe("invariant 'every throttle is recognised'", () => {
  it("knows the unsigned decimals webAPI reports for the three service-protection errors", () => {
    expect(SERVICE_PROTECTION_CODES.map((c) => c.unsigned)).toEqual([2147951394, 2147951393, 2147951398]);
    expect(SERVICE_PROTECTION_CODES.map((c) => c.hex)).toEqual(["0x80072322", "0x80072321", "0x80072326"]);
    expect(SERVICE_PROTECTION_CODES.map((c) => c.signed)).toEqual([-2147015902, -2147015903, -2147015898]);
  });

  it.each(
    SERVICE_PROTECTION_CODES.flatMap((c) => [
      c.unsigned,
      c.signed,
      c.hex,
      c.hex.toUpperCase().replace("0X", "0x"),
      String(c.unsigned),
      String(c.signed),
    ]),
  )("recognises errorCode %p as a throttle", (code) => {
    expect(isServiceProtectionError({ errorCode: code, message: "anything" })).toBe(true);
    expect(isServiceProtectionError({ code })).toBe(true);
    expect(isServiceProtectionError({ innerError: { code } })).toBe(true);
  });

  it("recognises a 429 status and the documented message texts without a code", () => {
    expect(isServiceProtectionError({ status: 429 })).toBe(true);
    expect(isServiceProtectionError({ statusCode: "429" })).toBe(true);
    expect(isServiceProtectionError({ message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds." })).toBe(
      true,
    );
    expect(
      isServiceProtectionError(
        "Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds.",
      ),
    ).toBe(true);
    expect(isServiceProtectionError(new Error("Number of concurrent requests exceeded the limit of 52."))).toBe(true);
  });

  it("any other 32-bit code, in any form, is not a throttle", () => {
    const throttles = new Set(SERVICE_PROTECTION_CODES.map((c) => c.unsigned));
    fc.assert(
      fc.property(fc.integer({ min: -0x80000000, max: 0x7fffffff }), (n) => {
        const f = errorCodeForms(n);
        fc.pre(!throttles.has(f.unsigned));
        expect(isServiceProtectionError({ errorCode: f.unsigned })).toBe(false);
        expect(isServiceProtectionError({ errorCode: f.signed })).toBe(false);
        expect(isServiceProtectionError({ errorCode: f.hex })).toBe(false);
        expect(normalizeErrorCode(f.hex)).toBe(f.unsigned);
        expect(normalizeErrorCode(f.signed)).toBe(f.unsigned);
      }),
    );
  });
});

describe("invariant 'failures are told apart' (classification)", () => {
  it.each([
    [{ errorCode: 2147746336, message: "Principal user is missing prvReadAsyncOperation privilege" }, "forbidden"],
    [{ errorCode: -2147220960 }, "forbidden"],
    [{ status: 403 }, "forbidden"],
    [{ status: 401 }, "unauthorized"],
    [{ status: 503 }, "server"],
    [{ statusCode: 500 }, "server"],
    [new TypeError("Failed to fetch"), "network"],
    [{ name: "AbortError", message: "aborted" }, "timeout"],
    [{ errorCode: 2147746327, message: "Something else" }, "other"],
    [undefined, "other"],
    ["plain text", "other"],
  ])("%p is %s", (error, kind) => {
    expect(classifyFailure(error).kind).toBe(kind);
  });

  it("keeps a Retry-After the error carries", () => {
    expect(classifyFailure({ status: 429, retryAfter: "12" })).toEqual({ kind: "throttled", retryAfter: "12", detail: undefined });
  });
});
