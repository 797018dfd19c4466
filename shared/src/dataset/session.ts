import { Emitter, type ReadableStore } from "../store";
import { columnCapability, datasetWarnings, effectivePageSize, isInOrder, pageCount, type DatasetWarning } from "./capabilities";
import { readColumns } from "./columns";
import { buildFilter, type ColumnFilter } from "./filters";
import { odataQuery, type ODataQueryText } from "./odata";
import {
  askPage,
  cancelPending,
  createPageLog,
  pageDuration,
  pendingPage,
  recordArrival,
  settlePage,
  type PageLog,
  type PageReason,
} from "./pageLog";
import { checkingFacts, readTableFacts, type MetadataSource, type TableFacts } from "./provider";
import { createRecordSource, patchRows, readRows, type RowCache } from "./records";
import type { ColumnView, DiagnosticsSummary, PagingState, SessionActions, SessionModel, SessionSnapshot } from "./snapshot";
import type { ColumnKind, DatasetLike, GridRow, SortDirectionValue, SortStatusLike } from "./types";

const EMPTY_MODEL: SessionModel = { columns: [], rows: [], orphanIds: 0, missingColumns: [], mismatchedCells: 0, checkedRows: 0 };
const NO_IDS: readonly string[] = [];
const NO_FILTERS: readonly ColumnFilter[] = [];
const NO_SORT: readonly SortStatusLike[] = [];

/**
 * Rows the data checks (missing columns, wrong types, order) look at: about a screenful, the rows the
 * grid reads anyway for its first paint (cells are cached), so the checks add nothing at 5,000 rows.
 */
const CHECKED_ROWS = 30;

/** What the host reported, kept to tell a real answer from a re-render (a resize also calls updateView). */
interface HostState {
  dataset: DatasetLike | null;
  records: unknown;
  ids: unknown;
  /** Length, first and last id: catches a host that refills the same ids array in place, at O(1). */
  idsShape: string;
  columns: unknown;
  loading: boolean;
  error: boolean;
  errorMessage: string | null;
  sortKey: string;
  pagingKey: string;
}

/** The request this control made and is waiting for. */
interface OwnRequest {
  seq: number;
  reason: PageReason;
  pageNumber: number;
  rowsBefore: number;
  /** The host's state when the request was made: an answer is a change from it. */
  before: HostState;
  /** The host said `loading` after the request: its next non-loading update is the answer. */
  sawLoading: boolean;
}

/** Options of `sync` besides the dataset. */
interface SyncOptions {
  /** The page size the maker set (raw; validated here). */
  pageSize?: number | null;
  /** The host named the dataset among `context.updatedProperties`: this update is the dataset's answer. */
  datasetUpdated?: boolean;
  /**
   * False when the caller renders the new snapshot itself: PCF calls updateView while the host renders,
   * and notifying React subscribers then would update a component during another's render (React
   * warns). The element updateView returns reads `getSnapshot()`, so nothing is missed.
   */
  notify?: boolean;
}

/**
 * Everything the control does with a PCF dataset, over the structural `DatasetLike`, as a store of
 * immutable snapshots (`ReadableStore<SessionSnapshot>`): the app reads `getSnapshot()` and is told of
 * every change; nothing is read through getters.
 *
 * - The session tracks its own request: a load is refused while it waits for one (PCF paging calls
 *   "don't support parallel execution", PA `component-framework/reference/paging.md`), whatever the
 *   host's `loading` flag says, and the request settles when the host answers: new rows or record
 *   objects, an error that changed, or a `loading` that came and went. A host that reports `loading`
 *   late therefore never gets a second load, and a re-render (a resize) never settles a request.
 * - It is never stuck: Cancel stops waiting; while the dataset shows an error, Retry supersedes a
 *   request the host never answered (the same error twice in a row looks like no answer at all).
 *   PCF answers carry no request id: after a Cancel, a late answer to the abandoned load is taken as
 *   the answer to the next request, so until the host has answered everything the session can be one
 *   answer early (the property test states exactly this allowance).
 * - `sync` costs what changed: an update with the same records, ids, columns, sort and paging
 *   objects returns after comparing them, whatever the row count. A host that builds new objects for
 *   the same data on every update (the PCF test harness does, on a resize) costs one pass over the
 *   ids and the rows that were read (on screen); rows nobody has read take the new records unread.
 */
