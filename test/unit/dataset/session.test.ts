import { DatasetSession, type DatasetLike, type RecordLike, type SessionSnapshot } from "@integrationkit/shared";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset, FakeHost } from "../../component/VirtualTablePreview/fakeDataset";

function records(ids: string[], value = "v"): Record<string, RecordLike> {
  const out: Record<string, RecordLike> = {};
  for (const id of ids) out[id] = { getRecordId: () => id, getValue: () => `${value}${id}`, getFormattedValue: () => null };
  return out;
}

function dataset(ids: string[], extra: Partial<Pick<DatasetLike, "loading" | "sorting" | "error" | "errorMessage">> = {}) {
  const paging = {
    totalResultCount: ids.length,
    pageSize: 50,
    hasNextPage: true,
    hasPreviousPage: false,
    loadNextPage: jest.fn(),
    loadPreviousPage: jest.fn(),
    reset: jest.fn(),
    setPageSize: jest.fn(),
  };
  return {
    columns: [{ name: "a", dataType: "SingleLine.Text" }],
    records: records(ids),
    sortedRecordIds: ids,
    sorting: [] as { name: string; sortDirection: -1 | 0 | 1 }[],
    loading: false,
    error: false,
    paging,
    filtering: { getFilter: jest.fn(), setFilter: jest.fn(), clearFilter: jest.fn() },
    refresh: jest.fn(),
    getTargetEntityType: () => "mserp_x",
    setSelectedRecordIds: jest.fn(),
    openDatasetItem: jest.fn(),
    ...extra,
  };
}

/** A session over a realistic host; `snap()` is the latest snapshot. */
function hosted(rows = 120, options: { failureKeepsState?: boolean } = {}) {
  let now = 1000;
  const ds = fakeDataset(CUSTOMER_COLUMNS, []);
  const session = new DatasetSession(() => now, 50);
  const host = new FakeHost(ds, customerRows(rows), { onUpdate: () => session.sync(ds, 50), ...options });
  session.sync(ds, 50);
  return {
    ds,
    host,
    session,
    snap: (): SessionSnapshot => session.getSnapshot(),
    tick: (ms: number) => (now += ms),
  };
}

