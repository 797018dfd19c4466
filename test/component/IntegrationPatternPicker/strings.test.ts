/**
 * The .resx files are the only source of UI text: every key the control asks for exists in English and
 * German, the manifest's keys exist, and the English pattern/advice texts match the shared catalogue.
 */
import * as fs from "fs";
import * as path from "path";
import { ADVICE_TEMPLATES, ADVICE_VALUE_LABELS, PATTERN_TEXT, THROTTLING_FACTS } from "@integrationkit/shared";
import { loadResx } from "../../helpers/resx";

const CONTROL = "IntegrationPatternPicker";
const dir = path.join(__dirname, "..", "..", "..", "controls", CONTROL);
const en = loadResx(CONTROL, 1033);
const de = loadResx(CONTROL, 1031);

function sourceFiles(): string[] {
  const comp = path.join(dir, "components");
  return [path.join(dir, "index.ts"), ...fs.readdirSync(comp).map((f) => path.join(comp, f))];
}

describe("IntegrationPatternPicker strings", () => {
  it("has every English key in German, with non-empty text and the same placeholders", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, value] of Object.entries(en)) {
      expect([key, typeof de[key]]).toEqual([key, "string"]);
      expect(de[key].trim().length).toBeGreaterThan(0);
      expect([key, placeholders(de[key])]).toEqual([key, placeholders(value)]);
    }
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it("defines every literal key the components ask for", () => {
    const missing: string[] = [];
    for (const file of sourceFiles()) {
      const src = fs.readFileSync(file, "utf8");
      for (const m of src.matchAll(/\bt\("([A-Za-z0-9_.-]+)"/g)) if (!(m[1] in en)) missing.push(`${path.basename(file)}: ${m[1]}`);
    }
    expect(missing).toEqual([]);
  });

  it("defines the manifest's display-name and description keys", () => {
    const manifest = fs.readFileSync(path.join(dir, "ControlManifest.Input.xml"), "utf8");
    const keys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it("keeps the English pattern, advice and fact texts identical to the shared catalogue", () => {
    const expected: Record<string, string> = {};
    for (const [id, p] of Object.entries(PATTERN_TEXT)) {
      expected[`Pattern_${id}_Name`] = p.name;
      expected[`Pattern_${id}_Mechanism`] = p.mechanism;
      expected[`Pattern_${id}_Trigger`] = p.trigger;
      p.pros.forEach((s, i) => (expected[`Pattern_${id}_Pro_${i + 1}`] = s));
      p.cons.forEach((s, i) => (expected[`Pattern_${id}_Con_${i + 1}`] = s));
      expected[`Pattern_${id}_UseWhen`] = p.useWhen;
      expected[`Pattern_${id}_Skills`] = p.needs.skills;
      expected[`Pattern_${id}_Alm`] = p.needs.alm;
      expected[`Pattern_${id}_Licences`] = p.needs.licences;
      expected[`Pattern_${id}_Throttling`] = p.throttling;
    }
    for (const [rule, s] of Object.entries(ADVICE_TEMPLATES)) expected[`Advice_${rule}`] = s;
    for (const [v, s] of Object.entries(ADVICE_VALUE_LABELS)) if (v !== "pcf") expected[`Value_${v}`] = s;
    for (const f of Object.values(THROTTLING_FACTS)) {
      expected[`Fact_${f.id}_Title`] = f.title;
      expected[`Fact_${f.id}_Summary`] = f.summary;
    }
    const drift = Object.entries(expected).filter(([k, v]) => en[k] !== v).map(([k]) => k);
    expect(drift).toEqual([]);
  });
});
