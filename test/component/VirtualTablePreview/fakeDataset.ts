import { resxGetString } from "../../helpers/resx";
import type { IInputs } from "../../../controls/VirtualTablePreview/generated/ManifestTypes";

export interface FakeColumn {
  name: string;
  displayName?: string;
  dataType: string;
  disableSorting?: boolean;
}

export type FakeRow = Record<string, unknown> & { id: string };

/** A PCF-shaped dataset whose calls are jest mocks, so tests can assert what the control asked for. */
export function fakeDataset(columns: FakeColumn[], rows: FakeRow[], entity = "mserp_custcustomerv3entity") {
  const ds = {
    columns: columns.map((c, i) => ({ name: c.name, displayName: c.displayName ?? c.name, dataType: c.dataType, alias: c.name, order: i, visualSizeFactor: 1, disableSorting: c.disableSorting })),
    records: {} as Record<string, unknown>,
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
          getFormattedValue: (c: string) => (typeof r[`${c}@fmt`] === "string" ? r[`${c}@fmt`] : null),
          getNamedReference: () => ({ id: { guid: r.id }, etn: entity, name: String(r.mserp_name ?? r.id) }),
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
}

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
    formatting: {
      formatDateShort: (d: Date, withTime?: boolean) => (withTime ? d.toISOString().replace("T", " ").slice(0, 16) : d.toISOString().slice(0, 10)),
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
