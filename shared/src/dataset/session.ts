import { datasetWarnings, effectivePageSize, isInOrder, type DatasetWarning } from "./capabilities";
import { readColumns } from "./columns";
import { buildFilter, type ColumnFilter } from "./filters";
import { askPage, cancelPending, createPageLog, pendingPage, recordArrival, type PageLog, type PageReason } from "./pageLog";
import { datasetSignature, readRows } from "./records";
import type { SessionModel } from "./snapshot";
import type { DatasetLike, SortDirectionValue } from "./types";

const EMPTY_MODEL: SessionModel = { columns: [], rows: [], orphanIds: 0, missingColumns: [], mismatchedCells: 0, checkedRows: 0 };

/**
 * Everything the control does with a PCF dataset, over the structural `DatasetLike`: it turns the
 * dataset into rows once per change (compared by signature, since hosts differ in what they report
 * as updated), times every page, and makes the dataset calls for sort, filter, paging, selection and
 * open. Load calls never overlap: the PCF paging methods "don't support parallel execution"
 * (PA `component-framework/reference/paging.md`), so a new load is refused while one is pending.
 */
export class DatasetSession {
  private dataset: DatasetLike | null = null;
  private signature = "";
  private lastRecords: unknown = undefined;
  private model: SessionModel = EMPTY_MODEL;
  private log: PageLog;
  private filters: ColumnFilter[] = [];
  private localPage = 1;
  private rowsBeforeLoad = 0;
  private lastReason: PageReason = "first";
  private pageSizeAsked: number;
  private pageSizeSent = false;
  private selection: string[] = [];
  private lastArrival: number | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    pageSize = 50,
  ) {
    this.pageSizeAsked = effectivePageSize(pageSize).size;
    this.log = askPage(createPageLog(), { pageNumber: 1, reason: "first", at: now(), pageSizeAsked: this.pageSizeAsked });
  }

  /** Takes the host's latest dataset; returns true when what the grid shows has changed. */
  sync(dataset: DatasetLike | null | undefined, pageSize: number | null | undefined): boolean {
    this.dataset = dataset ?? null;
    const size = effectivePageSize(pageSize).size;
    if (dataset?.paging && (!this.pageSizeSent || size !== this.pageSizeAsked)) {
      const changed = this.pageSizeSent && size !== this.pageSizeAsked;
      this.pageSizeAsked = size;
      this.pageSizeSent = true;
      safely(() => dataset.paging?.setPageSize(size));
      // setPageSize applies on "the next data refresh" (PA paging/setpagesize.md): refresh when the maker changed it.
      if (changed && !this.busy()) this.load("refresh", 1, () => dataset.refresh());
    }
    const signature = datasetSignature(dataset);
    // New record objects with the same ids (a refresh returning the same rows, edited values) must still
    // reach the grid, so the records object's identity counts as a change too.
    const records = dataset?.records ?? null;
    const recordsChanged = records !== this.lastRecords;
    const signatureChanged = signature !== this.signature;
    if (!signatureChanged && !recordsChanged) return false;
    this.signature = signature;
    this.lastRecords = records;
    if (!dataset) {
      this.model = EMPTY_MODEL;
      return true;
    }
    if (dataset.loading) {
      if (!pendingPage(this.log)) this.log = askPage(this.log, { pageNumber: this.pageNumber(), reason: "host", at: this.now(), pageSizeAsked: this.pageSizeAsked });
      return true;
    }
    this.model = buildModel(dataset);
    // Log an arrival when what is shown changed, or when the page we asked for came back unchanged;
    // not for every re-render of the same data (a resize also calls updateView).
    if (signatureChanged || pendingPage(this.log)) {
      const total = this.model.rows.length;
      const appended = this.lastReason === "more" && total > this.rowsBeforeLoad;
      const at = this.now();
      this.log = recordArrival(this.log, {
        at,
        rowCount: appended ? total - this.rowsBeforeLoad : total,
        pageNumber: this.pageNumber(),
        pageSize: this.pageSizeAsked,
        failed: dataset.error === true,
      });
      this.lastArrival = at;
    }
    const hostSelection = safely(() => dataset.getSelectedRecordIds?.());
    const known = new Set(this.model.rows.map((r) => r.id));
    if (Array.isArray(hostSelection)) this.selection = hostSelection.filter((id) => known.has(id));
    else if (signatureChanged) this.selection = this.selection.filter((id) => known.has(id));
    return true;
  }

  get current(): SessionModel {
    return this.model;
  }

  get pageLog(): PageLog {
    return this.log;
  }

  get lastArrivalAt(): number | null {
    return this.lastArrival;
  }

  get activeFilters(): readonly ColumnFilter[] {
    return this.filters;
  }

  get selectedIds(): readonly string[] {
    return this.selection;
  }

  get pageSize(): number {
    return this.pageSizeAsked;
  }

  /** A load is pending (asked by us or started by the host) or the dataset says it is loading. */
  busy(): boolean {
    return pendingPage(this.log) !== undefined || this.dataset?.loading === true;
  }

  pageNumber(): number {
    const p = this.dataset?.paging;
    const n = p?.pageNumber ?? p?.firstPageNumber;
    return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : this.localPage;
  }

  sortDirection(column: string): SortDirectionValue {
    const s = (this.dataset?.sorting ?? []).find((x) => x.name === column);
    return s ? s.sortDirection : -1;
  }

  /** Sorts by one column: ascending first, then toggling. Re-applies the filter, which re-sorting resets (PA reference/dataset.md). */
  sort(column: string, direction?: 0 | 1): boolean {
    const ds = this.dataset;
    if (!ds || this.busy()) return false;
    const next: 0 | 1 = direction ?? (this.sortDirection(column) === 0 ? 1 : 0);
    const sorting = ds.sorting;
    if (Array.isArray(sorting)) {
      // Hosts expose `sorting` as a live array; replacing its contents works where assigning does not.
      sorting.splice(0, sorting.length, { name: column, sortDirection: next });
    } else {
      ds.sorting = [{ name: column, sortDirection: next }];
    }
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  /** Sets (or, with null, clears) the filter of one column and refreshes. */
  setFilter(column: string, filter: ColumnFilter | null): boolean {
    const ds = this.dataset;
    if (!ds || this.busy() || !ds.filtering) return false;
    this.filters = this.filters.filter((f) => f.column !== column);
    if (filter) this.filters.push({ ...filter, column });
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  clearFilters(): boolean {
    const ds = this.dataset;
    if (!ds || this.busy() || this.filters.length === 0) return false;
    this.filters = [];
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  /** Asks the host to load the data again (after an error). */
  retry(): boolean {
    const ds = this.dataset;
    if (!ds || this.busy()) return false;
    return this.load("refresh", this.pageNumber(), () => ds.refresh());
  }

  private reapplyFilter(): void {
    const filtering = this.dataset?.filtering;
    if (!filtering) return;
    const expression = buildFilter(this.filters);
    safely(() => (expression ? filtering.setFilter(expression) : filtering.clearFilter()));
  }

  nextPage(): boolean {
    const p = this.dataset?.paging;
    if (!p || !this.canGoNext()) return false;
    return this.load("next", this.pageNumber() + 1, () => p.loadNextPage(true));
  }

  /** Infinite loading: appends the next page to the rows already shown. */
  loadMore(): boolean {
    const p = this.dataset?.paging;
    if (!p || !p.hasNextPage) return false;
    return this.load("more", this.pageNumber() + 1, () => p.loadNextPage(false));
  }

  previousPage(): boolean {
    const p = this.dataset?.paging;
    if (!p || this.pageNumber() <= 1) return false;
    return this.load("previous", this.pageNumber() - 1, () => p.loadPreviousPage(true));
  }

  firstPage(): boolean {
    const p = this.dataset?.paging;
    const ds = this.dataset;
    if (!p || !ds) return false;
    return this.load("firstPage", 1, () => {
      if (typeof p.loadExactPage === "function") p.loadExactPage(1);
      else {
        p.reset();
        ds.refresh();
      }
    });
  }

  canGoNext(): boolean {
    const p = this.dataset?.paging;
    if (!p) return false;
    if (p.hasNextPage) return true;
    // With a count, more pages exist when the count passes what the pages so far hold.
    return p.totalResultCount >= 0 && p.totalResultCount > this.pageNumber() * this.pageSizeAsked && this.model.rows.length < p.totalResultCount;
  }

  /** Stops waiting for a page that does not arrive; the rows already shown stay. */
  cancel(): void {
    this.log = cancelPending(this.log, this.now());
  }

  select(ids: readonly string[]): void {
    const known = new Set(this.model.rows.map((r) => r.id));
    this.selection = ids.filter((id) => known.has(id));
    safely(() => this.dataset?.setSelectedRecordIds?.([...this.selection]));
  }

  open(id: string): boolean {
    const ds = this.dataset;
    const row = this.model.rows.find((r) => r.id === id);
    if (!ds?.openDatasetItem || !row) return false;
    const entityType = safely(() => ds.getTargetEntityType?.()) ?? "";
    const ref = row.reference && row.reference.id ? row.reference : { id: { guid: id }, etn: entityType, entityType, name: "" };
    safely(() => ds.openDatasetItem?.(ref));
    return true;
  }

  warnings(requestedPageSize?: number | null): DatasetWarning[] {
    const ds = this.dataset;
    const p = ds?.paging;
    const lastDone = [...this.log.entries].reverse().find((e) => e.status === "done");
    const sort = (ds?.sorting ?? []).find((s) => s.sortDirection === 0 || s.sortDirection === 1);
    // Judge the order only on rows that arrived after the sort was asked for, never while waiting.
    const orderHonoured = !this.busy() && sort && this.model.columns.some((c) => c.name === sort.name) ? isInOrder(this.model.rows.slice(0, CHECKED_ROWS).map((r) => r.cells[sort.name]?.value), sort.sortDirection as 0 | 1) : null;
    return datasetWarnings({
      pageSizeAsked: this.pageSizeAsked,
      pageSizeRequestedByMaker: requestedPageSize,
      lastPageRows: lastDone?.rowCount ?? null,
      loadedRows: this.model.rows.length,
      hasNextPage: p?.hasNextPage === true,
      totalResultCount: typeof p?.totalResultCount === "number" ? p.totalResultCount : -1,
      orderHonoured,
      errorMessage: ds?.error ? ds.errorMessage : null,
    });
  }

  private load(reason: PageReason, pageNumber: number, call: () => void): boolean {
    if (this.busy()) return false;
    this.lastReason = reason;
    this.rowsBeforeLoad = this.model.rows.length;
    this.localPage = pageNumber;
    this.log = askPage(this.log, { pageNumber, reason, at: this.now(), pageSizeAsked: this.pageSizeAsked });
    try {
      call();
    } catch {
      this.log = recordArrival(this.log, { at: this.now(), rowCount: 0, pageNumber, pageSize: this.pageSizeAsked, failed: true });
    }
    return true;
  }
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}

/**
 * Rows the data checks (missing columns, wrong types, order) look at: about a screenful, the rows the
 * grid reads anyway for its first paint (cells are cached), so the checks add nothing at 5,000 rows.
 */
export const CHECKED_ROWS = 30;

function buildModel(dataset: DatasetLike): SessionModel {
  const columns = readColumns(dataset.columns);
  const { rows, orphanIds } = readRows(dataset, columns);
  const sample = rows.slice(0, CHECKED_ROWS);
  const missingColumns = sample.length ? columns.filter((c) => sample.every((r) => r.cells[c.name].missing)).map((c) => c.name) : [];
  let mismatchedCells = 0;
  for (const r of sample) for (const c of columns) if (r.cells[c.name].mismatch) mismatchedCells++;
  return { columns, rows, orphanIds, missingColumns, mismatchedCells, checkedRows: sample.length };
}
