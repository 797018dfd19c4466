import { screen } from "@testing-library/react";
import { axe } from "../../setup/axe";
import { DatasetSession, factsFromMetadata, odataQuery, readTableFacts, type TableFacts } from "@integrationkit/shared";
import { makeRows, makeSnapshot, mountApp } from "./appFixture";
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
import { mountControl, mountSettled, settle } from "./render";

/**
 * What the diagnostics pane tells the user about the table's provider: the provider line, its short
 * form in the one-line summary, and the provider's notes, for every provider kind, on the real control
 * class with metadata shaped as `getEntityMetadata` returns it (and on the app for states the fake host
 * cannot reach quickly: a timeout, another language).
 */

// axe in jsdom is slow on a shared 2-core machine; no test here waits on a real timer.
jest.setTimeout(30000);

const COLUMNS: FakeColumn[] = [
  { name: "name", displayName: "Name", dataType: "SingleLine.Text" },
  { name: "cr1_accountid", displayName: "Account", dataType: "Lookup.Simple" },
];

function rows(n: number): FakeRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `r-${i}`,
    name: `Row ${i}`,
    cr1_accountid: { id: { guid: `g-${i}` }, name: `Account ${i}`, entityType: "account" },
  }));
}

async function mount(entity: string, metadata: FakeMetadata, n = 5, wait = true) {
  const ds = fakeDataset(COLUMNS, rows(n), entity);
  ds.paging.totalResultCount = -1;
  const options = { metadata, providers: PROVIDER_NAMES, showDiagnostics: true, pageSize: 5000 };
  const mounted = wait ? await mountSettled(ds, options) : mountControl(ds, options);
  return { ds, ...mounted };
}

const providerLine = (): string => screen.getByTestId("vtp-provider").textContent ?? "";
/** The provider's notes (the list also holds one line per column that cannot be sorted or filtered). */
const notes = (): string[] =>
  Array.from(screen.getByTestId("vtp-notes").querySelectorAll("li[data-provider-note]")).map((li) => li.textContent ?? "");
const summary = (): string => screen.getByRole("button", { name: /^Provider diagnostics:/ }).textContent ?? "";

const CONNECTOR_CAP = /returns at most 1,000 rows per query/;
const EVERY_COLUMN = /returns every column whatever the view selects/;
const NATIVE_LOOKUPS = /Lookups to standard tables can be sorted and filtered \(supported since 2024\)/;
const VIRTUAL_LOOKUPS = /Lookup columns that point to virtual tables cannot be sorted or filtered/;

