/**
 * What table the preview shows and which data provider serves it, read from the table's metadata
 * (`context.utils.getEntityMetadata`), and the rules and notes that follow for each provider.
 *
 * The metadata is read as the platform returns it (EntityMetadata, PA `webapi/reference/entitymetadata`):
 * `TableType` ("Standard", "Activity", "Elastic", "Virtual"), `DataProviderId`, `DataSourceId`,
 * `ExternalName`, `LogicalName`, and for lookups the attribute's `Targets`. The provider's name, when
 * the host lets us read it, comes from the `entitydataprovider` table (PA `reference/entities/entitydataprovider`).
 */

/** Which kind of table and provider. "customVirtual": a virtual table on a provider we cannot name. */
type ProviderKind = "standard" | "elastic" | "finOps" | "odataV4" | "connector" | "customVirtual" | "unknown";

/** Where reading the table's metadata stands: the pane shows "checking…" until it is done or failed. */
type MetadataCheck = "checking" | "done" | "failed";

/** Whether sorting and filtering on a lookup to a native (non-virtual) table works for this provider. */
type LookupSupport = "supported" | "notSupported" | "unknown";

/** One note the diagnostics pane shows about the provider; each maps to a `ProviderNote_<note>` string. */
type ProviderNote =
  | "checking" // metadata is still being read
  | "metadataFailed" // the metadata could not be read: nothing is assumed
  | "standard" // a standard (or activity) Dataverse table: no virtual-table limits
  | "elastic" // an elastic table
  | "finOps" // finance and operations virtual entity (mserp_)
  | "finOpsNarrowColumns" // mserp_: every related column costs a query in finance and operations, keep the view narrow
  | "odataV4" // the OData v4 provider
  | "connector" // the virtual connector provider
  | "connectorCap" // the connector provider's 1,000-row query limit
  | "everyColumn" // generic providers return every column whatever the view selects
  | "customProvider" // a custom provider we cannot name
  | "unknownProvider" // the provider is unknown: we say so instead of guessing
  | "virtualLookups" // lookups between virtual tables cannot be sorted or filtered
  | "nativeLookups"; // lookups to native tables can be sorted and filtered (since 2024)

interface ProviderRules {
  /** The provider's documented row limit per query, or null (only the connector provider has one). */
  rowCap: number | null;
  /** The provider returns every column of the table whatever the view selects. */
  returnsEveryColumn: boolean;
  /** The table wants a narrow column list (finance and operations). */
  wantsNarrowColumns: boolean;
  /** Sorting/filtering on lookups to native tables. */
  nativeLookups: LookupSupport;
  notes: readonly ProviderNote[];
}

/** What the control knows about the table it shows. Immutable; a new object when anything is learnt. */
export interface TableFacts {
  entityName: string;
  /** The target is a Dataverse table; sorting and filtering through the dataset work only then (PA `reference/dataset.md`). */
  isDataverse: boolean;
  /** The `mserp_` prefix (known before the metadata arrives). */
  isFinOps: boolean;
  check: MetadataCheck;
  provider: ProviderKind;
  /** True or false once known; null while checking or when the metadata could not be read. */
  isVirtual: boolean | null;
  /** `TableType` as the platform gave it, or null. */
  tableType: string | null;
  dataProviderId: string | null;
  /** The provider's name from `entitydataprovider`, when it could be read. */
  providerName: string | null;
  /** The table's name in the external source (`ExternalName`), for the pane. */
  externalName: string | null;
  /** Lookup columns (logical names) whose every target is a native (non-virtual) table. */
  nativeLookupColumns: readonly string[];
  rules: ProviderRules;
  /** Why the metadata could not be read (the host's message), for the pane; null otherwise. */
  failure: string | null;
  /** The metadata did not arrive in time (then `failure` is null: show `Provider_timeout`). */
  timedOut: boolean;
}

