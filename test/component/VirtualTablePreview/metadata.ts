/**
 * Table metadata as `context.utils.getEntityMetadata` returns it (the EntityMetadata properties of the
 * Web API: TableType, DataProviderId, DataSourceId, ExternalName, Attributes with lookup Targets),
 * one table per provider type. Provider ids are fixtures; their names are what the `entitydataprovider`
 * table holds for each provider.
 */
import type { FakeMetadata } from "./fakeDataset";

const label = (text: string) => ({
  UserLocalizedLabel: { Label: text, LanguageCode: 1033 },
  LocalizedLabels: [{ Label: text, LanguageCode: 1033 }],
});

const lookup = (logicalName: string, targets: string[]) => ({
  LogicalName: logicalName,
  AttributeType: "Lookup",
  AttributeTypeName: { Value: "LookupType" },
  Targets: targets,
});

const ODATA_PROVIDER_ID = "{3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40}";
const CONNECTOR_PROVIDER_ID = "b5e1a7c3-5d2f-4e8a-9c11-0f3d2a6b7c80";
const CUSTOM_PROVIDER_ID = "6a0d9e51-27c4-4f3b-8d1e-5c7b2a9f0e13";
const HIDDEN_PROVIDER_ID = "e2b4c6d8-1a3f-4b5c-9d7e-0f2a4c6e8b1d";

/** `name` of the `entitydataprovider` rows, by id (HIDDEN_PROVIDER_ID cannot be read). */
export const PROVIDER_NAMES: Record<string, string> = {
  "3f1c2b7a-8e4d-4c21-9a55-0b6e1d2c3a40": "OData v4 Data Provider",
  [CONNECTOR_PROVIDER_ID]: "Virtual Connector Provider",
  [CUSTOM_PROVIDER_ID]: "Contoso Inventory Provider",
};

function table(logicalName: string, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    LogicalName: logicalName,
    SchemaName: logicalName,
    EntitySetName: `${logicalName}s`,
    DisplayName: label(logicalName),
    IsCustomEntity: true,
    OwnershipType: "OrganizationOwned",
    PrimaryIdAttribute: `${logicalName}id`,
    PrimaryNameAttribute: "name",
    DataProviderId: null,
    DataSourceId: null,
    ExternalName: null,
    ExternalCollectionName: null,
    Attributes: [],
    ...extra,
  };
}

/** Native tables that lookups point to. */
const NATIVE: FakeMetadata = {
  account: table("account", {
    TableType: "Standard",
    IsCustomEntity: false,
    OwnershipType: "UserOwned",
    Attributes: [lookup("primarycontactid", ["contact"])],
  }),
  contact: table("contact", { TableType: "Standard", IsCustomEntity: false, OwnershipType: "UserOwned" }),
  systemuser: table("systemuser", { TableType: "Standard", IsCustomEntity: false, OwnershipType: "BusinessOwned" }),
};

export const STANDARD_METADATA: FakeMetadata = { ...NATIVE };

export const ELASTIC_METADATA: FakeMetadata = {
  ...NATIVE,
  cr1_sensorreading: table("cr1_sensorreading", {
    TableType: "Elastic",
    OwnershipType: "UserOwned",
    Attributes: [lookup("cr1_accountid", ["account"])],
  }),
};

export const FINOPS_METADATA: FakeMetadata = {
  ...NATIVE,
  mserp_custcustomerv3entity: table("mserp_custcustomerv3entity", {
    TableType: "Virtual",
    DataProviderId: "{9a2f5e11-7c3b-4d6e-8f01-2b4d6f8a0c12}",
    DataSourceId: "{0d7e4c21-5a3b-4f9e-a1c2-3e5f7a9b1d24}",
    ExternalName: "CustomersV3",
    ExternalCollectionName: "CustomersV3",
    Attributes: [lookup("mserp_customergroup", ["mserp_custgroupentity"])],
  }),
};

const virtualTable = (name: string, providerId: string, attributes: unknown[]) =>
  table(name, {
    TableType: "Virtual",
    DataProviderId: providerId,
    DataSourceId: "{5b8c0e2a-4d6f-4a1b-9c3e-7f0a2d4e6b81}",
    ExternalName: name.replace(/^cr1_/, ""),
    ExternalCollectionName: `${name.replace(/^cr1_/, "")}s`,
    Attributes: attributes,
  });

export const ODATA_METADATA: FakeMetadata = {
  ...NATIVE,
  cr1_people: virtualTable("cr1_people", ODATA_PROVIDER_ID, [lookup("cr1_accountid", ["account"]), lookup("cr1_tripid", ["cr1_trips"])]),
  cr1_trips: virtualTable("cr1_trips", ODATA_PROVIDER_ID, []),
};

export const CONNECTOR_METADATA: FakeMetadata = {
  ...NATIVE,
  cr1_orders: virtualTable("cr1_orders", CONNECTOR_PROVIDER_ID, [lookup("cr1_accountid", ["account"])]),
};

export const CUSTOM_METADATA: FakeMetadata = {
  ...NATIVE,
  cr1_stock: virtualTable("cr1_stock", CUSTOM_PROVIDER_ID, [lookup("cr1_accountid", ["account"])]),
};

export const UNKNOWN_METADATA: FakeMetadata = {
  ...NATIVE,
  cr1_ledger: virtualTable("cr1_ledger", HIDDEN_PROVIDER_ID, []),
};
