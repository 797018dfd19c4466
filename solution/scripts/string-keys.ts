/**
 * Generates each control's `strings/StringKeys.ts` from its 1033 .resx: a union of every key, so
 * `Translate<StringKey>` makes a missing or misspelled key (also one built from a template literal)
 * fail `tsc`. `npm run strings` writes the files; `--check` only reports stale ones (tests use it).
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "node:util";
import { XMLParser } from "fast-xml-parser";

const repoRoot = path.resolve(__dirname, "..", "..");
const controlsDir = path.join(repoRoot, "controls");

/** Keys of a .resx file, in file order. */
export function resxKeys(xml: string): string[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    isArray: (name) => name === "data",
    processEntities: false,
  });
  const doc = parser.parse(xml) as { root?: { data?: { "@name"?: string }[] } };
  const keys = (doc.root?.data ?? []).map((d) => d["@name"]).filter((k): k is string => typeof k === "string" && k.length > 0);
  return keys;
}

export function renderStringKeys(control: string, keys: readonly string[]): string {
  const sorted = Array.from(new Set(keys)).sort();
  const lines = sorted.map((k) => `  | ${JSON.stringify(k)}`);
  return [
    `// Generated from strings/${control}.1033.resx by \`npm run strings\`. Do not edit.`,
    "export type StringKey =",
    ...lines.map((l, i) => (i === lines.length - 1 ? `${l};` : l)),
    "",
  ].join("\n");
}

export interface StringKeysFile {
  control: string;
  file: string;
  expected: string;
  actual: string | undefined;
}

/** Every control with a 1033 .resx, and its generated file's expected and actual content. */
export function stringKeysFiles(): StringKeysFile[] {
  return fs
    .readdirSync(controlsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(controlsDir, d.name, "strings", `${d.name}.1033.resx`)))
    .map((d) => {
      const control = d.name;
      const resx = fs.readFileSync(path.join(controlsDir, control, "strings", `${control}.1033.resx`), "utf8");
      const file = path.join(controlsDir, control, "strings", "StringKeys.ts");
      return {
        control,
        file,
        expected: renderStringKeys(control, resxKeys(resx)),
        actual: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined,
      };
    });
}

function main(): void {
  const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
  let stale = 0;
  for (const f of stringKeysFiles()) {
    if (f.actual === f.expected) continue;
    if (values.check) {
      stale++;
      console.error(`${path.relative(repoRoot, f.file)} is stale: run \`npm run strings\``);
    } else {
      fs.writeFileSync(f.file, f.expected);
      console.log(`wrote ${path.relative(repoRoot, f.file)}`);
    }
  }
  if (stale > 0) process.exit(1);
}

if (require.main === module) main();
