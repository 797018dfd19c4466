import type { FilterOperatorChoice } from "./capabilities";
import { isCalendarDate } from "./odata";
import type { ColumnKind, ConditionLike, FilterLike } from "./types";

/** A filter the user set from one column header. */
export interface ColumnFilter {
  column: string;
  kind: ColumnKind;
  operator: FilterOperatorChoice;
  /** Text typed by the user; unused for isTrue/isFalse/isEmpty/isNotEmpty. */
  value: string;
}

const NEEDS_VALUE: ReadonlySet<FilterOperatorChoice> = new Set<FilterOperatorChoice>([
  "contains",
  "eq",
  "ne",
  "gt",
  "lt",
  "onOrAfter",
  "onOrBefore",
]);

export function operatorNeedsValue(op: FilterOperatorChoice): boolean {
  return NEEDS_VALUE.has(op);
}

/** Why a typed value cannot be used, or null when it can. */
type FilterValueProblem = "empty" | "notNumber" | "notDate";

export function filterValueProblem(f: Pick<ColumnFilter, "kind" | "operator" | "value">): FilterValueProblem | null {
  if (!operatorNeedsValue(f.operator)) return null;
  const v = f.value.trim();
  if (v === "") return "empty";
  if ((f.kind === "whole" || f.kind === "decimal" || f.kind === "currency") && !/^-?(\d+(\.\d*)?|\.\d+)$/.test(v)) return "notNumber";
  // A day that exists: Date.parse accepts 2024-02-31 (it rolls over to March), so the calendar is checked.
  if ((f.kind === "date" || f.kind === "datetime") && !isCalendarDate(v)) return "notDate";
  return null;
}

/** Like-pattern wildcards typed by the user are escaped with brackets (FetchXML/SQL Like syntax). */
function escapeLike(text: string): string {
  return text.replace(/[%_[]/g, (c) => `[${c}]`);
}

/**
 * The PCF condition for a header filter, using operators both app types accept
 * (PA `reference/dataset.md`: NotLike 7, NotNull 13 and begins/ends-with 54-57 are canvas-only, so we avoid them).
 */
export function conditionFor(f: ColumnFilter): ConditionLike | null {
  if (filterValueProblem(f) !== null) return null;
  const v = f.value.trim();
  const c = (conditionOperator: number, value: string): ConditionLike => ({ attributeName: f.column, conditionOperator, value });
  switch (f.operator) {
    case "contains":
      return c(6, `%${escapeLike(v)}%`);
    case "eq":
      return c(0, v);
    case "ne":
      return c(1, v);
    case "gt":
      return c(2, v);
    case "lt":
      return c(3, v);
    case "onOrAfter":
      return c(27, v);
    case "onOrBefore":
      return c(26, v);
    case "isTrue":
      return c(0, "1");
    case "isFalse":
      return c(0, "0");
    case "isEmpty":
      return c(12, "");
    default:
      return null;
  }
}

/** All header filters joined with "and"; null when none is usable (then the filter is cleared). */
export function buildFilter(filters: readonly ColumnFilter[]): FilterLike | null {
  const conditions = filters.map(conditionFor).filter((c): c is ConditionLike => c !== null);
  return conditions.length ? { filterOperator: 0, conditions } : null;
}
