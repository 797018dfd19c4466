/**
 * Scenario table: realistic requests a Dynamics 365 architect makes, phrased as the advisor's inputs,
 * each with the Microsoft document its expected answer comes from. Source keys:
 * - IG: Implementation Guide, "Product-specific guidance" (integrate-other-solutions-guidance-product.md)
 *   and "Choose a pattern" (integrate-other-solutions-choose-pattern.md);
 * - FO-INT: finance and operations "Integration overview" (data-entities/integration-overview.md);
 * - FO-SPL: finance and operations "Service protection API limits" §Exceptions;
 * - FO-PBT: finance and operations "Priority-based throttling";
 * - FO-DW: finance and operations "Dual-write sync limits" (data-entities/dual-write/sync-limits.md);
 * - FO-VT: finance and operations "Virtual tables overview" and FAQ (power-platform/virtual-entities-overview.md, faq.md);
 * - PA-CT: Power Apps "Use change tracking to synchronize data with external systems";
 * - PA-SYN: Power Apps "Azure Synapse Link for Dataverse" (maker/data-platform/azure-synapse-link-data-lake.md);
 * - PA-VE: Power Apps "Get started with virtual tables" and "API considerations of virtual tables";
 * - PA-WH: Power Apps "Use webhooks to create external handlers for server events";
 * - PA-ASB: Power Apps "Azure integration" and "Asynchronous service" §Execution order;
 * - PA-FLOW: Power Automate "Use Dataverse / finance and operations connectors in cloud flows".
 */
import { recommend, type PatternId, type Recommendation, type Scenario } from "@integrationkit/shared";

interface Row {
  name: string;
  source: string;
  scenario: Scenario;
  /** Must rank first. */
  first?: PatternId;
  /** Must be "recommended". */
  recommended?: PatternId[];
  /** Must not be "not-suitable". */
  usable?: PatternId[];
  /** Must be "not-suitable". */
  notSuitable?: PatternId[];
  /** Warnings a pattern must carry: [pattern, code]. */
  warns?: [PatternId, string][];
  /** [better, worse]: better ranks above worse. */
  above?: [PatternId, PatternId][];
}

const FO = "finance-operations" as const;
const CE = "customer-engagement" as const;

