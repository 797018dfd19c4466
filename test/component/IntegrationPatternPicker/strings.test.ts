/**
 * The .resx files are the only source of the picker's text (the advisor ships codes only): every
 * advice rule, every value an advice code can name, every pattern's prose and every throttling fact
 * has text in English, German and Arabic, and the manifest declares all three files.
 */
import * as fs from "fs";
import * as path from "path";
import {
  ADVICE_RULES,
  DEPLOYMENTS,
  DIRECTIONS,
  INITIATORS,
  INTEGRATION_KINDS,
  PATTERN_IDS,
  REQUIREMENTS,
  SCENARIO_APPS,
  THROTTLING_FACT_IDS,
  TIMINGS,
  TRIGGER_KINDS,
  VOLUMES,
  recommend,
  splitAdviceCode,
} from "@integrationkit/shared";
import { loadResx } from "../../helpers/resx";

const CONTROL = "IntegrationPatternPicker";
const dir = path.join(__dirname, "..", "..", "..", "controls", CONTROL);
const LANGUAGES = [1033, 1031, 1025] as const;
const tables = Object.fromEntries(LANGUAGES.map((l) => [l, loadResx(CONTROL, l)])) as Record<
  (typeof LANGUAGES)[number],
  Record<string, string>
>;

function missingIn(keys: string[]): string[] {
  return LANGUAGES.flatMap((l) => keys.filter((k) => !(tables[l][k] ?? "").trim()).map((k) => `${l}: ${k}`));
}

describe("IntegrationPatternPicker strings", () => {
  it("declares the English, German and Arabic .resx in the manifest", () => {
    const manifest = fs.readFileSync(path.join(dir, "ControlManifest.Input.xml"), "utf8");
    for (const l of LANGUAGES) expect(manifest).toContain(`<resx path="strings/${CONTROL}.${l}.resx" version="1.0.0" />`);
  });

  it("has text for every advice rule and every value an advice code can name, in every language", () => {
    const values = [
      ...SCENARIO_APPS,
      ...INTEGRATION_KINDS,
      ...DIRECTIONS,
      ...TIMINGS,
      ...VOLUMES,
      ...TRIGGER_KINDS,
      ...INITIATORS,
      ...DEPLOYMENTS,
      ...REQUIREMENTS,
    ];
    expect(missingIn([...ADVICE_RULES.map((r) => `Advice_${r}`), ...values.map((v) => `Value_${v}`)])).toEqual([]);
  });

  it("has text for every code the advisor actually produces across many scenarios", () => {
    const codes = new Set<string>();
    for (const apps of [[], ["finance-operations"], ["customer-engagement"], ["finance-operations", "customer-engagement"]] as const) {
      for (const deployment of DEPLOYMENTS) {
        for (const timing of TIMINGS) {
          for (const r of recommend({
            apps: [...apps],
            deployment,
            timing,
            volume: "high",
            kind: "data",
            direction: "bidirectional",
            initiatedBy: "user",
            requirements: [...REQUIREMENTS],
          })) {
            for (const item of [...r.reasons, ...r.warnings]) codes.add(item.code);
          }
        }
      }
    }
    const keys = [...codes].flatMap((c) => {
      const { rule, value } = splitAdviceCode(c);
      return [`Advice_${rule}`, ...(value === undefined ? [] : [value === "pcf" ? "Pattern_pcf_Name" : `Value_${value}`])];
    });
    expect(missingIn([...new Set(keys)])).toEqual([]);
  });

  it("has every pattern's prose and every fact's title and summary in every language", () => {
    const fields = ["Name", "Mechanism", "Trigger", "Pro_1", "Con_1", "UseWhen", "Skills", "Alm", "Licences", "Throttling"];
    const keys = [
      ...PATTERN_IDS.flatMap((id) => fields.map((f) => `Pattern_${id}_${f}`)),
      ...THROTTLING_FACT_IDS.flatMap((f) => [`Fact_${f}_Title`, `Fact_${f}_Summary`]),
    ];
    expect(missingIn(keys)).toEqual([]);
  });

  it("defines the manifest's display-name and description keys", () => {
    const manifest = fs.readFileSync(path.join(dir, "ControlManifest.Input.xml"), "utf8");
    const keys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    expect(missingIn(keys)).toEqual([]);
  });
});
