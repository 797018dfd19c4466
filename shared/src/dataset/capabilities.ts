import { TEXT_KINDS, NUMERIC_KINDS } from "./columns";
import type { TableFacts } from "./provider";
import type { ColumnKind, GridColumn } from "./types";

// Source: PA `maker/data-platform/limits-tshoot-virtual-tables.md` [11/22/2024]: connector-provider queries are limited to 1,000 records.
const VIRTUAL_CONNECTOR_ROW_LIMIT = 1000;
// Source: PA `developer/data-platform/webapi/query/page-results`: at most 5,000 rows per page for standard tables.
const MAX_PAGE_SIZE = 5000;
const DEFAULT_PAGE_SIZE = 50;

/** The page size to ask for: a whole number from 1 to 5,000; anything else falls back to the default. */
export function effectivePageSize(requested: number | null | undefined): { size: number; capped: boolean; invalid: boolean } {
  if (typeof requested !== "number" || !Number.isFinite(requested) || requested < 1)
    return { size: DEFAULT_PAGE_SIZE, capped: false, invalid: requested !== null && requested !== undefined };
  const whole = Math.floor(requested);
  return whole > MAX_PAGE_SIZE ? { size: MAX_PAGE_SIZE, capped: true, invalid: false } : { size: whole, capped: false, invalid: false };
}

/** Why a column cannot be sorted or filtered; each maps to a .resx explanation. */
type CapabilityReason =
  | "virtualLookup" // PA `virtual-entities/get-started-ve.md`: no filter or sort on a virtual-table lookup column
  | "notDataverse" // PA `component-framework/reference/dataset.md`: dataset sort/filter only for Dataverse sources
  | "sortDisabledByView" // the host marks the column `disableSorting`
  | "providerCannotSort" // the host says the data source cannot sort at all
  | "providerCannotFilter"
  | "filterTypeNotOffered"; // this control offers no filter editor for the type (choices, lookups, files...)

export interface ColumnCapability {
  canSort: boolean;
  canFilter: boolean;
  sortReason: CapabilityReason | null;
  filterReason: CapabilityReason | null;
  filterOperators: FilterOperatorChoice[];
}

/** Filter editors the header offers, by column kind. */
export type FilterOperatorChoice = "contains" | "eq" | "ne" | "gt" | "lt" | "onOrAfter" | "onOrBefore" | "isTrue" | "isFalse" | "isEmpty";

function filterOperatorsFor(kind: ColumnKind): FilterOperatorChoice[] {
  if (TEXT_KINDS.has(kind)) return ["contains", "eq", "ne", "isEmpty"];
  if (NUMERIC_KINDS.has(kind)) return ["eq", "ne", "gt", "lt", "isEmpty"];
  if (kind === "date" || kind === "datetime") return ["onOrAfter", "onOrBefore", "isEmpty"];
  if (kind === "boolean") return ["isTrue", "isFalse"];
  return [];
}

interface CapabilityEnv {
  /** What the metadata says about the table and its provider (nothing is assumed while it is unknown). */
  table: TableFacts;
  datasetCanSort?: boolean;
  datasetCanFilter?: boolean;
}

/**
 * Whether a lookup column of a virtual table can be sorted and filtered: lookups between virtual tables
 * cannot (PA `virtual-entities/get-started-ve.md`); lookups to native tables can since 2024 where the
 * provider supports it (learn.microsoft.com/power-platform/release-plan/2024wave2/data-platform/create-virtual-table-native-table-relationships).
 */
function virtualLookupLocked(column: { name?: string; kind: ColumnKind }, table: TableFacts): boolean {
  if (column.kind !== "lookup") return false;
  const virtual = table.isVirtual ?? (table.isFinOps ? true : null);
  if (virtual !== true) return false;
  const toNative = column.name !== undefined && table.nativeLookupColumns.includes(column.name);
  return !(toNative && table.rules.nativeLookups === "supported");
}

