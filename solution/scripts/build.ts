/**
 * `npm run build`: stamps the version, builds every control under controls/ with
 * `pcf-scripts build --buildMode production`, then packs and verifies the solution zips into
 * solution/bin.
 *
 * Every control at once (as many side by side as the machine has cores): ts-loader only transpiles
 * there (controls/webpack.config.js reads IKIT_TS_TRANSPILE_ONLY), and one `tsc` over controls/ and
 * shared/ checks the types instead, once rather than once per control. A single control
 * (`--control`, `npm start`) keeps ts-loader's own type check.
 *
 *   tsx solution/scripts/build.ts                      all controls, production, stamp, pack + verify
 *   tsx solution/scripts/build.ts --check-version      the test stage: stamps nothing (fails when a
 *                                                      versioned file disagrees with the config),
 *                                                      packs + verifies into out/solution-check
 *   tsx solution/scripts/build.ts --no-typecheck       skips the type check (npm test has just run it:
 *                                                      its typecheck stage covers controls/ and shared/)
 *   tsx solution/scripts/build.ts --control <Name>     one control into out/controls/<Name>
 *   tsx solution/scripts/build.ts --mode development   unminified bundles (no pack)
 *   tsx solution/scripts/build.ts --no-pack            build only
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import { controlsDir, controlsOutDir, listControls, resolveControl } from "./controls";
import { pcfScriptsBin, repoRoot, runNode, runNodeCaptured, tscBin } from "./pcf";

export interface BuildOptions {
  control?: string;
  mode: "production" | "development";
  pack: boolean;
  /** Check the stamped versions instead of writing them (so a test run rewrites no tracked file). */
  checkVersion?: boolean;
  /** Skip the type check of a whole build (set only when the caller has just checked the same sources). */
  skipTypecheck?: boolean;
}

export function parseBuildArgs(argv: string[]): BuildOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      control: { type: "string" },
      mode: { type: "string", default: "production" },
      "no-pack": { type: "boolean", default: false },
      "check-version": { type: "boolean", default: false },
      "no-typecheck": { type: "boolean", default: false },
    },
  });
  const mode = values.mode;
  if (mode !== "production" && mode !== "development") throw new Error(`--mode must be production or development, not "${mode}"`);
  if (positionals.length > 1 || (positionals.length === 1 && values.control !== undefined)) {
    throw new Error(`Unknown argument "${positionals[positionals.length - 1]}"`);
  }
  const options: BuildOptions = { mode, pack: !values["no-pack"], checkVersion: values["check-version"] };
  const control = values.control ?? positionals[0];
  if (control !== undefined) options.control = control;
  if (values["no-typecheck"]) options.skipTypecheck = true;
  if (options.mode === "development" || options.control !== undefined) options.pack = false;
  return options;
}

/** Where the test stage's build packs, so it never meets (or replaces) a released zip in solution/bin. */
const checkPackDir = path.join(repoRoot, "out", "solution-check");

/**
 * Builds one control with pcf-scripts, run inside its folder so that it sees only its own manifest.
 * `transpileOnly`: ts-loader skips its type check (the caller checks the types once for all
 * controls), and the output is kept and printed in one piece, so builds can run side by side.
 */
async function buildOne(control: string, mode: BuildOptions["mode"], transpileOnly = false): Promise<void> {
  const cwd = path.join(controlsDir, control);
  // A fresh folder, so that output left by an earlier build never passes for this one.
  fs.rmSync(path.join(controlsOutDir, control), { recursive: true, force: true });
  const args = ["build", "--buildMode", mode, "--outDir", path.relative(cwd, path.join(controlsOutDir, control))];
  let code: number;
  if (transpileOnly) {
    const run = await runNodeCaptured(pcfScriptsBin, args, { cwd, env: { IKIT_TS_TRANSPILE_ONLY: "true" } });
    console.log(`\n== ${control} (${mode})\n${run.output.trimEnd()}`);
    code = run.code;
  } else {
    code = await runNode(pcfScriptsBin, args, { cwd });
  }
  if (code !== 0) throw new Error(`pcf-scripts build failed for ${control} (exit ${code}).`);
  // pcf-scripts 1.51.1 exits 0 on some failures (for example pcf-1023, "more than one export"):
  // a control without its built manifest and bundle has failed, whatever the exit code said.
  const missing = ["ControlManifest.xml", "bundle.js"].filter((f) => !fs.existsSync(path.join(controlsOutDir, control, f)));
  if (missing.length > 0) {
    throw new Error(
      `pcf-scripts build failed for ${control}: no ${missing.join(" and no ")} in out/controls/${control} (see its output above).`,
    );
  }
}

export async function buildControls(options: BuildOptions): Promise<void> {
  if (options.control !== undefined) {
    await buildOne(resolveControl(options.control), options.mode);
    return;
  }
  // One version number, from solution/solution.config.json, in package.json and every manifest:
  // written by a developer's build, only checked by the test stage's.
  const { checkVersionStamps, stampVersion, staleVersionMessage } = await import("./stamp-version");
  if (options.checkVersion) {
    const stale = checkVersionStamps();
    if (stale.changed.length > 0) throw new Error(`build --check-version: ${staleVersionMessage(stale)}`);
  } else {
    stampVersion();
  }
  // A control removed from controls/ must not linger in the solution.
  fs.rmSync(controlsOutDir, { recursive: true, force: true });
  // One pcf-scripts run per control: a single run over several controls merges every control's
  // properties into each generated/ManifestTypes.d.ts (pcf-scripts 1.51.1), and each control's own
  // tsconfig.build.json keeps one control's type errors out of another's build.
  const controls = listControls();
  const failures = await inParallel(controls, os.availableParallelism(), (control) => buildOne(control, options.mode, true));
  // The type check ts-loader skipped: one tsc over controls/ and shared/ with the controls' settings
  // (tsconfig.controls.json, which each control's tsconfig.build.json narrows to its own files), after
  // the builds so that it sees the manifest types they generated.
  if (!options.skipTypecheck) {
    console.log("\n== Type check (tsc -p tsconfig.controls.json)");
    if ((await runNode(tscBin, ["-p", "tsconfig.controls.json", "--noEmit"])) !== 0)
      failures.push(new Error("Type errors in controls/ or shared/ (see above)."));
  }
  if (failures.length > 0) throw new Error(failures.map((e) => e.message).join("\n"));
  console.log(`Built ${controls.length} control(s) in ${options.mode} mode: ${controls.join(", ")}`);
}

/** Runs `task` for every item, at most `limit` at a time; resolves with the errors of those that failed. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<Error[]> {
  const failures: Error[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await task(item).catch((e: unknown) => failures.push(e instanceof Error ? e : new Error(String(e))));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return failures;
}

async function main(): Promise<void> {
  const options = parseBuildArgs(process.argv.slice(2));
  await buildControls(options);
  if (options.pack) {
    const { packAndVerify } = await import("./release");
    if (options.checkVersion) fs.rmSync(checkPackDir, { recursive: true, force: true });
    await packAndVerify(options.checkVersion ? { outDir: checkPackDir } : {});
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

export { repoRoot };