describe("DatasetSession as a store", () => {
  let now = 1000;
  const clock = () => now;
  beforeEach(() => {
    now = 1000;
  });

  it("emits a new immutable snapshot for each change and none for a re-render", () => {
    const s = new DatasetSession(clock, 50);
    const seen: SessionSnapshot[] = [];
    s.subscribe(() => seen.push(s.getSnapshot()));
    const ds = dataset(["1", "2"]);
    now = 1040;
    expect(s.sync(ds, 50)).toBe(true);
    expect(seen).toHaveLength(1);
    const first = s.getSnapshot();
    expect(s.sync(ds, 50)).toBe(false);
    expect(s.getSnapshot()).toBe(first);
    expect(seen).toHaveLength(1);
    expect(first.pageLog.entries.map((e) => [e.reason, e.status, e.rowCount, e.settledAt! - e.askedAt!])).toEqual([
      ["first", "done", 2, 40],
    ]);
    // Same ids, new record objects (edited values): shown, but not logged as a new page.
    const edited = { ...ds, records: records(["1", "2"], "w") };
    expect(s.sync(edited, 50)).toBe(true);
    const second = s.getSnapshot();
    expect(second).not.toBe(first);
    expect(second.model.rows[0].cells.a.value).toBe("w1");
    expect(second.pageLog).toBe(first.pageLog);
    // Parts that did not change keep their identity.
    expect(second.columns).toBe(first.columns);
    expect(second.paging).toBe(first.paging);
    expect(Object.isFrozen(second) || second.version === first.version + 1).toBe(true);
  });

  it("logs one row for the first page and none again when the same ids come back (no duplicate Page 1)", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(Array.from({ length: 5000 }, (_, i) => String(i)));
    s.sync(ds, 50);
    s.sync({ ...ds }, 50);
    s.sync({ ...ds, sortedRecordIds: [...ds.sortedRecordIds] }, 50);
    const pages = s.getSnapshot().pageLog.entries;
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ pageNumber: 1, reason: "first", rowCount: 5000, pageSizeAsked: 50, status: "done" });
    // 5,000 rows for a page size of 50: no `$top=50` in the query, and the summary says so.
    expect(s.getSnapshot().query.text).toBe("");
    expect(s.getSnapshot().summary).toMatchObject({ requests: 1, largestPage: 5000, pageSizeHonoured: false });
    expect(s.getSnapshot().warnings).toContain("pageSizeIgnored");
    expect(s.getSnapshot().paging.pageCount).toBeNull();
  });

  it("starts a new log when the host switches to another view (the harness sample: 3 default rows, then a 5,000-row CSV)", () => {
    const s = new DatasetSession(clock, 50);
    s.sync(dataset(["a", "b", "c"]), 50);
    const csv = {
      ...dataset(Array.from({ length: 5000 }, (_, i) => `r${i}`)),
      columns: [
        { name: "mserp_name", dataType: "SingleLine.Text" },
        { name: "mserp_creditlimit", dataType: "Currency" },
      ],
    };
    now = 1200;
    s.sync(csv, 50);
    const entries = s.getSnapshot().pageLog.entries;
    expect(entries.map((e) => [e.pageNumber, e.reason, e.rowCount])).toEqual([[1, "first", 5000]]);
    expect(s.getSnapshot().summary.requests).toBe(1);
    // The same view reloaded by the host is another request of that view.
    s.sync({ ...csv, sortedRecordIds: csv.sortedRecordIds.slice(0, 10), records: records(csv.sortedRecordIds.slice(0, 10)) }, 50);
    expect(s.getSnapshot().pageLog.entries.map((e) => [e.reason, e.rowCount])).toEqual([
      ["first", 5000],
      ["host", 10],
    ]);
    // A harness that starts with an unbound data set (no columns, no rows), then gets the CSV: one first page.
    const h = new DatasetSession(clock, 50);
    h.sync({ ...dataset([]), columns: [] }, 50);
    h.sync(csv, 50);
    expect(h.getSnapshot().pageLog.entries.map((e) => [e.reason, e.rowCount])).toEqual([["first", 5000]]);
  });

  it("logs rows the host loads on its own with the time it took, as asked by the host", () => {
    const s = new DatasetSession(clock, 50);
    s.sync(dataset(["1"]), 50);
    now = 2000;
    s.sync(dataset([], { loading: true }), 50);
    expect(s.getSnapshot().busy).toBe(false);
    expect(s.getSnapshot().hostLoading).toBe(true);
    now = 2300;
    s.sync(dataset(["1", "2", "3"]), 50);
    const last = s.getSnapshot().pageLog.entries.at(-1)!;
    expect([last.reason, last.status, last.rowCount, last.settledAt! - last.askedAt!]).toEqual(["host", "done", 3, 300]);
  });

  it("records what each request asked for: page size, sort and filter", () => {
    const s = new DatasetSession(clock, 25);
    const ds = dataset(["1"]);
    s.sync(ds, 25);
    s.setFilter("a", { column: "a", kind: "text", operator: "contains", value: "50%_off" });
    const entry = s.getSnapshot().pageLog.entries.at(-1)!;
    expect(entry).toMatchObject({ status: "pending", pageSizeAsked: 25, filter: "contains(a,'50%_off')" });
    expect(s.getSnapshot().query.url).toBe("?$filter=contains(a%2C'50%25_off')&$top=25");
  });

  it("refuses every load while its own request is pending, whatever the host's loading flag says", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    s.sync(ds, 50);
    expect(s.nextPage()).toBe(true);
    expect(s.getSnapshot().busy).toBe(true);
    expect(s.nextPage()).toBe(false);
    expect(s.sort("a")).toBe(false);
    expect(s.loadMore()).toBe(false);
    expect(s.retry()).toBe(false);
    expect(s.setFilter("a", { column: "a", kind: "text", operator: "eq", value: "x" })).toBe(false);
    expect(ds.paging.loadNextPage).toHaveBeenCalledTimes(1);
    s.cancel();
    expect(s.getSnapshot().busy).toBe(false);
    expect(s.getSnapshot().pageLog.entries.at(-1)!.status).toBe("cancelled");
  });

  it("refreshes when the maker changes the page size, and clears filters", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    s.sync(ds, 50);
    expect(ds.paging.setPageSize).toHaveBeenCalledWith(50);
    s.sync(ds, 200);
    expect(ds.paging.setPageSize).toHaveBeenLastCalledWith(200);
    expect(ds.refresh).toHaveBeenCalledTimes(1);
    expect(s.getSnapshot().paging.pageSize).toBe(200);
    s.cancel();
    expect(s.clearFilters()).toBe(false);
    s.setFilter("a", { column: "a", kind: "text", operator: "contains", value: "x" });
    s.cancel();
    expect(s.getSnapshot().filters).toEqual([{ column: "a", kind: "text", operator: "contains", value: "x" }]);
    expect(s.clearFilters()).toBe(true);
    expect(ds.filtering.clearFilter).toHaveBeenCalled();
    expect(s.getSnapshot().filters).toEqual([]);
  });

  it("selects only known rows and opens a record even without a named reference", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1", "2"]);
    s.sync(ds, 50);
    s.select(["2", "zz"]);
    expect(ds.setSelectedRecordIds).toHaveBeenCalledWith(["2"]);
    expect(s.getSnapshot().selectedIds).toEqual(["2"]);
    expect(s.open("1")).toBe(true);
    expect(ds.openDatasetItem).toHaveBeenCalledWith({ id: { guid: "1" }, etn: "mserp_x", entityType: "mserp_x", name: "" });
    expect(s.open("nope")).toBe(false);
  });

  it("records a load whose call throws as failed, and survives a missing dataset", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    ds.refresh.mockImplementation(() => {
      throw new Error("host error");
    });
    s.sync(ds, 50);
    expect(s.sort("a", 1)).toBe(true);
    expect(s.getSnapshot().busy).toBe(false);
    expect(s.getSnapshot().pageLog.entries.at(-1)).toMatchObject({ status: "failed", error: "host error" });
    expect(s.sync(null, 50)).toBe(true);
    expect(s.getSnapshot().model.rows).toEqual([]);
    expect(s.sort("a")).toBe(false);
    expect(s.getSnapshot().paging.canGoNext).toBe(false);
  });

  it("assigns sorting when the host gives none (as the test harness does)", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"], { sorting: undefined });
    s.sync(ds, 50);
    s.sort("a");
    expect(ds.sorting).toEqual([{ name: "a", sortDirection: 0 }]);
    expect(s.getSnapshot().sorting).toEqual([{ name: "a", sortDirection: 0 }]);
  });
});