export const SCENARIO_TABLE: Row[] = [
  {
    name: "A web shop pushes small batches of customers into finance and operations as they sign up",
    source: "IG OData; FO-INT (OData for low volumes)",
    scenario: {
      apps: [FO],
      kind: "data",
      direction: "inbound",
      volume: "low",
      timing: "synchronous",
      trigger: "system-event",
      initiatedBy: "external-system",
    },
    recommended: ["odata", "custom-services"],
    notSuitable: ["dmf-package-api", "recurring-integrations", "business-events", "consume-web-services"],
  },
  {
    name: "A reporting tool pulls a few hundred open orders from finance and operations on request",
    source: "IG OData",
    scenario: { apps: [FO], kind: "data", direction: "outbound", volume: "low", timing: "synchronous", initiatedBy: "external-system" },
    recommended: ["odata"],
  },
  {
    name: "Hundreds of thousands of records a run rule out OData",
    source: "FO-INT (more than a few hundred thousand records: batch data API)",
    scenario: { apps: [FO], kind: "data", direction: "inbound", volume: "high" },
    notSuitable: ["odata", "consume-web-services"],
    recommended: ["dmf-package-api", "recurring-integrations"],
    warns: [["odata", "volume.too-high:high"]],
  },
  {
    name: "A warehouse system asks finance and operations to invoice a sales order",
    source: "IG Custom services (invoke an action such as invoicing a sales order)",
    scenario: { apps: [FO], kind: "process", timing: "synchronous", initiatedBy: "external-system", requirements: ["invoke-action"] },
    first: "custom-services",
  },
  {
    name: "An external system invokes a finance and operations action: consuming web services is the wrong direction of call",
    source: "IG Custom services and Consuming web services",
    scenario: { apps: [FO], kind: "process", direction: "inbound", initiatedBy: "external-system", requirements: ["invoke-action"] },
    first: "custom-services",
    notSuitable: ["consume-web-services"],
    warns: [["consume-web-services", "initiator.mismatch:external-system"]],
  },
  {
    name: "Finance and operations looks up live commodity prices from a SaaS service while a user waits",
    source: "IG Consuming web services (lookups of real-time values)",
    scenario: {
      apps: [FO],
      kind: "data",
      direction: "inbound",
      timing: "synchronous",
      trigger: "user",
      volume: "low",
      initiatedBy: "dynamics-365",
    },
    recommended: ["consume-web-services"],
    notSuitable: ["odata", "custom-services", "dmf-package-api", "recurring-integrations"],
    warns: [["odata", "initiator.mismatch:dynamics-365"]],
  },
  {
    name: "Finance and operations calls another service when it is not time-critical: Power Automate before X++",
    source: "IG Consuming web services (Power Automate recommended where possible)",
    scenario: {
      apps: [FO],
      kind: "process",
      direction: "outbound",
      timing: "near-real-time",
      initiatedBy: "dynamics-365",
      requirements: ["low-code"],
    },
    recommended: ["power-automate"],
    above: [["power-automate", "consume-web-services"]],
  },
  {
    name: "A data warehouse takes nightly incremental exports with change tracking",
    source: "IG Data Management Framework package API (the only interface with change tracking)",
    scenario: {
      apps: [FO],
      kind: "data",
      direction: "outbound",
      volume: "high",
      timing: "scheduled",
      initiatedBy: "external-system",
      requirements: ["change-tracking"],
    },
    first: "dmf-package-api",
    notSuitable: ["recurring-integrations", "odata", "dual-write"],
    warns: [["recurring-integrations", "requirement.rules-out:change-tracking"]],
  },
  {
    name: "The package API is batched and asynchronous, never near-real-time",
    source: "FO-INT (batch data API: asynchronous, batched)",
    scenario: { apps: [FO], kind: "data", direction: "outbound", timing: "near-real-time", volume: "medium" },
    notSuitable: ["dmf-package-api", "recurring-integrations"],
    warns: [["dmf-package-api", "timing.too-slow:near-real-time"]],
  },
  {
    name: "A bank drops payment files every night; finance and operations schedules and transforms them",
    source: "IG Recurring integrations (schedule and XSLT inside the app)",
    scenario: {
      apps: [FO],
      kind: "data",
      direction: "inbound",
      volume: "high",
      timing: "scheduled",
      trigger: "schedule",
      requirements: ["transformation-inside"],
    },
    first: "recurring-integrations",
    warns: [["dmf-package-api", "requirement.cannot:transformation-inside"]],
  },
  {
    name: "VAT returns in the tax authority's format",
    source: "IG Electronic Reporting",
    scenario: { apps: [FO], kind: "data", direction: "outbound", requirements: ["regulatory-format"] },
    first: "electronic-reporting",
  },
  {
    name: "Controllers fix a few hundred journal lines by hand in a spreadsheet",
    source: "IG Excel and Office integration",
    scenario: { apps: [FO], kind: "data", trigger: "user", volume: "low", initiatedBy: "user", requirements: ["ad-hoc-editing"] },
    first: "excel-office",
  },
  {
    name: "Quality results notify Event Grid when a quality order passes or fails",
    source: "IG Business events",
    scenario: {
      apps: [FO],
      kind: "process",
      direction: "outbound",
      timing: "near-real-time",
      trigger: "system-event",
      requirements: ["notification"],
    },
    first: "business-events",
    notSuitable: ["embedded-power-bi", "iframe-fo"],
  },
  {
    name: "A stated notification need rules out polling interfaces",
    source: "IG Business events vs OData, custom services and the package API (called by the other system)",
    scenario: { apps: [FO], kind: "data", direction: "outbound", requirements: ["notification"] },
    notSuitable: ["odata", "custom-services", "dmf-package-api", "recurring-integrations"],
    warns: [["odata", "requirement.rules-out:notification"]],
    recommended: ["business-events"],
  },
  {
    name: "A low-code flow tells the sales team when a big order is released",
    source: "IG Business events (Power Automate as a consumer); PA-FLOW",
    scenario: { apps: [FO], kind: "process", direction: "outbound", timing: "near-real-time", requirements: ["notification", "low-code"] },
    recommended: ["business-events", "power-automate"],
  },
  {
    name: "Dataverse data in a finance and operations workspace without copying it",
    source: "IG Embedded Power Apps",
    scenario: { apps: [FO], kind: "ui", initiatedBy: "user", requirements: ["no-replication", "low-code"] },
    first: "embedded-power-apps",
  },
  {
    name: "Existing Power BI sales reports inside finance and operations",
    source: "IG Embedded Power BI",
    scenario: { apps: [FO], kind: "ui", requirements: ["reports-dashboards"] },
    first: "embedded-power-bi",
  },
  {
    name: "An on-premises finance and operations form shows a carrier's tracking page",
    source: "IG IFrame; FO-VT (cloud-only options are unavailable on-premises)",
    scenario: { apps: [FO], kind: "ui", deployment: "on-premises", requirements: ["no-replication"] },
    first: "iframe-fo",
    notSuitable: ["embedded-power-apps", "embedded-power-bi"],
  },
  {
    name: "A model-driven form hosts the supplier portal's page",
    source: "IG IFrames (customer engagement)",
    scenario: { apps: [CE], kind: "ui", deployment: "on-premises", requirements: ["no-replication"] },
    first: "iframe-ce",
    notSuitable: ["canvas-apps", "iframe-fo"],
  },
  {
    name: "A rich chart of sensor data pulled from elsewhere on the account form",
    source: "IG Power Apps component framework",
    scenario: { apps: [CE], kind: "ui", timing: "synchronous", requirements: ["reports-dashboards"] },
    first: "pcf",
  },
  {
    name: "Citizen developers add a low-code screen to the case form",
    source: "IG Canvas apps",
    scenario: { apps: [CE], kind: "ui", requirements: ["low-code"] },
    first: "canvas-apps",
    warns: [["pcf", "requirement.cannot:low-code"]],
  },
  {
    name: "Agents take phone calls and chats inside Customer Service",
    source: "IG Dynamics 365 Channel Integration Framework",
    scenario: { apps: [CE], requirements: ["telephony-chat"] },
    first: "channel-integration-framework",
  },
  {
    name: "Show ERP invoices in Dataverse on demand without a copy",
    source: "IG Virtual tables; PA-VE",
    scenario: { apps: [CE], kind: "data", direction: "inbound", timing: "synchronous", requirements: ["no-replication"] },
    first: "virtual-tables",
  },
  {
    name: "A transaction-blocking call out of Dataverse: virtual tables and queues cannot do it",
    source: "PA-WH (synchronous steps); PA-ASB (Service Bus steps are asynchronous); PA-VE",
    scenario: {
      apps: [CE],
      kind: "process",
      direction: "outbound",
      timing: "synchronous",
      trigger: "system-event",
      initiatedBy: "dynamics-365",
    },
    first: "webhooks",
    notSuitable: ["virtual-tables", "azure-service-bus", "dataverse-events", "synapse-link", "power-automate"],
    warns: [["virtual-tables", "direction.mismatch:outbound"]],
  },
  {
    name: "Webhooks can be synchronous, Service Bus cannot",
    source: "IG Webhooks; PA-ASB",
    scenario: { apps: [CE], direction: "outbound", timing: "synchronous", trigger: "system-event" },
    first: "webhooks",
    notSuitable: ["azure-service-bus", "dataverse-events"],
    warns: [["azure-service-bus", "timing.not-synchronous:synchronous"]],
  },
  {
    name: "Dataverse pushes thousands of order events for downstream processing",
    source: "IG Webhooks (Azure Service Bus for high scale)",
    scenario: { apps: [CE], kind: "process", direction: "outbound", timing: "near-real-time", volume: "high", trigger: "system-event" },
    first: "azure-service-bus",
    warns: [["webhooks", "volume.stretch:high"]],
  },
  {
    name: "Sales sees finance and operations credit limits in Dataverse without replication",
    source: "IG Virtual tables in finance and operations apps; Learn 'technology approach' (data stays in F&O)",
    scenario: { apps: [FO, CE], kind: "data", timing: "synchronous", requirements: ["no-replication"] },
    first: "fo-virtual-tables",
    notSuitable: ["dual-write"],
    warns: [["dual-write", "requirement.rules-out:no-replication"]],
  },
  {
    name: "A finance and operations-only scenario rules out everything that needs Dataverse",
    source: "IG Dynamics 365 cross app integration (dual-write and virtual tables connect F&O with Dataverse)",
    scenario: { apps: [FO], kind: "data", direction: "bidirectional" },
    notSuitable: [
      "dual-write",
      "fo-virtual-tables",
      "dataverse-events",
      "webhooks",
      "virtual-tables",
      "azure-service-bus",
      "pcf",
      "dataverse-change-tracking",
      "synapse-link",
    ],
    warns: [
      ["dual-write", "apps.missing:customer-engagement"],
      ["fo-virtual-tables", "apps.missing:customer-engagement"],
    ],
  },
  {
    name: "A customer engagement-only scenario rules out finance and operations interfaces",
    source: "IG Integration patterns for finance and operations apps",
    scenario: { apps: [CE], kind: "data", direction: "inbound", volume: "high" },
    notSuitable: ["odata", "dmf-package-api", "recurring-integrations", "dual-write", "fo-virtual-tables"],
    warns: [["dmf-package-api", "apps.missing:finance-operations"]],
  },
  {
    name: "On-premises finance and operations: the package REST API is the only supported API",
    source: "FO-INT (on-premises: Data management package REST API only)",
    scenario: { apps: [FO], kind: "data", direction: "inbound", deployment: "on-premises", volume: "medium" },
    recommended: ["dmf-package-api"],
    notSuitable: ["odata", "custom-services", "consume-web-services", "power-automate"],
    warns: [
      ["odata", "deployment.unavailable:on-premises"],
      ["recurring-integrations", "deployment.disputed:on-premises"],
    ],
  },
  {
    name: "On-premises finance and operations with Dataverse: virtual tables and dual-write need the cloud",
    source: "IG Virtual tables in finance and operations apps (not available on-premises; use the Data Management REST API)",
    scenario: { apps: [FO, CE], kind: "data", deployment: "on-premises", volume: "high" },
    notSuitable: ["fo-virtual-tables", "dual-write", "dataverse-events"],
    recommended: ["dmf-package-api"],
    warns: [["fo-virtual-tables", "deployment.unavailable:on-premises"]],
  },
  {
    name: "Customers and products mastered in both apps, edited on either side",
    source: "IG Dual-write",
    scenario: { apps: [FO, CE], kind: "data", direction: "bidirectional", timing: "near-real-time", requirements: ["shared-master-data"] },
    first: "dual-write",
  },
  {
    name: "Dual-write traffic into finance and operations may be throttled: give it a priority",
    source: "FO-DW (Dataverse to F&O may be affected by priority-based throttling); FO-SPL (dual-write no longer exempt); FO-PBT",
    scenario: { apps: [FO, CE], kind: "data", direction: "bidirectional", volume: "medium" },
    warns: [["dual-write", "throttling.fo-priority:medium"]],
  },
  {
    name: "React to Dataverse data changes and custom actions from finance and operations",
    source: "IG Dataverse data and business events",
    scenario: {
      apps: [FO, CE],
      kind: "process",
      direction: "outbound",
      timing: "near-real-time",
      trigger: "system-event",
      requirements: ["notification", "invoke-action"],
    },
    first: "dataverse-events",
  },
  {
    name: "One-way patterns cannot serve a two-way synchronization",
    source: "IG Choose a pattern (one-way vs bidirectional sync); IG Dual-write",
    scenario: { apps: [FO, CE], kind: "data", direction: "bidirectional", timing: "near-real-time" },
    first: "dual-write",
    notSuitable: ["business-events", "webhooks", "synapse-link"],
    warns: [["business-events", "direction.one-way:bidirectional"]],
  },
  {
    name: "An external system keeps a copy of Dataverse contacts up to date with delta queries",
    source: "PA-CT (change tracking on Dataverse tables)",
    scenario: {
      apps: [CE],
      kind: "data",
      direction: "outbound",
      volume: "high",
      timing: "scheduled",
      initiatedBy: "external-system",
      requirements: ["change-tracking"],
    },
    first: "dataverse-change-tracking",
    notSuitable: ["virtual-tables", "dmf-package-api"],
    warns: [["virtual-tables", "requirement.rules-out:change-tracking"]],
  },
  {
    name: "Change tracking in a Dataverse scenario leaves Dataverse options open",
    source: "PA-CT; FO-VT (Track changes on F&O virtual tables)",
    scenario: { apps: [FO, CE], kind: "data", requirements: ["change-tracking"] },
    recommended: ["dmf-package-api", "dataverse-change-tracking"],
    usable: ["fo-virtual-tables"],
    notSuitable: ["odata", "recurring-integrations"],
  },
  {
    name: "Analysts want every Dataverse table in a lake for reporting, refreshed continuously",
    source: "PA-SYN (continuous export to a lake or Microsoft Fabric)",
    scenario: {
      apps: [CE],
      kind: "data",
      direction: "outbound",
      volume: "high",
      timing: "near-real-time",
      requirements: ["reports-dashboards"],
    },
    first: "synapse-link",
  },
  {
    name: "Synapse Link is an export, not a two-way sync",
    source: "PA-SYN",
    scenario: { apps: [CE], kind: "data", direction: "bidirectional", volume: "high" },
    notSuitable: ["synapse-link"],
    warns: [["synapse-link", "direction.one-way:bidirectional"]],
  },
  {
    name: "Moving data is not an embedded screen",
    source: "IG Choose a design (UI, data or process integration)",
    scenario: { apps: [FO], kind: "data", direction: "inbound" },
    notSuitable: ["iframe-fo", "embedded-power-apps"],
    warns: [["iframe-fo", "kind.ui-only:data"]],
  },
  {
    name: "Starting a business process needs a process interface, not a data package",
    source: "IG Data Management Framework package API (supports only data packages)",
    scenario: { apps: [FO], kind: "process", requirements: ["invoke-action"] },
    notSuitable: ["dmf-package-api", "recurring-integrations"],
    warns: [["dmf-package-api", "kind.mismatch:process"]],
  },
  {
    name: "A user works in a screen: server-side push mechanisms do not apply",
    source: "IG Choose a design (UI integration); PA-WH",
    scenario: { apps: [CE], kind: "ui", initiatedBy: "user" },
    usable: ["pcf", "canvas-apps", "iframe-ce"],
    notSuitable: ["webhooks", "azure-service-bus", "synapse-link"],
  },
  {
    name: "Citizen developers automate approvals across both apps with connectors",
    source: "PA-FLOW; IG Choose a design (Power Automate)",
    scenario: { apps: [FO, CE], kind: "process", timing: "near-real-time", volume: "low", requirements: ["low-code"] },
    first: "power-automate",
  },
  {
    name: "Recurring integrations on-premises: the sources disagree, so it stays possible with a warning",
    source: "IG Recurring integrations (cloud or on-premises) vs FO-INT (package API only on-premises)",
    scenario: { apps: [FO], kind: "data", direction: "inbound", deployment: "on-premises", timing: "scheduled", volume: "high" },
    usable: ["recurring-integrations"],
    warns: [["recurring-integrations", "deployment.disputed:on-premises"]],
    above: [["dmf-package-api", "recurring-integrations"]],
  },
  {
    name: "Service Bus does not keep order; a synchronous need still rules it out",
    source: "PA-ASB (Asynchronous service §Execution order; Service Bus steps are asynchronous)",
    scenario: { apps: [CE], kind: "data", direction: "outbound", timing: "synchronous", volume: "medium" },
    notSuitable: ["azure-service-bus", "synapse-link", "dataverse-change-tracking"],
    recommended: ["webhooks"],
  },
];

