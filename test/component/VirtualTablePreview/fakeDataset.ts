import { resxGetString } from "../../helpers/resx";
import type { IInputs } from "../../../controls/VirtualTablePreview/generated/ManifestTypes";

export interface FakeColumn {
  name: string;
  displayName?: string;
  dataType: string;
  disableSorting?: boolean;
}

export type FakeRow = Record<string, unknown> & { id: string };

/** A record as hosts give it (the PCF `EntityRecord` methods the control reads). */
interface FakeRecord {
  getRecordId(): string;
  getValue(column: string): unknown;
  getFormattedValue(column: string): string | null;
  getNamedReference(): { id: { guid: string }; etn: string; name: string };
}

/** A PCF-shaped dataset whose calls are jest mocks, so tests can assert what the control asked for. */
export function fakeDataset(columns: FakeColumn[], rows: FakeRow[], entity = "mserp_custcustomerv3entity") {
  const ds = {
    columns: columns.map((c, i) => ({
      name: c.name,
      displayName: c.displayName ?? c.name,
      dataType: c.dataType,
      alias: c.name,
      order: i,
      visualSizeFactor: 1,
      disableSorting: c.disableSorting,
    })),
    records: {} as Record<string, FakeRecord>,
    sortedRecordIds: [] as string[],
    sorting: [] as { name: string; sortDirection: -1 | 0 | 1 }[],
    loading: false,
    error: false,
    errorMessage: "",
    paging: {
      totalResultCount: rows.length,
      pageSize: 50,
      hasNextPage: false,
      hasPreviousPage: false,
      firstPageNumber: 1,
      lastPageNumber: 1,
      loadNextPage: jest.fn(),
      loadPreviousPage: jest.fn(),
      loadExactPage: jest.fn(),
      reset: jest.fn(),
      setPageSize: jest.fn(),
    },
    filtering: { getFilter: jest.fn(), setFilter: jest.fn(), clearFilter: jest.fn() },
    linking: {},
    refresh: jest.fn(),
    getTargetEntityType: () => entity,
    getSelectedRecordIds: jest.fn((): string[] | undefined => undefined),
    setSelectedRecordIds: jest.fn(),
    clearSelectedRecordIds: jest.fn(),
    openDatasetItem: jest.fn(),
    getTitle: () => "Customers",
    getViewId: () => "view",
    setRows(next: FakeRow[]): void {
      ds.records = {};
      ds.sortedRecordIds = next.map((r) => r.id);
      for (const r of next) {
        ds.records[r.id] = {
          getRecordId: () => r.id,
          getValue: (c: string) => {
            if (!(c in r)) throw new Error(`Column ${c} not in record`);
            return r[c];
          },
          getFormattedValue: (c: string) => {
            const f = r[`${c}@fmt`];
            return typeof f === "string" ? f : null;
          },
          getNamedReference: () => ({ id: { guid: r.id }, etn: entity, name: show(r.mserp_name ?? r.id) }),
        };
      }
    },
  };
  ds.setRows(rows);
  return ds;
}

export type FakeDataset = ReturnType<typeof fakeDataset>;

export interface FakeContextOptions {
  pageSize?: number | null;
  density?: string;
  showDiagnostics?: boolean;
  width?: number;
  height?: number;
  disabled?: boolean;
  /** Table metadata by logical name, as `getEntityMetadata` resolves it; absent tables reject like the platform. */
  metadata?: FakeMetadata;
  /** `entitydataprovider` names by id, as `webAPI.retrieveRecord` returns them. */
  providers?: Record<string, string>;
}

export type FakeMetadata = Record<string, Record<string, unknown>>;

