import {
  cellDisplayText,
  cellExportValue,
  columnKind,
  plainText,
  readColumns,
  readRows,
  truncateText,
  valueFitsKind,
  type CellFormatters,
  type RecordLike,
} from "@integrationkit/shared";

function record(id: string, values: Record<string, unknown>, formatted: Record<string, string> = {}): RecordLike {
  return {
    getRecordId: () => id,
    getValue: (c) => {
      if (!(c in values)) throw new Error(`no column ${c}`);
      return values[c];
    },
    getFormattedValue: (c) => formatted[c] ?? null,
    getNamedReference: () => ({
      id: { guid: id },
      etn: "mserp_custcustomerv3entity",
      name: typeof values.name === "string" ? values.name : "",
    }),
  };
}

const f: CellFormatters = {
  date: (d) => `D${d.toISOString().slice(0, 10)}`,
  dateTime: (d) => `DT${d.toISOString()}`,
  integer: (n) => `I${n}`,
  decimal: (n) => `N${n}`,
  currency: (n) => `C${n}`,
  yes: "Yes",
  no: "No",
};

describe("columns", () => {
  it("maps PCF data types to kinds", () => {
    expect(columnKind("Lookup.Customer")).toBe("lookup");
    expect(columnKind("Lookup.Whatever")).toBe("lookup");
    expect(columnKind("Currency")).toBe("currency");
    expect(columnKind("MultiSelectPicklist")).toBe("choices");
    expect(columnKind(undefined)).toBe("other");
    expect(columnKind("Nonsense")).toBe("other");
  });

  it("keeps view order, drops hidden, unnamed and duplicate columns", () => {
    const cols = readColumns([
      { name: "b", displayName: "B", dataType: "Whole.None", order: 2 },
      { name: "a", displayName: "", dataType: "SingleLine.Text", order: 1, isPrimary: true, visualSizeFactor: 2 },
      { name: "h", dataType: "SingleLine.Text", isHidden: true, order: 0 },
      { name: "", dataType: "SingleLine.Text" },
      null as never,
      { name: "a", dataType: "Whole.None", order: 3 },
      { name: "c" },
    ]);
    expect(cols.map((c) => [c.name, c.displayName, c.kind, c.width])).toEqual([
      ["a", "a", "text", 2],
      ["b", "B", "whole", 1],
      ["c", "c", "other", 1],
    ]);
    expect(readColumns(undefined)).toEqual([]);
  });
});

describe("rows", () => {
  const columns = readColumns([
    { name: "name", dataType: "SingleLine.Text" },
    { name: "limit", dataType: "Currency" },
    { name: "gone", dataType: "SingleLine.Text" },
  ]);

  it("reads rows in sorted order, marks missing columns and wrong types, skips orphan ids", () => {
    const ds = {
      sortedRecordIds: ["2", "1", "x"],
      records: { "1": record("1", { name: "A", limit: 5 }), "2": record("2", { name: "B", limit: "lots" }) },
    };
    const { rows, orphanIds } = readRows(ds, columns);
    expect(rows.map((r) => r.id)).toEqual(["2", "1"]);
    expect(orphanIds).toBe(1);
    expect(rows[0].cells.limit).toMatchObject({ value: "lots", mismatch: true, missing: false });
    expect(rows[1].cells.gone).toMatchObject({ missing: true, mismatch: false });
    expect(rows[1].reference?.name).toBe("A");
  });

  it("copes with absent records and ids", () => {
    expect(readRows({ sortedRecordIds: undefined, records: undefined }, columns).rows).toEqual([]);
  });

  it("checks value kinds", () => {
    expect(valueFitsKind(new Date("x"), "date")).toBe(false);
    expect(valueFitsKind("2024-01-01", "datetime")).toBe(true);
    expect(valueFitsKind([1, 2], "choices")).toBe(true);
    expect(valueFitsKind({ id: "1", name: "n" }, "lookup")).toBe(true);
    expect(valueFitsKind(3, "lookup")).toBe(false);
    expect(valueFitsKind("yes", "boolean")).toBe(false);
    expect(valueFitsKind(null, "whole")).toBe(true);
    expect(valueFitsKind(Infinity, "decimal")).toBe(false);
  });
});

describe("formatting", () => {
  const cell = (value: unknown, text: string | null = null, mismatch = false) => ({ value, text, mismatch, missing: false });
  it("prefers the host's formatted text", () => {
    expect(cellDisplayText(cell(5, "$5.00"), "currency", f)).toBe("$5.00");
  });
  it("formats by kind when the host gave no text", () => {
    expect(cellDisplayText(cell(5), "whole", f)).toBe("I5");
    expect(cellDisplayText(cell(5.5), "decimal", f)).toBe("N5.5");
    expect(cellDisplayText(cell(7), "currency", f)).toBe("C7");
    expect(cellDisplayText(cell(new Date("2024-03-04T05:06:07Z")), "date", f)).toBe("D2024-03-04");
    expect(cellDisplayText(cell("2024-03-04T05:06:07Z"), "datetime", f)).toBe("DT2024-03-04T05:06:07.000Z");
    expect(cellDisplayText(cell(true), "boolean", f)).toBe("Yes");
    expect(cellDisplayText(cell(false), "boolean", f)).toBe("No");
    expect(
      cellDisplayText(
        cell([
          { id: "1", name: "A" },
          { id: "2", name: "B" },
        ]),
        "lookup",
        f,
      ),
    ).toBe("A; B");
    expect(cellDisplayText(cell(null), "whole", f)).toBe("");
  });
  it("shows wrong-typed values as plain text and survives throwing formatters", () => {
    expect(cellDisplayText(cell({ weird: 1 }, null, true), "whole", f)).toBe('{"weird":1}');
    expect(
      cellDisplayText(cell(3), "whole", {
        ...f,
        integer: () => {
          throw new Error("x");
        },
      }),
    ).toBe("3");
  });
  it("exports machine-friendly values", () => {
    expect(cellExportValue(cell(5, "$5.00"), "currency")).toBe(5);
    expect(cellExportValue(cell(new Date("2024-03-04T05:06:07Z")), "date")).toBe("2024-03-04");
    expect(cellExportValue(cell(1, "Option B"), "choice")).toBe("Option B");
    expect(cellExportValue(cell(undefined, "shown"), "text")).toBe("shown");
    expect(cellExportValue(cell("x", null, true), "whole")).toBe("x");
  });
  it("truncates long text without splitting a surrogate pair", () => {
    expect(truncateText("abc", 5)).toEqual({ shown: "abc", full: "abc", truncated: false });
    const t = truncateText("ab\u{1F600}cd", 3);
    expect(t.shown).toBe("ab\u2026");
    expect(t.truncated).toBe(true);
  });
  it("never prints [object Object]", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(plainText(cyclic)).not.toBe("");
    expect(plainText({ id: { guid: "g" } })).toBe("g");
    expect(plainText(new Date("bad"))).toBe("");
  });
});
