// Writes the solution version (solution/solution.config.json) into package.json, shared/package.json
// and the version attribute of every controls/*/ControlManifest.Input.xml <control> element.
// Edits are textual so the rest of each file stays byte for byte; running it twice changes nothing.
// CLI: npx tsx solution/scripts/stamp-version.ts            (npm run stamp) writes them
//      npx tsx solution/scripts/stamp-version.ts --check    only reports files that disagree (exit 1)
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { REPO_ROOT, VERSION_PATTERN, loadSolutionConfig } from "./config";

export const INPUT_MANIFEST = "ControlManifest.Input.xml";

function checkVersion(version: string): void {
  if (!VERSION_PATTERN.test(version)) throw new Error(`version "${version}" must have three numeric parts (X.Y.Z)`);
}

/** The same text with comments and CDATA blanked out, so searches only see markup. */
function markupOnly(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => " ".repeat(m.length));
}

/** Sets version="..." on the first <control> start tag; throws when there is none or it has no version. */
export function stampManifestText(text: string, version: string, source = INPUT_MANIFEST): string {
  checkVersion(version);
  const tag = /<control(?=[\s/>])(?:"[^"]*"|'[^']*'|[^'">])*>/.exec(markupOnly(text));
  if (!tag) throw new Error(`${source}: no <control> element`);
  const start = tag.index;
  const end = start + tag[0].length;
  const original = text.slice(start, end);
  // (^|\s) keeps api-version="..." and other *-version attributes out of reach.
  const versionAttr = /(\s)version(\s*=\s*)(["'])([^"']*)\3/;
  if (!versionAttr.test(original)) throw new Error(`${source}: <control> has no version attribute to stamp`);
  const stamped = original.replace(versionAttr, (_m, ws: string, eq: string, q: string) => `${ws}version${eq}${q}${version}${q}`);
  return text.slice(0, start) + stamped + text.slice(end);
}

/**
 * Sets the top-level "version" of a package.json text. Only the value changes; when the key is
 * missing it is added after "name" (npm's place for it).
 */
export function stampPackageJsonText(text: string, version: string, source = "package.json"): string {
  checkVersion(version);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message})`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${source}: not a JSON object`);
  const obj = parsed as Record<string, unknown>;
  if (obj.version === version) return text;
  const keyAt = topLevelKeyValue(text, "version");
  if (keyAt) return text.slice(0, keyAt.valueStart) + JSON.stringify(version) + text.slice(keyAt.valueEnd);
  const nameAt = topLevelKeyValue(text, "name");
  if (!nameAt) throw new Error(`${source}: has neither "version" nor "name" at the top level`);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const insert = `,${eol}${indent}"version": ${JSON.stringify(version)}`;
  return text.slice(0, nameAt.valueEnd) + insert + text.slice(nameAt.valueEnd);
}

/** Finds where the value of a top-level string key starts and ends, by scanning the JSON text. */
function topLevelKeyValue(text: string, key: string): { valueStart: number; valueEnd: number } | undefined {
  let depth = 0;
  let i = 0;
  const readString = (from: number): number => {
    let j = from + 1;
    while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
    return j + 1;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = readString(i);
      if (depth === 1 && JSON.parse(text.slice(i, end)) === key) {
        const colon = /^\s*:\s*/.exec(text.slice(end));
        if (colon) {
          const valueStart = end + colon[0].length;
          if (text[valueStart] === '"') return { valueStart, valueEnd: readString(valueStart) };
          return undefined;
        }
      }
      i = end;
      continue;
    }
    if (ch === "{" || ch === "[") depth++;
    else if (ch === "}" || ch === "]") depth--;
    i++;
  }
  return undefined;
}

export interface StampResult {
  version: string;
  /** Files whose text changed. */
  changed: string[];
  /** Files that already carried the version. */
  unchanged: string[];
}

interface PlannedStamp {
  file: string;
  before: string;
  after: string;
}

/** What stamping would change, computed for every file before any is written. */
function planStamps(version: string, rootDir: string): PlannedStamp[] {
  checkVersion(version);
  const targets: { file: string; stamp: (t: string, v: string, s: string) => string }[] = [];
  for (const pkg of [path.join(rootDir, "package.json"), path.join(rootDir, "shared", "package.json")]) {
    if (fs.existsSync(pkg)) targets.push({ file: pkg, stamp: stampPackageJsonText });
  }
  const controlsDir = path.join(rootDir, "controls");
  if (fs.existsSync(controlsDir)) {
    for (const d of fs.readdirSync(controlsDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
      const manifest = path.join(controlsDir, d.name, INPUT_MANIFEST);
      if (fs.existsSync(manifest)) targets.push({ file: manifest, stamp: stampManifestText });
    }
  }
  return targets.map((t) => {
    const before = fs.readFileSync(t.file, "utf8");
    return { file: t.file, before, after: t.stamp(before, version, t.file) };
  });
}

/**
 * Stamps the version (by default the one in solution/solution.config.json) into every versioned
 * file under rootDir (the repository root by default).
 */
export function stampVersion(version: string = loadSolutionConfig().version, rootDir: string = REPO_ROOT): StampResult {
  // Every file is checked before any is written, so a bad manifest does not leave the tree half-stamped.
  const planned = planStamps(version, rootDir);
  const result: StampResult = { version, changed: [], unchanged: [] };
  for (const p of planned) {
    if (p.after === p.before) result.unchanged.push(p.file);
    else {
      fs.writeFileSync(p.file, p.after, "utf8");
      result.changed.push(p.file);
    }
  }
  return result;
}

/**
 * Reads, never writes: the files whose version differs from the config's (`changed`) and those
 * that agree (`unchanged`). The test stage's build uses this so `npm test` rewrites no tracked file.
 */
export function checkVersionStamps(version: string = loadSolutionConfig().version, rootDir: string = REPO_ROOT): StampResult {
  const planned = planStamps(version, rootDir);
  return {
    version,
    changed: planned.filter((p) => p.after !== p.before).map((p) => p.file),
    unchanged: planned.filter((p) => p.after === p.before).map((p) => p.file),
  };
}

/** The message for files that disagree with the config, naming them and the command that fixes it. */
export function staleVersionMessage(r: StampResult, rootDir: string = REPO_ROOT): string {
  return (
    `these files do not carry the solution version ${r.version} from solution/solution.config.json: ` +
    `${r.changed.map((f) => path.relative(rootDir, f).split(path.sep).join("/")).join(", ")}. ` +
    "Run npm run stamp (it writes the version into them), commit the result, then build again."
  );
}

export function main(args: readonly string[]): number {
  try {
    // The config is the one source: the CLI takes no version argument, so nothing can drift from it.
    const { values, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: { check: { type: "boolean" } } });
    if (positionals.length > 0) throw new Error("takes no version argument; the version comes from solution/solution.config.json");
    if (values.check) {
      const r = checkVersionStamps();
      if (r.changed.length > 0) {
        console.error(`stamp-version: ${staleVersionMessage(r)}`);
        return 1;
      }
      console.log(`stamp-version: ${r.version}: all ${r.unchanged.length} file(s) agree`);
      return 0;
    }
    const r = stampVersion();
    for (const f of r.changed) console.log(`stamp-version: ${r.version} -> ${path.relative(REPO_ROOT, f)}`);
    console.log(`stamp-version: ${r.version}: ${r.changed.length} file(s) changed, ${r.unchanged.length} already current`);
    return 0;
  } catch (e) {
    console.error(`stamp-version: ${(e as Error).message}`);
    return 1;
  }
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