export class DatasetSession implements ReadableStore<SessionSnapshot>, SessionActions {
  private readonly emitter = new Emitter();
  private host: HostState = emptyHost();
  private model: SessionModel = EMPTY_MODEL;
  private rowCache: RowCache = new Map();
  /** The host's latest records, read through by every row the session made. */
  private readonly source = createRecordSource();
  private log: PageLog;
  private request: OwnRequest | null = null;
  private filters: readonly ColumnFilter[] = NO_FILTERS;
  private localPage = 1;
  private pageSizeAsked: number;
  private requestedPageSize: number | null | undefined;
  private pageSizeSent = false;
  private selection: readonly string[] = NO_IDS;
  private lastArrival: number | null = null;
  private hostLoadStartedAt: number | null = null;
  private table: TableFacts = checkingFacts("");
  private metadata: MetadataSource | null = null;
  private metadataKey = "";
  private metadataToken = 0;
  private columnViews: readonly ColumnView[] = [];
  private columnViewsKey: unknown[] = [];
  private snapshot: SessionSnapshot;
  private version = 0;
  private dirty = false;
  /** True while sync() runs: loads it starts publish with it. */
  private syncing = false;

  constructor(
    private readonly now: () => number = Date.now,
    pageSize: number | null | undefined = 50,
  ) {
    this.requestedPageSize = pageSize;
    this.pageSizeAsked = effectivePageSize(pageSize).size;
    // The first page is asked for by the host when the control loads; it is logged as this control's first request.
    this.log = askPage(createPageLog(), { pageNumber: 1, reason: "first", at: now(), pageSizeAsked: this.pageSizeAsked });
    this.request = { seq: this.log.nextSeq - 1, reason: "first", pageNumber: 1, rowsBefore: 0, before: emptyHost(), sawLoading: false };
    this.snapshot = this.build();
  }