/** A PCF context with the parts the control reads; strings come from the real .resx. */
export function fakeContext(ds: FakeDataset, o: FakeContextOptions = {}) {
  const ctx = {
    parameters: {
      records: ds,
      pageSize: { raw: o.pageSize === undefined ? 50 : o.pageSize },
      density: { raw: o.density ?? "normal" },
      showDiagnostics: { raw: o.showDiagnostics ?? true },
    },
    mode: {
      allocatedWidth: o.width ?? 900,
      allocatedHeight: o.height ?? 700,
      isControlDisabled: o.disabled ?? false,
      trackContainerResize: jest.fn(),
    },
    resources: { getString: resxGetString("VirtualTablePreview") },
    utils: {
      getEntityMetadata: jest.fn((name: string): Promise<unknown> => {
        const m = o.metadata?.[name];
        return m ? Promise.resolve(m) : Promise.reject(new Error(`Could not find an entity with name ${name}`));
      }),
    },
    webAPI: {
      retrieveRecord: jest.fn((entity: string, id: string): Promise<unknown> => {
        const name = entity === "entitydataprovider" ? o.providers?.[id] : undefined;
        return name ? Promise.resolve({ entitydataproviderid: id, name }) : Promise.reject(new Error("Not found"));
      }),
    },
    formatting: {
      formatDateShort: (d: Date, withTime?: boolean) =>
        withTime ? d.toISOString().replace("T", " ").slice(0, 16) : d.toISOString().slice(0, 10),
      formatInteger: (n: number) => n.toLocaleString("en-US"),
      formatDecimal: (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2 }),
      formatCurrency: (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2 })}`,
    },
    updatedProperties: [] as string[],
  };
  return ctx as typeof ctx & ComponentFramework.Context<IInputs>;
}

export const CUSTOMER_COLUMNS: FakeColumn[] = [
  { name: "mserp_customeraccount", displayName: "Customer account", dataType: "SingleLine.Text" },
  { name: "mserp_name", displayName: "Name", dataType: "SingleLine.Text" },
  { name: "mserp_creditlimit", displayName: "Credit limit", dataType: "Currency" },
  { name: "mserp_createddatetime", displayName: "Created", dataType: "DateAndTime.DateAndTime" },
  { name: "mserp_isonhold", displayName: "On hold", dataType: "TwoOptions" },
  { name: "mserp_customergroup", displayName: "Customer group", dataType: "Lookup.Simple" },
];

export function customerRows(n: number, start = 0): FakeRow[] {
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return {
      id: `id-${i}`,
      mserp_customeraccount: `US-${String(i).padStart(6, "0")}`,
      mserp_name: `Customer ${i}`,
      mserp_creditlimit: 1000 * (i % 50),
      mserp_createddatetime: new Date(Date.UTC(2024, 0, 1 + (i % 300))),
      mserp_isonhold: i % 7 === 0,
      mserp_customergroup: { id: { guid: `g-${i % 3}` }, name: `Group ${i % 3}`, entityType: "mserp_custgroup" },
    };
  });
}

// ---- A host that behaves like a real one ------------------------------------------------------------

type OpKind = "refresh" | "next" | "previous" | "exact" | "more";

interface HostOp {
  id: number;
  kind: OpKind;
  /** The page it loads, and whether it appends (load more). */
  page: number;
  append: boolean;
  /** The sort and filter captured when the call was made, as a real host captures its query. */
  sorting: { name: string; sortDirection: -1 | 0 | 1 }[];
  filter: unknown;
  pageSize: number;
  reportedLoading: boolean;
}

interface FakeHostOptions {
  /** What the host calls after each change: the control's updateView or the session's sync. */
  onUpdate: () => void;
  /** A failure leaves records, ids and message exactly as they were (some hosts only set `error`). */
  failureKeepsState?: boolean;
}

/**
 * Drives a `fakeDataset` like a real host: every paging call or refresh starts a load that completes
 * only when the test says so (in any order), `loading` is reported late (only when the test says), and
 * a load can fail. It counts calls made while another load was still in flight.
 */
export class FakeHost {
  readonly inFlight: HostOp[] = [];
  /** Load calls made while another load was in flight. */
  overlaps = 0;
  calls = 0;
  private nextId = 1;
  private pageSize = 50;
  private page = 1;
  private filter: unknown = null;
  private readonly recordCache = new Map<string, FakeRecord>();

  constructor(
    readonly ds: FakeDataset,
    private table: FakeRow[],
    private readonly options: FakeHostOptions,
  ) {
    ds.refresh.mockImplementation(() => this.start("refresh", 1, false));
    ds.paging.loadNextPage.mockImplementation((onlyNew?: boolean) =>
      this.start(onlyNew === false ? "more" : "next", this.page + 1, onlyNew === false),
    );
    ds.paging.loadPreviousPage.mockImplementation(() => this.start("previous", Math.max(1, this.page - 1), false));
    ds.paging.loadExactPage.mockImplementation((n: number) => this.start("exact", n, false));
    ds.paging.setPageSize.mockImplementation((n: number) => {
      this.pageSize = n;
    });
    ds.paging.reset.mockImplementation(() => {
      this.page = 1;
    });
    ds.filtering.setFilter.mockImplementation((f: unknown) => {
      this.filter = f;
    });
    ds.filtering.clearFilter.mockImplementation(() => {
      this.filter = null;
    });
    this.show(
      this.result({
        id: 0,
        kind: "refresh",
        page: 1,
        append: false,
        sorting: [],
        filter: null,
        pageSize: this.pageSize,
        reportedLoading: false,
      }),
    );
  }

  /** Replaces the table behind the dataset (what the next loads return). */
  setTable(rows: FakeRow[]): void {
    this.table = rows;
  }

  private start(kind: OpKind, page: number, append: boolean): void {
    this.calls++;
    if (this.inFlight.length > 0) this.overlaps++;
    this.inFlight.push({
      id: this.nextId++,
      kind,
      page,
      append,
      sorting: this.ds.sorting.map((s) => ({ ...s })),
      filter: this.filter,
      pageSize: this.pageSize,
      reportedLoading: false,
    });
  }

  /** The host reports `loading` for an in-flight load (late: only now) and calls updateView. */
  reportLoading(index = 0): void {
    const op = this.inFlight[index];
    if (!op || op.reportedLoading) return;
    op.reportedLoading = true;
    this.ds.loading = true;
    this.options.onUpdate();
  }

  /** Completes an in-flight load (any of them: completions can come out of order), then calls updateView. */
  complete(index = 0, failure?: string): void {
    const op = this.inFlight[index];
    if (!op) return;
    this.inFlight.splice(index, 1);
    this.ds.loading = this.inFlight.some((o) => o.reportedLoading);
    if (failure !== undefined) {
      this.ds.error = true;
      this.ds.errorMessage = failure;
      if (!this.options.failureKeepsState) {
        this.ds.records = {};
        this.ds.sortedRecordIds = [];
      }
    } else {
      this.show(this.result(op));
    }
    this.options.onUpdate();
  }

  /** A re-render with nothing changed (a resize). */
  resize(): void {
    this.options.onUpdate();
  }

  private result(op: HostOp): { rows: FakeRow[]; total: number; page: number; append: boolean } {
    let rows = this.table.filter((r) => matches(r, op.filter));
    const sort = op.sorting.find((s) => s.sortDirection === 0 || s.sortDirection === 1);
    if (sort) {
      rows = [...rows].sort((a, b) => compare(a[sort.name], b[sort.name]) * (sort.sortDirection === 1 ? -1 : 1));
    }
    const total = rows.length;
    const lastPage = Math.max(1, Math.ceil(total / op.pageSize));
    const page = Math.min(Math.max(1, op.page), lastPage);
    const slice = op.append ? rows.slice(0, page * op.pageSize) : rows.slice((page - 1) * op.pageSize, page * op.pageSize);
    return { rows: slice, total, page, append: op.append };
  }

  private show(r: { rows: FakeRow[]; total: number; page: number; append: boolean }): void {
    this.page = r.page;
    this.ds.error = false;
    this.ds.errorMessage = "";
    // New records and ids objects, as hosts build them for every load; a row's record object is kept.
    const records: Record<string, FakeRecord> = {};
    for (const row of r.rows) {
      let rec = this.recordCache.get(row.id);
      if (!rec) {
        this.ds.setRows([row]);
        rec = this.ds.records[row.id];
        this.recordCache.set(row.id, rec);
      }
      records[row.id] = rec;
    }
    this.ds.records = records;
    this.ds.sortedRecordIds = r.rows.map((x) => x.id);
    this.ds.paging.totalResultCount = r.total;
    this.ds.paging.hasNextPage = r.page * this.pageSize < r.total;
    this.ds.paging.hasPreviousPage = r.page > 1;
    this.ds.paging.firstPageNumber = r.append ? 1 : r.page;
    this.ds.paging.lastPageNumber = r.page;
  }
}

/** A test value as text. */
function show(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return show(a).localeCompare(show(b));
}

/** The header filters' conditions (see shared/src/dataset/filters.ts), applied as a provider would. */
function matches(row: FakeRow, filter: unknown): boolean {
  const f = filter as { conditions?: { attributeName: string; conditionOperator: number; value: string }[] } | null;
  for (const c of f?.conditions ?? []) {
    const v = row[c.attributeName];
    const n = Number(c.value);
    switch (c.conditionOperator) {
      case 0:
        if (String(typeof v === "boolean" ? (v ? 1 : 0) : v) !== c.value) return false;
        break;
      case 1:
        if (String(v) === c.value) return false;
        break;
      case 2:
        if (!(Number(v) > n)) return false;
        break;
      case 3:
        if (!(Number(v) < n)) return false;
        break;
      case 6: {
        const needle = c.value
          .replace(/^%|%$/g, "")
          .replace(/\[(.)\]/g, "$1")
          .toLowerCase();
        if (!show(v).toLowerCase().includes(needle)) return false;
        break;
      }
      case 12:
        if (v !== null && v !== undefined && v !== "") return false;
        break;
      default:
        break;
    }
  }
  return true;
}
