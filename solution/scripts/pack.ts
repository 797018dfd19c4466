// Packs every built control in out/controls/<C>/ into the unmanaged and managed solution zips,
// in the form pac/msbuild writes, without .NET. Everything is built and verified in memory first;
// when any control is unfit, or a zip of the same version with other content is already in the
// output folder, nothing is written.
// CLI: npx tsx solution/scripts/pack.ts [--controls <dir>] [--out <dir>] [--config <file>]
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import JSZip from "jszip";
import { CONFIG_PATH, REPO_ROOT, loadSolutionConfig, type SolutionConfig } from "./config";
import { MANIFEST_FILE, readBuiltManifest, resxLcid, resxProblem, solutionControlName } from "./manifest";
import {
  BASE_LCID,
  CONTENT_TYPES_FILE,
  CUSTOMIZATIONS_FILE,
  SOLUTION_FILE,
  contentTypesXml,
  customizationsXml,
  solutionXml,
} from "./templates";
import { verifySolutionZip } from "./verify";

export interface PackOptions {
  /** Folder holding one built control per sub-folder (pcf-scripts' out/controls). */
  controlsOutDir: string;
  config: SolutionConfig;
  /** Where the zips go (solution/bin). */
  outDir: string;
}

export interface PackResult {
  unmanagedZip: string;
  managedZip: string;
  /** prefix_namespace.constructor of every packed control. */
  controls: string[];
  languages: number[];
}

/** A packing refusal: the message names each control and what is wrong with it. */
export class PackError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`solution not packed, nothing written:\n  - ${problems.join("\n  - ")}`);
    this.name = "PackError";
  }
}

interface CollectedControl {
  name: string;
  /** Zip entry name (relative to Controls/<name>/) -> bytes. */
  files: Map<string, Buffer>;
  lcids: number[];
}

/** The earliest date a zip entry can carry (1980-01-01, UTC): builds are reproducible byte for byte. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/** webpack's extracted licence comments travel with the bundle, as pac ships them. */
const LICENSE_FILE = "bundle.js.LICENSE.txt";

function collectControl(dir: string, folderName: string, config: SolutionConfig): CollectedControl | string[] {
  const label = `control "${folderName}" (${dir})`;
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) {
    return [`${label}: no ${MANIFEST_FILE}; is this a pcf-scripts build output folder?`];
  }
  const manifestBytes = fs.readFileSync(manifestPath);
  const result = readBuiltManifest(manifestBytes.toString("utf8"));
  if (!result.ok) return result.problems.map((p) => `${label}: ${p}`);
  const m = result.manifest;
  const problems: string[] = [];
  if (m.version !== config.version) {
    problems.push(
      `${label}: manifest version ${m.version} differs from the solution version ${config.version} ` +
        "(run npx tsx solution/scripts/stamp-version.ts, then rebuild)",
    );
  }
  const files = new Map<string, Buffer>([[MANIFEST_FILE, manifestBytes]]);
  const addFile = (rel: string, required: boolean): void => {
    const abs = path.join(dir, ...rel.split("/"));
    if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
      if (required) {
        problems.push(
          rel === m.codePath
            ? `${label}: bundle missing: ${rel} (build the control with pcf-scripts first)`
            : `${label}: file named in ${MANIFEST_FILE} is missing: ${rel}`,
        );
      }
      return;
    }
    files.set(rel, fs.readFileSync(abs));
  };
  for (const rel of m.files) addFile(rel, true);
  addFile(LICENSE_FILE, false);
  // Only the .resx files the manifest declares: the platform loads exactly those, so an undeclared
  // sibling would ship a language that never shows. Each must be a standard .resx.
  for (const rel of m.resx) {
    const bytes = files.get(rel);
    if (!bytes) continue;
    const issue = resxProblem(bytes.toString("utf8"));
    if (issue) problems.push(`${label}: ${rel} ${issue.message}`);
  }
  if (problems.length > 0) return problems;
  const lcids = [...files.keys()].map(resxLcid).filter((l): l is number => l !== undefined);
  return { name: solutionControlName(config.publisher.prefix, m.namespace, m.constructorName), files, lcids };
}

