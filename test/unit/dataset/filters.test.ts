import fc from "fast-check";
import { buildFilter, conditionFor, filterValueProblem, odataQuery, type ColumnFilter } from "@integrationkit/shared";

const f = (kind: ColumnFilter["kind"], operator: ColumnFilter["operator"], value = ""): ColumnFilter => ({
  column: "c",
  kind,
  operator,
  value,
});

describe("header filters", () => {
  it("validates values by column kind", () => {
    expect(filterValueProblem(f("text", "contains", "  "))).toBe("empty");
    expect(filterValueProblem(f("currency", "gt", "12,5"))).toBe("notNumber");
    expect(filterValueProblem(f("whole", "eq", "-3"))).toBeNull();
    expect(filterValueProblem(f("date", "onOrAfter", "2024-13-45"))).toBe("notDate");
    expect(filterValueProblem(f("date", "onOrAfter", "2024-02-29"))).toBeNull();
    // Date.parse rolls 2024-02-31 over to March 2; a day that does not exist is refused.
    expect(filterValueProblem(f("date", "onOrAfter", "2024-02-31"))).toBe("notDate");
    expect(filterValueProblem(f("datetime", "onOrBefore", "2023-02-29"))).toBe("notDate");
    expect(filterValueProblem(f("boolean", "isTrue"))).toBeNull();
  });

  it("maps each choice to an operator both app types accept", () => {
    expect(conditionFor(f("text", "contains", "a%b"))).toEqual({ attributeName: "c", conditionOperator: 6, value: "%a[%]b%" });
    expect(conditionFor(f("whole", "ne", "4"))?.conditionOperator).toBe(1);
    expect(conditionFor(f("whole", "lt", "4"))?.conditionOperator).toBe(3);
    expect(conditionFor(f("date", "onOrBefore", "2024-01-01"))?.conditionOperator).toBe(26);
    expect(conditionFor(f("boolean", "isFalse"))).toEqual({ attributeName: "c", conditionOperator: 0, value: "0" });
    expect(conditionFor(f("text", "isEmpty"))?.conditionOperator).toBe(12);
    expect(conditionFor(f("whole", "gt", "x"))).toBeNull();
  });

  it("joins column filters with and, or returns null", () => {
    expect(buildFilter([])).toBeNull();
    expect(buildFilter([f("whole", "gt", "x")])).toBeNull();
    expect(buildFilter([f("whole", "gt", "1"), { ...f("text", "eq", "z"), column: "d" }])).toEqual({
      filterOperator: 0,
      conditions: [
        { attributeName: "c", conditionOperator: 2, value: "1" },
        { attributeName: "d", conditionOperator: 0, value: "z" },
      ],
    });
  });

  it("property: a contains filter on any text (_, % and [ included) shows as contains() with that exact text", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ""),
        (text) => {
          const q = odataQuery({ filter: buildFilter([f("text", "contains", text)]), kinds: { c: "text" } });
          expect(q.filter).toBe(`contains(c,'${text.trim().replace(/'/g, "''")}')`);
        },
      ),
    );
  });
});
