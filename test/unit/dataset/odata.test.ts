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
      sorting: [
        { name: "mserp_name", sortDirection: 0 },
        { name: "mserp_creditlimit", sortDirection: 1 },
      ],
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
    expect(q.text).toBe(
      "$orderby=mserp_name asc,mserp_creditlimit desc&$filter=contains(mserp_name,'O''Brien') and mserp_creditlimit gt 1000&$top=50",
    );
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
        filters: [
          {
            filterOperator: 0,
            conditions: [
              { attributeName: "b", conditionOperator: 13, value: "" },
              { attributeName: "c", conditionOperator: 8, value: ["1", "2"] },
            ],
          },
        ],
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
    expect(conditionText({ attributeName: "d", conditionOperator: 33, value: "7" })).toBe(
      "Microsoft.Dynamics.CRM.LastXDays(PropertyName='d',PropertyValue=7)",
    );
    expect(conditionText({ attributeName: "d", conditionOperator: 27, value: "2024-01-01" })).toBe(
      "Microsoft.Dynamics.CRM.OnOrAfter(PropertyName='d',PropertyValue='2024-01-01')",
    );
    expect(conditionText({ attributeName: "t", conditionOperator: 54, value: "ab" })).toBe("startswith(t,'ab')");
    expect(conditionText({ attributeName: "t", conditionOperator: 57, value: "ab" })).toBe("not endswith(t,'ab')");
    expect(conditionText({ attributeName: "t", conditionOperator: 7, value: "ab%" })).toBe("not startswith(t,'ab')");
    expect(
      conditionText({ attributeName: "o", conditionOperator: 0, value: "11111111-2222-3333-4444-555555555555" }, { o: "lookup" }),
    ).toBe("_o_value eq 11111111-2222-3333-4444-555555555555");
  });

  it("refuses values that are not valid for the column's type instead of quoting them", () => {
    expect(odataLiteral("12abc", "whole")).toBeNull();
    expect(odataLiteral("1.5", "whole")).toBeNull();
    expect(odataLiteral("1", "boolean")).toBe("true");
    expect(odataLiteral("maybe", "boolean")).toBeNull();
    expect(odataLiteral("2024-02-30x", "date")).toBeNull();
    const q = odataQuery({
      filter: {
        filterOperator: 0,
        conditions: [
          { attributeName: "n", conditionOperator: 0, value: "x" },
          { attributeName: "t", conditionOperator: 0, value: "x" },
        ],
      },
      kinds: { n: "whole", t: "text" },
    });
    expect(q.filter).toBe("t eq 'x'");
    expect(q.invalid).toEqual(["n"]);
  });

  it("normalises numbers to OData's form: 1. and .5 are not OData literals", () => {
    expect(odataLiteral("1.", "decimal")).toBe("1");
    expect(odataLiteral(".5", "decimal")).toBe("0.5");
    expect(odataLiteral("-.5", "currency")).toBe("-0.5");
    expect(odataLiteral("+12", "whole")).toBe("12");
    expect(odataLiteral("1.5E+3", "decimal")).toBe("1.5e3");
    expect(odataLiteral(".", "decimal")).toBeNull();
    expect(odataLiteral("", "decimal")).toBeNull();
  });

  it("refuses impossible dates and keeps real ones", () => {
    expect(odataLiteral("2024-02-31", "date")).toBeNull();
    expect(odataLiteral("2023-02-29", "date")).toBeNull();
    expect(odataLiteral("2024-02-29", "date")).toBe("2024-02-29");
    expect(odataLiteral("2024-13-01", "date")).toBeNull();
    expect(odataLiteral("2024-04-31", "datetime")).toBeNull();
    expect(odataLiteral("2024-04-30T23:59:59Z", "datetime")).toBe("2024-04-30T23:59:59Z");
    expect(odataLiteral("2024-04-30T24:00:00Z", "datetime")).toBeNull();
    expect(conditionText({ attributeName: "d", conditionOperator: 27, value: "2024-02-31" })).toBeNull();
    const q = odataQuery({
      filter: { filterOperator: 0, conditions: [{ attributeName: "d", conditionOperator: 26, value: "2100-02-29" }] },
    });
    expect(q.invalid).toEqual(["d"]);
    expect(q.text).toBe("");
  });

  it("writes _, % and [ as literal characters, never as Like escapes", () => {
    // The header filter escapes them for FetchXML's Like ([_], [%], [[]); OData string literals take them as they are.
    expect(conditionText({ attributeName: "t", conditionOperator: 6, value: "%a[_]b[%]c[[]d%" })).toBe("contains(t,'a_b%c[d')");
    expect(conditionText({ attributeName: "t", conditionOperator: 6, value: "100[%]%" })).toBe("startswith(t,'100%')");
    expect(conditionText({ attributeName: "t", conditionOperator: 6, value: "%[%]" })).toBe("endswith(t,'%')");
    // A wildcard inside the pattern has no OData equivalent: listed as unsupported, not guessed.
    expect(conditionText({ attributeName: "t", conditionOperator: 6, value: "%a_b%" })).toBeNull();
    expect(
      odataQuery({ filter: { filterOperator: 0, conditions: [{ attributeName: "t", conditionOperator: 6, value: "a%b" }] } }).unsupported,
    ).toEqual([6]);
  });

  it("percent-encodes the query where it is a URL", () => {
    const q = odataQuery({
      filter: { filterOperator: 0, conditions: [{ attributeName: "t", conditionOperator: 6, value: "%R&D #1 50[%] + tax%" }] },
      sorting: [{ name: "t", sortDirection: 0 }],
      pageSize: 50,
    });
    expect(q.text).toBe("$orderby=t asc&$filter=contains(t,'R&D #1 50% + tax')&$top=50");
    expect(q.url).toBe("?$orderby=t%20asc&$filter=contains(t%2C'R%26D%20%231%2050%25%20%2B%20tax')&$top=50");
    expect(decodeURIComponent(q.url.split("&$filter=")[1].split("&")[0])).toBe(q.filter);
    expect(odataQuery({}).url).toBe("");
  });

  it("property: the URL form decodes back to the readable text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const q = odataQuery({
          filter: { filterOperator: 0, conditions: [{ attributeName: "t", conditionOperator: 0, value }] },
          kinds: { t: "text" },
        });
        const parts = q.url
          .slice(1)
          .split("&")
          .map((p) => p.split("=").map(decodeURIComponent));
        expect(parts.map(([k, v]) => `${k}=${v}`).join("&")).toBe(q.text);
      }),
    );
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
