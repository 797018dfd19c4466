/**
 * `npm run bench`: builds every control in production mode, measures each bundle, runs every
 * test/bench/*.bench.ts, and prints one table (also written to test-results/bench.json).
 *
 *   npm run bench                   everything
 *   npm run bench -- --no-build     reuse the production build in out/controls
 *   npm run bench -- advisor        only benches whose file name contains "advisor" (bundles always)
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { parseArgs } from "util";
import { buildControls } from "../../solution/scripts/build";
import { controlsOutDir, listControls } from "../../solution/scripts/controls";
import { disableTelemetry } from "../../solution/scripts/pcf";
import { BenchRow } from "./util";

/** Target from the "one state design" issue: minified bundle bytes with React and Fluent as platform externals. */
const bundleTargets: Record<string, number> = {
  IntegrationPatternPicker: 40 * 1024,
  ThrottlingEventPanel: 40 * 1024,
  VirtualTablePreview: 40 * 1024,
};

export function bundleRows(): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const control of listControls()) {
    const file = path.join(controlsOutDir, control, "bundle.js");
    if (!fs.existsSync(file)) {
      rows.push({ group: "bundle", name: `${control} bundle.js (missing)`, value: NaN, unit: "bytes", pass: false });
      continue;
    }
    const bytes = fs.readFileSync(file);
    const target = bundleTargets[control];
    rows.push({
      group: "bundle",
      name: `${control} bundle.js`,
      value: bytes.length,
      unit: "bytes",
      target: target ? `<= ${target}` : undefined,
      pass: target ? bytes.length <= target : undefined,
    });
    rows.push({ group: "bundle", name: `${control} bundle.js gzipped`, value: zlib.gzipSync(bytes, { level: 9 }).length, unit: "bytes" });
  }
  return rows;
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return v.toLocaleString("en-US");
  return Math.abs(v) >= 100 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(3) : v.toPrecision(3);
}

export function formatTable(rows: BenchRow[]): string {
  const header = ["group", "measure", "value", "unit", "target", "ok"];
  const body = rows.map((r) => [
    r.group,
    r.name,
    formatValue(r.value),
    r.unit,
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]): string =>
    `| ${cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 2 ? "-".repeat(w + 1) + ":" : "-".repeat(w + 2))).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

async function main(): Promise<void> {
  disableTelemetry();
  const { values, positionals: filters } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { "no-build": { type: "boolean", default: false } },
  });
  if (!values["no-build"]) await buildControls({ mode: "production", pack: false });
  const rows: BenchRow[] = bundleRows();
  const benches = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => filters.length === 0 || filters.some((flt) => f.includes(flt)))
    .sort();
  for (const file of benches) {
    console.log(`running ${file} ...`);
    const mod = (await import(path.join(__dirname, file))) as { default: () => Promise<BenchRow[]> };
    rows.push(...(await mod.default()));
  }
  const table = formatTable(rows);
  console.log(`\nIntegrationKit benchmarks (${new Date().toISOString()}, node ${process.version})\n`);
  console.log(table);
  const outDir = path.join(__dirname, "..", "..", "test-results");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, "bench.json"), JSON.stringify(rows, null, 2));
  fs.writeFileSync(path.join(outDir, "bench.md"), table + "\n");
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
