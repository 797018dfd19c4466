/**
 * `npm start [-- <Control>]`: builds one control and opens it in the PCF test harness (pcf-start).
 * pcf-start 1.51.1 always listens on port 8181, so one control is previewed at a time.
 */
import { spawn } from "child_process";
import * as path from "path";
import { parseArgs } from "util";
import { buildControls } from "./build";
import { controlsOutDir, listControls, resolveControl } from "./controls";
import { disableTelemetry, pcfStartBin, repoRoot } from "./pcf";

/** What to do in the harness for each control, printed next to the URL. */
const hints: Record<string, (samples: string[]) => string[]> = {
  IntegrationPatternPicker: () => [
    "Answer the scenario questions; the ranked patterns update as you go.",
    "Choose a pattern: its id appears in the 'value' input under Data Inputs, the reasoning in 'decision'.",
    "Type an unknown id (say 'ftp-drop') into 'value' and press Tab to see how bad input is handled.",
  ],
  ThrottlingEventPanel: () => [
    "The harness has no Dataverse: the panel says so and offers the simulation; set 'source' to 'simulated' to start it directly.",
    "Watch the throttled calls count down their Retry-After, then resume.",
  ],
  VirtualTablePreview: (samples) => [
    "Under Data Inputs, choose a sample CSV for the 'records' data set:",
    ...samples.map((s) => `  ${s}`),
    `Then give these columns their type (the rest stay text): ${typedColumns()}, and click Apply.`,
    "Sort or filter from a column header's options, select rows, export the loaded rows to CSV, and read the diagnostics pane.",
    "The harness logs each dataset call in the browser console; it sends every row in one page, so paging shows only on a real virtual table.",
  ],
};

function typedColumns(): string {
  // Loaded lazily by sampleFiles; the list is only printed for VirtualTablePreview.
  return Object.entries(columnTypes)
    .filter(([, type]) => type !== "SingleLine.Text")
    .map(([column, type]) => `${column} = ${type}`)
    .join(", ");
}

let columnTypes: Record<string, string> = {};

async function sampleFiles(control: string): Promise<string[]> {
  if (control !== "VirtualTablePreview") return [];
  const generator = await import("../../test/data/generate-customers");
  columnTypes = generator.CUSTOMER_COLUMN_TYPES;
  return generator.writeSampleData(path.join(repoRoot, "out", "sample-data"));
}

async function main(): Promise<void> {
  disableTelemetry();
  const { positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new Error("usage: npm start [-- <Control>]");
  const requested = positionals[0];
  const control = requested ? resolveControl(requested) : listControls()[0];
  if (!control) throw new Error("No controls under controls/.");
  console.log(`Building ${control} for the harness...`);
  await buildControls({ control, mode: "development", pack: false });
  const samples = await sampleFiles(control);
  const others = listControls().filter((c) => c !== control);
  console.log("");
  console.log(`Previewing ${control} at http://localhost:8181 (stop with Ctrl+C).`);
  for (const line of (hints[control] ?? (() => []))(samples)) console.log(`  - ${line}`);
  if (others.length > 0) console.log(`  Other controls: ${others.map((c) => `npm start -- ${c}`).join(" | ")}`);
  console.log("");
  const child = spawn(process.execPath, [pcfStartBin, "--codePath", path.join(controlsOutDir, control)], {
    cwd: repoRoot,
    env: process.env,
    stdio: "inherit",
  });
  const stop = (): void => {
    child.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.once("exit", (code) => process.exit(code ?? 0));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
