import type { ColumnCapability, DatasetWarning } from "./capabilities";
import type { ColumnFilter } from "./filters";
import type { ODataQueryText } from "./odata";
import type { PageLog, PageLogEntry } from "./pageLog";
import type { TableFacts } from "./provider";
import type { GridColumn, GridRow, SortStatusLike } from "./types";

/**
 * The preview's state contract (issue 8): `DatasetSession` is a `ReadableStore<SessionSnapshot>`.
 * Every change (rows, page log, pending request, selection, sort, filters, paging, table facts,
 * errors) produces a new snapshot object; an unchanged part keeps its identity, so React can compare
 * by reference (`rows`, `columns`, `pageLog`, `table` …). Nothing here is a getter or a function.
 */
export interface SessionSnapshot {
  /** Increases by one with every new snapshot. */
  readonly version: number;
  readonly model: SessionModel;
  /** The columns with what can be done with each (sort, filter) and why not. Same identity until columns or table facts change. */
  readonly columns: readonly ColumnView[];
  readonly pageLog: PageLog;
  /** The request this control is waiting for (its own, never the host's `loading` flag), or null. */
  readonly pending: PageLogEntry | null;
  /** `pending !== null`: loads are refused while true (PCF paging calls do not run in parallel). */
  readonly busy: boolean;
  /**
   * Retry can be pressed: nothing is pending, or the dataset shows an error (a request the host never
   * answered is then superseded). Never false while an error is shown.
   */
  readonly canRetry: boolean;
  /** The host says it is loading (shown as a note; it never blocks the control's own requests). */
  readonly hostLoading: boolean;
  /** The dataset's error message when it is in error ("" when the host gave none), else null. */
  readonly error: string | null;
  readonly selectedIds: readonly string[];
  /** The sort in force (as the dataset reports it), only columns with a direction. */
  readonly sorting: readonly SortStatusLike[];
  readonly filters: readonly ColumnFilter[];
  readonly paging: PagingState;
  readonly warnings: readonly DatasetWarning[];
  readonly table: TableFacts;
  /** The current sort, filter and page size as OData text (an explanation; the platform builds the real query). */
  readonly query: ODataQueryText;
  readonly summary: DiagnosticsSummary;
  /** The host can open a record (`openDatasetItem`). */
  readonly canOpen: boolean;
  /** When rows last arrived (epoch ms), or null. */
  readonly lastArrivalAt: number | null;
}

export interface SessionModel {
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** Ids listed in sortedRecordIds with no record behind them. */
  readonly orphanIds: number;
  /** Columns of the view that no loaded record returned. */
  readonly missingColumns: readonly string[];
  /** Cells whose value did not fit their column's type, among the first `checkedRows` rows. */
  readonly mismatchedCells: number;
  readonly checkedRows: number;
}

export interface ColumnView {
  readonly column: GridColumn;
  readonly capability: ColumnCapability;
}

export interface PagingState {
  readonly pageNumber: number;
  /** The page size this control asks for (1 to 5,000). */
  readonly pageSize: number;
  /** -1 when the host gives no count. */
  readonly totalResultCount: number;
  /** Null when there is no count, or the provider ignores the page size. */
  readonly pageCount: number | null;
  readonly canGoNext: boolean;
  readonly canGoPrevious: boolean;
}

/** The one summary line of the diagnostics pane. */
export interface DiagnosticsSummary {
  /** Page requests settled (done or failed) in the log, and how many failed. */
  readonly requests: number;
  readonly failed: number;
  readonly rowsShown: number;
  readonly totalResultCount: number;
  readonly pageSizeAsked: number;
  /** Rows in the largest page that arrived, or null when none did. */
  readonly largestPage: number | null;
  /** False when a page brought more rows than asked (the provider ignores the page size); null before any page. */
  readonly pageSizeHonoured: boolean | null;
  readonly lastDurationMs: number | null;
  readonly slowestDurationMs: number | null;
}

/** What the app can ask the session to do. Each returns whether a request was made. */
export interface SessionActions {
  sort(column: string, direction?: 0 | 1): boolean;
  setFilter(column: string, filter: ColumnFilter | null): boolean;
  clearFilters(): boolean;
  retry(): boolean;
  nextPage(): boolean;
  previousPage(): boolean;
  firstPage(): boolean;
  /** Infinite loading: appends the next page. */
  loadMore(): boolean;
  /** Stops waiting for the pending request; rows already shown stay. */
  cancel(): void;
  select(ids: readonly string[]): void;
  open(id: string): boolean;
}
