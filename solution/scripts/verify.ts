// Reopens a solution zip and checks what Dataverse needs at import: safe entry names, bounded sizes,
// the three root files, their consistency with each other, and every file each packed control
// manifest names. It takes hostile zips too: it never throws, every failure is a finding, and its
// time and memory stay bounded (see LIMITS). pac's own form (BOM, CRLF, an Override per manifest,
// four-part versions) is not required here, since Dataverse imports its own exports without it;
// the packer's tests check that our zips keep pac's form.
// CLI: npx tsx solution/scripts/verify.ts [zip ...]   (default: every .zip in solution/bin)
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { REPO_ROOT, UNIQUE_NAME_PATTERN, optionValuePrefixProblem, prefixProblem } from "./config";
import { MANIFEST_FILE, RESX_KEEP, builtManifestFrom, resxProblemFrom, solutionControlName } from "./manifest";
import {
  CONTENT_TYPES_FILE,
  CUSTOMIZATIONS_FILE,
  CUSTOM_CONTROL_COMPONENT_TYPE,
  ROOT_FILES,
  SOLUTION_FILE,
  extensionOf,
} from "./templates";
import { StringDecoder } from "string_decoder";
import { asArray, attr, child, scalarText, textOf, XmlReader, type ReadXmlOptions, type XmlNode, type XmlResult } from "./xml";
import { openZip, type OpenedZip, type RawEntry } from "./zip-reader";

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

/**
 * Limits for untrusted input. A real solution of code components is a few MB in a few dozen entries;
 * these bound the verifier's time and memory whatever the zip claims.
 */
export const LIMITS = {
  /** Entries in the central directory; more is refused before any is read. */
  maxEntries: 10_000,
  /** solution.xml, customizations.xml, [Content_Types].xml and any XML the verifier parses. */
  maxXmlBytes: 16 * 1024 * 1024,
  /**
   * Dataverse's default limit for a web resource, 5,120 KB ("Maximum file size for attachments",
   * which also caps web resources: learn.microsoft.com/power-apps/developer/model-driven-apps/use-web-resources).
   * A bigger control file imports only where an admin raised the setting; flagged, not refused.
   */
  flagFileBytes: 5_120 * 1024,
  /** The highest value that setting takes, 131,072 KB (learn.microsoft.com/power-platform/admin/settings-email). */
  maxFileBytes: 131_072 * 1024,
  /** All the XML the verifier reads, together (reading XML costs more than inflating it). */
  maxXmlTotalBytes: 32 * 1024 * 1024,
  /** Everything the verifier inflates, together (a solution of code components inflates to a few MB). */
  maxTotalBytes: 128 * 1024 * 1024,
} as const;

/** Dataverse imports two to four parts (pac writes four; Microsoft's own pac-built sample has "1.0"). */
const SOLUTION_VERSION = /^\d+(\.\d+){1,3}$/;

/** Top-level folders of Dataverse solution exports that hold other component types' files. */
const KNOWN_SOLUTION_FOLDERS = [
  "Controls/",
  "CanvasApps/",
  "WebResources/",
  "Workflows/",
  "PluginAssemblies/",
  "Reports/",
  "Templates/",
  "Assets/",
];

const kb = (bytes: number): string => `${Math.ceil(bytes / 1024).toLocaleString("en-US")} KB`;

