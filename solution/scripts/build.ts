/**
 * `npm run build`: stamps the version, builds every control under controls/ with
 * `pcf-scripts build --buildMode production` (ESLint runs inside), then packs and verifies the
 * solution zips.
 *
 *   tsx solution/scripts/build.ts                      all controls, production, pack + verify
 *   tsx solution/scripts/build.ts --control <Name>     one control into out/controls/<Name>
 *   tsx solution/scripts/build.ts --mode development   unminified bundles (no pack)
 *   tsx solution/scripts/build.ts --no-pack            build only
 */
import * as fs from "fs";
import * as path from "path";
import { controlsDir, controlsOutDir, listControls, resolveControl } from "./controls";
import { pcfScriptsBin, repoRoot, runNode } from "./pcf";

export interface BuildOptions {
  control?: string;
  mode: "production" | "development";
  pack: boolean;
}

export function parseBuildArgs(argv: string[]): BuildOptions {
  const options: BuildOptions = { mode: "production", pack: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--control") options.control = argv[++i];
    else if (arg === "--mode") {
      const mode = argv[++i];
      if (mode !== "production" && mode !== "development") throw new Error(`--mode must be production or development, not "${mode}"`);
      options.mode = mode;
    } else if (arg === "--no-pack") options.pack = false;
    else if (!arg.startsWith("-") && options.control === undefined) options.control = arg;
    else throw new Error(`Unknown argument "${arg}"`);
  }
  if (options.mode === "development" || options.control !== undefined) options.pack = false;
  return options;
}

/** Builds one control with pcf-scripts, run inside its folder so that it sees only its own manifest. */
async function buildOne(control: string, mode: BuildOptions["mode"]): Promise<void> {
  const cwd = path.join(controlsDir, control);
  const code = await runNode(pcfScriptsBin, ["build", "--buildMode", mode, "--outDir", path.relative(cwd, path.join(controlsOutDir, control))], { cwd });
  if (code !== 0) throw new Error(`pcf-scripts build failed for ${control} (exit ${code}).`);
}

export async function buildControls(options: BuildOptions): Promise<void> {
  if (options.control !== undefined) {
    await buildOne(resolveControl(options.control), options.mode);
    return;
  }
  // One version number, from solution/solution.config.json, into package.json and every manifest.
  const { stampVersion } = await import("./stamp-version");
  stampVersion();
  // A control removed from controls/ must not linger in the solution.
  fs.rmSync(controlsOutDir, { recursive: true, force: true });
  // One pcf-scripts run per control: a single run over several controls merges every control's
  // properties into each generated/ManifestTypes.d.ts (pcf-scripts 1.51.1), and each control's own
  // tsconfig.json keeps one control's type errors out of another's build.
  const controls = listControls();
  for (const control of controls) {
    console.log(`\n== ${control} (${options.mode})`);
    await buildOne(control, options.mode);
  }
  console.log(`Built ${controls.length} control(s) in ${options.mode} mode: ${controls.join(", ")}`);
}

async function main(): Promise<void> {
  const options = parseBuildArgs(process.argv.slice(2));
  await buildControls(options);
  if (options.pack) {
    const { packAndVerify } = await import("./release");
    await packAndVerify();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

export { repoRoot };
