import * as fs from "fs";
import * as path from "path";
import {
  ADVICE_RULES,
  PATTERN_META,
  PATTERN_FAMILIES,
  PATTERN_IDS,
  THROTTLING_FACT_SOURCES,
  decodeTraits,
  getPatternMeta,
  isPatternId,
} from "@integrationkit/shared";
import { loadResx } from "../../helpers/resx";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
const seedFile = path.resolve(repoRoot, "..", "shared", "seed", "000_d68b7e5134706443.txt");
const en = loadResx("IntegrationPatternPicker", 1033);

const FAMILY_IDS = {
  "finance-operations": [
    "odata",
    "custom-services",
    "consume-web-services",
    "dmf-package-api",
    "recurring-integrations",
    "electronic-reporting",
    "excel-office",
    "business-events",
    "embedded-power-apps",
    "embedded-power-bi",
    "iframe-fo",
  ],
  "customer-engagement": [
    "iframe-ce",
    "pcf",
    "canvas-apps",
    "html-web-resources",
    "channel-integration-framework",
    "virtual-tables",
    "webhooks",
    "azure-service-bus",
    "dataverse-change-tracking",
    "synapse-link",
  ],
  "cross-app": ["fo-virtual-tables", "dual-write", "dataverse-events", "power-automate"],
};

/** The English prose of a pattern, from the 1033 .resx (the only place it lives). */
function prose(id: string): string[] {
  return Object.entries(en)
    .filter(([k]) => k.startsWith(`Pattern_${id}_`))
    .map(([, v]) => v);
}

describe("pattern catalogue", () => {
  it("holds the 22 patterns of the guidance plus Power Automate, Dataverse change tracking and Synapse Link, in their app families", () => {
    expect(PATTERN_IDS).toHaveLength(25);
    for (const [family, ids] of Object.entries(FAMILY_IDS)) {
      expect(PATTERN_META.filter((p) => p.appFamily === family).map((p) => p.id)).toEqual(ids);
    }
    expect(isPatternId("odata")).toBe(true);
    expect(isPatternId("ODATA")).toBe(false);
    expect(getPatternMeta("nope")).toBeUndefined();
  });

  it("has the English name, mechanism, trigger, pros, cons, use-when, needs and throttling text of every pattern in the .resx", () => {
    for (const id of PATTERN_IDS) {
      for (const field of ["Name", "Mechanism", "Trigger", "Pro_1", "Con_1", "UseWhen", "Skills", "Alm", "Licences", "Throttling"]) {
        expect([id, field, (en[`Pattern_${id}_${field}`] ?? "").trim().length > 2]).toEqual([id, field, true]);
      }
    }
  });

  it("refers only to known families and throttling facts, with a source for each", () => {
    for (const p of PATTERN_META) {
      expect(p.families.length).toBeGreaterThan(0);
      for (const f of p.families) expect(PATTERN_FAMILIES).toContain(f);
      for (const f of p.throttlingFacts) expect(THROTTLING_FACT_SOURCES[f]).toBeDefined();
      expect(p.traits.deployments.length).toBeGreaterThan(0);
      expect(p.traits.initiators.length).toBeGreaterThan(0);
      expect(p.source.page).toMatch(/\.md$/);
      expect(p.source.section.length).toBeGreaterThan(5);
    }
  });

  it("uses every general pattern family at least once", () => {
    const used = new Set(PATTERN_META.flatMap((p) => p.families));
    expect([...used].sort()).toEqual([...PATTERN_FAMILIES].sort());
  });

  it("records the documented hard facts", () => {
    const p = (id: string) => getPatternMeta(id)!;
    expect(p("fo-virtual-tables").traits.deployments).toEqual(["cloud"]);
    expect(p("dmf-package-api").traits.deployments).toContain("on-premises");
    // On-premises finance and operations supports the package REST API only (FO integration-overview.md).
    for (const id of ["odata", "custom-services", "consume-web-services"]) expect(p(id).traits.deployments).toEqual(["cloud"]);
    expect(p("recurring-integrations").disputedDeployment).toBe("on-premises");
    expect(p("azure-service-bus").traits.timings).not.toContain("synchronous");
    expect(p("webhooks").traits.timings).toContain("synchronous");
    expect(p("dmf-package-api").traits.timings).toEqual(["scheduled"]);
    expect(p("virtual-tables").traits.directions).not.toContain("outbound");
    expect(p("odata").traits.maxVolume).toBe("low");
    expect(p("odata").throttlingFacts).toContain("fo-priority-based");
    expect(p("custom-services").throttlingFacts).toContain("fo-priority-based");
    // Dual-write left the exempt list; Dataverse-to-F&O traffic may meet priority-based throttling.
    expect(p("dual-write").throttlingFacts).not.toContain("fo-exempt");
    expect(p("dual-write").throttlingFacts).toContain("fo-priority-based");
    expect(p("recurring-integrations").throttlingFacts).toContain("fo-exempt");
    expect(p("dual-write").traits.requiresApps.sort()).toEqual(["customer-engagement", "finance-operations"]);
    expect(p("consume-web-services").traits.initiators).toEqual(["dynamics-365"]);
    for (const id of ["odata", "custom-services", "dmf-package-api"]) expect(p(id).traits.initiators).toEqual(["external-system"]);
  });

  it("states the corrected throttling facts in the English text", () => {
    expect(en["Fact_fo-exempt_Summary"]).toMatch(/recurring integrations/i);
    expect(en["Fact_fo-exempt_Summary"]).not.toMatch(/^[^.]*dual-write[^.]*are not throttled/i);
    expect(en["Fact_fo-exempt_Summary"]).toMatch(/Power Platform integration/);
    expect(en["Fact_service-bus-delivery_Summary"]).toMatch(/order/i);
    expect(en["Fact_fo-priority-based_Summary"]).toMatch(/Low/);
    expect(en["Pattern_azure-service-bus_Pro_2"]).not.toMatch(/ordered/i);
  });

  it("decodes the compact traits table and refuses unknown codes", () => {
    expect(decodeTraits("F/C dp io sn l ue x c ia:S")).toEqual({
      requiresApps: ["finance-operations"],
      prefersApps: ["customer-engagement"],
      kinds: ["data", "process"],
      directions: ["inbound", "outbound"],
      timings: ["synchronous", "near-real-time"],
      maxVolume: "low",
      triggers: ["user", "system-event"],
      initiators: ["external-system"],
      deployments: ["cloud"],
      requirements: { "invoke-action": "supports" },
    });
    expect(() => decodeTraits("F q io sn l ue x c")).toThrow(/unknown code/);
  });

  it("has English text for every advice rule and value it can name", () => {
    for (const rule of ADVICE_RULES) expect([rule, typeof en[`Advice_${rule}`]]).toEqual([rule, "string"]);
  });

  it("is written in our own words: no run of 8 words copied from the source page (needs ../shared)", () => {
    if (!fs.existsSync(seedFile)) {
      console.log(`skipped: the seed page is not beside the repository (${path.relative(repoRoot, seedFile)})`);
      return;
    }
    const source = fs.readFileSync(seedFile, "utf8");
    const words = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, " ")
        .split(/\s+/)
        .filter(Boolean);
    const src = words(source);
    const grams = new Set<string>();
    for (let i = 0; i + 8 <= src.length; i++) grams.add(src.slice(i, i + 8).join(" "));
    const copied: string[] = [];
    for (const id of PATTERN_IDS) {
      for (const text of prose(id)) {
        const w = words(text);
        for (let i = 0; i + 8 <= w.length; i++) if (grams.has(w.slice(i, i + 8).join(" "))) copied.push(`${id}: ${text}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