export function columnCapability(
  column: Pick<GridColumn, "kind"> & { name?: string; disableSorting?: boolean },
  env: CapabilityEnv,
): ColumnCapability {
  let sortReason: CapabilityReason | null = null;
  let filterReason: CapabilityReason | null = null;
  if (!env.table.isDataverse) {
    sortReason = "notDataverse";
    filterReason = "notDataverse";
  } else if (virtualLookupLocked(column, env.table)) {
    sortReason = "virtualLookup";
    filterReason = "virtualLookup";
  }
  if (sortReason === null && env.datasetCanSort === false) sortReason = "providerCannotSort";
  if (sortReason === null && column.disableSorting === true) sortReason = "sortDisabledByView";
  if (filterReason === null && env.datasetCanFilter === false) filterReason = "providerCannotFilter";
  const filterOperators = filterReason === null ? filterOperatorsFor(column.kind) : [];
  if (filterReason === null && filterOperators.length === 0) filterReason = "filterTypeNotOffered";
  return { canSort: sortReason === null, canFilter: filterReason === null, sortReason, filterReason, filterOperators };
}

/** What the diagnostics pane warns about. */
export type DatasetWarning =
  | "pageSizeIgnored"
  | "pageSizeCapped"
  | "orderIgnored"
  | "connectorLimit"
  | "countUnavailable"
  | "odataInlineCount"
  | "finOpsTempTablePaging";

interface WarningInput {
  pageSizeAsked: number;
  pageSizeRequestedByMaker?: number | null;
  /** Rows in the last page that arrived (rows loaded minus rows before it). */
  lastPageRows: number | null;
  loadedRows: number;
  hasNextPage: boolean;
  totalResultCount: number;
  /** Whether the loaded rows are in the order asked for; null when no order was asked or it cannot be told. */
  orderHonoured: boolean | null;
  errorMessage?: string | null;
  /** The table and its provider: the provider-specific warnings need it. */
  table?: TableFacts;
  /** Whether pages keep to the page size asked (null before any page). */
  pageSizeHonoured?: boolean | null;
}

export function datasetWarnings(input: WarningInput): DatasetWarning[] {
  const warnings: DatasetWarning[] = [];
  const provider = input.table?.provider;
  if (
    input.pageSizeHonoured === false ||
    (input.pageSizeHonoured === undefined && input.lastPageRows !== null && input.lastPageRows > input.pageSizeAsked)
  )
    warnings.push("pageSizeIgnored");
  if (typeof input.pageSizeRequestedByMaker === "number" && input.pageSizeRequestedByMaker > MAX_PAGE_SIZE) warnings.push("pageSizeCapped");
  if (input.orderHonoured === false) warnings.push("orderIgnored");
  // Only the connector provider has the 1,000-row cap, and reaching exactly 1,000 rows is a hint, not proof:
  // the warning says the rows may be cut off there, and only for that provider.
  const atCap = input.loadedRows === VIRTUAL_CONNECTOR_ROW_LIMIT || input.lastPageRows === VIRTUAL_CONNECTOR_ROW_LIMIT;
  if (provider === "connector" && (input.totalResultCount === VIRTUAL_CONNECTOR_ROW_LIMIT || (atCap && !input.hasNextPage)))
    warnings.push("connectorLimit");
  if (!(input.totalResultCount >= 0)) warnings.push(provider === "odataV4" ? "odataInlineCount" : "countUnavailable");
  // Source: FO `power-platform/faq.md`: "Paging isn't supported for queries with temporary tables".
  if (input.table?.isFinOps !== false && typeof input.errorMessage === "string" && /temporary tables?/i.test(input.errorMessage))
    warnings.push("finOpsTempTablePaging");
  return warnings;
}

function comparable(value: unknown): number | string | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value !== "") return value;
  return null;
}

/**
 * Whether values are in the asked order. Empty values are skipped (providers place them differently);
 * text is compared ignoring case and accents because server collations differ from the browser's.
 * Returns null when fewer than two values can be compared.
 */
export function isInOrder(values: readonly unknown[], direction: 0 | 1): boolean | null {
  let prev: number | string | null = null;
  let compared = 0;
  for (const v of values) {
    const c = comparable(v);
    if (c === null) continue;
    if (prev !== null && typeof prev === typeof c) {
      compared++;
      const cmp =
        typeof c === "number"
          ? (prev as number) - c
          : (prev as string).localeCompare(c, undefined, { sensitivity: "base", numeric: false });
      if ((direction === 0 && cmp > 0) || (direction === 1 && cmp < 0)) return false;
    }
    prev = c;
  }
  return compared === 0 ? null : true;
}

/** Paging mode: by count when the host gives one, by `hasNextPage` when the count is -1 or absent (canvas apps). */
export function pageCount(totalResultCount: number, pageSize: number): number | null {
  if (!(totalResultCount >= 0) || !(pageSize > 0)) return null;
  return Math.max(1, Math.ceil(totalResultCount / pageSize));
}
