/**
 * Every control speaks English, German and Arabic completely: each `strings/*.resx` is declared in the
 * manifest (an undeclared file never reaches users), every 1033 key is translated with the same
 * placeholders, plural families have every form the language's plural rules ask for, and German and
 * Arabic text is not just English left in place.
 */
import * as fs from "fs";
import * as path from "path";
import {
  controlsDir,
  listControlNames,
  LOCALE_OF,
  loadStrings,
  parseResx,
  placeholders,
  pluralCategoriesOf,
  pluralFamilies,
  readManifest,
  REQUIRED_LCIDS,
  resxPath,
  splitPluralKey,
  type Lcid,
} from "./resx";

const CONTROLS = listControlNames();
const TRANSLATED: Lcid[] = [1031, 1025];

/**
 * Names that stay as they are in every language: products, protocols, headers, file formats.
 * A German or Arabic value may equal the English one when nothing else is left once these, the
 * placeholders, digits and punctuation are removed.
 */
const UNTRANSLATED_TERMS = [
  "Dynamics 365",
  "Power Platform",
  "Power Automate",
  "Power Apps",
  "Azure Service Bus",
  "Azure Event Hubs",
  "Azure Event Hub",
  "Azure Event Grid",
  "Azure Functions",
  "Azure Data Factory",
  "Azure Logic Apps",
  "Azure Synapse Link",
  "Azure",
  "Service Bus",
  "Event Hubs",
  "Event Hub",
  "Event Grid",
  "Logic Apps",
  "Data Factory",
  "Synapse Link",
  "Dataverse",
  "Dual-write",
  "OData",
  "Web API",
  "REST",
  "SOAP",
  "API",
  "CSV",
  "JSON",
  "XML",
  "HTTP",
  "URL",
  "ID",
  "Retry-After",
  "x-ms-ratelimit-burst-remaining-xrm-requests",
  "x-ms-ratelimit-time-remaining-xrm-requests",
  "Webhook",
  "Webhooks",
  "IntegrationKit",
  "mserp_",
  "SQL",
  "Excel",
  "TDS",
  "AIF",
  "DMF",
  "BYOD",
  "OK",
  "Channel Integration Framework",
  // Units.
  "ms",
];

/** Words German spells as English does (they count as translated in German, not in Arabic). */
const SAME_IN_GERMAN = [
  "Status",
  "Name",
  "Details",
  "Filter",
  "Export",
  "Batch",
  "Plugin",
  "Plug-in",
  "Plug-ins",
  "Service",
  "Text",
  "Normal",
  "Cloud",
  "Push",
  "Pull",
  "Aggregation",
  "Limit",
];

function isMadeOfTerms(value: string, extra: readonly string[] = []): boolean {
  let rest = value.replace(/\{[A-Za-z_]\w*\}/g, " ");
  for (const term of [...UNTRANSLATED_TERMS, ...extra].sort((a, b) => b.length - a.length)) {
    // Whole words only: "ms" is a unit, not the end of "items".
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    rest = rest.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"), " ");
  }
  return !/\p{L}/u.test(rest);
}

function declaredResx(control: string): string[] {
  return readManifest(control).resxPaths.map((p) => p.replace(/\\/g, "/"));
}

