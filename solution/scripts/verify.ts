// Reopens a solution zip and checks what Dataverse needs at import: the three root files, their
// consistency with each other, and every file each packed control manifest names.
// CLI: npx tsx solution/scripts/verify.ts [zip ...]   (default: every .zip in solution/bin)
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { REPO_ROOT, UNIQUE_NAME_PATTERN, optionValuePrefixProblem, prefixProblem } from "./config";
import { MANIFEST_FILE, readBuiltManifest, solutionControlName } from "./manifest";
import {
  CONTENT_TYPES_FILE,
  CUSTOMIZATIONS_FILE,
  CUSTOM_CONTROL_COMPONENT_TYPE,
  ROOT_FILES,
  SOLUTION_FILE,
  extensionOf,
} from "./templates";
import { asArray, attr, child, parseXml, textOf, xmlProblem, type XmlNode } from "./xml";

export interface VerifiedControl {
  /** prefix_namespace.constructor */
  name: string;
  namespace: string;
  constructorName: string;
  version: string;
  /** Zip entries of the control (manifest, code and every file the manifest names). */
  files: string[];
}

export interface VerifiedSolution {
  uniqueName: string;
  version: string;
  managed: boolean;
  prefix: string;
  languages: number[];
}

export interface VerifyResult {
  ok: boolean;
  errors: string[];
  /** Things that do not fail the check, such as files outside the solution's structure. */
  warnings: string[];
  controls: VerifiedControl[];
  /** Present when solution.xml could be read. */
  solution?: VerifiedSolution;
}

const FOUR_PART_VERSION = /^\d+\.\d+\.\d+\.\d+$/;

function entryNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.includes("\\")) problems.push(`entry "${name}" uses "\\"; zip entry names must use "/"`);
  if (name.startsWith("/")) problems.push(`entry "${name}" starts with "/"; entry names must be relative`);
  if (name.split(/[\\/]/).includes("..")) problems.push(`entry "${name}" contains ".."`);
  return problems;
}

function rootFileProblem(required: string, fileNames: readonly string[]): string {
  const lower = required.toLowerCase();
  const miscased = fileNames.find((n) => n.toLowerCase() === lower);
  if (miscased) return `root file "${required}" is missing: found "${miscased}", and names are case-sensitive`;
  const nested = fileNames.find((n) => n.toLowerCase().endsWith(`/${lower}`));
  if (nested) return `root file "${required}" is missing: found "${nested}", but it must be at the root of the zip`;
  return `root file "${required}" is missing`;
}

interface ParsedRoot {
  doc?: XmlNode;
  problem?: string;
}

async function readRootXml(zip: JSZip, name: string): Promise<ParsedRoot> {
  const file = zip.file(name);
  if (!file) return {};
  const text = await file.async("string");
  const problem = xmlProblem(text);
  if (problem) return { problem: `${name} is not well-formed XML (${problem})` };
  return { doc: parseXml(text) };
}

