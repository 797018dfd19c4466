import type { ColumnKind, ColumnLike, GridColumn } from "./types";

/** PCF data type names (manifest `of-type` values) mapped to the kind of value they hold. */
const KIND_BY_TYPE: Record<string, ColumnKind> = {
  "SingleLine.Text": "text",
  "SingleLine.Ticker": "text",
  "SingleLine.TextArea": "multiline",
  Multiple: "multiline",
  "SingleLine.Email": "email",
  "SingleLine.Phone": "phone",
  "SingleLine.URL": "url",
  "Whole.None": "whole",
  "Whole.Duration": "whole",
  "Whole.Language": "whole",
  "Whole.TimeZone": "whole",
  Decimal: "decimal",
  FP: "decimal",
  Currency: "currency",
  "DateAndTime.DateOnly": "date",
  "DateAndTime.DateAndTime": "datetime",
  TwoOptions: "boolean",
  OptionSet: "choice",
  MultiSelectPicklist: "choices",
  MultiSelectOptionSet: "choices",
  "Lookup.Simple": "lookup",
  "Lookup.Customer": "lookup",
  "Lookup.Owner": "lookup",
  "Lookup.PartyList": "lookup",
  "Lookup.Regarding": "lookup",
};

export function columnKind(dataType: string | null | undefined): ColumnKind {
  if (typeof dataType !== "string" || dataType === "") return "other";
  return KIND_BY_TYPE[dataType] ?? (dataType.startsWith("Lookup.") ? "lookup" : "other");
}

export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["whole", "decimal", "currency"]);
export const TEXT_KINDS: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["text", "multiline", "email", "phone", "url"]);

/**
 * The view's columns, in view order, without hidden ones, unnamed ones or duplicates.
 * A malformed column list (not an array, entries without a name) yields what can be used, never a throw.
 */
export function readColumns(columns: readonly ColumnLike[] | null | undefined): GridColumn[] {
  if (!isList(columns)) return [];
  const seen = new Set<string>();
  const usable = columns
    .map((c, index) => ({ c, index }))
    .filter(({ c }) => c !== null && typeof c === "object" && typeof c.name === "string" && c.name !== "" && c.isHidden !== true)
    .sort((a, b) => orderOf(a.c, a.index) - orderOf(b.c, b.index));
  const result: GridColumn[] = [];
  for (const { c } of usable) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    const dataType = typeof c.dataType === "string" ? c.dataType : "";
    result.push({
      name: c.name,
      displayName: typeof c.displayName === "string" && c.displayName.trim() !== "" ? c.displayName : c.name,
      dataType,
      kind: columnKind(dataType),
      isPrimary: c.isPrimary === true,
      width:
        typeof c.visualSizeFactor === "number" && c.visualSizeFactor > 0 && Number.isFinite(c.visualSizeFactor) ? c.visualSizeFactor : 1,
    });
  }
  return result;
}

function isList<T>(value: readonly T[] | null | undefined): value is readonly T[] {
  return Array.isArray(value);
}

function orderOf(c: ColumnLike, index: number): number {
  return typeof c.order === "number" && Number.isFinite(c.order) && c.order >= 0 ? c.order : 1e6 + index;
}