/** A name as it can be printed: control characters and invalid bytes shown as escapes. */
function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Problems of one raw entry name (already valid UTF-8). */
function entryNameProblems(name: string): string[] {
  const problems: string[] = [];
  const shown = `entry "${printable(name)}"`;
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/.exec(name);
  if (control) {
    const code = control[0].charCodeAt(0);
    problems.push(
      `${shown} contains a ${code === 0 ? "NUL" : "control"} character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`,
    );
  }
  if (name === "") problems.push("an entry has an empty name");
  if (name.includes("\\")) problems.push(`${shown} uses "\\"; zip entry names must use "/"`);
  if (name.startsWith("/")) problems.push(`${shown} starts with "/"; entry names must be relative`);
  if (/^[A-Za-z]:/.test(name)) problems.push(`${shown} starts with a drive letter; entry names must be relative`);
  const segments = name.split(/[\\/]/);
  if (segments.includes("..")) problems.push(`${shown} contains ".."`);
  if (segments.includes(".")) problems.push(`${shown} contains a "./" segment`);
  // A leading "" is the leading "/" above; a trailing "" marks a directory entry.
  if (segments.slice(1, -1).includes("") || /[\\/]{2}$/.test(name)) problems.push(`${shown} contains an empty segment ("//")`);
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
  if (!SOLUTION_VERSION.test(version)) errors.push(`${SOLUTION_FILE}: Version "${version}" must have two to four numeric parts`);
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
    const t = scalarText(lang["#text"]) ?? "";
    if (!/^\d+$/.test(t)) errors.push(`${CUSTOMIZATIONS_FILE}: Language "${t}" is not an LCID`);
    else languages.push(Number(t));
  }
  return { customControls, languages };
}

/** Root files and the folders Dataverse exports make up the solution; anything else is a stray. */
function isSolutionPart(name: string): boolean {
  return (ROOT_FILES as readonly string[]).includes(name) || KNOWN_SOLUTION_FOLDERS.some((f) => name.startsWith(f));
}

function checkContentTypes(doc: XmlNode, fileNames: readonly string[], errors: string[], warnings: string[]): void {
  const types = child(doc, "Types");
  if (!types) {
    errors.push(`${CONTENT_TYPES_FILE} has no <Types> root`);
    return;
  }
  const defaults = new Set<string>();
  for (const d of asArray(types.Default)) {
    const ext = attr(d, "Extension");
    if (!ext || !attr(d, "ContentType")) errors.push(`${CONTENT_TYPES_FILE}: a Default lacks Extension or ContentType`);
    else defaults.add(ext.toLowerCase());
  }
  const overrides = new Set<string>();
  for (const o of asArray(types.Override)) {
    const part = attr(o, "PartName");
    if (!part || !attr(o, "ContentType")) errors.push(`${CONTENT_TYPES_FILE}: an Override lacks PartName or ContentType`);
    else overrides.add(part);
  }
  // Every part of a package has a content type (Open Packaging Conventions); Dataverse's exports
  // and pac's zips both cover every file, by extension or by an Override.
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
      warnings.push(`"${name}" is not part of the solution (neither a root file nor in a solution folder such as Controls/)`);
    }
  }
}

const isResx = (name: string): boolean => name.toLowerCase().endsWith(".resx");

