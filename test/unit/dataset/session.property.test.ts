import fc from "fast-check";
import { DatasetSession, type SessionSnapshot } from "@integrationkit/shared";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset, FakeHost } from "../../component/VirtualTablePreview/fakeDataset";

/**
 * Random interleavings of what a user and a real host do (sort, filter, page, load more, refresh,
 * resize, cancel, page-size changes, late `loading`, out-of-order completions and failures), run
 * against the realistic FakeHost. After every step the session's contract must hold; when the host
 * has answered everything, the session is never left waiting.
 */

type Step =
  | { kind: "sort"; column: number; direction: 0 | 1 | undefined }
  | { kind: "filter"; value: string | null }
  | { kind: "next" | "previous" | "first" | "more" | "retry" | "cancel" | "resize" | "clearFilters" }
  | { kind: "pageSize"; size: number }
  | { kind: "loading"; index: number }
  | { kind: "complete"; index: number; fail: boolean }
  | { kind: "select"; count: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("sort" as const),
    column: fc.integer({ min: 0, max: CUSTOMER_COLUMNS.length - 1 }),
    direction: fc.constantFrom<0 | 1 | undefined>(0, 1, undefined),
  }),
  fc.record({ kind: fc.constant("filter" as const), value: fc.option(fc.constantFrom("1", "Customer 1", "x_%[", ""), { nil: null }) }),
  fc.constantFrom<Step>(
    { kind: "next" },
    { kind: "previous" },
    { kind: "first" },
    { kind: "more" },
    { kind: "retry" },
    { kind: "cancel" },
    { kind: "resize" },
    { kind: "clearFilters" },
  ),
  fc.record({ kind: fc.constant("pageSize" as const), size: fc.constantFrom(10, 25, 50) }),
  fc.record({ kind: fc.constant("loading" as const), index: fc.nat(3) }),
  fc.record({ kind: fc.constant("complete" as const), index: fc.nat(3), fail: fc.boolean() }),
  fc.record({ kind: fc.constant("select" as const), count: fc.nat(5) }),
);

