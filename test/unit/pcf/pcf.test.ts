import { allocatedPixels, createTranslator, fieldAccess, formatMessage, localize } from "@integrationkit/shared";

describe("localized strings", () => {
  it("uses the host's value and falls back to the key when the host has none", () => {
    const table: Record<string, string> = { Title: "Advisor", Empty: "" };
    const get = (k: string): string => table[k] ?? k;
    expect(localize(get, "Title")).toBe("Advisor");
    expect(localize(get, "Empty")).toBe("Empty");
    expect(localize(get, "Missing")).toBe("Missing");
    expect(
      localize(() => {
        throw new Error("host without resources");
      }, "Title"),
    ).toBe("Title");
  });

  it("fills placeholders and leaves unknown ones readable", () => {
    expect(formatMessage("{count} of {total} rows", { count: 3, total: 10 })).toBe("3 of 10 rows");
    expect(formatMessage("Retry in {seconds} s ({typo})", { seconds: 5 })).toBe("Retry in 5 s ({typo})");
  });

  it("caches lookups per key", () => {
    let calls = 0;
    const t = createTranslator((k) => {
      calls++;
      return k === "Hello" ? "Hello {name}" : k;
    });
    expect(t("Hello", { name: "Ada" })).toBe("Hello Ada");
    expect(t("Hello", { name: "Bob" })).toBe("Hello Bob");
    expect(calls).toBe(1);
  });
});

describe("field access", () => {
  it("writes only when the form allows it and field security permits editing", () => {
    expect(fieldAccess(false, undefined)).toEqual({ canRead: true, canWrite: true });
    expect(fieldAccess(true, undefined)).toEqual({ canRead: true, canWrite: false });
    expect(fieldAccess(false, { editable: false, readable: true, secured: true })).toEqual({ canRead: true, canWrite: false });
    expect(fieldAccess(false, { editable: true, readable: false, secured: true })).toEqual({ canRead: false, canWrite: false });
  });
});

describe("allocated size", () => {
  it("reads numbers and numeric strings, and says -1 for unknown sizes", () => {
    expect(allocatedPixels(640)).toBe(640);
    expect(allocatedPixels("1200")).toBe(1200);
    expect(allocatedPixels(-1)).toBe(-1);
    expect(allocatedPixels("")).toBe(-1);
    expect(allocatedPixels("wide")).toBe(-1);
    expect(allocatedPixels(undefined)).toBe(-1);
    expect(allocatedPixels(Number.POSITIVE_INFINITY)).toBe(-1);
  });
});
