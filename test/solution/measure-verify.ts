// Verifies the zip files named on the command line in this process, one after the other, and prints
// one JSON line per zip: its findings, the time verifySolutionZip took, and this process's peak
// resident memory (process.resourceUsage().maxRSS) so far. Run by the hostile-zip test and by
// `npm run bench` in a child process of its own, so the peak is the verifier's (plus Node's own
// start-up), not the test runner's:  node --expose-gc --import tsx test/solution/measure-verify.ts <zip> ...
import { execFile } from "child_process";
import { readFileSync } from "fs";
import { performance } from "perf_hooks";
import { verifySolutionZip } from "../../solution/scripts/verify";

export interface Measurement {
  zip: string;
  ok: boolean;
  errors: string[];
  warnings: string[];
  ms: number;
  /** Peak resident set size of this process so far, in bytes. */
  peakRssBytes: number;
}

/**
 * Peak RSS of this process so far, in bytes. On Linux VmHWM is the high-water mark of this process's
 * own memory; getrusage's maxRSS (resourceUsage) also keeps the peak of the forked parent image from
 * before exec, so under a large parent (jest with coverage) it reports the parent's size instead.
 */
function peakRss(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // Not Linux: fall back to getrusage.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs this script in a new Node process over the zips; resolves with its baseline and measurements. */
export function measureInChild(zips: readonly string[]): Promise<{ baselineRssBytes: number; measurements: Measurement[] }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["--expose-gc", "--import", "tsx", __filename, ...zips],
      { cwd: __dirname, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`measure-verify failed: ${err.message}\n${stderr}`));
          return;
        }
        const lines = stdout.split("\n").filter((l) => l.startsWith("{"));
        const [first, ...rest] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        resolve({ baselineRssBytes: Number(first?.baselineRssBytes), measurements: rest as unknown as Measurement[] });
      },
    );
  });
}

async function main(zips: readonly string[]): Promise<void> {
  // The starting point: Node, tsx and the verifier's modules loaded, nothing verified yet.
  console.log(JSON.stringify({ baselineRssBytes: peakRss() }));
  for (const zip of zips) {
    // Each zip starts from a collected heap, so one case's garbage is not charged to the next.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    const r = await verifySolutionZip(zip);
    const ms = performance.now() - start;
    const m: Measurement = { zip, ok: r.ok, errors: r.errors, warnings: r.warnings, ms, peakRssBytes: peakRss() };
    console.log(JSON.stringify(m));
  }
}

if (require.main === module) void main(process.argv.slice(2));