// Source: FO `power-platform/virtual-entities-overview.md`: F&O virtual tables carry the fixed `mserp_` prefix.
const FINOPS_TABLE_PREFIX = "mserp_";
// Source: PA `virtual-entities/api-considerations-ve.md`: a virtual table whose provider is not known yet has this DataProviderId.
export const NO_DATA_PROVIDER_ID = "7015a531-cc0d-4537-b5f2-c882a1eb65ad";
// Source: PA `maker/data-platform/limits-tshoot-virtual-tables.md` [11/22/2024]: connector-provider queries are limited to 1,000 records.
const CONNECTOR_ROW_CAP = 1000;

const NO_RULES: ProviderRules = { rowCap: null, returnsEveryColumn: false, wantsNarrowColumns: false, nativeLookups: "unknown", notes: [] };

/** The facts while the metadata is being read: only what the name tells. */
export function checkingFacts(entityName: string | null | undefined): TableFacts {
  const name = typeof entityName === "string" ? entityName.trim() : "";
  const isFinOps = name.toLowerCase().startsWith(FINOPS_TABLE_PREFIX);
  return {
    entityName: name,
    isDataverse: name !== "",
    isFinOps,
    check: name === "" ? "failed" : "checking",
    provider: "unknown",
    isVirtual: isFinOps ? true : null,
    tableType: null,
    dataProviderId: null,
    providerName: null,
    externalName: null,
    nativeLookupColumns: [],
    rules: { ...NO_RULES, notes: name === "" ? [] : ["checking"] },
    failure: null,
    timedOut: false,
  };
}

/** The rules and notes per provider, as the issue and Microsoft's pages give them. */
function providerRules(kind: ProviderKind): ProviderRules {
  switch (kind) {
    case "standard":
      return { ...NO_RULES, nativeLookups: "supported", notes: ["standard"] };
    case "elastic":
      return { ...NO_RULES, nativeLookups: "supported", notes: ["elastic"] };
    case "finOps":
      // Source: FO `power-platform/faq.md`: queries return all fields unless the caller asks for a narrow select list, and related
      // tables are queried for every foreign key in the list. Microsoft does not say the 2024 virtual-native lookup feature covers them.
      return {
        rowCap: null,
        returnsEveryColumn: false,
        wantsNarrowColumns: true,
        nativeLookups: "unknown",
        notes: ["finOps", "finOpsNarrowColumns", "virtualLookups"],
      };
    case "odataV4":
      // Source: PA `virtual-entities/get-started-ve.md`: column selection is ignored, all attributes are returned.
      // Source: learn.microsoft.com/power-platform/release-plan/2024wave2/data-platform/create-virtual-table-native-table-relationships (GA October 2024).
      return {
        rowCap: null,
        returnsEveryColumn: true,
        wantsNarrowColumns: false,
        nativeLookups: "supported",
        notes: ["odataV4", "everyColumn", "nativeLookups"],
      };
    case "connector":
      return {
        rowCap: CONNECTOR_ROW_CAP,
        returnsEveryColumn: true,
        wantsNarrowColumns: false,
        nativeLookups: "supported",
        notes: ["connector", "connectorCap", "everyColumn", "nativeLookups"],
      };
    case "customVirtual":
      return { ...NO_RULES, notes: ["customProvider", "virtualLookups"] };
    case "unknown":
    default:
      return { ...NO_RULES, notes: ["unknownProvider"] };
  }
}

