import { fireEvent, screen } from "@testing-library/react";
import { customerRows, CUSTOMER_COLUMNS, fakeDataset, type FakeColumn, type FakeMetadata, type FakeRow } from "./fakeDataset";
import {
  CONNECTOR_METADATA,
  CUSTOM_METADATA,
  ELASTIC_METADATA,
  FINOPS_METADATA,
  ODATA_METADATA,
  PROVIDER_NAMES,
  STANDARD_METADATA,
  UNKNOWN_METADATA,
} from "./metadata";
import { mountSettled } from "./render";

/**
 * Each provider type's rules, on the real control class, with table metadata shaped as
 * `getEntityMetadata` returns it: what can be sorted, what the pane warns about, and what it says
 * about the provider.
 */

function header(name: string): HTMLElement {
  return screen.getAllByRole("columnheader").find((h) => h.textContent?.startsWith(name))!;
}

const COLUMNS = (lookups: [string, string][]): FakeColumn[] => [
  { name: "name", displayName: "Name", dataType: "SingleLine.Text" },
  ...lookups.map(([name, displayName]) => ({ name, displayName, dataType: "Lookup.Simple" })),
];

function rows(n: number, lookups: string[]): FakeRow[] {
  return Array.from({ length: n }, (_, i) => {
    const row: FakeRow = { id: `r-${i}`, name: `Row ${i}` };
    for (const l of lookups)
      row[l] = { id: { guid: `00000000-0000-0000-0000-${String(i).padStart(12, "0")}` }, name: `Target ${i}`, entityType: "account" };
    return row;
  });
}

async function mount(
  entity: string,
  metadata: FakeMetadata,
  lookups: [string, string][],
  n = 5,
  tweak?: (ds: ReturnType<typeof fakeDataset>) => void,
) {
  const ds = fakeDataset(
    COLUMNS(lookups),
    rows(
      n,
      lookups.map(([l]) => l),
    ),
    entity,
  );
  tweak?.(ds);
  const mounted = await mountSettled(ds, { metadata, providers: PROVIDER_NAMES, showDiagnostics: true, pageSize: 5000 });
  return { ds, ...mounted };
}

/** Clicks a header and says whether the control asked the dataset to sort. */
function sorts(ds: ReturnType<typeof fakeDataset>, column: string): boolean {
  const before = ds.refresh.mock.calls.length;
  fireEvent.click(header(column));
  return ds.refresh.mock.calls.length > before;
}

// axe and Fluent popovers are slow in jsdom on a shared 2-core machine; no test here waits on a timer.
jest.setTimeout(30000);

describe("VirtualTablePreview per provider type", () => {
  it("standard table: lookups sort; no virtual-table limit is claimed", async () => {
    const { ds, ctx } = await mount("account", STANDARD_METADATA, [["primarycontactid", "Primary contact"]]);
    expect(ctx.utils.getEntityMetadata).toHaveBeenCalledWith("account", ["primarycontactid"]);
    expect(screen.queryByText(/This lookup cannot be sorted/)).toBeNull();
    expect(sorts(ds, "Primary contact")).toBe(true);
    expect(ds.sorting).toEqual([{ name: "primarycontactid", sortDirection: 0 }]);
  });

  it("elastic table: lookups sort", async () => {
    const { ds } = await mount("cr1_sensorreading", ELASTIC_METADATA, [["cr1_accountid", "Account"]]);
    expect(sorts(ds, "Account")).toBe(true);
  });

  it("finance and operations table: a lookup to another virtual entity is locked with its reason; the temp-table error gets the FAQ's remedy", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5));
    ds.error = true;
    ds.errorMessage = "Paging isn't supported for queries with temporary tables.";
    await mountSettled(ds, { metadata: FINOPS_METADATA, providers: PROVIDER_NAMES, showDiagnostics: true });
    expect(sorts(ds, "Customer group")).toBe(false);
    expect(screen.getByText(/^Customer group: This lookup cannot be sorted/)).toBeTruthy();
    expect(screen.getAllByText(/Find the temporary table in the entity's query and leave it out/).length).toBeGreaterThan(0);
  });

  it("the temp-table remedy is finance and operations advice: not given for a standard table", async () => {
    await mount("account", STANDARD_METADATA, [], 3, (ds) => {
      ds.error = true;
      ds.errorMessage = "Paging isn't supported for queries with temporary tables.";
    });
    expect(screen.queryAllByText(/Find the temporary table/)).toHaveLength(0);
  });

  it("OData v4 provider: a lookup to a standard table sorts, a lookup to another virtual table does not; no count asks for Return inline count", async () => {
    const { ds } = await mount(
      "cr1_people",
      ODATA_METADATA,
      [
        ["cr1_accountid", "Account"],
        ["cr1_tripid", "Trip"],
      ],
      5,
      (d) => {
        d.paging.totalResultCount = -1;
        d.paging.hasNextPage = true;
      },
    );
    expect(screen.getAllByText(/Turn on “Return inline count”/).length).toBeGreaterThan(0);
    expect(sorts(ds, "Trip")).toBe(false);
    expect(screen.getByText(/^Trip: This lookup cannot be sorted/)).toBeTruthy();
    expect(screen.queryByText(/^Account: This lookup cannot be sorted/)).toBeNull();
    expect(sorts(ds, "Account")).toBe(true);
  });

  it("virtual connector provider: 1,000 rows and no next page is flagged as its cap", async () => {
    await mount("cr1_orders", CONNECTOR_METADATA, [["cr1_accountid", "Account"]], 1000, (d) => {
      d.paging.totalResultCount = -1;
    });
    expect(screen.getByText(/Exactly 1,000 rows came back/)).toBeTruthy();
  });

  it("custom provider: 1,000 rows are not taken for the connector's cap, and lookups stay locked (its rules are its own)", async () => {
    const { ds } = await mount("cr1_stock", CUSTOM_METADATA, [["cr1_accountid", "Account"]], 1000, (d) => {
      d.paging.totalResultCount = -1;
    });
    expect(screen.queryByText(/Exactly 1,000 rows came back/)).toBeNull();
    expect(sorts(ds, "Account")).toBe(false);
  });

  it("unknown provider or unreadable metadata: nothing is assumed, a non-mserp lookup stays sortable when the table's type is unknown", async () => {
    const unknown = await mount("cr1_ledger", UNKNOWN_METADATA, [["cr1_accountid", "Account"]]);
    // The table is known to be virtual (TableType), so its lookups follow the virtual-table rule.
    expect(sorts(unknown.ds, "Account")).toBe(false);
    unknown.unmount();
    const failed = await mount("cr1_missing", {}, [["cr1_accountid", "Account"]]);
    expect(sorts(failed.ds, "Account")).toBe(true);
  });
});