  // ---- store -------------------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    return this.emitter.subscribe(listener);
  }

  getSnapshot(): SessionSnapshot {
    return this.snapshot;
  }

  /** Where the table's metadata comes from (`context.utils.getEntityMetadata`); read once per table. */
  setMetadataSource(source: MetadataSource | null): void {
    this.metadata = source;
    this.metadataKey = "";
    this.checkTable();
    this.publish();
  }

  // ---- host updates ------------------------------------------------------------------------

  /** Takes the host's latest dataset; returns true when the snapshot changed. */
  sync(dataset: DatasetLike | null | undefined, options: SyncOptions | number | null = {}): boolean {
    const o: SyncOptions = typeof options === "number" || options === null ? { pageSize: options } : options;
    const ds = dataset ?? null;
    const next = readHost(ds);
    const dataChanged =
      next.records !== this.host.records ||
      next.ids !== this.host.ids ||
      next.idsShape !== this.host.idsShape ||
      next.columns !== this.host.columns;
    const stateChanged =
      dataChanged ||
      next.loading !== this.host.loading ||
      next.error !== this.host.error ||
      next.errorMessage !== this.host.errorMessage ||
      next.sortKey !== this.host.sortKey ||
      next.pagingKey !== this.host.pagingKey;
    const datasetChanged = ds !== this.host.dataset;
    this.host = next;
    if (datasetChanged) this.dirty = true;

    // A load started from here (a new page size) publishes with the rest of this sync, once, and only
    // notifies when the caller lets it: the host calls updateView while it renders.
    this.syncing = true;
    try {
      this.applyPageSize(ds, o.pageSize);
    } finally {
      this.syncing = false;
    }

    if (stateChanged) this.dirty = true;
    if (!ds) {
      if (this.model !== EMPTY_MODEL) {
        this.model = EMPTY_MODEL;
        this.rowCache = new Map();
      }
    } else if (next.loading) {
      // Rows that arrive while the host still says loading are read once it is done.
      if (dataChanged) this.modelStale = true;
    } else if (dataChanged || this.modelStale || this.model === EMPTY_MODEL) {
      this.modelStale = false;
      this.rebuildModel(ds);
    }

    this.settle(ds, o.datasetUpdated === true);
    if (ds && (dataChanged || datasetChanged)) this.syncSelection(ds);
    this.checkTable();
    return this.publish(o.notify !== false);
  }

  private applyPageSize(ds: DatasetLike | null, raw: number | null | undefined): void {
    if (raw !== undefined) this.requestedPageSize = raw;
    const size = effectivePageSize(this.requestedPageSize).size;
    if (!ds?.paging || (this.pageSizeSent && size === this.pageSizeAsked)) return;
    const changed = this.pageSizeSent && size !== this.pageSizeAsked;
    this.pageSizeAsked = size;
    this.pageSizeSent = true;
    this.dirty = true;
    safely(() => ds.paging?.setPageSize(size));
    // setPageSize applies on "the next data refresh" (PA paging/setpagesize.md): refresh when the maker changed it.
    if (changed && this.request === null) this.load("refresh", 1, () => ds.refresh());
  }

  private rebuildModel(ds: DatasetLike): void {
    const columns = this.host.columns === this.modelColumnsSource ? this.model.columns : readColumns(ds.columns);
    const sameColumns = columns === this.model.columns || sameColumnList(columns, this.model.columns);
    const cols = sameColumns ? this.model.columns : columns;
    // Other columns than before: the host shows another view (or, in the test harness, another data set).
    if (!sameColumns && cols.length > 0 && this.model !== EMPTY_MODEL) this.newView = true;
    this.modelColumnsSource = this.host.columns;
    const ids = this.host.ids;
    // Same ids in the same order and the same columns (an edit, a refresh that kept the rows): patch the
    // rows whose record object changed instead of reading all of them.
    const sameIds = this.host.idsShape === this.modelIdsShape && sameIdList(ids, this.modelIds);
    const patched =
      sameColumns && this.model.orphanIds === 0 && this.model.rows.length > 0 && sameIds
        ? patchRows(
            this.model.rows,
            safely(() => ds.records),
            cols,
            this.rowCache,
            this.source,
          )
        : null;
    // A copy: a host may refill the same array in place, which an identity check would miss.
    if (!sameIds) this.modelIds = Array.isArray(ids) ? ids.slice() : ids;
    this.modelIdsShape = this.host.idsShape;
    // No row anyone has read changed (the host handed new objects for the same records): the same model.
    if (patched === this.model.rows && cols === this.model.columns) return;
    let rows: readonly GridRow[];
    let orphanIds = 0;
    if (patched) {
      rows = patched;
    } else {
      const empty: RowCache = new Map();
      const read = readRows(ds, cols, sameColumns ? this.rowCache : empty, this.source);
      rows = read.rows;
      orphanIds = read.orphanIds;
      this.rowCache = read.cache;
    }
    const sample = rows.slice(0, CHECKED_ROWS);
    const missingColumns = sample.length ? cols.filter((c) => sample.every((r) => r.cells[c.name].missing)).map((c) => c.name) : [];
    let mismatchedCells = 0;
    for (const r of sample) for (const c of cols) if (r.cells[c.name].mismatch) mismatchedCells++;
    this.model = { columns: cols, rows, orphanIds, missingColumns, mismatchedCells, checkedRows: sample.length };
  }

  private modelIds: unknown = undefined;
  /** The rows just read belong to another view than the log describes. */
  private newView = false;
  private modelIdsShape = "";
  private modelColumnsSource: unknown = undefined;

  /** Settles the session's own request when the host answered, or logs rows the host sent unasked. */
  private settle(ds: DatasetLike | null, datasetUpdated: boolean): void {
    const h = this.host;
    const req = this.request;
    if (req) {
      if (h.loading) {
        if (!req.sawLoading) {
          req.sawLoading = true;
          this.dirty = true;
        }
        return;
      }
      const b = req.before;
      const answered =
        req.sawLoading ||
        datasetUpdated ||
        h.records !== b.records ||
        h.ids !== b.ids ||
        h.idsShape !== b.idsShape ||
        h.columns !== b.columns ||
        h.error !== b.error ||
        h.errorMessage !== b.errorMessage ||
        h.pagingKey !== b.pagingKey;
      if (!answered || !ds) return;
      const total = this.model.rows.length;
      const appended = req.reason === "more" && total > req.rowsBefore;
      const at = this.now();
      this.log = settlePage(this.log, {
        at,
        rowCount: appended ? total - req.rowsBefore : total,
        pageNumber: this.readPageNumber() ?? req.pageNumber,
        failed: h.error,
        error: h.error ? h.errorMessage : null,
      });
      if (!h.error) this.lastArrival = at;
      this.request = null;
      this.dirty = true;
      this.lastLoggedIds = h.ids;
      this.lastLoggedError = h.error;
      this.newView = false;
      return;
    }
    // Not waiting: the host loads on its own (a new view, the harness's Apply).
    if (h.loading) {
      if (this.hostLoadStartedAt === null) this.hostLoadStartedAt = this.now();
      return;
    }
    const prevIds = this.lastLoggedIds;
    const prevError = this.lastLoggedError;
    if (ds && (idsDiffer(h.ids, prevIds) || h.error !== prevError)) {
      const at = this.now();
      // Another view: its requests start a new log, so the pane never lists two "first" pages of different views.
      const fresh = this.newView;
      if (fresh) this.log = createPageLog(this.log.limit);
      this.log = recordArrival(this.log, {
        reason: fresh ? "first" : "host",
        at,
        askedAt: this.hostLoadStartedAt,
        rowCount: this.model.rows.length,
        pageNumber: this.readPageNumber() ?? this.localPage,
        pageSize: this.pageSizeAsked,
        failed: h.error,
        error: h.error ? h.errorMessage : null,
        ...this.askedText(),
      });
      if (!h.error) this.lastArrival = at;
      this.dirty = true;
    }
    this.hostLoadStartedAt = null;
    this.newView = false;
    this.lastLoggedIds = h.ids;
    this.lastLoggedError = h.error;
  }

  private lastLoggedIds: unknown = undefined;
  private modelStale = false;
  private lastLoggedError = false;

  private syncSelection(ds: DatasetLike): void {
    const hostSelection = safely(() => ds.getSelectedRecordIds?.());
    const known = this.rowCache;
    const next = Array.isArray(hostSelection) ? hostSelection.filter((id) => known.has(id)) : this.selection.filter((id) => known.has(id));
    if (!sameList(next, this.selection)) {
      this.selection = next;
      this.dirty = true;
    }
  }

  private checkTable(): void {
    const ds = this.host.dataset;
    const entity = (ds ? safely(() => ds.getTargetEntityType?.()) : undefined) ?? "";
    const lookups = this.model.columns.filter((c) => c.kind === "lookup").map((c) => c.name);
    const key = `${entity}|${lookups.join(",")}|${this.metadata ? 1 : 0}`;
    if (key === this.metadataKey) return;
    const entityChanged = !this.metadataKey.startsWith(`${entity}|`);
    this.metadataKey = key;
    const token = ++this.metadataToken;
    if (entityChanged || this.table.check !== "done") this.table = checkingFacts(entity);
    if (!this.metadata || this.table.entityName === "") {
      if (!this.metadata && this.table.entityName !== "")
        this.table = { ...this.table, check: "failed", rules: { ...this.table.rules, notes: ["unknownProvider"] }, failure: null };
      this.dirty = true;
      return;
    }
    this.dirty = true;
    void readTableFacts(entity, this.metadata, { lookupColumns: lookups }).then((facts) => {
      if (token !== this.metadataToken) return;
      this.table = facts;
      this.dirty = true;
      this.publish();
    });
  }

  // ---- actions -------------------------------------------------------------------------------

  /** Sorts by one column: ascending first, then toggling. Re-applies the filter, which re-sorting resets (PA reference/dataset.md). */
  sort(column: string, direction?: 0 | 1): boolean {
    const ds = this.host.dataset;
    if (!ds || this.request) return false;
    const next: 0 | 1 = direction ?? (this.sortDirection(column) === 0 ? 1 : 0);
    const sorting = ds.sorting;
    if (Array.isArray(sorting)) {
      // Hosts expose `sorting` as a live array; replacing its contents works where assigning does not.
      sorting.splice(0, sorting.length, { name: column, sortDirection: next });
    } else {
      ds.sorting = [{ name: column, sortDirection: next }];
    }
    this.host = { ...this.host, sortKey: sortKeyOf(ds) };
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  /** Sets (or, with null, clears) the filter of one column and refreshes. */
  setFilter(column: string, filter: ColumnFilter | null): boolean {
    const ds = this.host.dataset;
    if (!ds || this.request || !ds.filtering) return false;
    const rest = this.filters.filter((f) => f.column !== column);
    this.filters = filter ? [...rest, { ...filter, column }] : rest;
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  clearFilters(): boolean {
    const ds = this.host.dataset;
    if (!ds || this.request || this.filters.length === 0) return false;
    this.filters = NO_FILTERS;
    this.reapplyFilter();
    return this.load("refresh", 1, () => ds.refresh());
  }

  /**
   * Asks the host to load the data again. While the dataset shows an error, a request the host has not
   * answered is superseded: the same failure twice in a row can look exactly like no answer.
   */
  retry(): boolean {
    const ds = this.host.dataset;
    if (!ds) return false;
    if (this.request) {
      if (!this.host.error) return false;
      this.log = cancelPending(this.log, this.now());
      this.request = null;
    }
    return this.load("refresh", this.pageNumber(), () => ds.refresh());
  }

  private reapplyFilter(): void {
    const filtering = this.host.dataset?.filtering;
    if (!filtering) return;
    const expression = buildFilter(this.filters);
    safely(() => (expression ? filtering.setFilter(expression) : filtering.clearFilter()));
  }

  nextPage(): boolean {
    const p = this.host.dataset?.paging;
    if (!p || !this.canGoNext()) return false;
    return this.load("next", this.pageNumber() + 1, () => p.loadNextPage(true));
  }

  loadMore(): boolean {
    const p = this.host.dataset?.paging;
    if (!p || !this.canGoNext()) return false;
    return this.load("more", this.pageNumber() + 1, () => p.loadNextPage(false));
  }

  previousPage(): boolean {
    const p = this.host.dataset?.paging;
    if (!p || this.pageNumber() <= 1) return false;
    return this.load("previous", this.pageNumber() - 1, () => p.loadPreviousPage(true));
  }

  firstPage(): boolean {
    const ds = this.host.dataset;
    const p = ds?.paging;
    if (!p || !ds || this.pageNumber() <= 1) return false;
    return this.load("firstPage", 1, () => {
      if (typeof p.loadExactPage === "function") p.loadExactPage(1);
      else {
        p.reset();
        ds.refresh();
      }
    });
  }

  cancel(): void {
    if (!this.request) return;
    this.log = cancelPending(this.log, this.now());
    this.request = null;
    this.dirty = true;
    this.publish();
  }

  select(ids: readonly string[]): void {
    const known = this.rowCache;
    const next = ids.filter((id, i) => known.has(id) && ids.indexOf(id) === i);
    const ds = this.host.dataset;
    safely(() => ds?.setSelectedRecordIds?.([...next]));
    if (sameList(next, this.selection)) return;
    this.selection = next;
    this.dirty = true;
    this.publish();
  }

  open(id: string): boolean {
    const ds = this.host.dataset;
    const row = this.rowCache.get(id);
    if (!ds?.openDatasetItem || !row) return false;
    const entityType = safely(() => ds.getTargetEntityType?.()) ?? "";
    const ref = row.reference && row.reference.id ? row.reference : { id: { guid: id }, etn: entityType, entityType, name: "" };
    safely(() => ds.openDatasetItem?.(ref));
    return true;
  }

  private load(reason: PageReason, pageNumber: number, call: () => void): boolean {
    if (this.request) return false;
    this.localPage = pageNumber;
    this.log = askPage(this.log, { pageNumber, reason, at: this.now(), pageSizeAsked: this.pageSizeAsked, ...this.askedText() });
    this.request = {
      seq: this.log.nextSeq - 1,
      reason,
      pageNumber,
      rowsBefore: this.model.rows.length,
      before: this.host,
      sawLoading: false,
    };
    this.dirty = true;
    try {
      call();
    } catch (error) {
      this.log = settlePage(this.log, {
        at: this.now(),
        rowCount: 0,
        pageNumber,
        failed: true,
        error: error instanceof Error ? error.message : String(error),
      });
      this.request = null;
    }
    if (!this.syncing) this.publish();
    return true;
  }

  // ---- reads used by the actions (the app reads the snapshot) ---------------------------------

  private readPageNumber(): number | null {
    const p = this.host.dataset?.paging;
    // lastPageNumber: after "load more" the window runs from the first page to the last one loaded.
    const n = p?.pageNumber ?? p?.lastPageNumber ?? p?.firstPageNumber;
    return typeof n === "number" && Number.isFinite(n) && n > 0 ? n : null;
  }

  private pageNumber(): number {
    return this.readPageNumber() ?? this.localPage;
  }

  private sortDirection(column: string): SortDirectionValue {
    const s = (this.host.dataset?.sorting ?? []).find((x) => x.name === column);
    return s ? s.sortDirection : -1;
  }

  private canGoNext(): boolean {
    const p = this.host.dataset?.paging;
    if (!p) return false;
    if (p.hasNextPage) return true;
    // With a count, more pages exist when the count passes what the pages so far hold.
    return (
      p.totalResultCount >= 0 && p.totalResultCount > this.pageNumber() * this.pageSizeAsked && this.model.rows.length < p.totalResultCount
    );
  }

  private kinds(): Record<string, ColumnKind> {
    const k: Record<string, ColumnKind> = {};
    for (const c of this.model.columns) k[c.name] = c.kind;
    return k;
  }

  private askedText(): { sort: string | null; filter: string | null } {
    const q = odataQuery({ sorting: activeSorting(this.host.dataset), filter: buildFilter(this.filters), kinds: this.kinds() });
    return { sort: q.orderby, filter: q.filter };
  }

  // ---- snapshot ------------------------------------------------------------------------------

  /** Builds a new snapshot when something changed and notifies; returns whether it did. */
  private publish(notify = true): boolean {
    if (!this.dirty) return false;
    this.dirty = false;
    const next = this.build();
    if (sameSnapshot(next, this.snapshot)) return false;
    this.snapshot = next;
    if (notify) this.emitter.emit();
    return true;
  }

  private build(): SessionSnapshot {
    const ds = this.host.dataset;
    const prev = this.snapshot as SessionSnapshot | undefined;
    const p = ds?.paging;
    const total = typeof p?.totalResultCount === "number" ? p.totalResultCount : -1;
    const summary = summarise(this.log, this.model.rows.length, total, this.pageSizeAsked);
    const pageNumber = this.pageNumber();
    const paging: PagingState = {
      pageNumber,
      pageSize: this.pageSizeAsked,
      totalResultCount: total,
      pageCount: summary.pageSizeHonoured === false ? null : pageCount(total, this.pageSizeAsked),
      canGoNext: this.canGoNext(),
      canGoPrevious: pageNumber > 1,
    };
    const sortingNow = activeSorting(ds);
    const sorting = prev && sameSort(prev.sorting, sortingNow) ? prev.sorting : sortingNow.length ? sortingNow : NO_SORT;
    // `$top` is shown only when the provider keeps to the page size: 5,000 rows under `$top=50` would mislead.
    const queryNow = odataQuery({
      sorting,
      filter: buildFilter(this.filters),
      pageSize: summary.pageSizeHonoured === false ? null : this.pageSizeAsked,
      kinds: this.kinds(),
    });
    const query = prev && sameQuery(prev.query, queryNow) ? prev.query : queryNow;
    const warningsNow = this.warnings(summary, total);
    const warnings = prev && sameList(prev.warnings, warningsNow) ? prev.warnings : warningsNow;
    const pending = this.request ? (pendingPage(this.log) ?? null) : null;
    return {
      version: ++this.version,
      model: this.model,
      columns: this.views(),
      pageLog: this.log,
      pending,
      busy: this.request !== null,
      canRetry: ds !== null && (this.request === null || this.host.error),
      hostLoading: this.host.loading,
      error: this.host.error ? (this.host.errorMessage ?? "") : null,
      selectedIds: this.selection,
      sorting,
      filters: this.filters,
      paging: prev && samePaging(prev.paging, paging) ? prev.paging : paging,
      warnings,
      table: this.table,
      query,
      summary: prev && sameSummary(prev.summary, summary) ? prev.summary : summary,
      canOpen: typeof ds?.openDatasetItem === "function",
      lastArrivalAt: this.lastArrival,
    };
  }

  private views(): readonly ColumnView[] {
    const ds = this.host.dataset;
    const caps =
      (ds
        ? safely(() =>
            (
              ds as DatasetLike & { getDataSetCapabilities?: () => { isSortable?: boolean; isFilterable?: boolean } }
            ).getDataSetCapabilities?.(),
          )
        : undefined) ?? {};
    const key = [this.model.columns, this.host.columns, this.table, caps.isSortable, caps.isFilterable];
    if (key.every((k, i) => k === this.columnViewsKey[i])) return this.columnViews;
    const raw = new Map((Array.isArray(ds?.columns) ? ds.columns : []).map((c) => [c.name, c]));
    this.columnViews = this.model.columns.map((column) => ({
      column,
      capability: columnCapability(
        { name: column.name, kind: column.kind, disableSorting: raw.get(column.name)?.disableSorting },
        { table: this.table, datasetCanSort: caps.isSortable, datasetCanFilter: caps.isFilterable },
      ),
    }));
    this.columnViewsKey = key;
    return this.columnViews;
  }

  private warnings(summary: DiagnosticsSummary, total: number): DatasetWarning[] {
    const ds = this.host.dataset;
    const lastDone = [...this.log.entries].reverse().find((e) => e.status === "done");
    const sort = activeSorting(ds)[0];
    // Judge the order only on rows that arrived after the sort was asked for, never while waiting.
    const orderHonoured =
      !this.request && sort && this.model.columns.some((c) => c.name === sort.name)
        ? isInOrder(
            this.model.rows.slice(0, CHECKED_ROWS).map((r) => r.cells[sort.name]?.value),
            sort.sortDirection as 0 | 1,
          )
        : null;
    return datasetWarnings({
      pageSizeAsked: this.pageSizeAsked,
      pageSizeRequestedByMaker: this.requestedPageSize,
      lastPageRows: lastDone?.rowCount ?? null,
      loadedRows: this.model.rows.length,
      hasNextPage: ds?.paging?.hasNextPage === true,
      totalResultCount: total,
      orderHonoured,
      errorMessage: this.host.error ? this.host.errorMessage : null,
      table: this.table,
      pageSizeHonoured: summary.pageSizeHonoured,
    });
  }
}

// ---- helpers -------------------------------------------------------------------------------------

function emptyHost(): HostState {
  return {
    dataset: null,
    records: undefined,
    ids: undefined,
    idsShape: "",
    columns: undefined,
    loading: false,
    error: false,
    errorMessage: null,
    sortKey: "",
    pagingKey: "",
  };
}

function sortKeyOf(ds: DatasetLike | null): string {
  const sorting = ds ? safely(() => ds.sorting) : null;
  return Array.isArray(sorting) ? sorting.map((s) => `${s?.name}:${s?.sortDirection}`).join(",") : "";
}

/** Reads what the host reports in O(1) per update (sort keys are short; no row is touched). */
function readHost(ds: DatasetLike | null): HostState {
  if (!ds) return emptyHost();
  const p = safely(() => ds.paging);
  const pagingKey = p
    ? `${p.pageNumber ?? ""}/${p.firstPageNumber ?? ""}/${p.lastPageNumber ?? ""}/${p.totalResultCount}/${p.hasNextPage}/${p.hasPreviousPage}`
    : "";
  const message = safely(() => ds.errorMessage);
  const ids = safely(() => ds.sortedRecordIds) ?? null;
  const idsShape = Array.isArray(ids) ? `${ids.length}|${String(ids[0])}|${String(ids[ids.length - 1])}` : "";
  return {
    dataset: ds,
    records: safely(() => ds.records) ?? null,
    ids,
    idsShape,
    columns: safely(() => ds.columns) ?? null,
    loading: safely(() => ds.loading) === true,
    error: safely(() => ds.error) === true,
    errorMessage: typeof message === "string" ? message : null,
    sortKey: sortKeyOf(ds),
    pagingKey,
  };
}

function activeSorting(ds: DatasetLike | null | undefined): SortStatusLike[] {
  const sorting = ds ? safely(() => ds.sorting) : null;
  return Array.isArray(sorting)
    ? sorting
        .filter((s) => s && typeof s.name === "string" && (s.sortDirection === 0 || s.sortDirection === 1))
        .map((s) => ({ name: s.name, sortDirection: s.sortDirection }))
    : [];
}

/** Whether two id lists differ; the same array object (or both empty) never does. */
function idsDiffer(a: unknown, b: unknown): boolean {
  if (a === b) return false;
  const x = Array.isArray(a) ? (a as unknown[]) : [];
  const y = Array.isArray(b) ? (b as unknown[]) : [];
  if (x.length !== y.length) return true;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return true;
  return false;
}

/** Whether two id lists hold the same ids in the same order (the same array object at once). */
function sameIdList(a: unknown, b: unknown): boolean {
  if (a === b) return Array.isArray(a);
  return Array.isArray(a) && Array.isArray(b) && !idsDiffer(a, b);
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

function sameColumnList(a: SessionModel["columns"], b: SessionModel["columns"]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (c, i) =>
        c.name === b[i].name &&
        c.dataType === b[i].dataType &&
        c.displayName === b[i].displayName &&
        c.width === b[i].width &&
        c.isPrimary === b[i].isPrimary,
    )
  );
}