describe("VirtualTablePreview diagnostics pane: the table's provider", () => {
  it("standard table: says so, rows are stored in Dataverse, and no virtual-table note is claimed", async () => {
    await mount("account", STANDARD_METADATA);
    expect(providerLine()).toBe("Table and provider: Standard Dataverse table");
    expect(summary()).toMatch(/ · standard table$/);
    expect(notes()).toContain("None of the virtual-table limits apply to a standard table.");
    expect(notes().some((n) => EVERY_COLUMN.test(n) || CONNECTOR_CAP.test(n) || /finance and operations/.test(n))).toBe(false);
    expect(screen.getByText(/^Stored in Dataverse\./)).toBeTruthy();
    expect(screen.queryByText(/Fetched live from the source/)).toBeNull();
  });

  it("elastic table", async () => {
    await mount("cr1_sensorreading", ELASTIC_METADATA);
    expect(providerLine()).toBe("Table and provider: Elastic Dataverse table");
    expect(summary()).toMatch(/ · elastic table$/);
    expect(notes()).toContain("None of the virtual-table limits apply to an elastic table.");
  });

  it("finance and operations (mserp_): the narrow-column advice replaces the generic every-column note; the temp-table error gets the FAQ's remedy", async () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5));
    ds.error = true;
    ds.errorMessage = "Paging isn't supported for queries with temporary tables.";
    await mountSettled(ds, { metadata: FINOPS_METADATA, providers: PROVIDER_NAMES, showDiagnostics: true });
    expect(providerLine()).toBe("Table and provider: Finance and operations virtual table (CustomersV3)");
    expect(summary()).toMatch(/ · finance and operations$/);
    const n = notes();
    expect(n).toContain("Every query runs in finance and operations as the signed-in user (mserp_ tables).");
    expect(n.some((x) => /Keep the view's column list short/.test(x))).toBe(true);
    expect(n.some((x) => VIRTUAL_LOOKUPS.test(x))).toBe(true);
    expect(n.some((x) => EVERY_COLUMN.test(x) || CONNECTOR_CAP.test(x))).toBe(false);
    // The error bar carries the remedy (from the data side's warning), and the pane lists it as a warning.
    const shown = screen.getAllByText(/^Paging isn't supported for queries with temporary tables\./).map((e) => e.textContent ?? "");
    expect(shown.some((x) => /Find the temporary table in the entity's query and leave it out/.test(x))).toBe(true);
    expect(screen.getByText(/Fetched live from the source/)).toBeTruthy();
  });

  it("OData v4 provider: every column is returned, lookups to standard tables sort since 2024, no 1,000-row note", async () => {
    await mount("cr1_people", ODATA_METADATA);
    expect(providerLine()).toBe("Table and provider: Virtual table on the OData v4 provider (people)");
    expect(summary()).toMatch(/ · OData v4 provider$/);
    const n = notes();
    expect(n).toContain("Rows come from an external OData v4 service through Dataverse.");
    expect(n.some((x) => EVERY_COLUMN.test(x))).toBe(true);
    expect(n.some((x) => NATIVE_LOOKUPS.test(x))).toBe(true);
    expect(n.some((x) => CONNECTOR_CAP.test(x))).toBe(false);
  });

  it("virtual connector provider: the only provider with the 1,000-row note", async () => {
    await mount("cr1_orders", CONNECTOR_METADATA);
    expect(providerLine()).toBe("Table and provider: Virtual table on the virtual connector provider (orders)");
    expect(summary()).toMatch(/ · connector provider$/);
    const n = notes();
    expect(n.filter((x) => CONNECTOR_CAP.test(x))).toHaveLength(1);
    expect(n.some((x) => EVERY_COLUMN.test(x))).toBe(true);
    expect(n.some((x) => NATIVE_LOOKUPS.test(x))).toBe(true);
  });

  it("custom provider: named as the host gives it, its plug-ins' rules are its own, no 1,000-row note even at 1,000 rows", async () => {
    await mount("cr1_stock", CUSTOM_METADATA, 1000);
    expect(providerLine()).toBe("Table and provider: Virtual table on a custom provider (Contoso Inventory Provider) (stock)");
    expect(summary()).toMatch(/ · provider Contoso Inventory Provider$/);
    const n = notes();
    expect(n).toContain("A custom provider's own plug-ins decide what sorting, filtering and paging do.");
    expect(n.some((x) => VIRTUAL_LOOKUPS.test(x))).toBe(true);
    expect(n.some((x) => CONNECTOR_CAP.test(x) || EVERY_COLUMN.test(x))).toBe(false);
  });

  it("unknown provider (its name cannot be read): says it is unknown instead of guessing", async () => {
    await mount("cr1_ledger", UNKNOWN_METADATA, 1000);
    expect(providerLine()).toBe("Table and provider: Table whose provider could not be identified (ledger)");
    expect(summary()).toMatch(/ · provider unknown$/);
    expect(notes()).toEqual(["The provider could not be identified, so no provider-specific rule is applied."]);
  });

  it("while the metadata is being read: 'checking', then the provider once it arrives", async () => {
    await mount("cr1_orders", CONNECTOR_METADATA, 5, false);
    expect(providerLine()).toBe("Table and provider: Checking which provider serves this table…");
    expect(summary()).toMatch(/ · checking the provider$/);
    expect(notes()).toEqual(["Reading the table's details; the rules below may change when they arrive."]);
    expect(screen.queryByText(/^Fetched live|^Stored in Dataverse/)).toBeNull();
    await settle();
    expect(providerLine()).toMatch(/virtual connector provider/);
  });

  it("metadata read failed: the host's reason is shown and nothing is assumed", async () => {
    await mount("cr1_missing", {});
    expect(providerLine()).toBe(
      "Table and provider: The table's details could not be read (Could not find an entity with name cr1_missing); its provider is unknown.",
    );
    expect(summary()).toMatch(/ · provider unknown$/);
    expect(notes()).toEqual(["Nothing is assumed about the provider: sorting and filtering are offered as the view allows."]);
  });

  it("metadata that never arrives: the timeout message with its seconds, from the data side's own timeout", async () => {
    let fire: (() => void) | null = null;
    const table = readTableFacts(
      "cr1_slow",
      { getEntityMetadata: () => new Promise<unknown>(() => undefined) },
      { setTimer: (fn) => (fire = fn), clearTimer: () => undefined },
    );
    fire!();
    const facts = await table;
    expect(facts.timedOut).toBe(true);
    mountApp(makeSnapshot(makeRows(3), undefined, { table: facts }), { showDiagnostics: true });
    expect(providerLine()).toBe("Table and provider: The table's details did not arrive within 20 seconds; its provider is unknown.");
    expect(notes()).toEqual(["Nothing is assumed about the provider: sorting and filtering are offered as the view allows."]);
  });

  it("axe finds nothing with the pane open (connector table, 1,000 rows)", async () => {
    const { container } = await mount("cr1_orders", CONNECTOR_METADATA, 1000);
    expect(screen.getByTestId("vtp-notes")).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it("an impossible date typed in a filter is listed as refused and never sent to the dataset", () => {
    const ds = fakeDataset(CUSTOMER_COLUMNS, customerRows(5));
    const session = new DatasetSession(() => 1000, 50);
    session.sync(ds, 50);
    session.setFilter("mserp_createddatetime", { column: "mserp_createddatetime", kind: "datetime", operator: "eq", value: "2024-02-31" });
    const sent = JSON.stringify(ds.filtering.setFilter.mock.calls);
    expect(sent).not.toContain("2024-02-31");
    mountApp(session.getSnapshot(), { showDiagnostics: true });
    expect(screen.getByTestId("vtp-query-invalid").textContent).toBe(
      "Some filter values are not valid for their column (Created); they are left out of the text above.",
    );
    expect(screen.getByTestId("vtp-query").textContent).not.toContain("2024-02-31");
  });

  it("a refused value in the query text (from the data side's OData writer) is listed too", () => {
    const query = odataQuery({
      pageSize: 50,
      kinds: { created: "datetime", name: "text" },
      filter: {
        filterOperator: 0,
        conditions: [
          { attributeName: "created", conditionOperator: 0, value: "2024-02-31" },
          { attributeName: "name", conditionOperator: 0, value: "Contoso" },
        ],
      },
    });
    mountApp(makeSnapshot(makeRows(3), undefined, { query }), { showDiagnostics: true });
    expect(screen.getByTestId("vtp-query-invalid").textContent).toBe(
      "Some filter values are not valid for their column (created); they are left out of the text above.",
    );
    const text = screen.getByTestId("vtp-query").textContent ?? "";
    expect(text).toContain("Contoso");
    expect(text).not.toContain("2024-02-31");
  });
});

describe("VirtualTablePreview provider pane in other languages", () => {
  const connector: TableFacts = factsFromMetadata("cr1_orders", CONNECTOR_METADATA.cr1_orders, "Virtual Connector Provider");

  it("German: provider, summary and the connector's 1,000-row note", () => {
    mountApp(makeSnapshot(makeRows(3), undefined, { table: connector }), { showDiagnostics: true, languageId: 1031 });
    expect(screen.getByTestId("vtp-provider").textContent).toBe(
      "Tabelle und Anbieter: Virtuelle Tabelle über den Anbieter für virtuelle Connectors (orders)",
    );
    expect(screen.getByRole("button", { name: /^Anbieterdiagnose:/ }).textContent).toMatch(/ · Connector-Anbieter$/);
    expect(notes()).toContain(
      "Dieser Anbieter liefert höchstens 1.000 Zeilen pro Abfrage; filtern Sie, um darunter zu bleiben. Genau 1.000 Zeilen deuten auf die Grenze hin, beweisen sie aber nicht.",
    );
  });

  it("Arabic: the provider line and the unknown provider's note, right to left", async () => {
    const unknown = factsFromMetadata("cr1_ledger", UNKNOWN_METADATA.cr1_ledger, null);
    const { container } = mountApp(makeSnapshot(makeRows(3), undefined, { table: unknown }), { showDiagnostics: true, languageId: 1025 });
    expect(screen.getByTestId("vtp-provider").textContent).toBe("الجدول والموفّر: جدول تعذّر تحديد موفّره (ledger)");
    expect(container.querySelector("[dir=rtl]")).not.toBeNull();
    expect(await axe(container)).toHaveNoViolations();
  });
});
