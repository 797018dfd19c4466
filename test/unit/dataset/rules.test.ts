import fc from "fast-check";
import {
  askPage,
  cancelPending,
  columnCapability,
  createPageLog,
  datasetWarnings,
  effectivePageSize,
  isInOrder,
  isOverdue,
  moveCell,
  pageCount,
  pageDuration,
  pendingPage,
  scrollToReveal,
  settlePage,
  factsFromMetadata,
  checkingFacts,
  visibleRange,
  isJump,
} from "@integrationkit/shared";

// A finance and operations virtual entity, known from its prefix before the metadata arrives.
const virtual = { table: checkingFacts("mserp_custcustomerv3entity") };
const standard = { table: factsFromMetadata("account", { LogicalName: "account", TableType: "Standard" }, null) };

describe("capability rules", () => {
  it("explains why virtual-table lookups cannot be sorted or filtered", () => {
    const c = columnCapability({ kind: "lookup" }, virtual);
    expect(c).toMatchObject({ canSort: false, canFilter: false, sortReason: "virtualLookup", filterReason: "virtualLookup" });
    expect(virtual.table.isFinOps).toBe(true);
  });
  it("refuses both for non-Dataverse sources", () => {
    expect(columnCapability({ kind: "text" }, { table: checkingFacts("") })).toMatchObject({
      canSort: false,
      sortReason: "notDataverse",
      filterReason: "notDataverse",
    });
  });
  it("honours the host and the view", () => {
    expect(columnCapability({ kind: "text", disableSorting: true }, virtual).sortReason).toBe("sortDisabledByView");
    expect(columnCapability({ kind: "text" }, { ...virtual, datasetCanSort: false, datasetCanFilter: false })).toMatchObject({
      sortReason: "providerCannotSort",
      filterReason: "providerCannotFilter",
    });
  });
  it("offers filter editors by type", () => {
    expect(columnCapability({ kind: "currency" }, virtual).filterOperators).toContain("gt");
    expect(columnCapability({ kind: "boolean" }, virtual).filterOperators).toEqual(["isTrue", "isFalse"]);
    expect(columnCapability({ kind: "choices" }, virtual)).toMatchObject({
      canSort: true,
      canFilter: false,
      filterReason: "filterTypeNotOffered",
    });
    expect(columnCapability({ kind: "lookup" }, standard).canSort).toBe(true);
  });
  it("caps page sizes at 5,000 and falls back to 50", () => {
    expect(effectivePageSize(9000)).toEqual({ size: 5000, capped: true, invalid: false });
    expect(effectivePageSize(25.7)).toEqual({ size: 25, capped: false, invalid: false });
    expect(effectivePageSize(null)).toEqual({ size: 50, capped: false, invalid: false });
    expect(effectivePageSize(-3)).toEqual({ size: 50, capped: false, invalid: true });
  });
});

describe("warnings", () => {
  const base = { pageSizeAsked: 50, lastPageRows: 50, loadedRows: 50, hasNextPage: true, totalResultCount: 200, orderHonoured: null };
  it("is quiet when the provider behaves", () => {
    expect(datasetWarnings(base)).toEqual([]);
  });
  it("spots an ignored page size, order, missing count and the connector limit", () => {
    expect(datasetWarnings({ ...base, lastPageRows: 5000, loadedRows: 5000 })).toContain("pageSizeIgnored");
    expect(datasetWarnings({ ...base, orderHonoured: false })).toContain("orderIgnored");
    expect(datasetWarnings({ ...base, totalResultCount: -1 })).toContain("countUnavailable");
    const connector = factsFromMetadata(
      "cr1_orders",
      { TableType: "Virtual", DataProviderId: "{B5E1A7C3-5D2F-4E8A-9C11-0F3D2A6B7C80}" },
      "Virtual Connector Provider",
    );
    expect(connector.provider).toBe("connector");
    expect(datasetWarnings({ ...base, totalResultCount: 1000, table: connector })).toContain("connectorLimit");
    expect(datasetWarnings({ ...base, loadedRows: 1000, hasNextPage: false, totalResultCount: -1, table: connector })).toContain(
      "connectorLimit",
    );
    expect(datasetWarnings({ ...base, loadedRows: 1000, hasNextPage: true, table: connector })).not.toContain("connectorLimit");
    // The 1,000-row cap is the connector provider's only: exactly 1,000 rows elsewhere proves nothing.
    expect(datasetWarnings({ ...base, totalResultCount: 1000 })).not.toContain("connectorLimit");
    expect(datasetWarnings({ ...base, loadedRows: 1000, hasNextPage: false, table: standard.table })).not.toContain("connectorLimit");
    expect(datasetWarnings({ ...base, pageSizeRequestedByMaker: 8000 })).toContain("pageSizeCapped");
    expect(
      datasetWarnings({ ...base, errorMessage: "Paging isn't supported for queries with temporary tables", table: virtual.table }),
    ).toContain("finOpsTempTablePaging");
    expect(
      datasetWarnings({ ...base, errorMessage: "Paging isn't supported for queries with temporary tables", table: standard.table }),
    ).not.toContain("finOpsTempTablePaging");
  });
  it("judges order on comparable values only", () => {
    expect(isInOrder([1, null, 2, 3], 0)).toBe(true);
    expect(isInOrder([3, 2, 5], 1)).toBe(false);
    expect(isInOrder(["apple", "Banana", "cherry"], 0)).toBe(true);
    expect(isInOrder([null, undefined], 0)).toBeNull();
    expect(isInOrder([new Date(2), new Date(1)], 1)).toBe(true);
  });
  it("counts pages only with a count", () => {
    expect(pageCount(101, 50)).toBe(3);
    expect(pageCount(-1, 50)).toBeNull();
    expect(pageCount(0, 50)).toBe(1);
  });
});

