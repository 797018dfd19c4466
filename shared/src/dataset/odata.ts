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
  /** Columns whose condition value is not valid for the column's type (e.g. `2024-02-31`, `1.5` for a whole number): left out, never guessed. */
  invalid: string[];
  /** `$orderby=...&$filter=...&$top=...`, the parts present, in that order, as a person reads them. */
  text: string;
  /** The same query as it goes in a URL: each value percent-encoded (RFC 3986), starting with `?`; "" when empty. */
  url: string;
}

interface ODataInput {
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

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A number as OData's `decimalValue` writes it (OData ABNF: `[SIGN] 1*DIGIT ["." 1*DIGIT] ["e" [SIGN] 1*DIGIT]`):
 * `1.` becomes `1`, `.5` becomes `0.5`, `+2` becomes `2`. Null when the text is not a number.
 */
function odataNumber(value: string): string | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const [, sign, int, frac = "", exp] = m;
  if (int === "" && frac === "") return null;
  const whole = int === "" ? "0" : int;
  const fraction = frac === "" ? "" : `.${frac}`;
  const exponent = exp === undefined ? "" : `e${exp.replace(/^\+/, "")}`;
  return `${sign === "-" ? "-" : ""}${whole}${fraction}${exponent}`;
}

function daysIn(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `YYYY-MM-DD` names a day that exists (2024-02-29 does, 2024-02-31 and 2023-02-29 do not). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value.trim());
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** A date (`YYYY-MM-DD`) or a date and time with an offset (OData `dateTimeOffsetValue`), on a day that exists; null otherwise. */
function odataDate(value: string): string | null {
  const v = value.trim();
  if (isCalendarDate(v)) return v;
  const m = DATE_TIME.exec(v);
  if (!m || !isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const [h, min, sec] = [Number(m[4]), Number(m[5]), m[6] === undefined ? 0 : Number(m[6])];
  if (h > 23 || min > 59 || sec > 59) return null;
  if (m[7] !== "Z" && (Number(m[7].slice(1, 3)) > 23 || Number(m[7].slice(4)) > 59)) return null;
  return v;
}

/**
 * A literal of the column's kind: text is quoted, numbers and dates are normalised, and a value that is
 * not valid for a typed column (a number, date, yes/no or lookup column) gives null: it is refused,
 * never quoted into a query the service would reject.
 */
export function odataLiteral(value: string, kind: ColumnKind | undefined): string | null {
  const v = String(value);
  if (kind !== undefined && (NUMERIC_KINDS.has(kind) || kind === "choice")) {
    const n = odataNumber(v);
    if (n === null) return null;
    // Whole numbers and choices take integers only.
    if ((kind === "whole" || kind === "choice") && !/^-?\d+$/.test(n)) return null;
    return n;
  }
  if (kind === "boolean") {
    const t = v.trim().toLowerCase();
    if (t === "true" || t === "1") return "true";
    if (t === "false" || t === "0") return "false";
    return null;
  }
  if (kind === "date" || kind === "datetime") return odataDate(v);
  if (kind === "lookup") return GUID.test(v.trim()) ? v.trim().toLowerCase() : null;
  return odataString(v);
}

/** A property path: lookups are filtered through their `_name_value` property in the Web API. */
function propertyOf(name: string, kind: ColumnKind | undefined): string {
  return kind === "lookup" ? `_${name}_value` : name;
}

function first(value: string | string[]): string {
  return Array.isArray(value) ? (value[0] ?? "") : value;
}

/**
 * Like patterns (`%text%`, `text%`, `%text`) map to contains/startswith/endswith. In the pattern, `[_]`,
 * `[%]` and `[[]` are escaped literals (SQL/FetchXML Like syntax); in an OData string literal those
 * characters are plain text, so the brackets go. A pattern with a wildcard inside (`a%b`, `a_b`) has no
 * OData equivalent: null.
 */
function likeText(prop: string, pattern: string): string | null {
  const starts = pattern.startsWith("%");
  const ends = pattern.endsWith("%") && pattern.length > 1 && !pattern.endsWith("[%]");
  const core = pattern.slice(starts ? 1 : 0, ends ? pattern.length - 1 : pattern.length);
  let literal = "";
  for (let i = 0; i < core.length; i++) {
    const c = core[i];
    if (c === "[" && core[i + 2] === "]" && "%_[".includes(core[i + 1])) {
      literal += core[i + 1];
      i += 2;
    } else if (c === "%" || c === "_" || c === "[") {
      return null;
    } else literal += c;
  }
  if (starts && ends) return `contains(${prop},${odataString(literal)})`;
  if (ends) return `startswith(${prop},${odataString(literal)})`;
  if (starts) return `endswith(${prop},${odataString(literal)})`;
  return `${prop} eq ${odataString(literal)}`;
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

/** Why a condition could not be written. */
type Refusal = "unsupported" | "invalid";

/** One condition as OData text, or null when the operator is not one we can write or the value is not valid for the column. */
export function conditionText(c: ConditionLike, kinds: Readonly<Record<string, ColumnKind>> = {}): string | null {
  const r = writeCondition(c, kinds);
  return typeof r === "string" && !REFUSALS.has(r) ? r : null;
}

const REFUSALS: ReadonlySet<string> = new Set<Refusal>(["unsupported", "invalid"]);

/** The condition as text, or a `Refusal` ("unsupported" or "invalid"). */
function writeCondition(c: ConditionLike, kinds: Readonly<Record<string, ColumnKind>>): string {
  const kind = kinds[c.attributeName];
  const prop = propertyOf(c.attributeName, kind);
  const op = c.conditionOperator;
  const value = first(c.value);
  const literal = (v: string, k: ColumnKind | undefined = kind): string | null => odataLiteral(v, k);
  if (op in COMPARISON) {
    const l = literal(value);
    return l === null ? "invalid" : `${prop} ${COMPARISON[op]} ${l}`;
  }
  switch (op) {
    case 6:
      return likeText(prop, value) ?? "unsupported";
    case 7: {
      const t = likeText(prop, value);
      return t === null ? "unsupported" : `not ${t}`;
    }
    case 8:
    case 9: {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      const literals = values.map((v) => literal(v));
      if (literals.some((l) => l === null)) return "invalid";
      const inner = literals.length === 0 ? "false" : literals.map((l) => `${prop} eq ${l}`).join(" or ");
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
      const date = odataDate(value);
      return date === null
        ? "invalid"
        : `Microsoft.Dynamics.CRM.${fn}(PropertyName=${odataString(c.attributeName)},PropertyValue=${odataString(date)})`;
    }
    case 49:
      return `contains(${prop},${odataString(value)})`;
    case 54:
      return `startswith(${prop},${odataString(value)})`;
    case 55:
      return `not startswith(${prop},${odataString(value)})`;
    case 56:
      return `endswith(${prop},${odataString(value)})`;
    case 57:
      return `not endswith(${prop},${odataString(value)})`;
    default:
      if (op in DATE_FUNCTIONS) return `Microsoft.Dynamics.CRM.${DATE_FUNCTIONS[op]}(PropertyName=${odataString(c.attributeName)})`;
      if (op in DATE_X_FUNCTIONS) {
        const n = literal(value, "whole");
        return n === null
          ? "invalid"
          : `Microsoft.Dynamics.CRM.${DATE_X_FUNCTIONS[op]}(PropertyName=${odataString(c.attributeName)},PropertyValue=${n})`;
      }
      return "unsupported";
  }
}

interface Refused {
  unsupported: number[];
  invalid: string[];
}

function filterText(f: FilterLike, kinds: Readonly<Record<string, ColumnKind>>, refused: Refused, depth: number): string | null {
  if (depth > 20) return null; // a cyclic or absurdly deep filter from a host: stop rather than overflow
  const parts: string[] = [];
  for (const c of Array.isArray(f.conditions) ? f.conditions : []) {
    const t = writeCondition(c, kinds);
    if (t === "unsupported") refused.unsupported.push(c.conditionOperator);
    else if (t === "invalid") refused.invalid.push(c.attributeName);
    else parts.push(t);
  }
  for (const sub of Array.isArray(f.filters) ? f.filters : []) {
    const t = filterText(sub, kinds, refused, depth + 1);
    if (t !== null) parts.push(`(${t})`);
  }
  if (parts.length === 0) return null;
  return parts.join(f.filterOperator === 1 ? " or " : " and ");
}

/**
 * Percent-encodes a query option's value for a URL (RFC 3986): `%`, `&`, `#`, `+`, `=`, `,`, spaces and
 * every non-ASCII character are encoded; `'`, `(`, `)` stay, as OData URLs write them.
 */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value);
}

