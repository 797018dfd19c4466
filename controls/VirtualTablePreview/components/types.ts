import type { CellFormatters, ColumnCapability, ColumnFilter, DatasetWarning, GridColumn, PageLog, SortDirectionValue } from "@integrationkit/shared";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Live reads the component makes on every render (the page log changes between host updates, e.g. on cancel). */
export interface LiveState {
  pageLog(): PageLog;
  busy(): boolean;
  selectedIds(): readonly string[];
  warnings(): DatasetWarning[];
  sortDirection(column: string): SortDirectionValue;
  activeFilters(): readonly ColumnFilter[];
  canGoNext(): boolean;
  pageNumber(): number;
}

export interface GridCallbacks {
  onSort(column: string, direction?: 0 | 1): void;
  onFilter(column: string, filter: ColumnFilter | null): void;
  onSelect(ids: string[]): void;
  onOpen(id: string): void;
}

export interface ColumnView {
  column: GridColumn;
  capability: ColumnCapability;
}

export type { CellFormatters };
