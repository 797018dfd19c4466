import fc from "fast-check";
import { CsvParseError, neutraliseFormula, parseCsv, toCsv } from "@integrationkit/shared";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks and ends every record with CRLF", () => {
    expect(toCsv(["a", "b"], [["x,y", 'say "hi"'], ["line\nbreak", "plain"]])).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(["v"], [["=SUM(A1:A9)"], ["+1"], ["-2+3"], ["@cmd"], ["\tx"], ["safe=1"]]);
    expect(parseCsv(csv).slice(1).map((r) => r[0])).toEqual(["'=SUM(A1:A9)", "'+1", "'-2+3", "'@cmd", "'\tx", "safe=1"]);
  });

  it("writes numbers, booleans, dates, lookups and empties plainly (negative numbers stay numbers)", () => {
    const csv = toCsv(["n", "b", "d", "l", "e"], [[-12.5, true, new Date("2024-01-02T03:04:05.000Z"), { id: { guid: "g" }, name: "Contoso" }, null]]);
    expect(parseCsv(csv)[1]).toEqual(["-12.5", "true", "2024-01-02T03:04:05.000Z", "Contoso", ""]);
  });

  it("pads short rows and keeps long ones whole", () => {
    expect(parseCsv(toCsv(["a", "b"], [["1"], ["1", "2", "3"]]))).toEqual([["a", "b"], ["1", ""], ["1", "2", "3"]]);
  });

  it("round-trips any text cell through an RFC 4180 parser (neutralised when it starts like a formula)", () => {
    const cell = fc.string({ unit: "binary", maxLength: 40 });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), (header, rows) => {
        const width = header.length;
        const shaped = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
        const parsed = parseCsv(toCsv(header, shaped));
        expect(parsed).toEqual([header.map(neutraliseFormula), ...shaped.map((r) => r.map(neutraliseFormula))]);
      }),
      { numRuns: 300 },
    );
  });

  it("round-trips numbers exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }), (values) => {
        const parsed = parseCsv(toCsv(values.map((_, i) => `c${i}`), [values]));
        expect(parsed[1].map(Number)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });
});

describe("parseCsv", () => {
  it("accepts LF line ends and a missing final line end", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([["a", "b"], ["1", "2"]]);
  });
  it("rejects malformed quoting", () => {
    expect(() => parseCsv('a,"b')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b"c')).toThrow(CsvParseError);
    expect(() => parseCsv('"a"b')).toThrow(CsvParseError);
  });
  it("reads empty trailing fields", () => {
    expect(parseCsv('a,\r\n"",b\r\n')).toEqual([["a", ""], ["", "b"]]);
  });
});