function find(recs: Recommendation[], id: string): Recommendation {
  const r = recs.find((x) => x.patternId === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
}

describe("scenario table: architects' requests with their sources", () => {
  it("has at least 40 rows, each with a source, and covers every pattern", () => {
    expect(SCENARIO_TABLE.length).toBeGreaterThanOrEqual(40);
    for (const row of SCENARIO_TABLE) expect(row.source.trim().length).toBeGreaterThan(5);
    const named = new Set(SCENARIO_TABLE.flatMap((r) => [r.first, ...(r.recommended ?? []), ...(r.usable ?? [])].filter(Boolean)));
    const { PATTERN_IDS } = jest.requireActual<typeof import("@integrationkit/shared")>("@integrationkit/shared");
    expect(PATTERN_IDS.filter((id) => !named.has(id) && id !== "html-web-resources")).toEqual([]);
  });

  it.each(SCENARIO_TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const recs = recommend(row.scenario);
    if (row.first) expect([recs[0].patternId, recs[0].fit]).toEqual([row.first, "recommended"]);
    for (const id of row.recommended ?? []) expect([id, find(recs, id).fit]).toEqual([id, "recommended"]);
    for (const id of row.usable ?? []) expect([id, find(recs, id).fit]).not.toEqual([id, "not-suitable"]);
    for (const id of row.notSuitable ?? []) expect([id, find(recs, id).fit]).toEqual([id, "not-suitable"]);
    for (const [id, code] of row.warns ?? []) expect(find(recs, id).warnings.map((w) => w.code)).toContain(code);
    const ids = recs.map((r) => r.patternId);
    for (const [better, worse] of row.above ?? []) expect(ids.indexOf(better)).toBeLessThan(ids.indexOf(worse));
  });

  it("prints the table's top three per row with its source (PRINT_SCENARIOS=1)", () => {
    const lines = SCENARIO_TABLE.map((row) => {
      const top = recommend(row.scenario)
        .slice(0, 3)
        .map((r) => `${r.patternId} ${r.score.toFixed(2)} ${r.fit}`)
        .join(" | ");
      return `${row.name} [${row.source}]: ${top}`;
    });
    if (process.env.PRINT_SCENARIOS) console.log(lines.join("\n"));
    expect(lines).toHaveLength(SCENARIO_TABLE.length);
  });
});