describe("DatasetSession on a realistic host", () => {
  it("pages forward and back, appends with load more, and times each page", () => {
    const { session, host, snap, tick } = hosted(120);
    expect(snap().model.rows).toHaveLength(50);
    expect(snap().paging).toMatchObject({ pageNumber: 1, totalResultCount: 120, pageCount: 3, canGoNext: true, canGoPrevious: false });
    expect(session.nextPage()).toBe(true);
    tick(250);
    host.complete();
    expect(snap().paging.pageNumber).toBe(2);
    expect(snap().model.rows[0].id).toBe("id-50");
    expect(snap().pageLog.entries.at(-1)).toMatchObject({
      reason: "next",
      pageNumber: 2,
      rowCount: 50,
      status: "done",
      settledAt: snap().pageLog.entries.at(-1)!.askedAt! + 250,
    });
    expect(session.previousPage()).toBe(true);
    host.complete();
    expect(snap().paging.pageNumber).toBe(1);
    expect(session.loadMore()).toBe(true);
    host.complete();
    expect(snap().model.rows).toHaveLength(100);
    expect(snap().pageLog.entries.at(-1)).toMatchObject({ reason: "more", rowCount: 50, pageNumber: 2 });
    expect(host.overlaps).toBe(0);
  });

  it("regression: a host that reports loading late never gets a second load", () => {
    const { session, host, snap } = hosted(120);
    expect(session.nextPage()).toBe(true);
    // The host re-renders before it says it is loading (a resize, or its own late update).
    host.resize();
    expect(snap().busy).toBe(true);
    expect(session.nextPage()).toBe(false);
    expect(session.sort("mserp_name")).toBe(false);
    host.reportLoading();
    expect(session.nextPage()).toBe(false);
    host.complete();
    expect(host.calls).toBe(1);
    expect(host.overlaps).toBe(0);
    expect(snap().busy).toBe(false);
    expect(snap().paging.pageNumber).toBe(2);
  });

  it("regression: two failed loads in a row never leave the page pending with Retry disabled", () => {
    // The host only sets `error` and keeps everything else: the second failure looks exactly like the first.
    const { session, host, snap } = hosted(120, { failureKeepsState: true });
    expect(session.sort("mserp_name")).toBe(true);
    host.complete(0, "The remote service did not answer.");
    expect(snap()).toMatchObject({ busy: false, error: "The remote service did not answer.", canRetry: true });
    expect(session.retry()).toBe(true);
    host.complete(0, "The remote service did not answer.");
    // Nothing tells this answer from no answer, so the request may still be pending, but Retry works.
    expect(snap().error).toBe("The remote service did not answer.");
    expect(snap().canRetry).toBe(true);
    expect(session.retry()).toBe(true);
    expect(host.calls).toBe(3);
    host.complete();
    expect(snap()).toMatchObject({ busy: false, error: null });
    expect(snap().model.rows).toHaveLength(50);
    const statuses = snap().pageLog.entries.map((e) => e.status);
    expect(statuses.filter((x) => x === "pending")).toHaveLength(0);
    expect(statuses.at(-1)).toBe("done");
  });

  it("settles a second failure at once when the host names the dataset as updated", () => {
    const { session, host, ds, snap } = hosted(60, { failureKeepsState: true });
    session.retry();
    host.complete(0, "Timeout");
    session.retry();
    ds.loading = false;
    host.inFlight.splice(0, 1);
    session.sync(ds, { pageSize: 50, datasetUpdated: true });
    expect(snap().busy).toBe(false);
    expect(snap().pageLog.entries.at(-1)).toMatchObject({ status: "failed", error: "Timeout" });
  });

  it("an edited record replaces its row only; the other rows keep their identity", () => {
    const s = new DatasetSession(() => 0, 50);
    const ds = dataset(["1", "2", "3"]);
    s.sync(ds, 50);
    const before = s.getSnapshot().model.rows;
    const edited = { ...ds, records: { ...ds.records, "2": records(["2"], "edited")["2"] } };
    expect(s.sync(edited, 50)).toBe(true);
    const after = s.getSnapshot().model.rows;
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1].cells.a.value).toBe("edited2");
    // The earlier snapshot still shows what it showed.
    expect(before[1].cells.a.value).toBe("v2");
  });

  it("keeps its model when a host hands new record objects for the same rows (the PCF harness does on a resize)", () => {
    const s = new DatasetSession(() => 0, 50);
    const ids = Array.from({ length: 100 }, (_, i) => String(i));
    const ds = dataset(ids);
    s.sync(ds, 50);
    const before = s.getSnapshot().model;
    // The same values in new objects and a new id array: nothing anyone has seen changed.
    s.sync({ ...ds, records: records(ids), sortedRecordIds: ids.slice() }, 50);
    expect(s.getSnapshot().model).toBe(before);
    expect(before.rows[0].cells.a.value).toBe("v0");
    // New values: a row already read (the first 30 are checked for missing columns) is a new row with
    // them; a row nothing has read yet stays the same row and shows them when it is read.
    s.sync({ ...ds, records: records(ids, "w"), sortedRecordIds: ids.slice() }, 50);
    const after = s.getSnapshot().model.rows;
    expect(after).not.toBe(before.rows);
    expect(after[0]).not.toBe(before.rows[0]);
    expect(after[0].cells.a.value).toBe("w0");
    expect(before.rows[0].cells.a.value).toBe("v0");
    expect(after[99]).toBe(before.rows[99]);
    expect(after[99].cells.a.value).toBe("w99");
  });

  it("keeps rows whose lookups, dates and choices read the same from new objects; a renamed lookup is a new row", () => {
    const s = new DatasetSession(() => 0, 50);
    const ids = ["1", "2", "3"];
    const columns = [
      { name: "owner", dataType: "Lookup.Simple" },
      { name: "due", dataType: "DateAndTime.DateOnly" },
      { name: "tags", dataType: "MultiSelectPicklist" },
    ];
    // Every read builds new objects, as a host that hands new records on each update does.
    const make = (ownerName: (id: string) => string): Record<string, RecordLike> => {
      const out: Record<string, RecordLike> = {};
      for (const id of ids) {
        const values: Record<string, () => unknown> = {
          owner: () => ({ id: { guid: `00000000-0000-0000-0000-00000000000${id}` }, name: ownerName(id), entityType: "systemuser" }),
          due: () => new Date(Date.UTC(2026, 0, Number(id))),
          tags: () => [1, Number(id)],
        };
        out[id] = { getRecordId: () => id, getValue: (name: string) => values[name]?.() ?? null, getFormattedValue: () => null };
      }
      return out;
    };
    const ds = { ...dataset(ids), columns, records: make((id) => `User ${id}`) };
    s.sync(ds, 50);
    const before = s.getSnapshot().model;
    const ownerName = (row: { cells: Record<string, { value: unknown }> }): string => (row.cells.owner.value as { name: string }).name;
    expect(before.rows.map(ownerName)).toEqual(["User 1", "User 2", "User 3"]);
    s.sync({ ...ds, records: make((id) => `User ${id}`), sortedRecordIds: ids.slice() }, 50);
    expect(s.getSnapshot().model).toBe(before);
    s.sync({ ...ds, records: make((id) => (id === "2" ? "Renamed user" : `User ${id}`)), sortedRecordIds: ids.slice() }, 50);
    const after = s.getSnapshot().model.rows;
    expect(after[0]).toBe(before.rows[0]);
    expect(after[1]).not.toBe(before.rows[1]);
    expect(ownerName(after[1])).toBe("Renamed user");
    expect(after[2]).toBe(before.rows[2]);
  });

  it("re-reads only rows that were read when a host hands new record objects, however many rows it has", () => {
    const s = new DatasetSession(() => 0, 50);
    const ids = Array.from({ length: 5000 }, (_, i) => String(i));
    let reads = 0;
    const counted = (value: string): Record<string, RecordLike> => {
      const out: Record<string, RecordLike> = {};
      for (const id of ids) out[id] = { getRecordId: () => id, getValue: () => (reads++, `${value}${id}`), getFormattedValue: () => null };
      return out;
    };
    const ds = dataset(ids);
    s.sync({ ...ds, records: counted("v") }, 50);
    reads = 0;
    s.sync({ ...ds, records: counted("v"), sortedRecordIds: ids.slice() }, 50);
    // The 30 rows checked for missing columns, read again to compare; none of the other 4,970.
    expect(reads).toBe(30);
    // Every row read (an export): the next update re-reads a bounded number of them and makes the rest
    // anew (read when shown), so the one after costs little again.
    const rows = s.getSnapshot().model.rows;
    expect(rows.map((r) => r.cells.a.value).at(-1)).toBe("v4999");
    reads = 0;
    s.sync({ ...ds, records: counted("v"), sortedRecordIds: ids.slice() }, 50);
    expect(reads).toBeLessThan(200);
    reads = 0;
    s.sync({ ...ds, records: counted("w"), sortedRecordIds: ids.slice() }, 50);
    expect(reads).toBeLessThan(200);
    expect(s.getSnapshot().model.rows.map((r) => r.cells.a.value)).toEqual(ids.map((id) => `w${id}`));
  });

  it("sees ids refilled in place in the same array (a host that reuses it)", () => {
    const s = new DatasetSession(() => 0, 50);
    const ds = dataset(["1", "2", "3"]);
    s.sync(ds, 50);
    ds.sortedRecordIds.splice(0, 3, "3", "2", "1");
    ds.records = records(["1", "2", "3"]);
    s.sync(ds, 50);
    expect(s.getSnapshot().model.rows.map((r) => r.id)).toEqual(["3", "2", "1"]);
    ds.sortedRecordIds.push("4");
    ds.records = records(["1", "2", "3", "4"]);
    s.sync(ds, 50);
    expect(s.getSnapshot().model.rows.map((r) => r.id)).toEqual(["3", "2", "1", "4"]);
    // Same length, same first and last id, middle swapped.
    ds.sortedRecordIds.splice(0, 4, "3", "1", "2", "4");
    ds.records = { ...ds.records };
    s.sync(ds, 50);
    expect(s.getSnapshot().model.rows.map((r) => r.id)).toEqual(["3", "1", "2", "4"]);
  });

  it("costs what changed: a re-render with the same objects reads no row", () => {
    const { session, ds } = hosted(5000);
    const spy = jest.spyOn(ds.records[ds.sortedRecordIds[0]] as RecordLike, "getValue");
    const before = session.getSnapshot();
    for (let i = 0; i < 100; i++) expect(session.sync(ds, 50)).toBe(false);
    expect(session.getSnapshot()).toBe(before);
    expect(spy).not.toHaveBeenCalled();
  });
});