describe("page log", () => {
  it("times a page and keeps one pending request at a time", () => {
    let log = askPage(createPageLog(), { pageNumber: 1, reason: "first", at: 1000, pageSizeAsked: 50 });
    expect(pendingPage(log)?.pageNumber).toBe(1);
    log = askPage(log, { pageNumber: 2, reason: "next", at: 1100, pageSizeAsked: 50 });
    expect(log.entries.map((e) => e.status)).toEqual(["cancelled", "pending"]);
    log = settlePage(log, { at: 1350, rowCount: 50, pageNumber: 2 });
    const last = log.entries[1];
    expect([last.status, last.rowCount, pageDuration(last)]).toEqual(["done", 50, 250]);
    expect(settlePage(log, { at: 2000, rowCount: 1 })).toBe(log);
    expect(pageDuration(log.entries[0])).toBeNull();
  });
  it("cancels and fails", () => {
    let log = askPage(createPageLog(), { pageNumber: 1, reason: "first", at: 0, pageSizeAsked: 50 });
    expect(isOverdue(pendingPage(log), 9000, 8000)).toBe(true);
    expect(isOverdue(pendingPage(log), 100, 8000)).toBe(false);
    log = cancelPending(log, 5);
    expect(pendingPage(log)).toBeUndefined();
    expect(cancelPending(log, 6)).toBe(log);
    log = settlePage(askPage(log, { pageNumber: 1, reason: "refresh", at: 10, pageSizeAsked: 50 }), { at: 30, rowCount: 0, failed: true });
    expect(log.entries[1]).toMatchObject({ status: "failed", rowCount: null });
  });
  it("property: never holds more entries than its limit, and sequence numbers grow", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.boolean(), { maxLength: 40 }), (limit, ops) => {
        let log = createPageLog(limit);
        ops.forEach((settle, i) => {
          log = settle ? settlePage(log, { at: i, rowCount: 1 }) : askPage(log, { pageNumber: i, reason: "next", at: i, pageSizeAsked: 1 });
        });
        expect(log.entries.length).toBeLessThanOrEqual(limit);
        const seqs = log.entries.map((e) => e.seq);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(log.entries.filter((e) => e.status === "pending").length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("virtualization", () => {
  it("calls a scroll a jump when more rows enter than the overscan holds", () => {
    expect(isJump(0, 6 * 36, 36, 6)).toBe(false);
    expect(isJump(0, 7 * 36, 36, 6)).toBe(true);
    expect(isJump(36_000, 36_000 - 7 * 36, 36, 6)).toBe(true);
    expect(isJump(0, 36, 36, 0)).toBe(true);
  });
  it("puts only the visible rows and the overscan in the window", () => {
    const r = visibleRange({ scrollTop: 3200, viewportHeight: 400, rowHeight: 32, rowCount: 5000, overscan: 5 });
    expect([r.start, r.end]).toEqual([95, 118]);
    expect(r.padTop).toBe(95 * 32);
    expect(r.padTop + (r.end - r.start) * 32 + r.padBottom).toBe(r.totalHeight);
  });
  it("property: the window covers the viewport, stays in bounds and is small", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 400000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 16, max: 60 }),
        (rows, scroll, viewport, h) => {
          const r = visibleRange({ scrollTop: scroll, viewportHeight: viewport, rowHeight: h, rowCount: rows, overscan: 4 });
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(rows);
          expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(viewport / h) + 1 + 8);
          expect(r.padTop + (r.end - r.start) * h + r.padBottom).toBe(r.totalHeight);
          if (rows > 0) expect(r.end).toBeGreaterThan(r.start);
        },
      ),
    );
  });
  it("reveals a row by the smallest scroll", () => {
    expect(scrollToReveal(10, 0, 100, 20)).toBe(120);
    expect(scrollToReveal(1, 100, 100, 20)).toBe(20);
    expect(scrollToReveal(6, 100, 100, 20)).toBe(100);
  });
  it("moves focus like a grid", () => {
    const m = { rowCount: 100, colCount: 5, pageRows: 10 };
    expect(moveCell({ row: 0, col: 0 }, "ArrowUp", m)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 5, col: 2 }, "PageDown", m)).toEqual({ row: 15, col: 2 });
    expect(moveCell({ row: 95, col: 2 }, "PageDown", m)).toEqual({ row: 100, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, "PageUp", m)).toEqual({ row: 0, col: 2 });
    expect(moveCell({ row: 5, col: 2 }, "End", m)).toEqual({ row: 5, col: 4 });
    expect(moveCell({ row: 5, col: 2 }, "Home", { ...m, ctrl: true })).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 5, col: 2 }, "End", { ...m, ctrl: true })).toEqual({ row: 100, col: 4 });
    expect(moveCell({ row: 5, col: 4 }, "ArrowRight", m)).toEqual({ row: 5, col: 4 });
    expect(moveCell({ row: 5, col: 0 }, "ArrowLeft", m)).toEqual({ row: 5, col: 0 });
    expect(moveCell({ row: 5, col: 0 }, "Home", m)).toEqual({ row: 5, col: 0 });
    expect(moveCell({ row: 5, col: 0 }, "ArrowDown", m)).toEqual({ row: 6, col: 0 });
    expect(moveCell({ row: 5, col: 0 }, "x", m)).toBeNull();
  });
});