describe("recommend() edge behaviour", () => {
  it("treats an empty scenario as undecided: every pattern possible, same score, catalogue order", () => {
    const recs = recommend({});
    expect(new Set(recs.filter((r) => r.patternId !== "html-web-resources").map((r) => r.score))).toEqual(new Set([0.5]));
    expect(recs.every((r) => r.fit === "possible")).toBe(true);
    expect(recs[0].patternId).toBe("odata");
    expect(recs.every((r) => r.reasons.length === 0)).toBe(true);
  });

  it("always warns that HTML web resources are superseded and ranks them below code components", () => {
    const recs = recommend({ apps: ["customer-engagement"], kind: "ui" });
    const ids = recs.map((r) => r.patternId);
    expect(ids.indexOf("pcf")).toBeLessThan(ids.indexOf("html-web-resources"));
    expect(find(recs, "html-web-resources").warnings.map((w) => w.code)).toContain("pattern.superseded:pcf");
  });

  it("ignores unknown answers instead of throwing (input read back from a stored decision)", () => {
    const junk = {
      apps: ["sap", "customer-engagement", "customer-engagement"],
      kind: "telepathy",
      volume: 3,
      initiatedBy: "martians",
      requirements: ["world-peace", "low-code"],
    } as unknown as Scenario;
    expect(recommend(junk)).toEqual(recommend({ apps: ["customer-engagement"], requirements: ["low-code"] }));
  });

  it("explains a soft mismatch with a warning but keeps the pattern possible", () => {
    const recs = recommend({ apps: ["customer-engagement"], direction: "outbound", volume: "high", kind: "data" });
    const webhooks = find(recs, "webhooks");
    expect(webhooks.fit).toBe("possible");
    expect(webhooks.warnings.map((w) => w.code)).toContain("volume.stretch:high");
  });

  it("rules out cross-app patterns that need both apps when only finance and operations takes part", () => {
    const dw = find(recommend({ apps: ["finance-operations"] }), "dual-write");
    expect(dw.fit).toBe("not-suitable");
    expect(dw.warnings.map((w) => w.code)).toEqual(["apps.missing:customer-engagement"]);
  });

  it("carries codes only: the advisor ships no prose", () => {
    for (const r of recommend({ apps: ["finance-operations"], kind: "data", volume: "high" })) {
      for (const item of [...r.reasons, ...r.warnings]) expect(Object.keys(item)).toEqual(["code"]);
    }
  });
});