/** The metadata fields we read, as the platform names them. Everything is optional: hosts differ. */
interface EntityMetadataLike {
  LogicalName?: unknown;
  TableType?: unknown;
  IsVirtual?: unknown;
  DataProviderId?: unknown;
  DataSourceId?: unknown;
  ExternalName?: unknown;
  Attributes?: unknown;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A GUID as lower case without braces, or null. */
export function normaliseGuid(value: unknown): string | null {
  const raw = text(value) ?? (value && typeof value === "object" && "guid" in value ? text(value.guid) : null);
  if (!raw) return null;
  const g = raw.replace(/^\{|\}$/g, "").toLowerCase();
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(g) ? g : null;
}

/** Whether the metadata describes a virtual table: `TableType` first, then the older signs. Null when it cannot tell. */
function isVirtualTable(metadata: EntityMetadataLike): boolean | null {
  const type = text(metadata.TableType)?.toLowerCase();
  if (type === "virtual") return true;
  if (type === "standard" || type === "activity" || type === "elastic") return false;
  if (typeof metadata.IsVirtual === "boolean") return metadata.IsVirtual;
  const provider = normaliseGuid(metadata.DataProviderId);
  if (provider !== null && text(metadata.ExternalName) !== null) return true;
  return null;
}

/** Which provider, from the table type, the `mserp_` prefix and the provider's name (when it could be read). */
export function classifyProvider(entityName: string, metadata: EntityMetadataLike, providerName: string | null): ProviderKind {
  const type = text(metadata.TableType)?.toLowerCase();
  if (type === "elastic") return "elastic";
  const virtual = isVirtualTable(metadata);
  const name = entityName.toLowerCase();
  if (name.startsWith(FINOPS_TABLE_PREFIX)) return "finOps";
  if (virtual === false) return "standard";
  if (virtual === null)
    return type === undefined && normaliseGuid(metadata.DataProviderId) === null && text(metadata.LogicalName) !== null
      ? "standard"
      : "unknown";
  const provider = (providerName ?? "").toLowerCase();
  if (/finance and operations|finops/.test(provider)) return "finOps";
  if (/odata/.test(provider)) return "odataV4";
  if (/connector/.test(provider)) return "connector";
  if (provider !== "") return "customVirtual";
  return "unknown";
}

/** Lookup targets of the named columns, read from the metadata's `Attributes` in the shapes hosts use. */
function lookupTargets(metadata: EntityMetadataLike, columns: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const column of columns) {
    const attribute = attributeOf(metadata.Attributes, column);
    const targets = attribute && typeof attribute === "object" ? (attribute as { Targets?: unknown }).Targets : undefined;
    if (Array.isArray(targets)) out[column] = targets.filter((t): t is string => typeof t === "string" && t !== "");
  }
  return out;
}

function attributeOf(attributes: unknown, name: string): unknown {
  if (!attributes || typeof attributes !== "object") return undefined;
  const a = attributes as Record<string, unknown> & { get?: unknown; getByName?: unknown; getAll?: unknown };
  try {
    if (Array.isArray(attributes))
      return (attributes as unknown[]).find((x) => x && typeof x === "object" && (x as { LogicalName?: unknown }).LogicalName === name);
    if (typeof a.getByName === "function") return (a.getByName as (n: string) => unknown)(name);
    if (typeof a.get === "function") return (a.get as (n: string) => unknown)(name);
    if (typeof a.getAll === "function") return attributeOf((a.getAll as () => unknown)(), name);
  } catch {
    return undefined;
  }
  return a[name];
}

/** Where the facts come from: the host's metadata call, and optionally the provider's name. */
export interface MetadataSource {
  getEntityMetadata(entityName: string, attributes?: string[]): Promise<unknown>;
  /** The `name` of the `entitydataprovider` row, or null when it cannot be read. */
  providerName?(dataProviderId: string): Promise<string | null>;
}

/** How long the metadata may take before the pane says it could not be read. */
export const METADATA_TIMEOUT_MS = 20000;

