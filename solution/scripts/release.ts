/**
 * Packs the built controls in out/controls into both solution zips, then re-opens and verifies each
 * zip. Called by `npm run build` after the production build; `npm run pack:solution` runs it alone.
 */
import * as fs from "fs";
import * as path from "path";
import { loadSolutionConfig } from "./config";
import { controlsOutDir, listControls } from "./controls";
import { packSolution } from "./pack";
import { repoRoot } from "./pcf";
import { formatVerifyResult, verifySolutionZip } from "./verify";

const solutionBinDir = path.join(repoRoot, "solution", "bin");

export async function packAndVerify(outDir: string = solutionBinDir): Promise<{ unmanagedZip: string; managedZip: string }> {
  const config = loadSolutionConfig();
  // Every control in controls/ must be in the solution: a control whose build left nothing behind
  // would otherwise drop out of the zips without a word.
  const built = new Set(fs.existsSync(controlsOutDir) ? fs.readdirSync(controlsOutDir) : []);
  const unbuilt = listControls().filter((c) => !built.has(c));
  if (unbuilt.length > 0) throw new Error(`not built, so not packed: ${unbuilt.join(", ")} (build every control first: npm run build)`);
  const packed = await packSolution({ controlsOutDir, config, outDir });
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
