import fc from "fast-check";
import { conditionText, odataLiteral, odataQuery, odataString, type ColumnKind, type SortStatusLike } from "@integrationkit/shared";

/** Reads one OData string literal back: the inverse of odataString. */
function readStringLiteral(text: string): string {
  expect(text.startsWith("'") && text.endsWith("'")).toBe(true);
  const inner = text.slice(1, -1);
  // Inside a literal every quote must come doubled.
  expect(inner.replace(/''/g, "")).not.toContain("'");
  return inner.replace(/''/g, "'");
}

const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/);

describe("odataQuery", () => {
  it("writes sort, filter and page size as a person would type them", () => {
    const q = odataQuery({
      sorting: [{ name: "mserp_name", sortDirection: 0 }, { name: "mserp_creditlimit", sortDirection: 1 }],
      filter: {
        filterOperator: 0,
        conditions: [
          { attributeName: "mserp_name", conditionOperator: 6, value: "%O'Brien%" },
          { attributeName: "mserp_creditlimit", conditionOperator: 2, value: "1000" },
        ],
      },
      pageSize: 50,
      kinds: { mserp_name: "text", mserp_creditlimit: "currency" },
    });
    expect(q.text).toBe("$orderby=mserp_name asc,mserp_creditlimit desc&$filter=contains(mserp_name,'O''Brien') and mserp_creditlimit gt 1000&$top=50");
    expect(q.unsupported).toEqual([]);
  });

  it("leaves out what is not set", () => {
    expect(odataQuery({}).text).toBe("");
    expect(odataQuery({ sorting: [{ name: "x", sortDirection: -1 }], pageSize: 0 }).text).toBe("");
  });

  it("nests sub-filters and uses or", () => {
    const q = odataQuery({
      filter: {
        filterOperator: 1,
        conditions: [{ attributeName: "a", conditionOperator: 12, value: "" }],
        filters: [{ filterOperator: 0, conditions: [{ attributeName: "b", conditionOperator: 13, value: "" }, { attributeName: "c", conditionOperator: 8, value: ["1", "2"] }] }],
      },
      kinds: { c: "whole" },
    });
    expect(q.filter).toBe("a eq null or (b ne null and (c eq 1 or c eq 2))");
  });

  it("lists operators it cannot write instead of guessing", () => {
    const q = odataQuery({ filter: { filterOperator: 0, conditions: [{ attributeName: "a", conditionOperator: 87, value: "x" }] } });
    expect(q.filter).toBeNull();
    expect(q.unsupported).toEqual([87]);
  });

  it("writes date functions, begins/ends-with and lookups", () => {
    expect(conditionText({ attributeName: "d", conditionOperator: 15, value: "" })).toBe("Microsoft.Dynamics.CRM.Today(PropertyName='d')");
    expect(conditionText({ attributeName: "d", conditionOperator: 33, value: "7" })).toBe("Microsoft.Dynamics.CRM.LastXDays(PropertyName='d',PropertyValue=7)");
    expect(conditionText({ attributeName: "d", conditionOperator: 27, value: "2024-01-01" })).toBe("Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='d',PropertyValue='2024-01-01')");
    expect(conditionText({ attributeName: "t", conditionOperator: 54, value: "ab" })).toBe("startswith(t,'ab')");
    expect(conditionText({ attributeName: "t", conditionOperator: 57, value: "ab" })).toBe("not endswith(t,'ab')");
    expect(conditionText({ attributeName: "t", conditionOperator: 7, value: "ab%" })).toBe("not startswith(t,'ab')");
    expect(conditionText({ attributeName: "o", conditionOperator: 0, value: "11111111-2222-3333-4444-555555555555" }, { o: "lookup" })).toBe("_o_value eq 11111111-2222-3333-4444-555555555555");
  });

  it("quotes values that do not parse as the column's type", () => {
    expect(odataLiteral("12abc", "whole")).toBe("'12abc'");
    expect(odataLiteral("1", "boolean")).toBe("true");
    expect(odataLiteral("maybe", "boolean")).toBe("'maybe'");
    expect(odataLiteral("2024-02-30x", "date")).toBe("'2024-02-30x'");
  });

  it("property: any text value in an eq condition reads back from its literal", () => {
    fc.assert(
      fc.property(name, fc.string({ unit: "grapheme", maxLength: 30 }), (attr, value) => {
        const text = conditionText({ attributeName: attr, conditionOperator: 0, value }, { [attr]: "text" as ColumnKind })!;
        const prefix = `${attr} eq `;
        expect(text.startsWith(prefix)).toBe(true);
        expect(readStringLiteral(text.slice(prefix.length))).toBe(value);
      }),
    );
  });

  it("property: $orderby lists every active sort once, in order, with its direction", () => {
    const sort = fc.record({ name, sortDirection: fc.constantFrom<SortStatusLike["sortDirection"]>(-1, 0, 1) });
    fc.assert(
      fc.property(fc.array(sort, { maxLength: 6 }), (sorting) => {
        const active = sorting.filter((s) => s.sortDirection !== -1);
        const q = odataQuery({ sorting });
        if (active.length === 0) return expect(q.orderby).toBeNull();
        expect(q.orderby!.split(",")).toEqual(active.map((s) => `${s.name} ${s.sortDirection === 1 ? "desc" : "asc"}`));
      }),
    );
  });

  it("property: $top is the whole page size and the text is the parts joined by &", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.boolean(), (size, withSort) => {
        const q = odataQuery({ pageSize: size, sorting: withSort ? [{ name: "a", sortDirection: 0 }] : [] });
        expect(q.top).toBe(size);
        expect(q.text).toBe(withSort ? `$orderby=a asc&$top=${size}` : `$top=${size}`);
      }),
    );
  });

  it("property: string literals never leave a lone quote", () => {
    fc.assert(fc.property(fc.string(), (s) => expect(readStringLiteral(odataString(s))).toBe(s)));
  });
});
