/**
 * Structured facts about each pattern (no prose): what the advisor reasons with. Prose lives in
 * patternText.ts so a control that localizes from .resx does not ship the English text.
 *
 * Sources: the Implementation Guide pages "Product-specific guidance" (guidance-product.md) and
 * "Choose a pattern" (choose-pattern.md), plus the facts in /work/shared/guide/domain-facts.md.
 * Where a trait is our reading rather than Microsoft's words it says [inferred].
 */
import type {
  AppFamily,
  PatternFamily,
  PatternId,
  PatternTraits,
  Requirement,
  RequirementLevel,
  SourceRef,
  ThrottlingFactId,
} from "./types";

export interface PatternMeta {
  id: PatternId;
  appFamily: AppFamily;
  families: PatternFamily[];
  throttlingFacts: ThrottlingFactId[];
  source: SourceRef;
  traits: PatternTraits;
  /** The one need a specialist pattern exists for; without it in the scenario the pattern ranks lower. */
  specialty?: Requirement;
  /** A newer pattern that replaces this one (warned about whenever the pattern is shown). */
  supersededBy?: PatternId;
}

const FO_PAGE = "integrate-other-solutions-guidance-product.md";
const FO_TABLE = "Integration patterns for finance and operations apps";
const CE = "Customer engagement";
const CROSS = "Dynamics 365 cross app integration";

/**
 * Level a pattern has for a requirement it does not list. Change tracking is special: the guidance
 * names the Data Management package API as the only interface that supports it, so every other
 * pattern is ruled out for it.
 */
export const DEFAULT_REQUIREMENT_LEVEL: Readonly<Record<Requirement, RequirementLevel>> = {
  "change-tracking": "rules-out",
  "no-replication": "weak",
  "regulatory-format": "weak",
  "ad-hoc-editing": "weak",
  notification: "weak",
  "shared-master-data": "weak",
  "transformation-inside": "weak",
  "low-code": "weak",
  "telephony-chat": "weak",
  "reports-dashboards": "weak",
  "invoke-action": "weak",
};

const FO: ["finance-operations"] = ["finance-operations"];
const CE_APP: ["customer-engagement"] = ["customer-engagement"];
const BOTH_DEPLOYMENTS: PatternTraits["deployments"] = ["cloud", "on-premises"];

/** Embedded UI: nothing moves between back ends, the data stays where it lives. */
function uiTraits(requiresApps: PatternTraits["requiresApps"], deployments: PatternTraits["deployments"], requirements: PatternTraits["requirements"]): PatternTraits {
  return {
    requiresApps,
    kinds: ["ui"],
    directions: ["inbound"],
    timings: ["synchronous"],
    maxVolume: "low",
    triggers: ["user"],
    deployments,
    requirements: { "shared-master-data": "cannot", "regulatory-format": "cannot", ...requirements },
  };
}

