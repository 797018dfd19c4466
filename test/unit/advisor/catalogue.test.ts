import * as fs from "fs";
import * as path from "path";
import { PATTERN_CATALOGUE, PATTERN_FAMILIES, PATTERN_IDS, THROTTLING_FACTS, getPattern, isPatternId } from "@integrationkit/shared";

const ISSUE_IDS = {
  "finance-operations": ["odata", "custom-services", "consume-web-services", "dmf-package-api", "recurring-integrations", "electronic-reporting", "excel-office", "business-events", "embedded-power-apps", "embedded-power-bi", "iframe-fo"],
  "customer-engagement": ["iframe-ce", "pcf", "canvas-apps", "html-web-resources", "channel-integration-framework", "virtual-tables", "webhooks", "azure-service-bus"],
  "cross-app": ["fo-virtual-tables", "dual-write", "dataverse-events"],
};

describe("pattern catalogue", () => {
  it("holds exactly the 22 issue ids in their app families", () => {
    expect(PATTERN_IDS).toHaveLength(22);
    for (const [family, ids] of Object.entries(ISSUE_IDS)) {
      expect(PATTERN_CATALOGUE.filter((p) => p.appFamily === family).map((p) => p.id)).toEqual(ids);
    }
    expect(isPatternId("odata")).toBe(true);
    expect(isPatternId("ODATA")).toBe(false);
    expect(getPattern("nope")).toBeUndefined();
  });

  it("fills every descriptive field and refers only to known families and throttling facts", () => {
    for (const p of PATTERN_CATALOGUE) {
      for (const text of [p.name, p.mechanism, p.trigger, p.useWhen, p.needs.skills, p.needs.alm, p.needs.licences, p.throttling, p.source.section]) {
        expect(text.trim().length).toBeGreaterThan(2);
      }
      expect(p.pros.length).toBeGreaterThan(0);
      expect(p.cons.length).toBeGreaterThan(0);
      expect(p.families.length).toBeGreaterThan(0);
      for (const f of p.families) expect(PATTERN_FAMILIES).toContain(f);
      for (const f of p.throttlingFacts) expect(THROTTLING_FACTS[f]).toBeDefined();
      expect(p.traits.deployments.length).toBeGreaterThan(0);
    }
  });

  it("uses every general pattern family at least once", () => {
    const used = new Set(PATTERN_CATALOGUE.flatMap((p) => p.families));
    expect([...used].sort()).toEqual([...PATTERN_FAMILIES].sort());
  });

  it("records the documented hard facts", () => {
    expect(getPattern("fo-virtual-tables")!.traits.deployments).toEqual(["cloud"]);
    expect(getPattern("dmf-package-api")!.traits.deployments).toContain("on-premises");
    expect(getPattern("azure-service-bus")!.traits.timings).not.toContain("synchronous");
    expect(getPattern("webhooks")!.traits.timings).toContain("synchronous");
    expect(getPattern("odata")!.traits.maxVolume).toBe("low");
    expect(getPattern("odata")!.throttlingFacts).toContain("fo-priority-based");
    expect(getPattern("custom-services")!.throttlingFacts).toContain("fo-priority-based");
  });

  it("is written in our own words: no run of 8 words copied from the source page", () => {
    const source = fs.readFileSync(path.join("/work/shared/seed/000_d68b7e5134706443.txt"), "utf8");
    const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, " ").split(/\s+/).filter(Boolean);
    const src = words(source);
    const grams = new Set<string>();
    for (let i = 0; i + 8 <= src.length; i++) grams.add(src.slice(i, i + 8).join(" "));
    const copied: string[] = [];
    for (const p of PATTERN_CATALOGUE) {
      for (const text of [p.mechanism, p.trigger, p.useWhen, ...p.pros, ...p.cons, p.throttling]) {
        const w = words(text);
        for (let i = 0; i + 8 <= w.length; i++) if (grams.has(w.slice(i, i + 8).join(" "))) copied.push(`${p.id}: ${text}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
