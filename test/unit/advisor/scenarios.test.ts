/**
 * Scenario table: one row per "use when" entry of the product-specific guidance page
 * (integrate-other-solutions-guidance-product.md), phrased as the advisor's scenario inputs.
 */
import { recommend, type PatternId, type Recommendation, type Scenario } from "@integrationkit/shared";

interface Row {
  name: string;
  scenario: Scenario;
  /** Must rank first. */
  first?: PatternId;
  /** Must be "recommended". */
  recommended?: PatternId[];
  /** Must be "not-suitable". */
  notSuitable?: PatternId[];
  /** Ruled-out warnings a pattern must carry: [pattern, code]. */
  warns?: [PatternId, string][];
}

const FO = "finance-operations" as const;
const CE = "customer-engagement" as const;

export const SCENARIO_TABLE: Row[] = [
  {
    name: "OData: small data sets pushed in or pulled out point to point",
    scenario: { apps: [FO], kind: "data", direction: "inbound", volume: "low", timing: "synchronous", trigger: "system-event" },
    recommended: ["odata", "custom-services"],
    notSuitable: ["dmf-package-api", "recurring-integrations", "business-events"],
  },
  {
    name: "OData is for low volume: hundreds of thousands of records rule it out",
    scenario: { apps: [FO], kind: "data", direction: "inbound", volume: "high" },
    notSuitable: ["odata", "consume-web-services"],
    recommended: ["dmf-package-api", "recurring-integrations"],
    warns: [["odata", "volume.too-high:high"], ["odata", "throttling.fo-priority:high"]],
  },
  {
    name: "Custom services: invoke an action such as invoicing a sales order",
    scenario: { apps: [FO], kind: "process", timing: "synchronous", requirements: ["invoke-action"] },
    first: "custom-services",
  },
  {
    name: "Consuming web services: look up real-time values from another SaaS service",
    scenario: { apps: [FO], kind: "data", direction: "inbound", timing: "synchronous", trigger: "user", volume: "low" },
    recommended: ["consume-web-services", "odata"],
    notSuitable: ["dmf-package-api", "recurring-integrations"],
    warns: [["dmf-package-api", "timing.not-synchronous:synchronous"]],
  },
  {
    name: "Package API: large volumes, incremental with change tracking",
    scenario: { apps: [FO], kind: "data", direction: "outbound", volume: "high", timing: "scheduled", requirements: ["change-tracking"] },
    first: "dmf-package-api",
    notSuitable: ["recurring-integrations", "odata", "dual-write"],
    warns: [["recurring-integrations", "requirement.rules-out:change-tracking"]],
  },
  {
    name: "Recurring integrations: large file loads, schedule and transformation inside the app",
    scenario: { apps: [FO], kind: "data", direction: "inbound", volume: "high", timing: "scheduled", trigger: "schedule", requirements: ["transformation-inside"] },
    first: "recurring-integrations",
    warns: [["dmf-package-api", "requirement.cannot:transformation-inside"]],
  },
  {
    name: "Electronic reporting: documents for regulatory authorities",
    scenario: { apps: [FO], kind: "data", direction: "outbound", requirements: ["regulatory-format"] },
    first: "electronic-reporting",
  },
  {
    name: "Excel: ad-hoc extracts and fast editing from manual sources",
    scenario: { apps: [FO], kind: "data", trigger: "user", volume: "low", requirements: ["ad-hoc-editing"] },
    first: "excel-office",
  },
  {
    name: "Business events: notify Event Grid or Power Automate about one entity's change",
    scenario: { apps: [FO], kind: "process", direction: "outbound", timing: "near-real-time", trigger: "system-event", requirements: ["notification"] },
    first: "business-events",
    notSuitable: ["embedded-power-bi", "iframe-fo"],
  },
  {
    name: "Embedded Power Apps: Dataverse data loosely coupled with finance and operations",
    scenario: { apps: [FO], kind: "ui", requirements: ["no-replication", "low-code"] },
    first: "embedded-power-apps",
  },
  {
    name: "Embedded Power BI: the reports already exist in Power BI",
    scenario: { apps: [FO], kind: "ui", requirements: ["reports-dashboards"] },
    first: "embedded-power-bi",
  },
  {
    name: "IFrame in finance and operations: show a loosely coupled system, also on-premises",
    scenario: { apps: [FO], kind: "ui", deployment: "on-premises", requirements: ["no-replication"] },
    first: "iframe-fo",
    notSuitable: ["embedded-power-apps", "embedded-power-bi"],
  },
  {
    name: "IFrame in model-driven apps: host an external web page on the form",
    scenario: { apps: [CE], kind: "ui", deployment: "on-premises", requirements: ["no-replication"] },
    first: "iframe-ce",
    notSuitable: ["canvas-apps", "iframe-fo"],
  },
  {
    name: "Code components: a rich visual of data pulled from elsewhere",
    scenario: { apps: [CE], kind: "ui", timing: "synchronous", requirements: ["reports-dashboards"] },
    first: "pcf",
  },
  {
    name: "Canvas apps: citizen developers embed a low-code screen",
    scenario: { apps: [CE], kind: "ui", requirements: ["low-code"] },
    first: "canvas-apps",
    warns: [["pcf", "requirement.cannot:low-code"]],
  },
  {
    name: "Channel Integration Framework: telephony and chat in the app",
    scenario: { apps: [CE], requirements: ["telephony-chat"] },
    first: "channel-integration-framework",
  },
  {
    name: "Virtual tables: external rows on demand without a copy",
    scenario: { apps: [CE], kind: "data", direction: "inbound", timing: "synchronous", requirements: ["no-replication"] },
    first: "virtual-tables",
  },
  {
    name: "Webhooks can be synchronous, Service Bus cannot",
    scenario: { apps: [CE], direction: "outbound", timing: "synchronous", trigger: "system-event" },
    first: "webhooks",
    notSuitable: ["azure-service-bus", "dataverse-events"],
    warns: [["azure-service-bus", "timing.not-synchronous:synchronous"]],
  },
  {
    name: "Service Bus: Dataverse pushes many events for high-scale processing",
    scenario: { apps: [CE], kind: "process", direction: "outbound", timing: "near-real-time", volume: "high", trigger: "system-event" },
    first: "azure-service-bus",
    warns: [["webhooks", "volume.stretch:high"]],
  },
  {
    name: "Finance and operations virtual tables: F&O data in Dataverse without replication",
    scenario: { apps: [FO, CE], kind: "data", timing: "synchronous", requirements: ["no-replication"] },
    first: "fo-virtual-tables",
    notSuitable: ["dual-write"],
    warns: [["dual-write", "requirement.rules-out:no-replication"]],
  },
  {
    name: "On-premises finance and operations: virtual tables and dual-write need the cloud, the package API remains",
    scenario: { apps: [FO, CE], kind: "data", deployment: "on-premises", volume: "high" },
    notSuitable: ["fo-virtual-tables", "dual-write", "dataverse-events"],
    recommended: ["dmf-package-api"],
    warns: [["fo-virtual-tables", "deployment.unavailable:on-premises"]],
  },
  {
    name: "Dual-write: both apps work on the same master data",
    scenario: { apps: [FO, CE], kind: "data", direction: "bidirectional", timing: "near-real-time", requirements: ["shared-master-data"] },
    first: "dual-write",
  },
  {
    name: "Dataverse events: react to data operations and custom actions across apps",
    scenario: { apps: [CE], kind: "process", direction: "outbound", timing: "near-real-time", trigger: "system-event", requirements: ["notification", "invoke-action"] },
    first: "dataverse-events",
  },
];

