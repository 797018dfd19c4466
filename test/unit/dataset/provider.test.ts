import {
  checkingFacts,
  classifyProvider,
  columnCapability,
  DatasetSession,
  factsFromMetadata,
  NO_DATA_PROVIDER_ID,
  normaliseGuid,
  readTableFacts,
  type MetadataSource,
  type TableFacts,
} from "@integrationkit/shared";
import {
  CONNECTOR_METADATA,
  CUSTOM_METADATA,
  ELASTIC_METADATA,
  FINOPS_METADATA,
  ODATA_METADATA,
  PROVIDER_NAMES,
  STANDARD_METADATA,
  UNKNOWN_METADATA,
} from "../../component/VirtualTablePreview/metadata";
import type { FakeMetadata } from "../../component/VirtualTablePreview/fakeDataset";

/** A metadata source over fixtures, as the glue builds it from getEntityMetadata and the Web API. */
function source(metadata: FakeMetadata, calls: string[] = []): MetadataSource {
  return {
    getEntityMetadata: (name) => {
      calls.push(name);
      const m = metadata[name];
      return m ? Promise.resolve(m) : Promise.reject(new Error(`Could not find an entity with name ${name}`));
    },
    providerName: (id) => {
      const name = PROVIDER_NAMES[id];
      return name ? Promise.resolve(name) : Promise.reject(new Error("Principal user is missing prvReadEntityDataProvider privilege"));
    },
  };
}

const read = (entity: string, metadata: FakeMetadata, lookups: string[] = []): Promise<TableFacts> =>
  readTableFacts(entity, source(metadata), { lookupColumns: lookups });

const lookupCap = (facts: TableFacts, column: string) => columnCapability({ name: column, kind: "lookup" }, { table: facts });

describe("table and provider facts from the platform's metadata", () => {
  it("a standard table: not virtual, lookups sortable, no virtual-table notes", async () => {
    const facts = await read("account", STANDARD_METADATA, ["primarycontactid"]);
    expect(facts).toMatchObject({ check: "done", provider: "standard", isVirtual: false, tableType: "Standard" });
    expect(facts.rules).toMatchObject({ rowCap: null, returnsEveryColumn: false, wantsNarrowColumns: false, notes: ["standard"] });
    expect(lookupCap(facts, "primarycontactid")).toMatchObject({ canSort: true, canFilter: false, filterReason: "filterTypeNotOffered" });
  });

  it("an elastic table", async () => {
    const facts = await read("cr1_sensorreading", ELASTIC_METADATA, ["cr1_accountid"]);
    expect(facts).toMatchObject({ provider: "elastic", isVirtual: false, rules: { notes: ["elastic"] } });
    expect(lookupCap(facts, "cr1_accountid").canSort).toBe(true);
  });

  it("a finance and operations virtual entity: narrow columns, lookups to virtual tables locked", async () => {
    const facts = await read("mserp_custcustomerv3entity", FINOPS_METADATA, ["mserp_customergroup"]);
    expect(facts).toMatchObject({ provider: "finOps", isVirtual: true, isFinOps: true, externalName: "CustomersV3" });
    expect(facts.rules).toMatchObject({ rowCap: null, returnsEveryColumn: false, wantsNarrowColumns: true });
    expect(facts.rules.notes).toEqual(["finOps", "finOpsNarrowColumns", "virtualLookups"]);
    expect(facts.nativeLookupColumns).toEqual([]);
    expect(lookupCap(facts, "mserp_customergroup")).toMatchObject({
      canSort: false,
      sortReason: "virtualLookup",
      filterReason: "virtualLookup",
    });
  });

  it("the OData v4 provider: every column returned; lookups to native tables sortable, to virtual tables not", async () => {
    const calls: string[] = [];
    const facts = await readTableFacts("cr1_people", source(ODATA_METADATA, calls), { lookupColumns: ["cr1_accountid", "cr1_tripid"] });
    expect(facts).toMatchObject({
      provider: "odataV4",
      isVirtual: true,
      providerName: "OData v4 Data Provider",
      dataProviderId: "3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40",
    });
    expect(facts.rules).toMatchObject({ returnsEveryColumn: true, rowCap: null, nativeLookups: "supported" });
    expect(facts.nativeLookupColumns).toEqual(["cr1_accountid"]);
    expect(lookupCap(facts, "cr1_accountid").canSort).toBe(true);
    expect(lookupCap(facts, "cr1_tripid")).toMatchObject({ canSort: false, sortReason: "virtualLookup" });
    // The lookups' target tables were looked up to tell native from virtual.
    expect(calls.sort()).toEqual(["account", "cr1_people", "cr1_trips"]);
  });

  it("the virtual connector provider: the 1,000-row cap and every column", async () => {
    const facts = await read("cr1_orders", CONNECTOR_METADATA, ["cr1_accountid"]);
    expect(facts).toMatchObject({ provider: "connector", providerName: "Virtual Connector Provider" });
    expect(facts.rules).toMatchObject({ rowCap: 1000, returnsEveryColumn: true });
    expect(facts.rules.notes).toEqual(["connector", "connectorCap", "everyColumn", "nativeLookups"]);
    expect(lookupCap(facts, "cr1_accountid").canSort).toBe(true);
  });

  it("a custom provider is named, and nothing of the built-in providers is claimed for it", async () => {
    const facts = await read("cr1_stock", CUSTOM_METADATA, ["cr1_accountid"]);
    expect(facts).toMatchObject({ provider: "customVirtual", providerName: "Contoso Inventory Provider" });
    expect(facts.rules).toMatchObject({
      rowCap: null,
      returnsEveryColumn: false,
      nativeLookups: "unknown",
      notes: ["customProvider", "virtualLookups"],
    });
    expect(lookupCap(facts, "cr1_accountid").canSort).toBe(false);
  });

  it("a virtual table whose provider cannot be read says the provider is unknown", async () => {
    const facts = await read("cr1_ledger", UNKNOWN_METADATA);
    expect(facts).toMatchObject({
      check: "done",
      provider: "unknown",
      isVirtual: true,
      providerName: null,
      rules: { notes: ["unknownProvider"] },
    });
  });

  it("metadata that fails or never comes: failed with the reason, nothing assumed", async () => {
    const failed = await read("cr1_missing", {});
    expect(failed).toMatchObject({
      check: "failed",
      provider: "unknown",
      isVirtual: null,
      failure: "Could not find an entity with name cr1_missing",
      timedOut: false,
      rules: { notes: ["metadataFailed"] },
    });
    expect(lookupCap(failed, "x").canSort).toBe(true);
    let fire: (() => void) | undefined;
    const slow = readTableFacts(
      "account",
      { getEntityMetadata: () => new Promise(() => undefined) },
      { timeoutMs: 5000, setTimer: (fn) => (fire = fn), clearTimer: () => undefined },
    );
    fire!();
    expect(await slow).toMatchObject({ check: "failed", failure: null, timedOut: true, rules: { notes: ["metadataFailed"] } });
  });

  it("reads platform spellings: braces and case in GUIDs, TableType missing on older hosts", () => {
    expect(normaliseGuid("{3F1C2B7A-8E4D-4C21-9A55-0B6E1D2C3A40}")).toBe("3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40");
    expect(normaliseGuid({ guid: "3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40" })).toBe("3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40");
    expect(normaliseGuid("not a guid")).toBeNull();
    expect(classifyProvider("account", { LogicalName: "account", DataProviderId: null }, null)).toBe("standard");
    expect(
      classifyProvider("cr1_x", { DataProviderId: "3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40", ExternalName: "X" }, "OData v4 Data Provider"),
    ).toBe("odataV4");
    expect(classifyProvider("cr1_x", {}, null)).toBe("unknown");
  });

  it("does not look up the provider name of a virtual table whose provider is not set", async () => {
    const asked: string[] = [];
    const facts = await readTableFacts("cr1_draft", {
      getEntityMetadata: () =>
        Promise.resolve({
          LogicalName: "cr1_draft",
          TableType: "Virtual",
          DataProviderId: NO_DATA_PROVIDER_ID.toUpperCase(),
          ExternalName: "Draft",
        }),
      providerName: (id) => {
        asked.push(id);
        return Promise.resolve("?");
      },
    });
    expect(asked).toEqual([]);
    expect(facts.provider).toBe("unknown");
  });

  it("before the metadata arrives, an mserp_ table is already known to be virtual", () => {
    expect(checkingFacts("mserp_x")).toMatchObject({ check: "checking", isVirtual: true, isFinOps: true, rules: { notes: ["checking"] } });
    expect(checkingFacts("account")).toMatchObject({ check: "checking", isVirtual: null });
    expect(factsFromMetadata("account", { TableType: "Standard" }, null).check).toBe("done");
  });
});