export const PATTERN_META: readonly PatternMeta[] = [
  // ---- finance and operations apps (guidance-product.md, table "Integration patterns for finance and operations apps")
  {
    id: "odata",
    appFamily: "finance-operations",
    families: ["synchronous", "push", "pull"],
    throttlingFacts: ["fo-resource-based", "fo-priority-based"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: OData` },
    traits: {
      requiresApps: FO,
      kinds: ["data", "process"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous", "near-real-time"],
      // "when the volume and payload are relatively low"; integration-overview.md puts OData at 1K-5K records/hour.
      maxVolume: "low",
      triggers: ["user", "system-event"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "invoke-action": "supports", "low-code": "supports", "transformation-inside": "cannot", "regulatory-format": "cannot" },
    },
  },
  {
    id: "custom-services",
    appFamily: "finance-operations",
    families: ["synchronous", "push"],
    throttlingFacts: ["fo-resource-based", "fo-priority-based"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Custom services` },
    traits: {
      requiresApps: FO,
      kinds: ["process", "data"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous", "near-real-time"],
      // REST custom services carry less overhead than OData, but each payload stays small.
      maxVolume: "medium",
      triggers: ["user", "system-event"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "invoke-action": "core", "transformation-inside": "supports", "low-code": "cannot" },
    },
  },
  {
    id: "consume-web-services",
    appFamily: "finance-operations",
    families: ["synchronous", "pull"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Consuming web services` },
    traits: {
      requiresApps: FO,
      kinds: ["data", "process"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous", "scheduled"],
      maxVolume: "low",
      triggers: ["user", "schedule"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "invoke-action": "supports", "low-code": "cannot", "transformation-inside": "supports" },
    },
  },
  {
    id: "dmf-package-api",
    appFamily: "finance-operations",
    families: ["asynchronous", "batching", "push", "pull"],
    throttlingFacts: ["fo-exempt"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Data Management Framework REST package API` },
    traits: {
      requiresApps: FO,
      kinds: ["data"],
      directions: ["inbound", "outbound"],
      timings: ["scheduled", "near-real-time"],
      maxVolume: "high",
      triggers: ["user", "system-event", "schedule"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: {
        "change-tracking": "core",
        "shared-master-data": "supports",
        // Scheduling and transformations happen outside finance and operations with this API.
        "transformation-inside": "cannot",
        "no-replication": "cannot",
      },
    },
  },
  {
    id: "recurring-integrations",
    appFamily: "finance-operations",
    families: ["asynchronous", "batching", "push", "pull"],
    throttlingFacts: ["fo-exempt"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Recurring Data Management integration REST API` },
    traits: {
      requiresApps: FO,
      kinds: ["data"],
      directions: ["inbound", "outbound"],
      timings: ["scheduled"],
      maxVolume: "high",
      triggers: ["schedule"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "transformation-inside": "core", "shared-master-data": "supports", "no-replication": "cannot" },
    },
  },
  {
    id: "electronic-reporting",
    specialty: "regulatory-format",
    appFamily: "finance-operations",
    families: ["asynchronous", "push", "batching"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Electronic Reporting` },
    traits: {
      requiresApps: FO,
      kinds: ["data"],
      directions: ["outbound", "inbound"],
      timings: ["scheduled", "near-real-time"],
      maxVolume: "medium",
      triggers: ["user", "system-event", "schedule"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "regulatory-format": "core", "transformation-inside": "core", "low-code": "supports" },
    },
  },
  {
    id: "excel-office",
    specialty: "ad-hoc-editing",
    appFamily: "finance-operations",
    families: ["synchronous", "pull", "push"],
    throttlingFacts: ["fo-exempt"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Excel and Office integration` },
    traits: {
      requiresApps: FO,
      kinds: ["data", "ui"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous"],
      // Performance drops as the data set grows.
      maxVolume: "low",
      triggers: ["user"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { "ad-hoc-editing": "core", "low-code": "core", "reports-dashboards": "supports" },
    },
  },
  {
    id: "business-events",
    appFamily: "finance-operations",
    families: ["asynchronous", "push"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Business events` },
    traits: {
      requiresApps: FO,
      kinds: ["process", "data"],
      directions: ["outbound"],
      timings: ["near-real-time"],
      maxVolume: "medium",
      triggers: ["system-event", "user"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { notification: "core", "low-code": "supports" },
    },
  },
  {
    id: "embedded-power-apps",
    appFamily: "finance-operations",
    families: ["embedding"],
    throttlingFacts: ["dataverse-service-protection", "dataverse-entitlement"],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Embedded Power Apps` },
    // Canvas apps run on the Power Platform, a cloud service [inferred].
    traits: uiTraits(FO, ["cloud"], { "low-code": "core", "no-replication": "core", "ad-hoc-editing": "supports" }),
  },
  {
    id: "embedded-power-bi",
    specialty: "reports-dashboards",
    appFamily: "finance-operations",
    families: ["embedding", "aggregation"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${FO_TABLE}: Embedded Power BI` },
    traits: {
      ...uiTraits(FO, ["cloud"], { "reports-dashboards": "core", "no-replication": "core", "low-code": "supports" }),
      // Power BI summarizes large data sets itself; nothing is copied into finance and operations.
      maxVolume: "high",
    },
  },
  {
    id: "iframe-fo",
    appFamily: "finance-operations",
    families: ["embedding"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${FO_TABLE}: IFrame` },
    traits: uiTraits(FO, BOTH_DEPLOYMENTS, { "no-replication": "core" }),
  },
  // ---- customer engagement (guidance-product.md, section "Customer engagement")
  {
    id: "iframe-ce",
    appFamily: "customer-engagement",
    families: ["embedding"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${CE}: IFrames` },
    traits: uiTraits(CE_APP, BOTH_DEPLOYMENTS, { "no-replication": "core" }),
  },
  {
    id: "pcf",
    appFamily: "customer-engagement",
    families: ["embedding", "pull"],
    throttlingFacts: ["dataverse-service-protection"],
    source: { page: FO_PAGE, section: `${CE}: Power Apps component framework` },
    traits: uiTraits(CE_APP, BOTH_DEPLOYMENTS, { "no-replication": "supports", "reports-dashboards": "supports", "low-code": "cannot" }),
  },
  {
    id: "canvas-apps",
    appFamily: "customer-engagement",
    families: ["embedding"],
    throttlingFacts: ["dataverse-service-protection", "dataverse-entitlement"],
    source: { page: FO_PAGE, section: `${CE}: Canvas apps` },
    traits: uiTraits(CE_APP, ["cloud"], { "low-code": "core", "no-replication": "supports", "ad-hoc-editing": "supports" }),
  },
  {
    id: "html-web-resources",
    appFamily: "customer-engagement",
    families: ["embedding", "pull"],
    throttlingFacts: ["dataverse-service-protection"],
    source: { page: FO_PAGE, section: `${CE}: HTML web resources` },
    traits: uiTraits(CE_APP, BOTH_DEPLOYMENTS, { "no-replication": "supports", "low-code": "cannot" }),
    supersededBy: "pcf",
  },
  {
    id: "channel-integration-framework",
    specialty: "telephony-chat",
    appFamily: "customer-engagement",
    families: ["embedding", "push"],
    throttlingFacts: [],
    source: { page: FO_PAGE, section: `${CE}: Dynamics 365 Channel Integration Framework` },
    traits: {
      requiresApps: CE_APP,
      kinds: ["ui", "process"],
      directions: ["inbound"],
      timings: ["synchronous", "near-real-time"],
      maxVolume: "medium",
      triggers: ["system-event", "user"],
      deployments: ["cloud"],
      requirements: { "telephony-chat": "core", notification: "supports", "shared-master-data": "cannot", "regulatory-format": "cannot" },
    },
  },
  {
    id: "virtual-tables",
    appFamily: "customer-engagement",
    families: ["synchronous", "pull"],
    throttlingFacts: ["virtual-table-limits", "dataverse-service-protection"],
    source: { page: FO_PAGE, section: `${CE}: Virtual tables` },
    traits: {
      requiresApps: CE_APP,
      kinds: ["data"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous"],
      maxVolume: "medium",
      triggers: ["user"],
      deployments: BOTH_DEPLOYMENTS,
      // Virtual tables have no charts or dashboards (PA get-started-ve.md).
      requirements: { "no-replication": "core", "low-code": "supports", "shared-master-data": "supports", "reports-dashboards": "cannot" },
    },
  },
  {
    id: "webhooks",
    appFamily: "customer-engagement",
    families: ["push", "synchronous", "asynchronous"],
    throttlingFacts: ["webhook-delivery"],
    source: { page: FO_PAGE, section: `${CE}: Webhooks` },
    traits: {
      requiresApps: CE_APP,
      kinds: ["process", "data"],
      directions: ["outbound"],
      // Webhook steps can be synchronous or asynchronous.
      timings: ["synchronous", "near-real-time"],
      maxVolume: "medium",
      triggers: ["system-event"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { notification: "core", "transformation-inside": "cannot" },
    },
  },
  {
    id: "azure-service-bus",
    appFamily: "customer-engagement",
    families: ["asynchronous", "push", "batching"],
    throttlingFacts: ["service-bus-delivery"],
    source: { page: FO_PAGE, section: `${CE}: Webhooks (Azure Service Bus comparison)` },
    traits: {
      requiresApps: CE_APP,
      kinds: ["process", "data"],
      directions: ["outbound"],
      // Service Bus steps are asynchronous only; it queues when Dataverse pushes many events.
      timings: ["near-real-time"],
      maxVolume: "high",
      triggers: ["system-event"],
      deployments: BOTH_DEPLOYMENTS,
      requirements: { notification: "core", "transformation-inside": "cannot", "low-code": "cannot" },
    },
  },
  // ---- cross-app (guidance-product.md, section "Dynamics 365 cross app integration")
  {
    id: "fo-virtual-tables",
    appFamily: "cross-app",
    families: ["synchronous", "pull", "push"],
    throttlingFacts: ["fo-exempt", "virtual-table-limits"],
    source: { page: FO_PAGE, section: `${CROSS}: Virtual tables in finance and operations apps` },
    traits: {
      requiresApps: FO,
      prefersApps: CE_APP,
      kinds: ["data"],
      directions: ["inbound", "outbound", "bidirectional"],
      timings: ["synchronous"],
      maxVolume: "medium",
      triggers: ["user", "system-event"],
      // Dataverse is cloud based, so this option is not available on-premises.
      deployments: ["cloud"],
      requirements: { "no-replication": "core", "shared-master-data": "supports", "low-code": "supports", "reports-dashboards": "cannot" },
    },
  },
  {
    id: "dual-write",
    appFamily: "cross-app",
    families: ["bidirectional-sync", "one-way-sync", "synchronous", "push"],
    throttlingFacts: ["dual-write-limits", "fo-exempt"],
    source: { page: FO_PAGE, section: `${CROSS}: Dual-write` },
    traits: {
      requiresApps: FO,
      prefersApps: CE_APP,
      kinds: ["data"],
      directions: ["bidirectional", "inbound", "outbound"],
      timings: ["synchronous", "near-real-time"],
      // Live sync moves up to 1,000 records per transaction (sync-limits.md).
      maxVolume: "medium",
      triggers: ["user", "system-event"],
      deployments: ["cloud"],
      // Both apps hold a copy of the data, so it cannot serve a "keep one copy" need.
      requirements: { "shared-master-data": "core", "low-code": "supports", "no-replication": "rules-out" },
    },
  },
  {
    id: "dataverse-events",
    appFamily: "cross-app",
    families: ["asynchronous", "push"],
    throttlingFacts: ["webhook-delivery", "service-bus-delivery"],
    source: { page: FO_PAGE, section: `${CROSS}: Dataverse data and business events` },
    traits: {
      requiresApps: [],
      prefersApps: CE_APP,
      kinds: ["process", "data"],
      directions: ["outbound"],
      timings: ["near-real-time"],
      maxVolume: "medium",
      triggers: ["system-event", "user"],
      // Dataverse is a cloud service.
      deployments: ["cloud"],
      requirements: { notification: "core", "invoke-action": "supports", "low-code": "supports" },
    },
  },
];

export const PATTERN_IDS: readonly PatternId[] = PATTERN_META.map((p) => p.id);

const META_BY_ID = new Map<string, PatternMeta>(PATTERN_META.map((p) => [p.id, p]));

/** Meta for an id, or undefined for an id we do not know (for example a value typed by hand into the column). */
export function getPatternMeta(id: string): PatternMeta | undefined {
  return META_BY_ID.get(id);
}

export function isPatternId(id: unknown): id is PatternId {
  return typeof id === "string" && META_BY_ID.has(id);
}

/** The general families of the "choose a pattern" page, in the page's order. */
export const PATTERN_FAMILIES: readonly PatternFamily[] = [
  "synchronous",
  "asynchronous",
  "push",
  "pull",
  "one-way-sync",
  "bidirectional-sync",
  "aggregation",
  "embedding",
  "batching",
];