function sameSort(a: readonly SortStatusLike[], b: readonly SortStatusLike[]): boolean {
  return a.length === b.length && a.every((s, i) => s.name === b[i].name && s.sortDirection === b[i].sortDirection);
}

function sameQuery(a: ODataQueryText, b: ODataQueryText): boolean {
  return a.text === b.text && sameList(a.unsupported, b.unsupported) && sameList(a.invalid, b.invalid);
}

function samePaging(a: PagingState, b: PagingState): boolean {
  return (Object.keys(a) as (keyof PagingState)[]).every((k) => a[k] === b[k]);
}

function sameSummary(a: DiagnosticsSummary, b: DiagnosticsSummary): boolean {
  return (Object.keys(a) as (keyof DiagnosticsSummary)[]).every((k) => a[k] === b[k]);
}

/** Two snapshots show the same thing (the version aside). */
function sameSnapshot(a: SessionSnapshot, b: SessionSnapshot): boolean {
  return (Object.keys(a) as (keyof SessionSnapshot)[]).every((k) => k === "version" || a[k] === b[k]);
}

/** The one summary line: requests, failures, rows, and whether pages keep to the size asked. */
function summarise(log: PageLog, rowsShown: number, totalResultCount: number, pageSizeAsked: number): DiagnosticsSummary {
  let requests = 0;
  let failed = 0;
  let largestPage: number | null = null;
  let honoured: boolean | null = null;
  let lastDurationMs: number | null = null;
  let slowestDurationMs: number | null = null;
  for (const e of log.entries) {
    if (e.status !== "done" && e.status !== "failed") continue;
    requests++;
    if (e.status === "failed") failed++;
    if (e.status === "done" && e.rowCount !== null) {
      largestPage = Math.max(largestPage ?? 0, e.rowCount);
      const fits = e.rowCount <= e.pageSizeAsked;
      honoured = honoured === null ? fits : honoured && fits;
    }
    const d = pageDuration(e);
    if (d !== null) {
      lastDurationMs = d;
      slowestDurationMs = Math.max(slowestDurationMs ?? 0, d);
    }
  }
  return {
    requests,
    failed,
    rowsShown,
    totalResultCount,
    pageSizeAsked,
    largestPage,
    pageSizeHonoured: honoured,
    lastDurationMs,
    slowestDurationMs,
  };
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
