/**
 * Types of the integration pattern catalogue and advisor. The Scenario and Recommendation shapes are
 * the public contract of issue 3: controls, stored decisions and tests depend on them.
 */

/** Where a pattern lives: inside finance and operations, inside customer engagement (Dataverse), or between them. */
export type AppFamily = "finance-operations" | "customer-engagement" | "cross-app";

/** The Dynamics 365 apps a scenario can involve. */
export type ScenarioApp = "finance-operations" | "customer-engagement";

/** General pattern families from the "choose a pattern" page, used as properties of each concrete pattern. */
export type PatternFamily =
  | "synchronous"
  | "asynchronous"
  | "push"
  | "pull"
  | "one-way-sync"
  | "bidirectional-sync"
  | "aggregation"
  | "embedding"
  | "batching";

export type IntegrationKind = "data" | "process" | "ui";
/** Relative to Dynamics 365: inbound means into Dynamics 365. */
export type Direction = "inbound" | "outbound" | "bidirectional";
export type Timing = "synchronous" | "near-real-time" | "scheduled";
/** high: hundreds of thousands of records a run or more. */
export type Volume = "low" | "medium" | "high";
export type TriggerKind = "user" | "system-event" | "schedule";
/** Who makes the call: Dynamics 365 calls out, an external system calls in, or a person works in a screen. */
export type InitiatedBy = "dynamics-365" | "external-system" | "user";
export type Deployment = "cloud" | "on-premises";
export type Requirement =
  | "change-tracking"
  | "no-replication"
  | "regulatory-format"
  | "ad-hoc-editing"
  | "notification"
  | "shared-master-data"
  | "transformation-inside"
  | "low-code"
  | "telephony-chat"
  | "reports-dashboards"
  | "invoke-action";

export type PatternId =
  | "odata"
  | "custom-services"
  | "consume-web-services"
  | "dmf-package-api"
  | "recurring-integrations"
  | "electronic-reporting"
  | "excel-office"
  | "business-events"
  | "embedded-power-apps"
  | "embedded-power-bi"
  | "iframe-fo"
  | "iframe-ce"
  | "pcf"
  | "canvas-apps"
  | "html-web-resources"
  | "channel-integration-framework"
  | "virtual-tables"
  | "webhooks"
  | "azure-service-bus"
  | "fo-virtual-tables"
  | "dual-write"
  | "dataverse-events"
  | "power-automate"
  | "dataverse-change-tracking"
  | "synapse-link";

/** Scenario described by the user. Every field is optional: unknown means "don't rule on it". */
export type Scenario = {
  apps?: ScenarioApp[];
  kind?: IntegrationKind;
  direction?: Direction;
  timing?: Timing;
  volume?: Volume;
  trigger?: TriggerKind;
  /** Who starts the exchange; not the same as the direction the data moves. */
  initiatedBy?: InitiatedBy;
  deployment?: Deployment;
  requirements?: Requirement[];
};

/**
 * A reason or warning. `code` is stable: controls show it in the user's language from their .resx
 * (the advisor itself carries no prose). `message` is the text a control resolved for the code, kept
 * in stored decisions so a reader of the JSON sees it too.
 */
export type AdviceItem = { code: string; message?: string };

export type Fit = "recommended" | "possible" | "not-suitable";

export type Recommendation = {
  patternId: string;
  score: number; // 0..1
  fit: Fit;
  reasons: AdviceItem[]; // why it fits, traced to the inputs
  warnings: AdviceItem[]; // why it may be the wrong tool
};

/**
 * How well a pattern meets a requirement:
 * - core: what the pattern is built for;
 * - supports: it can do it;
 * - weak: possible only with extra work (the default for requirements a pattern does not list);
 * - cannot: it does not do it (soft: the score drops);
 * - rules-out: the guidance says it cannot, so a scenario that needs it must use something else (hard).
 */
export type RequirementLevel = "core" | "supports" | "weak" | "cannot" | "rules-out";

/** Machine-readable facts the advisor reasons with. */
export interface PatternTraits {
  /** Apps that must take part for the pattern to apply at all. */
  requiresApps: ScenarioApp[];
  /** Apps that should also take part for the pattern to be at its best (soft). */
  prefersApps?: ScenarioApp[];
  kinds: IntegrationKind[];
  directions: Direction[];
  timings: Timing[];
  /** The largest volume the pattern is meant for. */
  maxVolume: Volume;
  triggers: TriggerKind[];
  /** Who can start the exchange. */
  initiators: InitiatedBy[];
  deployments: Deployment[];
  requirements: Partial<Record<Requirement, RequirementLevel>>;
}

export type ThrottlingFactId =
  | "dataverse-service-protection"
  | "dataverse-entitlement"
  | "fo-resource-based"
  | "fo-priority-based"
  | "fo-exempt"
  | "webhook-delivery"
  | "service-bus-delivery"
  | "dual-write-limits"
  | "virtual-table-limits";

interface SourceRef {
  /** File name of the Microsoft Implementation Guide page the pattern comes from. */
  page: string;
  section: string;
}

/** A catalogue entry: structured facts only. Prose lives in the control's .resx (`Pattern_<id>_<Field>`). */
export interface IntegrationPattern {
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
  /** A rule the sources disagree on for this deployment: the pattern stays possible there, with a warning. */
  disputedDeployment?: Deployment;
}