function run(steps: Step[], rows: number, failureKeepsState: boolean, namesDataset: boolean): void {
  let now = 0;
  const ds = fakeDataset(CUSTOMER_COLUMNS, []);
  const session = new DatasetSession(() => now, 25);
  let pageSize = 25;
  let hint = false;
  const host = new FakeHost(ds, customerRows(rows), {
    failureKeepsState,
    onUpdate: () => session.sync(ds, { pageSize, datasetUpdated: hint }),
  });
  const seen: SessionSnapshot[] = [];
  session.subscribe(() => seen.push(session.getSnapshot()));
  session.sync(ds, { pageSize });

  /** Host loads started before the user last gave up waiting (Cancel, or Retry over an error): overlaps with them are allowed. */
  let gaveUpAfterOp = 0;
  /**
   * After the user gave up and a new load overlapped the old one, answers cannot be told apart (PCF
   * carries no request id), so the session may take the old load's answer for the new one until the
   * host has answered everything in flight.
   */
  let ambiguous = false;
  let opCounter = 0;
  const started = new Map<number, number>(); // op id -> counter when started

  const check = (label: string): void => {
    const snap = session.getSnapshot();
    const pending = snap.pageLog.entries.filter((e) => e.status === "pending");
    expect(pending.length).toBeLessThanOrEqual(1);
    expect(snap.busy).toBe(snap.pending !== null);
    if (snap.pending) expect(snap.pending.status).toBe("pending");
    // Retry is never off while an error shows.
    if (snap.error !== null) expect(snap.canRetry).toBe(true);
    for (const e of snap.pageLog.entries)
      if (e.askedAt !== null && e.settledAt !== null) expect(e.settledAt).toBeGreaterThanOrEqual(e.askedAt);
    // What is shown is what the host holds, once it is not loading.
    if (!ds.loading) expect(snap.model.rows.map((r) => r.id)).toEqual(ds.sortedRecordIds);
    // Selection only names rows that are shown.
    const shown = new Set(snap.model.rows.map((r) => r.id));
    for (const id of snap.selectedIds) expect(shown.has(id)).toBe(true);
    if (seen.length) expect(seen[seen.length - 1]).toBe(snap);
    void label;
  };

  for (const s of steps) {
    now += 37;
    hint = false;
    const callsBefore = host.calls;
    const inFlightBefore = host.inFlight.map((op) => op.id);
    const busyBefore = session.getSnapshot().busy;
    const errorBefore = session.getSnapshot().error !== null;
    switch (s.kind) {
      case "sort":
        session.sort(CUSTOMER_COLUMNS[s.column].name, s.direction);
        break;
      case "filter":
        session.setFilter(
          "mserp_name",
          s.value === null ? null : { column: "mserp_name", kind: "text", operator: "contains", value: s.value },
        );
        break;
      case "clearFilters":
        session.clearFilters();
        break;
      case "next":
        session.nextPage();
        break;
      case "previous":
        session.previousPage();
        break;
      case "first":
        session.firstPage();
        break;
      case "more":
        session.loadMore();
        break;
      case "retry":
        session.retry();
        break;
      case "cancel":
        session.cancel();
        break;
      case "resize":
        host.resize();
        break;
      case "pageSize":
        pageSize = s.size;
        session.sync(ds, { pageSize });
        break;
      case "loading":
        host.reportLoading(s.index % Math.max(1, host.inFlight.length));
        break;
      case "complete":
        hint = namesDataset;
        host.complete(s.index % Math.max(1, host.inFlight.length), s.fail ? "The service did not answer in time." : undefined);
        break;
      case "select":
        session.select(
          session
            .getSnapshot()
            .model.rows.slice(0, s.count)
            .map((r) => r.id),
        );
        break;
    }
    const newCalls = host.calls - callsBefore;
    // One action asks for one load at most, and never while the session's own request is pending,
    // except Retry over an error, which supersedes it.
    expect(newCalls).toBeLessThanOrEqual(1);
    if (newCalls > 0 && busyBefore) expect(s.kind === "retry" && errorBefore).toBe(true);
    if (s.kind === "cancel" || (s.kind === "retry" && busyBefore && newCalls > 0)) gaveUpAfterOp = opCounter;
    for (const op of host.inFlight) if (!started.has(op.id)) started.set(op.id, ++opCounter);
    // Two loads in flight only when the user gave up on the older one.
    if (newCalls > 0 && inFlightBefore.length > 0) {
      if (!ambiguous) for (const id of inFlightBefore) expect(started.get(id)!).toBeLessThanOrEqual(gaveUpAfterOp);
      ambiguous = true;
    }
    if (host.inFlight.length === 0) ambiguous = false;
    check(s.kind);
  }

  // The host answers everything still in flight, in order, then re-renders.
  while (host.inFlight.length) {
    now += 11;
    hint = namesDataset;
    host.complete(0);
  }
  hint = false;
  host.resize();
  check("quiet");
  const snap = session.getSnapshot();
  // Never stuck: the session is not waiting for anything the host will never send. The one exception is
  // a repeated identical failure on a host that does not name the dataset; Retry is then on.
  if (snap.busy) {
    expect(failureKeepsState && !namesDataset && snap.error !== null && snap.canRetry).toBe(true);
  }
  // And it still works: a retry is taken and answered.
  expect(session.retry()).toBe(true);
  host.complete(0);
  expect(session.getSnapshot().busy).toBe(false);
  expect(session.getSnapshot().error).toBeNull();
}

describe("DatasetSession under random interleavings (property)", () => {
  it("keeps one request at a time, shows what the host holds, and is never stuck", () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.integer({ min: 0, max: 130 }),
        fc.boolean(),
        fc.boolean(),
        (steps, rows, keeps, names) => {
          run(steps, rows, keeps, names);
        },
      ),
      { numRuns: Number(process.env.SESSION_PROPERTY_RUNS ?? 250) },
    );
  });

  it("regression cases found while writing the property stay fixed", () => {
    // Cancel, then a new load while the cancelled one is still in flight; both complete out of order.
    run(
      [
        { kind: "next" },
        { kind: "cancel" },
        { kind: "sort", column: 1, direction: 0 },
        { kind: "complete", index: 1, fail: false },
        { kind: "complete", index: 0, fail: false },
      ],
      120,
      false,
      false,
    );
    // Two identical failures in a row on a host that only sets `error`.
    run(
      [
        { kind: "sort", column: 1, direction: 0 },
        { kind: "complete", index: 0, fail: true },
        { kind: "retry" },
        { kind: "complete", index: 0, fail: true },
      ],
      60,
      true,
      false,
    );
    // Late loading: a re-render before the host says it is loading.
    run(
      [
        { kind: "next" },
        { kind: "resize" },
        { kind: "next" },
        { kind: "loading", index: 0 },
        { kind: "next" },
        { kind: "complete", index: 0, fail: false },
      ],
      120,
      false,
      false,
    );
    // Cancel, a new load, and the cancelled load answers first: the session may be one answer off until the host is quiet.
    run(
      [
        { kind: "filter", value: null },
        { kind: "cancel" },
        { kind: "next" },
        { kind: "complete", index: 0, fail: false },
        { kind: "pageSize", size: 10 },
      ],
      51,
      false,
      false,
    );
  });
});
