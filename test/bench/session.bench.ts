/**
 * DatasetSession.sync, the data half of the VirtualTablePreview's updateView, at 50, 5,000 and 50,000
 * rows: what an update costs when nothing changed (a resize), when one record was edited, when the
 * selection changed, when the host rebuilt every record object for the same data, and when a whole new
 * page arrived. The first two must not grow with the rows.
 * Runs in Node on the shared logic alone (the browser figures are in dataset.bench.ts).
 */
import { DatasetSession, type DatasetLike, type RecordLike } from "@integrationkit/shared";
import { timeMedian, type BenchRow } from "./util";

const SIZES = [50, 5000, 50000];
const COLUMNS = [
  "mserp_customeraccount",
  "mserp_name",
  "mserp_creditlimit",
  "mserp_createddatetime",
  "mserp_isonhold",
  "mserp_customergroup",
];
const TYPES = ["SingleLine.Text", "SingleLine.Text", "Currency", "DateAndTime.DateAndTime", "TwoOptions", "Lookup.Simple"];

function record(id: string, i: number, name = `Customer ${i}`): RecordLike {
  const values: Record<string, unknown> = {
    mserp_customeraccount: `US-${String(i).padStart(6, "0")}`,
    mserp_name: name,
    mserp_creditlimit: 1000 * (i % 50),
    mserp_createddatetime: new Date(Date.UTC(2024, 0, 1 + (i % 300))),
    mserp_isonhold: i % 7 === 0,
    mserp_customergroup: { id: { guid: `g-${i % 3}` }, name: `Group ${i % 3}` },
  };
  return { getRecordId: () => id, getValue: (c) => values[c], getFormattedValue: () => null };
}

function dataset(
  n: number,
  prefix = "id",
): DatasetLike & { records: Record<string, RecordLike>; sortedRecordIds: string[]; selected: string[] } {
  const records: Record<string, RecordLike> = {};
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = `${prefix}-${i}`;
    ids.push(id);
    records[id] = record(id, i);
  }
  const ds = {
    columns: COLUMNS.map((name, order) => ({ name, displayName: name, dataType: TYPES[order], order, visualSizeFactor: 100 })),
    records,
    sortedRecordIds: ids,
    sorting: [],
    loading: false,
    error: false,
    selected: [] as string[],
    paging: {
      totalResultCount: n,
      pageSize: n,
      hasNextPage: false,
      hasPreviousPage: false,
      firstPageNumber: 1,
      lastPageNumber: 1,
      loadNextPage: () => undefined,
      loadPreviousPage: () => undefined,
      reset: () => undefined,
      setPageSize: () => undefined,
    },
    refresh: () => undefined,
    getTargetEntityType: () => "mserp_custcustomerv3entity",
    getSelectedRecordIds: () => ds.selected,
    setSelectedRecordIds: (s: string[]) => {
      ds.selected = s;
    },
  };
  return ds;
}

export default function sessionBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const unchanged: number[] = [];
  const edited: number[] = [];
  for (const n of SIZES) {
    const session = new DatasetSession(() => 0, 50);
    const ds = dataset(n);
    session.sync(ds, 50);
    const same = timeMedian(() => session.sync(ds, 50), { inner: 200, runs: 15 });
    unchanged.push(same);
    // One record edited: new records object, same ids, every other record object kept.
    let flip = 0;
    const edit = timeMedian(
      () => {
        flip++;
        const id = ds.sortedRecordIds[flip % n];
        ds.records = { ...ds.records, [id]: record(id, flip % n, `Edited ${flip}`) };
        return session.sync(ds, 50);
      },
      { inner: 5, runs: 11 },
    );
    // The record spread above is the host's work, not the session's: time it alone and subtract.
    const spread = timeMedian(
      () => {
        ds.records = { ...ds.records };
      },
      { inner: 5, runs: 11 },
    );
    edited.push(Math.max(0, edit - spread));
    // The selection changed from the app (one row ticked).
    let pick = 0;
    const select = timeMedian(() => session.select([ds.sortedRecordIds[pick++ % n]]), { inner: 50, runs: 11 });
    // A whole new page of n rows arrived.
    let page = 0;
    const fresh = Array.from({ length: 4 }, (_, k) => dataset(n, `p${k}`));
    const arrive = timeMedian(() => session.sync(fresh[page++ % fresh.length], 50), { inner: 1, runs: 9 });
    // The host rebuilt every record object for the same data (the PCF test harness does on each resize):
    // the session compares the ids and re-reads only the rows that were read (the 30 it checks).
    const rebuiltSession = new DatasetSession(() => 0, 50);
    const base = dataset(n);
    rebuiltSession.sync(base, 50);
    const rebuilds = Array.from({ length: 2 }, () => {
      const records: Record<string, RecordLike> = {};
      base.sortedRecordIds.forEach((id, i) => (records[id] = record(id, i)));
      return { ...base, records, sortedRecordIds: base.sortedRecordIds.slice() };
    });
    let turn = 0;
    const rebuilt = timeMedian(() => rebuiltSession.sync(rebuilds[turn++ % rebuilds.length], 50), { inner: 5, runs: 11 });
    const label = n.toLocaleString("en-US");
    rows.push({
      group: "VirtualTablePreview session",
      name: `sync, every record object rebuilt with the same data (a harness resize), ${label} rows`,
      value: rebuilt,
      unit: "ms",
    });
    rows.push({
      group: "VirtualTablePreview session",
      name: `sync, nothing changed (a resize), ${label} rows`,
      value: same * 1000,
      unit: "µs",
    });
    rows.push({
      group: "VirtualTablePreview session",
      name: `sync, one record edited, ${label} rows`,
      value: Math.max(0, edit - spread),
      unit: "ms",
    });
    rows.push({ group: "VirtualTablePreview session", name: `select one row, ${label} rows`, value: select * 1000, unit: "µs" });
    rows.push({ group: "VirtualTablePreview session", name: `sync, a new page of ${label} rows`, value: arrive, unit: "ms" });
  }
  // An update that changes nothing must not cost more with more rows (noise allowance: 3x and 20 µs).
  const flat = unchanged[2] <= Math.max(3 * unchanged[0], unchanged[0] + 0.02);
  rows.push({
    group: "VirtualTablePreview session",
    name: "sync with nothing changed, 50,000 vs 50 rows",
    value: unchanged[2] / unchanged[0],
    unit: "ratio",
    target: "<= 3 (or +20 µs)",
    pass: flat,
  });
  return Promise.resolve(rows);
}