function checkControl(
  cc: CustomControlEntry,
  prefix: string,
  fileNames: ReadonlySet<string>,
  parsed: ReadonlyMap<string, XmlResult>,
  errors: string[],
  warnings: string[],
): VerifiedControl | undefined {
  const entry = cc.fileName.replace(/^\//, "");
  const where = `control "${cc.name}"`;
  if (!cc.fileName.startsWith("/")) errors.push(`${where}: FileName "${cc.fileName}" must start with "/"`);
  if (!fileNames.has(entry)) {
    errors.push(`${where}: FileName "${cc.fileName}" is not in the zip`);
    return undefined;
  }
  const folder = entry.includes("/") ? entry.slice(0, entry.lastIndexOf("/")) : "";
  if (path.posix.basename(entry) !== MANIFEST_FILE) errors.push(`${where}: FileName must name a ${MANIFEST_FILE}`);
  if (folder !== `Controls/${cc.name}`) {
    errors.push(`${where}: manifest is in folder "${folder}/", expected "Controls/${cc.name}/"`);
  }
  const read = parsed.get(entry);
  if (!read) return undefined; // unreadable: reported where it was read
  const result = builtManifestFrom(read);
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
  const inFolder = (f: string): string => (folder ? `${folder}/${f}` : f);
  for (const f of m.files) {
    const full = inFolder(f);
    if (!fileNames.has(full)) errors.push(`${where}: file named in ${MANIFEST_FILE} is missing from the zip: ${f}`);
    else files.push(full);
  }
  // The platform loads exactly the .resx files a manifest declares: any other is dead weight at
  // best, and a language the maker believes is shipped at worst.
  const declared = new Set(m.resx.map(inFolder));
  for (const name of fileNames) {
    if (folder && name.startsWith(`${folder}/`) && isResx(name) && !declared.has(name)) {
      errors.push(
        `${where}: "${name.slice(folder.length + 1)}" is in the zip but ${MANIFEST_FILE} does not declare it ` +
          "(declare it with <resx path=... version=... /> or leave it out)",
      );
    }
  }
  for (const full of declared) {
    const read = parsed.get(full);
    if (read === undefined) continue;
    const rel = full.slice(folder.length + 1);
    // A broken string table is an error; a missing header only differs from what pac writes.
    const issue = resxProblemFrom(read);
    if (issue) (issue.kind === "xml" ? errors : warnings).push(`${where}: ${rel} ${issue.message}`);
  }
  return { name: cc.name, namespace: m.namespace, constructorName: m.constructorName, version: m.version, files };
}

/** The parts of each root file the checks read; the rest is scanned, never held. */
const ROOT_KEEP: Record<string, readonly (readonly string[])[]> = {
  [CONTENT_TYPES_FILE]: [["Types"]],
  [SOLUTION_FILE]: [["ImportExportXml", "SolutionManifest"]],
  [CUSTOMIZATIONS_FILE]: [
    ["ImportExportXml", "CustomControls"],
    ["ImportExportXml", "Languages"],
  ],
};

function parseRoot(name: string, parsed: ReadonlyMap<string, XmlResult>, errors: string[]): XmlNode | undefined {
  const read = parsed.get(name);
  if (!read) return undefined;
  if ("problem" in read) {
    errors.push(`${name} is not well-formed XML (${read.problem})`);
    return undefined;
  }
  return read.doc;
}

/** How each XML entry the checks read is read: which parts are built into a tree. */
function readOptions(name: string): ReadXmlOptions {
  if (isRootFile(name)) return { keep: ROOT_KEEP[name] };
  if (isResx(name)) return { keep: RESX_KEEP };
  return {}; // a control manifest: small, read whole
}

const isRootFile = (name: string): boolean => (ROOT_FILES as readonly string[]).includes(name);

/** Entries whose content the checks read: root files, control manifests and string tables. */
function kept(name: string): boolean {
  return isRootFile(name) || path.posix.basename(name) === MANIFEST_FILE || isResx(name);
}

/**
 * Walks the central directory and inflates what it may, within LIMITS. Returns the usable file
 * names (in zip order, the first of any duplicate) and the XML the checks read, parsed as it inflated.
 */
async function readZip(
  zip: OpenedZip,
  errors: string[],
  warnings: string[],
): Promise<{ fileList: string[]; parsed: Map<string, XmlResult> } | undefined> {
  if (zip.entryCount > LIMITS.maxEntries) {
    errors.push(
      `the zip has ${zip.entryCount.toLocaleString("en-US")} entries; more than ${LIMITS.maxEntries.toLocaleString("en-US")} ` +
        "is refused (a solution of code components has a few dozen)",
    );
    return undefined;
  }
  const { entries, problem } = await zip.readEntries(LIMITS.maxEntries);
  if (problem) {
    errors.push(`the zip's central directory cannot be read: ${problem}`);
    return undefined;
  }
  const usable: { name: string; raw: RawEntry }[] = [];
  const seen = new Map<string, string>();
  for (const raw of entries) {
    if (raw.name === undefined) {
      errors.push(`an entry name is not valid UTF-8 (bytes ${raw.nameBytes.toString("hex").replace(/(..)(?!$)/g, "$1 ")})`);
      continue;
    }
    const name = raw.name;
    const nameProblems = entryNameProblems(name);
    errors.push(...nameProblems);
    const folded = name.toLowerCase();
    const earlier = seen.get(folded);
    if (earlier !== undefined) {
      errors.push(
        earlier === name
          ? `duplicate entry: "${printable(name)}" appears more than once`
          : `duplicate entry: "${printable(earlier)}" and "${printable(name)}" differ only in case`,
      );
      continue;
    }
    seen.set(folded, name);
    if (nameProblems.length > 0) continue;
    if (raw.encrypted) {
      errors.push(`entry "${name}" is encrypted`);
      continue;
    }
    if (raw.compressionMethod !== 0 && raw.compressionMethod !== 8) {
      errors.push(`entry "${name}" uses compression method ${raw.compressionMethod}; only stored (0) and deflate (8) can be read`);
      continue;
    }
    usable.push({ name, raw });
  }

  const parsed = new Map<string, XmlResult>();
  const files = usable.filter(({ name }) => !name.endsWith("/")); // directory entries: pac writes none
  // Root files first, so that a zip refused for its size still reports on its identity.
  const order = [...files.filter((f) => isRootFile(f.name)), ...files.filter((f) => !isRootFile(f.name))];
  let total = 0;
  let overTotal = false;
  let xmlTotal = 0;
  let overXmlTotal = false;
  for (const { name, raw } of order) {
    const keep = kept(name);
    const cap = keep ? LIMITS.maxXmlBytes : LIMITS.maxFileBytes;
    if (raw.uncompressedSize > cap) {
      errors.push(
        keep
          ? `entry "${name}" declares ${kb(raw.uncompressedSize)}; XML files over ${kb(LIMITS.maxXmlBytes)} are refused`
          : `entry "${name}" declares ${kb(raw.uncompressedSize)}, over the largest web resource Dataverse takes (${kb(LIMITS.maxFileBytes)})`,
      );
      continue;
    }
    if (name.startsWith("Controls/") && raw.uncompressedSize > LIMITS.flagFileBytes) {
      warnings.push(
        `entry "${name}" is ${kb(raw.uncompressedSize)}, over Dataverse's default limit of ${kb(LIMITS.flagFileBytes)}: the import fails ` +
          'with "Webresource content size is too big" unless an admin raises "Maximum file size for attachments"',
      );
    }
    if (total + raw.uncompressedSize > LIMITS.maxTotalBytes) {
      if (!overTotal) errors.push(`the zip inflates to more than ${kb(LIMITS.maxTotalBytes)} in all; refused`);
      overTotal = true;
      continue;
    }
    if (keep && xmlTotal + raw.uncompressedSize > LIMITS.maxXmlTotalBytes) {
      if (!overXmlTotal) errors.push(`the XML files to read come to more than ${kb(LIMITS.maxXmlTotalBytes)} in all; refused`);
      overXmlTotal = true;
      continue;
    }
    total += raw.uncompressedSize;
    if (keep) xmlTotal += raw.uncompressedSize;
    if (!keep) {
      const read = await zip.readEntry(raw, cap);
      if ("problem" in read) errors.push(`entry "${name}": ${read.problem}`);
      continue;
    }
    // XML is parsed as it inflates: the text is never held whole, and a refusal stops the inflating.
    const reader = new XmlReader(readOptions(name));
    const decoder = new StringDecoder("utf8");
    const read = await zip.readEntry(raw, cap, (chunk) => {
      reader.write(decoder.write(chunk));
      return reader.ok;
    });
    if ("problem" in read) errors.push(`entry "${name}": ${read.problem}`);
    else {
      reader.write(decoder.end());
      parsed.set(name, reader.close());
    }
  }
  return { fileList: files.map((f) => f.name), parsed };
}

async function verifyOpened(zip: OpenedZip, errors: string[], warnings: string[]): Promise<VerifyResult> {
  const controls: VerifiedControl[] = [];
  const read = await readZip(zip, errors, warnings);
  if (!read) return { ok: false, errors, warnings, controls };
  const { fileList, parsed } = read;
  const fileNames = new Set(fileList);

  for (const r of ROOT_FILES) if (!fileNames.has(r)) errors.push(rootFileProblem(r, fileList));
  const ct = parseRoot(CONTENT_TYPES_FILE, parsed, errors);
  const sol = parseRoot(SOLUTION_FILE, parsed, errors);
  const cust = parseRoot(CUSTOMIZATIONS_FILE, parsed, errors);

  if (ct) checkContentTypes(ct, fileList, errors, warnings);
  const { solution, rootControls } = sol ? checkSolutionXml(sol, errors) : { solution: undefined, rootControls: [] };
  const { customControls, languages } = cust ? checkCustomizationsXml(cust, errors) : { customControls: [], languages: [] };
  if (solution) solution.languages = languages;

  if (sol && cust) {
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
      const verified = checkControl(cc, prefix, fileNames, parsed, errors, warnings);
      if (verified) controls.push(verified);
    }
    // A string table outside every control's folder is declared by no manifest: refused like any other.
    const folders = customControls.map((c) => c.fileName.replace(/^\//, "").replace(/[^/]*$/, ""));
    for (const name of fileList) {
      if (isResx(name) && !folders.some((f) => f !== "" && name.startsWith(f))) {
        errors.push(`"${name}" is in the zip but no control manifest declares it`);
      }
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

/**
 * Verifies a solution zip given as a path or its bytes. Never throws: whatever the input, the
 * result lists what is wrong, and the work done is bounded by LIMITS.
 */
export async function verifySolutionZip(input: string | Buffer | Uint8Array): Promise<VerifyResult> {
  const errors: string[] = [];
  const warnings: string[] = [];
  let zip: OpenedZip | undefined;
  try {
    const opened = await openZip(typeof input === "string" ? input : Buffer.isBuffer(input) ? input : Buffer.from(input));
    if ("problem" in opened) {
      return { ok: false, errors: [`not a readable zip (truncated, or not a zip at all): ${opened.problem}`], warnings, controls: [] };
    }
    zip = opened.zip;
    return await verifyOpened(zip, errors, warnings);
  } catch (e) {
    errors.push(`the verifier could not finish: ${e instanceof Error ? e.message : String(e)}`);
    return { ok: false, errors, warnings, controls: [] };
  } finally {
    zip?.close();
  }
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

const USAGE = "usage: npx tsx solution/scripts/verify.ts [zip ...]   (default: every .zip in solution/bin)";

/** Checks every zip given (or every zip in solution/bin); 0 when all pass, 1 when any fails. */
export async function main(args: readonly string[]): Promise<number> {
  let zips: string[];
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
    if (parsed.values.help) {
      console.log(USAGE);
      return 0;
    }
    zips = parsed.positionals.length > 0 ? parsed.positionals : defaultZipPaths();
  } catch (e) {
    console.error(`verify: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (zips.length === 0) {
    console.error("verify: no solution zips found in solution/bin (build them first: npm run build)");
    return 1;
  }
  let failed = 0;
  for (const z of zips) {
    const result: VerifyResult = fs.existsSync(z)
      ? await verifySolutionZip(z)
      : { ok: false, errors: [`no such file: ${z}`], warnings: [], controls: [] };
    if (!result.ok) failed++;
    console.log(formatVerifyResult(path.relative(process.cwd(), z) || z, result));
  }
  console.log(failed === 0 ? `verify: ${zips.length} zip(s) OK` : `verify: ${failed} of ${zips.length} zip(s) FAILED`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