function checkSolutionXml(doc: XmlNode, errors: string[]): { solution?: VerifiedSolution; rootControls: string[] } {
  const manifest = child(child(doc, "ImportExportXml"), "SolutionManifest");
  if (!manifest) {
    errors.push(`${SOLUTION_FILE} has no <ImportExportXml><SolutionManifest>`);
    return { rootControls: [] };
  }
  const uniqueName = textOf(manifest, "UniqueName") ?? "";
  if (!UNIQUE_NAME_PATTERN.test(uniqueName)) {
    errors.push(`${SOLUTION_FILE}: UniqueName "${uniqueName}" must be letters, digits and underscores, not starting with a digit`);
  }
  const version = textOf(manifest, "Version") ?? "";
  if (!FOUR_PART_VERSION.test(version)) errors.push(`${SOLUTION_FILE}: Version "${version}" must have four numeric parts`);
  const managedText = textOf(manifest, "Managed") ?? "";
  if (managedText !== "0" && managedText !== "1") {
    errors.push(`${SOLUTION_FILE}: Managed "${managedText}" must be 0 (unmanaged) or 1 (managed)`);
  }
  const publisher = child(manifest, "Publisher");
  let prefix = "";
  if (!publisher) {
    errors.push(`${SOLUTION_FILE} has no <Publisher>`);
  } else {
    const pubName = textOf(publisher, "UniqueName") ?? "";
    if (!UNIQUE_NAME_PATTERN.test(pubName)) errors.push(`${SOLUTION_FILE}: publisher UniqueName "${pubName}" is not valid`);
    prefix = textOf(publisher, "CustomizationPrefix") ?? "";
    const prefixIssue = prefixProblem(prefix);
    if (prefixIssue) errors.push(`${SOLUTION_FILE}: ${prefixIssue}`);
    const ovpIssue = optionValuePrefixProblem(textOf(publisher, "CustomizationOptionValuePrefix") ?? "");
    if (ovpIssue) errors.push(`${SOLUTION_FILE}: ${ovpIssue}`);
  }
  const rootControls: string[] = [];
  for (const rc of asArray(child(manifest, "RootComponents")?.RootComponent)) {
    if (attr(rc, "type") !== CUSTOM_CONTROL_COMPONENT_TYPE) continue;
    const schemaName = attr(rc, "schemaName") ?? "";
    if (schemaName === "") errors.push(`${SOLUTION_FILE}: a RootComponent type="66" has no schemaName`);
    else if (rootControls.includes(schemaName)) errors.push(`${SOLUTION_FILE}: RootComponent "${schemaName}" is listed twice`);
    else rootControls.push(schemaName);
  }
  return {
    rootControls,
    solution: { uniqueName, version, managed: managedText === "1", prefix, languages: [] },
  };
}

interface CustomControlEntry {
  name: string;
  fileName: string;
}

function checkCustomizationsXml(doc: XmlNode, errors: string[]): { customControls: CustomControlEntry[]; languages: number[] } {
  const root = child(doc, "ImportExportXml");
  if (!root) {
    errors.push(`${CUSTOMIZATIONS_FILE} has no <ImportExportXml> root`);
    return { customControls: [], languages: [] };
  }
  const customControls: CustomControlEntry[] = [];
  for (const cc of asArray(child(root, "CustomControls")?.CustomControl)) {
    const name = textOf(cc, "Name");
    if (name === undefined || name === "") {
      errors.push(
        attr(cc, "Name") !== undefined
          ? `${CUSTOMIZATIONS_FILE}: CustomControl "${attr(cc, "Name")}" has Name as an attribute; it must be a <Name> child element`
          : `${CUSTOMIZATIONS_FILE}: a CustomControl has no <Name>`,
      );
      continue;
    }
    const fileName = textOf(cc, "FileName") ?? "";
    if (fileName === "") errors.push(`${CUSTOMIZATIONS_FILE}: CustomControl "${name}" has no <FileName>`);
    if (customControls.some((c) => c.name === name)) errors.push(`${CUSTOMIZATIONS_FILE}: CustomControl "${name}" is listed twice`);
    customControls.push({ name, fileName });
  }
  const languages: number[] = [];
  for (const lang of asArray(child(root, "Languages")?.Language)) {
    const t = String(lang["#text"] ?? "");
    if (!/^\d+$/.test(t)) errors.push(`${CUSTOMIZATIONS_FILE}: Language "${t}" is not an LCID`);
    else languages.push(Number(t));
  }
  return { customControls, languages };
}

/** Root files and everything under Controls/ make up the solution; anything else is a stray. */
function isSolutionPart(name: string): boolean {
  return (ROOT_FILES as readonly string[]).includes(name) || name.startsWith("Controls/");
}

