/**
 * Reads the controls' .resx files and manifests with fast-xml-parser (never regular expressions over
 * XML), for the cross-control language checks and for the browser tests, which hand a language's
 * strings to the harness as `context.resources.getString`.
 */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";

const repoRoot = path.resolve(__dirname, "..", "..", "..");
export const controlsDir = path.join(repoRoot, "controls");

/** The languages every control ships: English, German, Arabic (Dataverse language ids). */
export const REQUIRED_LCIDS = [1033, 1031, 1025] as const;
export type Lcid = (typeof REQUIRED_LCIDS)[number];

/** BCP 47 tag of each language, for Intl.PluralRules. */
export const LOCALE_OF: Record<Lcid, string> = { 1033: "en-US", 1031: "de-DE", 1025: "ar-SA" };

const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

interface ResxEntry {
  key: string;
  /** The value as the platform serves it: entities decoded, whitespace kept. */
  value: string;
}

const resxParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  ignoreDeclaration: true,
  isArray: (_name, jpath) => jpath === "root.data",
});

/** The <data> entries of a .resx text, in file order. Throws on a file that has no <root>. */
export function parseResx(xml: string): ResxEntry[] {
  const doc = resxParser.parse(xml.replace(/^\uFEFF/, "")) as { root?: { data?: Record<string, unknown>[] } };
  if (!doc.root || typeof doc.root !== "object") throw new Error("not a .resx file: no <root> element");
  return (doc.root.data ?? []).map((d) => {
    const key = d["@_name"];
    if (typeof key !== "string") throw new Error("a <data> element has no name");
    return { key, value: textContent(d.value) };
  });
}

function textContent(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textContent).join("");
  if (typeof node === "object") {
    const t = (node as Record<string, unknown>)["#text"];
    return typeof t === "string" || typeof t === "number" ? String(t) : "";
  }
  return "";
}

export function resxPath(control: string, lcid: number): string {
  return path.join(controlsDir, control, "strings", `${control}.${lcid}.resx`);
}

/** A language's strings as a key → value map (what `context.resources.getString` answers). */
export function loadStrings(control: string, lcid: number): Record<string, string> {
  const table: Record<string, string> = {};
  for (const { key, value } of parseResx(fs.readFileSync(resxPath(control, lcid), "utf8"))) table[key] = value;
  return table;
}

/** Every control folder under controls/ that has a manifest. */
export function listControlNames(): string[] {
  return fs
    .readdirSync(controlsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(controlsDir, d.name, "ControlManifest.Input.xml")))
    .map((d) => d.name)
    .sort();
}

interface ManifestInfo {
  /** `path` of every <resx> under <resources>, as written. */
  resxPaths: string[];
  /** Every display-name-key and description-key the manifest uses (the maker studio shows them). */
  keys: string[];
}

const manifestParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseAttributeValue: false,
  ignoreDeclaration: true,
  commentPropName: false,
});

export function readManifest(control: string): ManifestInfo {
  const xml = fs.readFileSync(path.join(controlsDir, control, "ControlManifest.Input.xml"), "utf8");
  const doc = manifestParser.parse(xml.replace(/^\uFEFF/, "")) as Record<string, unknown>;
  const manifest = doc.manifest as Record<string, unknown> | undefined;
  const controlNode = manifest?.control as Record<string, unknown> | undefined;
  if (!controlNode) throw new Error(`${control}: the manifest has no <control>`);
  const resources = controlNode.resources as Record<string, unknown> | undefined;
  const resxPaths = asList(resources?.resx)
    .map((r) => r["@_path"])
    .filter((p): p is string => typeof p === "string");
  const keys: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(collect);
      return;
    }
    if (typeof node !== "object" || node === null) return;
    for (const [name, v] of Object.entries(node as Record<string, unknown>)) {
      if ((name === "@_display-name-key" || name === "@_description-key") && typeof v === "string") keys.push(v);
      else if (!name.startsWith("@_")) collect(v);
    }
  };
  collect(controlNode);
  return { resxPaths, keys: Array.from(new Set(keys)) };
}

function asList(v: unknown): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).filter((x): x is Record<string, unknown> => typeof x === "object" && x !== null);
}

/** `{name}` placeholders of a value, sorted and unique. */
export function placeholders(value: string): string[] {
  return Array.from(new Set(Array.from(value.matchAll(/\{([A-Za-z_][\w]*)\}/g), (m) => m[1]))).sort();
}

/** `Rows_one` → { base: "Rows", category: "one" }; undefined for a key with no plural suffix. */
export function splitPluralKey(key: string): { base: string; category: PluralCategory } | undefined {
  const i = key.lastIndexOf("_");
  if (i <= 0) return undefined;
  const category = key.slice(i + 1) as PluralCategory;
  return (PLURAL_CATEGORIES as readonly string[]).includes(category) ? { base: key.slice(0, i), category } : undefined;
}

/**
 * Plural families of a language file: a base with an `_other` key and at least one more category
 * (a lone `Kind_other` is an ordinary key, e.g. the "other" choice of a list).
 */
export function pluralFamilies(keys: Iterable<string>): Map<string, Set<PluralCategory>> {
  const byBase = new Map<string, Set<PluralCategory>>();
  for (const key of keys) {
    const split = splitPluralKey(key);
    if (!split) continue;
    const set = byBase.get(split.base) ?? new Set<PluralCategory>();
    set.add(split.category);
    byBase.set(split.base, set);
  }
  for (const [base, set] of byBase) if (!set.has("other") || set.size < 2) byBase.delete(base);
  return byBase;
}

export function pluralCategoriesOf(lcid: Lcid): PluralCategory[] {
  return new Intl.PluralRules(LOCALE_OF[lcid]).resolvedOptions().pluralCategories;
}