interface ReadFactsOptions {
  /** Lookup columns of the view, whose targets decide whether they can be sorted and filtered. */
  lookupColumns?: readonly string[];
  /** Give up after this long and say the metadata could not be read (default METADATA_TIMEOUT_MS). */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** At most this many lookup target tables are looked up. */
const MAX_TARGETS = 12;

class TimedOut extends Error {}

function withTimeout<T>(promise: Promise<T>, o: ReadFactsOptions): Promise<T> {
  const ms = o.timeoutMs ?? METADATA_TIMEOUT_MS;
  const set = o.setTimer ?? ((fn: () => void, t: number) => setTimeout(fn, t));
  const clear = o.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  return new Promise<T>((resolve, reject) => {
    const handle = set(() => reject(new TimedOut("timeout")), ms);
    promise.then(
      (v) => {
        clear(handle);
        resolve(v);
      },
      (e: unknown) => {
        clear(handle);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}

/** Classifies a table from metadata already read (and its lookups' target metadata). Pure. */
export function factsFromMetadata(
  entityName: string,
  metadata: EntityMetadataLike,
  providerName: string | null,
  targetVirtual: Readonly<Record<string, boolean | null>> = {},
  lookupColumns: readonly string[] = [],
): TableFacts {
  const base = checkingFacts(entityName);
  const provider = classifyProvider(base.entityName, metadata, providerName);
  const virtual = provider === "finOps" ? true : provider === "standard" || provider === "elastic" ? false : isVirtualTable(metadata);
  const targets = lookupTargets(metadata, lookupColumns);
  const nativeLookupColumns = Object.keys(targets).filter(
    (c) => targets[c].length > 0 && targets[c].every((t) => targetVirtual[t] === false),
  );
  return {
    ...base,
    check: "done",
    provider,
    isVirtual: virtual,
    tableType: text(metadata.TableType),
    dataProviderId: normaliseGuid(metadata.DataProviderId),
    providerName,
    externalName: text(metadata.ExternalName),
    nativeLookupColumns,
    rules: providerRules(provider),
  };
}

/**
 * Reads the table's metadata (slow or failing hosts included) and classifies it. Never rejects: a
 * failure or timeout gives facts with `check: "failed"` and the reason, and nothing is assumed.
 */
export async function readTableFacts(entityName: string, source: MetadataSource, options: ReadFactsOptions = {}): Promise<TableFacts> {
  const base = checkingFacts(entityName);
  if (!base.isDataverse) return base;
  const lookupColumns = options.lookupColumns ?? [];
  let metadata: EntityMetadataLike;
  try {
    const raw = await withTimeout(
      Promise.resolve().then(() => source.getEntityMetadata(base.entityName, [...lookupColumns])),
      options,
    );
    if (!raw || typeof raw !== "object") throw new Error("no metadata");
    metadata = raw;
  } catch (error) {
    const timedOut = error instanceof TimedOut;
    return {
      ...base,
      check: "failed",
      rules: { ...NO_RULES, notes: ["metadataFailed"] },
      failure: timedOut ? null : messageOf(error),
      timedOut,
    };
  }
  const providerId = normaliseGuid(metadata.DataProviderId);
  let providerName: string | null = null;
  if (isVirtualTable(metadata) === true && providerId !== null && providerId !== NO_DATA_PROVIDER_ID && source.providerName) {
    try {
      providerName = text(
        await withTimeout(
          Promise.resolve().then(() => source.providerName?.(providerId) ?? null),
          options,
        ),
      );
    } catch {
      providerName = null;
    }
  }
  const targets = lookupTargets(metadata, lookupColumns);
  const targetVirtual: Record<string, boolean | null> = {};
  const distinct = Array.from(new Set(Object.values(targets).flat())).slice(0, MAX_TARGETS);
  await Promise.all(
    distinct.map(async (target) => {
      if (target.toLowerCase().startsWith(FINOPS_TABLE_PREFIX)) {
        targetVirtual[target] = true;
        return;
      }
      try {
        const m = await withTimeout(
          Promise.resolve().then(() => source.getEntityMetadata(target, [])),
          options,
        );
        targetVirtual[target] = m && typeof m === "object" ? isVirtualTable(m) : null;
      } catch {
        targetVirtual[target] = null;
      }
    }),
  );
  return factsFromMetadata(base.entityName, metadata, providerName, targetVirtual, lookupColumns);
}