describe("the session reads the table's facts once per table", () => {
  const flush = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
  };

  function dataset(entity: string, lookups: string[]) {
    return {
      columns: [{ name: "name", dataType: "SingleLine.Text" }, ...lookups.map((n) => ({ name: n, dataType: "Lookup.Simple" }))],
      records: {},
      sortedRecordIds: [] as string[],
      sorting: [],
      loading: false,
      error: false,
      paging: null,
      refresh: () => undefined,
      getTargetEntityType: () => entity,
    };
  }

  it("shows checking, then the result, and ignores an answer for a table it no longer shows", async () => {
    const calls: string[] = [];
    const s = new DatasetSession(() => 0, 50);
    s.setMetadataSource(source({ ...ODATA_METADATA, ...STANDARD_METADATA }, calls));
    const notified: string[] = [];
    s.subscribe(() => notified.push(s.getSnapshot().table.check));
    s.sync(dataset("cr1_people", ["cr1_accountid"]), 50);
    expect(s.getSnapshot().table).toMatchObject({ entityName: "cr1_people", check: "checking" });
    await flush();
    expect(s.getSnapshot().table).toMatchObject({ provider: "odataV4", check: "done", nativeLookupColumns: ["cr1_accountid"] });
    expect(s.getSnapshot().columns.find((c) => c.column.name === "cr1_accountid")!.capability.canSort).toBe(true);
    // Re-renders do not read the metadata again.
    s.sync(dataset("cr1_people", ["cr1_accountid"]), 50);
    await flush();
    expect(calls.filter((c) => c === "cr1_people")).toHaveLength(1);
    // The view moves to another table: its facts replace the old ones.
    s.sync(dataset("account", ["primarycontactid"]), 50);
    expect(s.getSnapshot().table).toMatchObject({ entityName: "account", check: "checking" });
    await flush();
    expect(s.getSnapshot().table.provider).toBe("standard");
    expect(notified).toContain("done");
    // A slow answer for the table shown before never overwrites the facts of the table shown now.
    s.sync(dataset("cr1_people", ["cr1_accountid", "cr1_tripid"]), 50);
    s.sync(dataset("account", []), 50);
    await flush();
    expect(s.getSnapshot().table).toMatchObject({ entityName: "account", provider: "standard" });
  });

  it("without a metadata source says the provider is unknown", () => {
    const s = new DatasetSession(() => 0, 50);
    s.sync(dataset("cr1_people", []), 50);
    expect(s.getSnapshot().table).toMatchObject({ check: "failed", provider: "unknown", rules: { notes: ["unknownProvider"] } });
  });
});