export function odataQuery(input: ODataInput): ODataQueryText {
  const kinds = input.kinds ?? {};
  const sorts = (input.sorting ?? []).filter(
    (s) => s && typeof s.name === "string" && s.name !== "" && (s.sortDirection === 0 || s.sortDirection === 1),
  );
  const orderby = sorts.length
    ? sorts.map((s) => `${propertyOf(s.name, kinds[s.name])} ${s.sortDirection === 1 ? "desc" : "asc"}`).join(",")
    : null;
  const refused: Refused = { unsupported: [], invalid: [] };
  const filter = input.filter ? filterText(input.filter, kinds, refused, 0) : null;
  const top =
    typeof input.pageSize === "number" && Number.isFinite(input.pageSize) && input.pageSize > 0 ? Math.floor(input.pageSize) : null;
  const parts: [string, string][] = [];
  if (orderby) parts.push(["$orderby", orderby]);
  if (filter) parts.push(["$filter", filter]);
  if (top !== null) parts.push(["$top", String(top)]);
  return {
    orderby,
    filter,
    top,
    unsupported: refused.unsupported,
    invalid: refused.invalid,
    text: parts.map(([k, v]) => `${k}=${v}`).join("&"),
    url: parts.length ? `?${parts.map(([k, v]) => `${k}=${encodeQueryValue(v)}`).join("&")}` : "",
  };
}