function checkContentTypes(doc: XmlNode, fileNames: readonly string[], errors: string[], warnings: string[]): Set<string> {
  const types = child(doc, "Types");
  const overrides = new Set<string>();
  if (!types) {
    errors.push(`${CONTENT_TYPES_FILE} has no <Types> root`);
    return overrides;
  }
  const defaults = new Set<string>();
  for (const d of asArray(types.Default)) {
    const ext = attr(d, "Extension");
    if (!ext || !attr(d, "ContentType")) errors.push(`${CONTENT_TYPES_FILE}: a Default lacks Extension or ContentType`);
    else defaults.add(ext.toLowerCase());
  }
  for (const o of asArray(types.Override)) {
    const part = attr(o, "PartName");
    if (!part || !attr(o, "ContentType")) errors.push(`${CONTENT_TYPES_FILE}: an Override lacks PartName or ContentType`);
    else overrides.add(part);
  }
  const uncovered = new Set<string>();
  for (const name of fileNames) {
    if (name === CONTENT_TYPES_FILE) continue;
    const ext = extensionOf(name);
    if (defaults.has(ext) || overrides.has(`/${name}`)) continue;
    if (!isSolutionPart(name)) continue; // reported as a stray below
    uncovered.add(ext === "" ? `"${name}" (no extension, no Override)` : `.${ext}`);
  }
  for (const u of uncovered) errors.push(`${CONTENT_TYPES_FILE} has no content type for ${u}`);
  for (const name of fileNames) {
    if (!isSolutionPart(name)) {
      warnings.push(`"${name}" is not part of the solution (neither a root file nor under Controls/)`);
    }
  }
  return overrides;
}