function orderedLcids(controls: readonly CollectedControl[]): number[] {
  const others = new Set<number>();
  for (const c of controls) for (const l of c.lcids) if (l !== BASE_LCID) others.add(l);
  return [BASE_LCID, ...[...others].sort((a, b) => a - b)];
}

async function buildZip(config: SolutionConfig, controls: readonly CollectedControl[], managed: boolean): Promise<Buffer> {
  const names = controls.map((c) => c.name);
  const controlEntries: [string, Buffer][] = [];
  for (const c of controls) for (const [rel, bytes] of c.files) controlEntries.push([`Controls/${c.name}/${rel}`, bytes]);
  const zip = new JSZip();
  // No directory entries: pac's zips have none. A fixed date makes the same input give the same bytes.
  const opts = { createFolders: false, date: ZIP_ENTRY_DATE } as const;
  const allNames = [CONTENT_TYPES_FILE, SOLUTION_FILE, CUSTOMIZATIONS_FILE, ...controlEntries.map(([n]) => n)];
  zip.file(CONTENT_TYPES_FILE, contentTypesXml(allNames, names), opts);
  zip.file(SOLUTION_FILE, solutionXml(config, managed, names), opts);
  zip.file(CUSTOMIZATIONS_FILE, customizationsXml(names, orderedLcids(controls)), opts);
  for (const [name, bytes] of controlEntries) zip.file(name, bytes, opts);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}

function zipFileNames(config: SolutionConfig): { unmanaged: string; managed: string } {
  return {
    unmanaged: `${config.uniqueName}_${config.version}.zip`,
    managed: `${config.uniqueName}_${config.version}_managed.zip`,
  };
}

/** Every entry of a zip, name to bytes; undefined when the bytes are not a readable zip. */
async function zipContents(bytes: Buffer): Promise<Map<string, Buffer> | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const out = new Map<string, Buffer>();
    for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async("nodebuffer"));
    return out;
  } catch {
    return undefined;
  }
}

async function sameContents(a: Buffer, b: Buffer): Promise<boolean> {
  if (a.equals(b)) return true;
  const [x, y] = await Promise.all([zipContents(a), zipContents(b)]);
  if (!x || !y || x.size !== y.size) return false;
  for (const [name, bytes] of x) if (!y.get(name)?.equals(bytes)) return false;
  return true;
}

/**
 * Model-driven apps load a control's new code only when its version rises, so a zip that reuses a
 * released version with other content would import and change nothing. Returns the refusals.
 */
async function versionCollisions(targets: readonly { file: string; bytes: Buffer }[], config: SolutionConfig): Promise<string[]> {
  const problems: string[] = [];
  for (const t of targets) {
    if (!fs.existsSync(t.file)) continue;
    if (await sameContents(fs.readFileSync(t.file), t.bytes)) continue;
    const [major, minor, patch] = config.version.split(".").map(Number);
    problems.push(
      `${path.basename(t.file)} already exists with other content. Model-driven apps reload a control only when its version rises: ` +
        `raise "version" in solution/solution.config.json (for example to ${major}.${minor}.${patch + 1}), run npm run stamp, then ` +
        "npm run build. If this version was never imported anywhere, delete the old zip instead.",
    );
  }
  return problems;
}

/** Writes files so that each target is either untouched or fully replaced, never half-written. */
function writeAtomically(targets: readonly { file: string; bytes: Buffer }[]): void {
  const temps: string[] = [];
  try {
    for (const t of targets) {
      const tmp = path.join(path.dirname(t.file), `.${path.basename(t.file)}.${process.pid}.${Date.now()}.tmp`);
      temps.push(tmp);
      fs.writeFileSync(tmp, t.bytes);
    }
    targets.forEach((t, i) => fs.renameSync(temps[i], t.file));
  } finally {
    for (const tmp of temps) if (fs.existsSync(tmp)) fs.rmSync(tmp, { force: true });
  }
}

