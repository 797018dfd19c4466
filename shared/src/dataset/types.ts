/**
 * Minimal structural shapes of the PCF dataset API (PA `developer/component-framework/reference/dataset.md`).
 * shared/ must not depend on PCF globals, so these mirror only what we read; a real
 * `ComponentFramework.PropertyTypes.DataSet` satisfies them structurally.
 */

/** -1 none, 0 ascending, 1 descending (PCF `SortDirection`). */
export type SortDirectionValue = -1 | 0 | 1;

export interface SortStatusLike {
  name: string;
  sortDirection: SortDirectionValue;
}

export interface ConditionLike {
  attributeName: string;
  conditionOperator: number;
  value: string | string[];
  entityAliasName?: string;
}

export interface FilterLike {
  /** 0 and, 1 or (PCF `FilterOperator`). */
  filterOperator: 0 | 1;
  conditions: ConditionLike[];
  filters?: FilterLike[];
}

export interface ColumnLike {
  name: string;
  displayName?: string;
  dataType?: string;
  alias?: string;
  order?: number;
  visualSizeFactor?: number;
  isHidden?: boolean;
  isPrimary?: boolean;
  disableSorting?: boolean;
}

export interface EntityReferenceLike {
  id: { guid: string } | string;
  etn?: string;
  entityType?: string;
  name?: string;
}

export interface RecordLike {
  getRecordId(): string;
  getValue(columnName: string): unknown;
  getFormattedValue(columnName: string): string | null | undefined;
  getNamedReference?(): EntityReferenceLike | null | undefined;
}

interface PagingLike {
  totalResultCount: number;
  pageSize: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  firstPageNumber?: number;
  lastPageNumber?: number;
  /** Present in model-driven hosts and the harness, not in the typings. */
  pageNumber?: number;
  loadNextPage(loadOnlyNewPage?: boolean): void;
  loadPreviousPage(loadOnlyNewPage?: boolean): void;
  loadExactPage?(pageNumber: number): void;
  reset(): void;
  setPageSize(pageSize: number): void;
}

interface FilteringLike {
  getFilter(): FilterLike | null | undefined;
  setFilter(expression: FilterLike): void;
  clearFilter(): void;
}

export interface DatasetLike {
  columns: ColumnLike[] | null | undefined;
  records: Record<string, RecordLike> | null | undefined;
  sortedRecordIds: string[] | null | undefined;
  sorting: SortStatusLike[] | null | undefined;
  loading: boolean;
  error: boolean;
  errorMessage?: string | null;
  paging: PagingLike | null | undefined;
  filtering?: FilteringLike | null;
  getTargetEntityType?(): string;
  getSelectedRecordIds?(): string[] | undefined | null;
  setSelectedRecordIds?(ids: string[]): void;
  openDatasetItem?(ref: EntityReferenceLike): void;
  refresh(): void;
}

/** What kind of value a column holds, derived from the PCF data type name. */
export type ColumnKind =
  | "text"
  | "multiline"
  | "email"
  | "phone"
  | "url"
  | "whole"
  | "decimal"
  | "currency"
  | "date"
  | "datetime"
  | "boolean"
  | "choice"
  | "choices"
  | "lookup"
  | "other";

export interface GridColumn {
  name: string;
  displayName: string;
  /** PCF data type name as the host gave it, e.g. "Whole.None". Empty when unknown. */
  dataType: string;
  kind: ColumnKind;
  isPrimary: boolean;
  /** Relative width from the view (visualSizeFactor); 1 when unknown. */
  width: number;
}

/**
 * One cell, read defensively: `value` is the raw value, `text` the host's formatted text (if any),
 * `mismatch` is true when the raw value does not fit the column kind (a bad provider or a wrong view).
 */
export interface GridCell {
  value: unknown;
  text: string | null;
  mismatch: boolean;
  missing: boolean;
}

export interface GridRow {
  readonly id: string;
  readonly cells: Record<string, GridCell>;
  readonly reference: EntityReferenceLike | null;
}
