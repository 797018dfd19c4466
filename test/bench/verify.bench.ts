/**
 * The solution verifier against every hostile zip of test/solution/hostile-zips.ts. Each zip is
 * written to a temp file and verified by a fresh Node process of its own (test/solution/measure-verify.ts),
 * which reports the time verifySolutionZip took and its peak resident set size
 * (process.resourceUsage().maxRSS: the whole process, Node and tsx included; the baseline row is
 * that process before it verifies anything). Prints the case table; returns the worst figures.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HOSTILE_CASES, type HostileCase } from "../solution/hostile-zips";
import { measureInChild, type Measurement } from "../solution/measure-verify";
import { REAL_SOLUTIONS_DIR } from "../solution/zip-helpers";
import { median, type BenchRow } from "./util";

const TIME_LIMIT_MS = 5000;
const MEMORY_LIMIT_MB = 200;
const MB = 1024 * 1024;

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(rows[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)].join("\n");
}

interface Result {
  name: string;
  expect: HostileCase["expect"];
  message: string;
  m: Measurement;
  baseline: number;
}

/** Refused with its message, flagged with its message and no error, or accepted with no error. */
function handled(r: Result): boolean {
  if (r.expect === "refused") return !r.m.ok && r.m.errors.some((e) => e.includes(r.message));
  if (r.expect === "flagged") return r.m.ok && r.m.warnings.some((w) => w.includes(r.message));
  return r.m.ok;
}

export default async function verifyBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ikit-verify-bench-"));
  try {
    const results: Result[] = [];
    for (const [i, c] of HOSTILE_CASES.entries()) {
      const file = path.join(dir, `${i}.zip`);
      fs.writeFileSync(file, c.build());
      const { baselineRssBytes, measurements } = await measureInChild([file]);
      fs.rmSync(file);
      results.push({ name: c.name, expect: c.expect, message: c.message, m: measurements[0], baseline: baselineRssBytes });
    }
    const rows = [["case", "result", "message", "time (ms)", "peak RSS (MB)", "over start (MB)"]];
    for (const r of results) {
      const findings = r.expect === "refused" ? r.m.errors : r.expect === "flagged" ? r.m.warnings : [...r.m.errors, ...r.m.warnings];
      const shown = findings.find((f) => f.includes(r.message)) ?? findings[0] ?? `(${r.message})`;
      const result = handled(r) ? r.expect : `NOT ${r.expect}`;
      rows.push([
        r.name,
        result,
        shown.length > 110 ? `${shown.slice(0, 107)}...` : shown,
        r.m.ms.toFixed(1),
        (r.m.peakRssBytes / MB).toFixed(1),
        ((r.m.peakRssBytes - r.baseline) / MB).toFixed(1),
      ]);
    }
    console.log(`\nHostile zips: each verified by a fresh Node process (peak RSS includes Node and tsx)\n${table(rows)}\n`);

    const worstTime = Math.max(...results.map((r) => r.m.ms));
    const worstRss = Math.max(...results.map((r) => r.m.peakRssBytes)) / MB;
    const baseline = median(results.map((r) => r.baseline)) / MB;
    const worstGrowth = Math.max(...results.map((r) => r.m.peakRssBytes - r.baseline)) / MB;
    const allHandled = results.every(handled);
    const out: BenchRow[] = [
      {
        group: "verify",
        name: `hostile zips refused, flagged or accepted as expected (of ${results.length})`,
        value: results.filter(handled).length,
        unit: "cases",
        target: `= ${results.length}`,
        pass: allHandled,
      },
      {
        group: "verify",
        name: "hostile zips, worst time",
        value: worstTime,
        unit: "ms",
        target: `< ${TIME_LIMIT_MS}`,
        pass: worstTime < TIME_LIMIT_MS,
      },
      {
        group: "verify",
        name: "hostile zips, worst peak RSS",
        value: worstRss,
        unit: "MB",
        target: `< ${MEMORY_LIMIT_MB}`,
        pass: worstRss < MEMORY_LIMIT_MB,
      },
      { group: "verify", name: "hostile zips, worst peak RSS over the process's start", value: worstGrowth, unit: "MB" },
      { group: "verify", name: "verifier process before any zip (Node + tsx), median", value: baseline, unit: "MB" },
    ];

    // Real solutions, when ../shared is present: time to verify each.
    if (fs.existsSync(REAL_SOLUTIONS_DIR)) {
      const zips = fs
        .readdirSync(REAL_SOLUTIONS_DIR)
        .filter((f) => f.endsWith(".zip"))
        .sort()
        .map((f) => path.join(REAL_SOLUTIONS_DIR, f));
      const { measurements } = await measureInChild(zips);
      for (const m of measurements) {
        out.push({
          group: "verify",
          name: `real ${path.basename(m.zip)} (${m.ok ? "accepted" : "REFUSED"})`,
          value: m.ms,
          unit: "ms",
          pass: m.ok,
        });
      }
    } else {
      console.log("verify bench: real solutions skipped: ../shared/reference/real-solutions not present");
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
