import { DatasetSession, type DatasetLike, type RecordLike } from "@integrationkit/shared";

function records(ids: string[], value = "v"): Record<string, RecordLike> {
  const out: Record<string, RecordLike> = {};
  for (const id of ids) out[id] = { getRecordId: () => id, getValue: () => `${value}${id}`, getFormattedValue: () => null };
  return out;
}

function dataset(ids: string[], extra: Partial<Pick<DatasetLike, "loading" | "sorting">> = {}) {
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

describe("DatasetSession", () => {
  let now = 1000;
  const clock = () => now;
  beforeEach(() => {
    now = 1000;
  });

  it("rebuilds only when the data changed, and logs one arrival per change", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1", "2"]);
    now = 1040;
    expect(s.sync(ds, 50)).toBe(true);
    expect(s.sync(ds, 50)).toBe(false);
    expect(s.pageLog.entries.map((e) => [e.reason, e.status, e.rowCount])).toEqual([["first", "done", 2]]);
    // Same ids, new record objects (edited values): shown, but not logged as a new page.
    const edited = { ...ds, records: records(["1", "2"], "w") };
    expect(s.sync(edited, 50)).toBe(true);
    expect(s.current.rows[0].cells.a.value).toBe("w1");
    expect(s.pageLog.entries).toHaveLength(1);
  });

  it("treats a host-started load as pending until rows arrive", () => {
    const s = new DatasetSession(clock, 50);
    s.sync(dataset(["1"]), 50);
    now = 2000;
    s.sync(dataset([], { loading: true }), 50);
    expect(s.busy()).toBe(true);
    now = 2300;
    s.sync(dataset(["1", "2", "3"]), 50);
    const last = s.pageLog.entries[s.pageLog.entries.length - 1];
    expect([last.reason, last.status, last.rowCount, last.settledAt! - last.askedAt!]).toEqual(["host", "done", 3, 300]);
  });

  it("settles a refresh that returns the same rows", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    s.sync(ds, 50);
    expect(s.retry()).toBe(true);
    expect(s.busy()).toBe(true);
    s.sync({ ...ds, records: records(["1"]) }, 50);
    expect(s.busy()).toBe(false);
  });

  it("refuses every load while one is pending", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    s.sync(ds, 50);
    expect(s.nextPage()).toBe(true);
    expect(s.nextPage()).toBe(false);
    expect(s.sort("a")).toBe(false);
    expect(s.loadMore()).toBe(false);
    expect(s.firstPage()).toBe(false);
    expect(s.retry()).toBe(false);
    expect(s.setFilter("a", { column: "a", kind: "text", operator: "eq", value: "x" })).toBe(false);
    expect(ds.paging.loadNextPage).toHaveBeenCalledTimes(1);
    s.cancel();
    expect(s.busy()).toBe(false);
  });

  it("pages back and to the first page without loadExactPage, and appends with load more", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1", "2"]);
    s.sync(ds, 50);
    expect(s.previousPage()).toBe(false);
    s.nextPage();
    const page2 = dataset(["3", "4"]);
    s.sync(page2, 50);
    expect(s.pageNumber()).toBe(2);
    expect(s.previousPage()).toBe(true);
    expect(page2.paging.loadPreviousPage).toHaveBeenCalledWith(true);
    s.sync(dataset(["1", "2"]), 50);
    const d3 = dataset(["1", "2"]);
    s.sync(d3, 50);
    expect(s.firstPage()).toBe(true);
    expect(d3.paging.reset).toHaveBeenCalled();
    expect(d3.refresh).toHaveBeenCalled();
    s.sync(dataset(["1", "2", "x"]), 50);
    const more = dataset(["1", "2"]);
    s.sync(more, 50);
    expect(s.loadMore()).toBe(true);
    expect(more.paging.loadNextPage).toHaveBeenCalledWith(false);
    s.sync(dataset(["1", "2", "5", "6", "7"]), 50);
    const last = s.pageLog.entries[s.pageLog.entries.length - 1];
    expect([last.reason, last.rowCount]).toEqual(["more", 3]);
  });

  it("refreshes when the maker changes the page size, and clears filters", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"]);
    s.sync(ds, 50);
    expect(ds.paging.setPageSize).toHaveBeenCalledWith(50);
    s.sync(ds, 200);
    expect(ds.paging.setPageSize).toHaveBeenLastCalledWith(200);
    expect(ds.refresh).toHaveBeenCalledTimes(1);
    expect(s.pageSize).toBe(200);
    s.cancel();
    expect(s.clearFilters()).toBe(false);
    s.setFilter("a", { column: "a", kind: "text", operator: "contains", value: "x" });
    s.cancel();
    expect(s.clearFilters()).toBe(true);
    expect(ds.filtering.clearFilter).toHaveBeenCalled();
  });

  it("selects only known rows and opens a record even without a named reference", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1", "2"]);
    s.sync(ds, 50);
    s.select(["2", "zz"]);
    expect(ds.setSelectedRecordIds).toHaveBeenCalledWith(["2"]);
    expect(s.selectedIds).toEqual(["2"]);
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
    expect(s.busy()).toBe(false);
    expect(s.pageLog.entries[s.pageLog.entries.length - 1].status).toBe("failed");
    expect(s.sync(null, 50)).toBe(true);
    expect(s.current.rows).toEqual([]);
    expect(s.sort("a")).toBe(false);
    expect(s.canGoNext()).toBe(false);
  });

  it("assigns sorting when the host gives none (as the test harness does)", () => {
    const s = new DatasetSession(clock, 50);
    const ds = dataset(["1"], { sorting: undefined });
    s.sync(ds, 50);
    s.sort("a");
    expect(ds.sorting).toEqual([{ name: "a", sortDirection: 0 }]);
    expect(s.sortDirection("a")).toBe(0);
  });
});