function find(recs: Recommendation[], id: string): Recommendation {
  const r = recs.find((x) => x.patternId === id);
  if (!r) throw new Error(`missing ${id}`);
  return r;
}

describe("scenario table from the guidance's 'use when' column", () => {
  it.each(SCENARIO_TABLE.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const recs = recommend(row.scenario);
    if (row.first) {
      expect(recs[0].patternId).toBe(row.first);
      expect(recs[0].fit).toBe("recommended");
    }
    for (const id of row.recommended ?? []) expect([id, find(recs, id).fit]).toEqual([id, "recommended"]);
    for (const id of row.notSuitable ?? []) expect([id, find(recs, id).fit]).toEqual([id, "not-suitable"]);
    for (const [id, code] of row.warns ?? []) expect(find(recs, id).warnings.map((w) => w.code)).toContain(code);
  });

  it("prints the table's top three per row (for the closing note)", () => {
    const lines = SCENARIO_TABLE.map((row) => {
      const top = recommend(row.scenario)
        .slice(0, 3)
        .map((r) => `${r.patternId} ${r.score.toFixed(2)} ${r.fit}`)
        .join(" | ");
      return `${row.name}: ${top}`;
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
    const junk = { apps: ["sap", "customer-engagement", "customer-engagement"], kind: "telepathy", volume: 3, requirements: ["world-peace", "low-code"] } as unknown as Scenario;
    const recs = recommend(junk);
    expect(recs).toEqual(recommend({ apps: ["customer-engagement"], requirements: ["low-code"] }));
  });

  it("explains a soft mismatch with a warning but keeps the pattern possible", () => {
    const recs = recommend({ apps: ["customer-engagement"], direction: "outbound", volume: "high", kind: "data" });
    const webhooks = find(recs, "webhooks");
    expect(webhooks.fit).not.toBe("recommended");
    expect(webhooks.warnings.map((w) => w.code)).toContain("volume.stretch:high");
    expect(webhooks.warnings.find((w) => w.code === "volume.stretch:high")?.message).toMatch(/smaller volumes/);
  });

  it("needs finance and operations for cross-app F&O patterns and says so", () => {
    const recs = recommend({ apps: ["customer-engagement"] });
    expect(find(recs, "dual-write").fit).toBe("not-suitable");
    expect(find(recs, "dual-write").warnings[0]).toEqual({ code: "apps.missing:finance-operations", message: "Needs finance and operations apps, which the scenario does not include." });
  });

  it("lowers, not rules out, cross-app patterns when only finance and operations takes part", () => {
    const dw = find(recommend({ apps: ["finance-operations"] }), "dual-write");
    expect(dw.warnings.map((w) => w.code)).toEqual(["apps.prefers:customer-engagement"]);
    expect(dw.score).toBe(0.5);
  });
});
