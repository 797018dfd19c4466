import { NUMERIC_KINDS } from "./columns";
import type { ColumnKind, ConditionLike, FilterLike, SortStatusLike } from "./types";

/**
 * The current sort, filter and page size written as a person would type them in an OData v4 query
 * (Dataverse Web API syntax). This is an explanation for the diagnostics pane: the platform builds
 * the real query itself (FetchXML in model-driven apps).
 */
export interface ODataQueryText {
  orderby: string | null;
  filter: string | null;
  top: number | null;
  /** Conditions whose operator has no OData equivalent we know: shown as a note, never guessed. */
  unsupported: number[];
  /** `$orderby=...&$filter=...&$top=...`, the parts present, in that order. */
  text: string;
}

export interface ODataInput {
  sorting?: readonly SortStatusLike[] | null;
  filter?: FilterLike | null;
  pageSize?: number | null;
  /** Column kinds by logical name, to write literals (numbers bare, text quoted). */
  kinds?: Readonly<Record<string, ColumnKind>>;
}

/** A text literal: single quotes doubled (OData ABNF `SQUOTE-in-string`). */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** A literal of the column's kind; anything that does not parse as that kind is quoted as text. */
export function odataLiteral(value: string, kind: ColumnKind | undefined): string {
  const v = String(value);
  if ((kind !== undefined && (NUMERIC_KINDS.has(kind) || kind === "choice")) && NUMBER.test(v.trim())) return v.trim();
  if (kind === "boolean") {
    const t = v.trim().toLowerCase();
    if (t === "true" || t === "1") return "true";
    if (t === "false" || t === "0") return "false";
  }
  if ((kind === "date" || kind === "datetime") && /^\d{4}-\d{2}-\d{2}/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim()))) return v.trim();
  if (kind === "lookup" && GUID.test(v.trim())) return v.trim();
  return odataString(v);
}

/** A property path: lookups are filtered through their `_name_value` property in the Web API. */
function propertyOf(name: string, kind: ColumnKind | undefined): string {
  return kind === "lookup" ? `_${name}_value` : name;
}

function first(value: string | string[]): string {
  return Array.isArray(value) ? (value[0] ?? "") : value;
}

/** Like patterns (`%text%`, `text%`, `%text`) map to contains/startswith/endswith; others are approximated by contains. */
function likeText(prop: string, pattern: string): string {
  const starts = pattern.startsWith("%");
  const ends = pattern.endsWith("%") && pattern.length > 1;
  const core = pattern.replace(/^%/, "").replace(/%$/, "");
  if (starts && ends) return `contains(${prop},${odataString(core)})`;
  if (ends) return `startswith(${prop},${odataString(core)})`;
  if (starts) return `endswith(${prop},${odataString(core)})`;
  return `${prop} eq ${odataString(core)}`;
}

// Dataverse query functions, by PCF/SDK ConditionOperator number (PA `webapi/reference/queryfunctions`).
const DATE_FUNCTIONS: Record<number, string> = {
  14: "Yesterday",
  15: "Today",
  16: "Tomorrow",
  17: "Last7Days",
  18: "Next7Days",
  19: "LastWeek",
  20: "ThisWeek",
  22: "LastMonth",
  23: "ThisMonth",
  28: "LastYear",
  29: "ThisYear",
};
const DATE_X_FUNCTIONS: Record<number, string> = { 33: "LastXDays", 34: "NextXDays", 37: "LastXMonths", 38: "NextXMonths" };
const COMPARISON: Record<number, string> = { 0: "eq", 1: "ne", 2: "gt", 3: "lt", 4: "ge", 5: "le" };

/** One condition as OData text, or null when the operator is not one we can write. */
export function conditionText(c: ConditionLike, kinds: Readonly<Record<string, ColumnKind>> = {}): string | null {
  const kind = kinds[c.attributeName];
  const prop = propertyOf(c.attributeName, kind);
  const op = c.conditionOperator;
  if (op in COMPARISON) return `${prop} ${COMPARISON[op]} ${odataLiteral(first(c.value), kind)}`;
  switch (op) {
    case 6:
      return likeText(prop, first(c.value));
    case 7:
      return `not ${likeText(prop, first(c.value))}`;
    case 8:
    case 9: {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const inner = values.length === 0 ? "false" : values.map((v) => `${prop} eq ${odataLiteral(v, kind)}`).join(" or ");
      return op === 8 ? `(${inner})` : `not (${inner})`;
    }
    case 12:
      return `${prop} eq null`;
    case 13:
      return `${prop} ne null`;
    case 25:
    case 26:
    case 27: {
      const fn = op === 25 ? "On" : op === 26 ? "OnOrBefore" : "OnOrAfter";
      return `Microsoft.Dynamics.CRM.${fn}(PropertyName=${odataString(c.attributeName)},PropertyValue=${odataString(first(c.value))})`;
    }
    case 49:
      return `contains(${prop},${odataString(first(c.value))})`;
    case 54:
      return `startswith(${prop},${odataString(first(c.value))})`;
    case 55:
      return `not startswith(${prop},${odataString(first(c.value))})`;
    case 56:
      return `endswith(${prop},${odataString(first(c.value))})`;
    case 57:
      return `not endswith(${prop},${odataString(first(c.value))})`;
    default:
      if (op in DATE_FUNCTIONS) return `Microsoft.Dynamics.CRM.${DATE_FUNCTIONS[op]}(PropertyName=${odataString(c.attributeName)})`;
      if (op in DATE_X_FUNCTIONS)
        return `Microsoft.Dynamics.CRM.${DATE_X_FUNCTIONS[op]}(PropertyName=${odataString(c.attributeName)},PropertyValue=${odataLiteral(first(c.value), "whole")})`;
      return null;
  }
}

function filterText(f: FilterLike, kinds: Readonly<Record<string, ColumnKind>>, unsupported: number[], depth: number): string | null {
  if (depth > 20) return null; // a cyclic or absurdly deep filter from a host: stop rather than overflow
  const parts: string[] = [];
  for (const c of Array.isArray(f.conditions) ? f.conditions : []) {
    const t = conditionText(c, kinds);
    if (t === null) unsupported.push(c.conditionOperator);
    else parts.push(t);
  }
  for (const sub of Array.isArray(f.filters) ? f.filters : []) {
    const t = filterText(sub, kinds, unsupported, depth + 1);
    if (t !== null) parts.push(`(${t})`);
  }
  if (parts.length === 0) return null;
  return parts.join(f.filterOperator === 1 ? " or " : " and ");
}

export function odataQuery(input: ODataInput): ODataQueryText {
  const kinds = input.kinds ?? {};
  const sorts = (input.sorting ?? []).filter((s) => s && typeof s.name === "string" && s.name !== "" && (s.sortDirection === 0 || s.sortDirection === 1));
  const orderby = sorts.length ? sorts.map((s) => `${propertyOf(s.name, kinds[s.name])} ${s.sortDirection === 1 ? "desc" : "asc"}`).join(",") : null;
  const unsupported: number[] = [];
  const filter = input.filter ? filterText(input.filter, kinds, unsupported, 0) : null;
  const top = typeof input.pageSize === "number" && Number.isFinite(input.pageSize) && input.pageSize > 0 ? Math.floor(input.pageSize) : null;
  const parts: string[] = [];
  if (orderby) parts.push(`$orderby=${orderby}`);
  if (filter) parts.push(`$filter=${filter}`);
  if (top !== null) parts.push(`$top=${top}`);
  return { orderby, filter, top, unsupported, text: parts.join("&") };
}
