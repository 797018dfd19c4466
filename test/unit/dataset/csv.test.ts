import fc from "fast-check";
import { neutraliseFormula, toCsv } from "@integrationkit/shared";
import { parseCsv } from "../../helpers/csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks and ends every record with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["line\nbreak", "plain"],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n"line\nbreak",plain\r\n');
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    const csv = toCsv(["v"], [["=SUM(A1:A9)"], ["+1"], ["-2+3"], ["@cmd"], ["\tx"], ["safe=1"]]);
    expect(
      parseCsv(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["'=SUM(A1:A9)", "'+1", "'-2+3", "'@cmd", "'\tx", "safe=1"]);
  });

  it("neutralises a cell that starts with NUL, keeping its text", () => {
    const csv = toCsv(["v"], [["\0=1+1"], ["a\0b"]]);
    expect(
      parseCsv(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["'\0=1+1", "a\0b"]);
  });

  it("quotes a ; in a cell that also holds a formula character, so a ;-separated reader keeps one cell", () => {
    const csv = toCsv(
      ["a", "b"],
      [
        ["x;=HYPERLINK(1)", "plain;text"],
        ["net;-5", "a@b;c"],
      ],
    );
    expect(csv).toBe('a,b\r\n"x;=HYPERLINK(1)",plain;text\r\n"net;-5","a@b;c"\r\n');
    // Read with ; as the delimiter (a German or French Excel): the quoted cells stay whole.
    const semicolon = csv.split("\r\n")[1].match(/"([^"]*)"/g);
    expect(semicolon).toEqual(['"x;=HYPERLINK(1)"']);
    expect(parseCsv(csv)[1]).toEqual(["x;=HYPERLINK(1)", "plain;text"]);
  });

  it('writes a row of one empty cell as "", not as an empty line a reader would drop', () => {
    const csv = toCsv(["only"], [[""], [null], ["x"]]);
    expect(csv).toBe('only\r\n""\r\n""\r\nx\r\n');
    expect(parseCsv(csv, { skipEmptyLines: true })).toEqual([["only"], [""], [""], ["x"]]);
    expect(toCsv([""], [])).toBe('""\r\n');
  });

  it("writes numbers, booleans, dates, lookups and empties plainly (negative numbers stay numbers)", () => {
    const csv = toCsv(
      ["n", "b", "d", "l", "e"],
      [[-12.5, true, new Date("2024-01-02T03:04:05.000Z"), { id: { guid: "g" }, name: "Contoso" }, null]],
    );
    expect(parseCsv(csv)[1]).toEqual(["-12.5", "true", "2024-01-02T03:04:05.000Z", "Contoso", ""]);
  });

  it("pads short rows and keeps long ones whole", () => {
    expect(parseCsv(toCsv(["a", "b"], [["1"], ["1", "2", "3"]]))).toEqual([
      ["a", "b"],
      ["1", ""],
      ["1", "2", "3"],
    ]);
  });

  it("property: any table of text round-trips through an independent RFC 4180 parser (formulas neutralised)", () => {
    const cell = fc.string({ unit: "binary", maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 }),
        (header, rows) => {
          const width = header.length;
          const shaped = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
          // Read as a spreadsheet import does (blank lines dropped): no record may go missing.
          const parsed = parseCsv(toCsv(header, shaped), { skipEmptyLines: true });
          expect(parsed).toEqual([header.map(neutraliseFormula), ...shaped.map((r) => r.map(neutraliseFormula))]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: a cell with ; never splits into a formula cell when read with ; as the separator", () => {
    const cell = fc.stringMatching(/^[a-z0-9;=+\-@ ]{0,12}$/);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (values) => {
        const body = toCsv(
          values.map((_, i) => `c${i}`),
          [values],
        ).split("\r\n")[1];
        // A ;-locale reader honours the quotes; every ;-separated piece outside quotes must not start like a formula.
        const outside = body.replace(/"(?:[^"]|"")*"/g, "Q");
        for (const piece of outside.split(/[;,]/)) expect(piece).not.toMatch(/^[=+\-@]/);
      }),
      { numRuns: 300 },
    );
  });

  it("property: numbers round-trip exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 5 }), (values) => {
        const parsed = parseCsv(
          toCsv(
            values.map((_, i) => `c${i}`),
            [values],
          ),
        );
        expect(parsed[1].map(Number)).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
      }),
    );
  });
});