/** Packs both zips; throws PackError (and writes nothing) when any control cannot be packed. */
export async function packSolution({ controlsOutDir, config, outDir }: PackOptions): Promise<PackResult> {
  if (!fs.existsSync(controlsOutDir) || !fs.statSync(controlsOutDir).isDirectory()) {
    throw new PackError([`no built controls: ${controlsOutDir} does not exist (build the controls first)`]);
  }
  const folders = fs
    .readdirSync(controlsOutDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (folders.length === 0) throw new PackError([`no built controls in ${controlsOutDir} (build the controls first)`]);

  const problems: string[] = [];
  const controls: CollectedControl[] = [];
  for (const folder of folders) {
    const c = collectControl(path.join(controlsOutDir, folder), folder, config);
    if (Array.isArray(c)) problems.push(...c);
    else if (controls.some((o) => o.name === c.name)) problems.push(`control "${folder}": ${c.name} is built twice`);
    else controls.push(c);
  }
  if (problems.length > 0) throw new PackError(problems);

  const [unmanagedBytes, managedBytes] = await Promise.all([buildZip(config, controls, false), buildZip(config, controls, true)]);
  // Belt and braces: the packer's own output must pass the verifier before it reaches disk.
  for (const [label, bytes] of [
    ["unmanaged", unmanagedBytes],
    ["managed", managedBytes],
  ] as const) {
    const v = await verifySolutionZip(bytes);
    if (!v.ok) throw new PackError(v.errors.map((e) => `${label} zip failed verification: ${e}`));
  }
  const names = zipFileNames(config);
  const unmanagedZip = path.join(outDir, names.unmanaged);
  const managedZip = path.join(outDir, names.managed);
  const targets = [
    { file: unmanagedZip, bytes: unmanagedBytes },
    { file: managedZip, bytes: managedBytes },
  ];
  const collisions = await versionCollisions(targets, config);
  if (collisions.length > 0) throw new PackError(collisions);
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomically(targets);
  return { unmanagedZip, managedZip, controls: controls.map((c) => c.name), languages: orderedLcids(controls) };
}

const USAGE = "usage: npx tsx solution/scripts/pack.ts [--controls <dir>] [--out <dir>] [--config <file>]";

function packArgs(args: readonly string[]): { controls: string; out: string; config: string } {
  const { values } = parseArgs({
    args: [...args],
    options: { controls: { type: "string" }, out: { type: "string" }, config: { type: "string" } },
  });
  return {
    controls: path.resolve(values.controls ?? path.join(REPO_ROOT, "out", "controls")),
    out: path.resolve(values.out ?? path.join(REPO_ROOT, "solution", "bin")),
    config: path.resolve(values.config ?? CONFIG_PATH),
  };
}

export async function main(args: readonly string[]): Promise<number> {
  try {
    let opts: ReturnType<typeof packArgs>;
    try {
      opts = packArgs(args);
    } catch (e) {
      throw new Error(`${(e as Error).message}\n${USAGE}`);
    }
    const config = loadSolutionConfig(opts.config);
    const r = await packSolution({ controlsOutDir: opts.controls, config, outDir: opts.out });
    console.log(`pack: ${config.uniqueName} ${config.version}: ${r.controls.length} control(s): ${r.controls.join(", ")}`);
    console.log(`pack: languages ${r.languages.join(", ")}`);
    console.log(`pack: wrote ${path.relative(process.cwd(), r.unmanagedZip)}`);
    console.log(`pack: wrote ${path.relative(process.cwd(), r.managedZip)}`);
    return 0;
  } catch (e) {
    console.error(`pack: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
