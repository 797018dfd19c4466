/**
 * Packs the built controls in out/controls into both solution zips, then re-opens and verifies each
 * zip. Called by `npm run build` after the production build; `npm run pack:solution` runs it alone.
 */
import * as path from "path";
import { loadSolutionConfig } from "./config";
import { controlsOutDir } from "./controls";
import { packSolution } from "./pack";
import { repoRoot } from "./pcf";
import { formatVerifyResult, verifySolutionZip } from "./verify";

export const solutionBinDir = path.join(repoRoot, "solution", "bin");

export async function packAndVerify(outDir: string = solutionBinDir): Promise<{ unmanagedZip: string; managedZip: string }> {
  const config = loadSolutionConfig();
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
