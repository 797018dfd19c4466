/**
 * Packs the built controls in out/controls into both solution zips, then re-opens and verifies each
 * zip. Called by `npm run build` after the production build; `npm run pack:solution` runs it alone.
 */
import * as fs from "fs";
import * as path from "path";
import { loadSolutionConfig, type SolutionConfig } from "./config";
import { controlsOutDir, listControls } from "./controls";
import { packSolution } from "./pack";
import { repoRoot } from "./pcf";
import { formatVerifyResult, verifySolutionZip } from "./verify";

const solutionBinDir = path.join(repoRoot, "solution", "bin");

export interface PackAndVerifyOptions {
  /** Where the zips go: solution/bin by default. */
  outDir?: string;
  /** Where the built controls are: out/controls by default. */
  builtDir?: string;
  /** The controls that must all be built: every control under controls/ by default. */
  controls?: readonly string[];
  config?: SolutionConfig;
}

export async function packAndVerify(options: PackAndVerifyOptions = {}): Promise<{ unmanagedZip: string; managedZip: string }> {
  const { outDir = solutionBinDir, builtDir = controlsOutDir, controls = listControls(), config = loadSolutionConfig() } = options;
  // Every control in controls/ must be in the solution: a control whose build left nothing behind
  // would otherwise drop out of the zips without a word.
  const built = new Set(fs.existsSync(builtDir) ? fs.readdirSync(builtDir) : []);
  const unbuilt = controls.filter((c) => !built.has(c));
  if (unbuilt.length > 0) throw new Error(`not built, so not packed: ${unbuilt.join(", ")} (build every control first: npm run build)`);
  const packed = await packSolution({ controlsOutDir: builtDir, config, outDir });
  const problems: string[] = [];
  for (const zip of [packed.unmanagedZip, packed.managedZip]) {
    const result = await verifySolutionZip(zip);
    console.log(formatVerifyResult(path.relative(repoRoot, zip), result));
    if (!result.ok) problems.push(...result.errors.map((e) => `${path.basename(zip)}: ${e}`));
  }
  if (problems.length > 0) throw new Error(`The solution zips failed verification:\n${problems.join("\n")}`);
  return { unmanagedZip: packed.unmanagedZip, managedZip: packed.managedZip };
}

if (require.main === module) {
  packAndVerify().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