async function checkControl(
  zip: JSZip,
  cc: CustomControlEntry,
  prefix: string,
  fileNames: ReadonlySet<string>,
  overrides: ReadonlySet<string>,
  errors: string[],
): Promise<VerifiedControl | undefined> {
  const entry = cc.fileName.replace(/^\//, "");
  const where = `control "${cc.name}"`;
  if (!cc.fileName.startsWith("/")) errors.push(`${where}: FileName "${cc.fileName}" must start with "/"`);
  const file = fileNames.has(entry) ? zip.file(entry) : null;
  if (!file) {
    errors.push(`${where}: FileName "${cc.fileName}" is not in the zip`);
    return undefined;
  }
  const folder = entry.includes("/") ? entry.slice(0, entry.lastIndexOf("/")) : "";
  if (path.posix.basename(entry) !== MANIFEST_FILE) errors.push(`${where}: FileName must name a ${MANIFEST_FILE}`);
  if (folder !== `Controls/${cc.name}`) {
    errors.push(`${where}: manifest is in folder "${folder}/", expected "Controls/${cc.name}/"`);
  }
  if (!overrides.has(`/${entry}`)) errors.push(`${CONTENT_TYPES_FILE} has no Override for "/${entry}"`);
  const result = readBuiltManifest(await file.async("string"));
  if (!result.ok) {
    for (const p of result.problems) errors.push(`${where}: ${p}`);
    return undefined;
  }
  const m = result.manifest;
  const expected = solutionControlName(prefix, m.namespace, m.constructorName);
  if (cc.name !== expected) {
    errors.push(`${where}: name does not match its manifest: expected "${expected}" (prefix_namespace.constructor)`);
  }
  const files = [entry];
  for (const f of m.files) {
    const full = folder ? `${folder}/${f}` : f;
    if (!fileNames.has(full)) errors.push(`${where}: file named in ${MANIFEST_FILE} is missing from the zip: ${f}`);
    else files.push(full);
  }
  return { name: cc.name, namespace: m.namespace, constructorName: m.constructorName, version: m.version, files };
}

/** Verifies a solution zip given as a path or its bytes. Never throws for a bad zip: errors say what is wrong. */
export async function verifySolutionZip(input: string | Buffer | Uint8Array): Promise<VerifyResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const controls: VerifiedControl[] = [];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(typeof input === "string" ? fs.readFileSync(input) : input);
  } catch (e) {
    return { ok: false, errors: [`not a readable zip: ${(e as Error).message}`], warnings, controls };
  }
  const all = Object.values(zip.files);
  for (const e of all) errors.push(...entryNameProblems(e.unsafeOriginalName ?? e.name));
  const fileList = all.filter((e) => !e.dir).map((e) => e.name);
  const fileNames = new Set(fileList);

  for (const r of ROOT_FILES) if (!fileNames.has(r)) errors.push(rootFileProblem(r, fileList));
  const [ct, sol, cust] = await Promise.all([
    readRootXml(zip, CONTENT_TYPES_FILE),
    readRootXml(zip, SOLUTION_FILE),
    readRootXml(zip, CUSTOMIZATIONS_FILE),
  ]);
  for (const p of [ct.problem, sol.problem, cust.problem]) if (p) errors.push(p);

  const overrides = ct.doc ? checkContentTypes(ct.doc, fileList, errors, warnings) : new Set<string>();
  const { solution, rootControls } = sol.doc ? checkSolutionXml(sol.doc, errors) : { solution: undefined, rootControls: [] };
  const { customControls, languages } = cust.doc
    ? checkCustomizationsXml(cust.doc, errors)
    : { customControls: [], languages: [] };
  if (solution) solution.languages = languages;

  if (sol.doc && cust.doc) {
    for (const rc of rootControls) {
      if (!customControls.some((c) => c.name === rc)) {
        errors.push(`RootComponent type="66" "${rc}" in ${SOLUTION_FILE} has no CustomControl with that Name in ${CUSTOMIZATIONS_FILE}`);
      }
    }
    for (const cc of customControls) {
      if (!rootControls.includes(cc.name)) {
        errors.push(`CustomControl "${cc.name}" in ${CUSTOMIZATIONS_FILE} has no RootComponent type="66" in ${SOLUTION_FILE}`);
      }
    }
    const prefix = solution?.prefix ?? "";
    for (const cc of customControls) {
      const verified = await checkControl(zip, cc, prefix, fileNames, overrides, errors);
      if (verified) controls.push(verified);
    }
    const referenced = new Set(customControls.map((c) => c.fileName.replace(/^\//, "")));
    for (const name of fileList) {
      if (path.posix.basename(name) === MANIFEST_FILE && name.startsWith("Controls/") && !referenced.has(name)) {
        errors.push(`"${name}" is in the zip but no CustomControl in ${CUSTOMIZATIONS_FILE} names it`);
      }
    }
  }
  return { ok: errors.length === 0, errors, warnings, controls, solution };
}

/** Human-readable lines for one zip's result. */
export function formatVerifyResult(label: string, result: VerifyResult): string {
  const lines: string[] = [];
  const s = result.solution;
  const head = s ? `${s.uniqueName} ${s.version} ${s.managed ? "managed" : "unmanaged"}` : "unreadable solution";
  lines.push(`${result.ok ? "OK  " : "FAIL"} ${label}: ${head}, ${result.controls.length} control(s)`);
  for (const c of result.controls) lines.push(`       ${c.name} ${c.version} (${c.files.length} files)`);
  for (const e of result.errors) lines.push(`     - ${e}`);
  for (const w of result.warnings) lines.push(`     ! warning: ${w}`);
  return lines.join("\n");
}

/** Zips to check when the CLI gets no arguments: every .zip in solution/bin. */
export function defaultZipPaths(binDir = path.join(REPO_ROOT, "solution", "bin")): string[] {
  if (!fs.existsSync(binDir)) return [];
  return fs
    .readdirSync(binDir)
    .filter((f) => f.toLowerCase().endsWith(".zip"))
    .sort()
    .map((f) => path.join(binDir, f));
}

export async function main(args: readonly string[]): Promise<number> {
  const zips = args.length > 0 ? [...args] : defaultZipPaths();
  if (zips.length === 0) {
    console.error("verify: no solution zips found in solution/bin (run the packer first: npx tsx solution/scripts/pack.ts)");
    return 1;
  }
  let failed = 0;
  for (const z of zips) {
    const result = await verifySolutionZip(z);
    if (!result.ok) failed++;
    console.log(formatVerifyResult(path.relative(process.cwd(), z) || z, result));
  }
  console.log(failed === 0 ? `verify: ${zips.length} zip(s) OK` : `verify: ${failed} of ${zips.length} zip(s) FAILED`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`verify: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