describe.each(CONTROLS)("%s strings", (control) => {
  const stringsDir = path.join(controlsDir, control, "strings");
  const filesOnDisk = fs.existsSync(stringsDir) ? fs.readdirSync(stringsDir).filter((f) => f.endsWith(".resx")) : [];
  const english = loadStrings(control, 1033);
  const englishFamilies = pluralFamilies(Object.keys(english));

  it("declares every strings/*.resx in its manifest, and every declared file exists", () => {
    const declared = declaredResx(control);
    const undeclared = filesOnDisk.map((f) => `strings/${f}`).filter((f) => !declared.includes(f));
    expect(undeclared).toEqual([]);
    const missing = declared.filter((p) => !fs.existsSync(path.join(controlsDir, control, p)));
    expect(missing).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it.each(REQUIRED_LCIDS.map((l) => [l]))("ships language %i and declares it", (lcid) => {
    expect(fs.existsSync(resxPath(control, lcid))).toBe(true);
    expect(declaredResx(control)).toContain(`strings/${control}.${lcid}.resx`);
  });

  it.each(REQUIRED_LCIDS.map((l) => [l]))("language %i: well-formed, no duplicate keys, no empty values", (lcid) => {
    if (!fs.existsSync(resxPath(control, lcid))) throw new Error(`strings/${control}.${lcid}.resx does not exist`);
    const entries = parseResx(fs.readFileSync(resxPath(control, lcid), "utf8"));
    expect(entries.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    const duplicates = entries.filter((e) => (seen.has(e.key) ? true : (seen.add(e.key), false))).map((e) => e.key);
    expect(duplicates).toEqual([]);
    expect(entries.filter((e) => e.value.trim() === "").map((e) => e.key)).toEqual([]);
  });

  it("has every key the manifest names, in English", () => {
    expect(readManifest(control).keys.filter((k) => !(k in english))).toEqual([]);
  });

  describe.each(TRANSLATED.map((l) => [l, LOCALE_OF[l]] as const))("language %i (%s)", (lcid) => {
    const load = (): Record<string, string> => {
      if (!fs.existsSync(resxPath(control, lcid))) throw new Error(`strings/${control}.${lcid}.resx does not exist`);
      return loadStrings(control, lcid);
    };
    const categories = pluralCategoriesOf(lcid);

    it("has every English key and no key English lacks (beyond the plural forms it needs)", () => {
      const strings = load();
      const missing = Object.keys(english).filter((k) => {
        if (k in strings) return false;
        // An English plural form this language never selects (e.g. _few in German) may be left out.
        const split = splitPluralKey(k);
        return !(split && englishFamilies.has(split.base) && split.category !== "other" && !categories.includes(split.category));
      });
      expect(missing).toEqual([]);
      const extra = Object.keys(strings).filter((k) => {
        if (k in english) return false;
        const split = splitPluralKey(k);
        return !(split && englishFamilies.has(split.base) && categories.includes(split.category));
      });
      expect(extra).toEqual([]);
    });

    it("keeps the placeholders of every English value", () => {
      const strings = load();
      const mismatches: string[] = [];
      for (const [key, value] of Object.entries(strings)) {
        const split = splitPluralKey(key);
        const family = split && englishFamilies.has(split.base) ? split.base : undefined;
        if (family) {
          // Plural forms: the English family's placeholders, except that a form may say the number in
          // words ("one row", "zwei Zeilen") and leave {count} out.
          const englishSet = new Set(
            Array.from(englishFamilies.get(family) ?? []).flatMap((c) => placeholders(english[`${family}_${c}`] ?? "")),
          );
          const got = placeholders(value);
          const required = Array.from(englishSet).filter((p) => p !== "count");
          const ok = got.every((p) => englishSet.has(p)) && required.every((p) => got.includes(p));
          if (!ok) mismatches.push(`${key}: {${got.join("}, {")}} vs English {${Array.from(englishSet).join("}, {")}}`);
        } else if (key in english) {
          const want = placeholders(english[key]);
          const got = placeholders(value);
          if (want.join() !== got.join()) mismatches.push(`${key}: {${got.join("}, {")}} vs English {${want.join("}, {")}}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it("has every plural form the language's plural rules select, with {count} in _other", () => {
      const strings = load();
      const gaps: string[] = [];
      for (const [base, englishForms] of englishFamilies) {
        for (const c of categories) if (!(`${base}_${c}` in strings)) gaps.push(`${base}_${c}`);
        if (
          !placeholders(strings[`${base}_other`] ?? "").includes("count") &&
          englishForms.has("other") &&
          placeholders(english[`${base}_other`]).includes("count")
        ) {
          gaps.push(`${base}_other has no {count}`);
        }
      }
      expect(gaps).toEqual([]);
    });

    it("is translated, not English left in place", () => {
      const strings = load();
      const copies = Object.keys(english).filter(
        (k) => strings[k] !== undefined && strings[k] === english[k] && !isMadeOfTerms(english[k], lcid === 1031 ? SAME_IN_GERMAN : []),
      );
      expect(copies).toEqual([]);
      if (lcid === 1025) {
        // Arabic text is written in Arabic script (product names and ids aside).
        const latinOnly = Object.entries(strings)
          .filter(([, v]) => !isMadeOfTerms(v) && !/\p{Script=Arabic}/u.test(v))
          .map(([k]) => k);
        expect(latinOnly).toEqual([]);
      }
    });
  });

  it("English plural families cover English's plural forms", () => {
    const gaps: string[] = [];
    for (const [base, forms] of englishFamilies) for (const c of pluralCategoriesOf(1033)) if (!forms.has(c)) gaps.push(`${base}_${c}`);
    expect(gaps).toEqual([]);
  });
});

describe("resx reading", () => {
  it("decodes entities and keeps values as text", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<root><resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
<data name="A" xml:space="preserve"><value>Tom &amp; Jerry &lt;b&gt; {n}</value></data>
<data name="B"><value>0050</value></data><data name="C"><value></value></data></root>`;
    expect(parseResx(xml)).toEqual([
      { key: "A", value: "Tom & Jerry <b> {n}" },
      { key: "B", value: "0050" },
      { key: "C", value: "" },
    ]);
  });

  it("finds plural families and ignores a lone _other key", () => {
    const families = pluralFamilies(["Rows_one", "Rows_other", "Kind_other", "Kind_lookup", "Jobs_few", "Jobs_other"]);
    expect(Array.from(families.keys()).sort()).toEqual(["Jobs", "Rows"]);
    expect(pluralCategoriesOf(1025).sort()).toEqual(["few", "many", "one", "other", "two", "zero"]);
    expect(pluralCategoriesOf(1031).sort()).toEqual(["one", "other"]);
  });

  it("accepts product names but not ordinary English as untranslated", () => {
    expect(isMadeOfTerms("OData")).toBe(true);
    expect(isMadeOfTerms("{count} × Azure Service Bus")).toBe(true);
    expect(isMadeOfTerms("Export rows (CSV)")).toBe(false);
    expect(isMadeOfTerms("{n} items")).toBe(false);
    expect(isMadeOfTerms("{ms} ms")).toBe(true);
  });
});
