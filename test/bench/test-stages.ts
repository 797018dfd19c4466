/**
 * `npm run bench:tests`: runs each stage of `npm test` on its own and prints how long it took, so the
 * test suite's speed is measured rather than guessed. Targets from the "one state design" issue,
 * on the 2-core machine: the unit stage (jest with coverage) at most 35 s, the whole run at most 150 s.
 *
 *   npm run bench:tests                  every stage
 *   npm run bench:tests -- --skip browser     (a stage's name or script: check, unit, build, browser)
 */
import { spawnSync } from "child_process";
import { STEP_HEADING } from "../../solution/scripts/run-parallel";
import * as path from "path";
import { parseArgs } from "node:util";
import { telemetryOffEnv } from "../../solution/scripts/pcf";

const repoRoot = path.resolve(__dirname, "..", "..");

/**
 * The stages of `npm test`, in its order (package.json "test"). The first runs tsc, ESLint, Prettier
 * and knip side by side (solution/scripts/run-parallel.ts): each of its steps' times is printed too.
 */
const testStages: { name: string; script: string; targetSeconds?: number }[] = [
  { name: "typecheck + lint", script: "check" },
  { name: "unit", script: "test:unit", targetSeconds: 35 },
  { name: "build", script: "test:build" },
  { name: "browser", script: "test:browser" },
];

function main(): void {
  const { values } = parseArgs({ options: { skip: { type: "string", multiple: true, default: [] } } });
  const rows: { stage: string; seconds: number; ok: boolean }[] = [];
  const steps: string[] = [];
  for (const stage of testStages) {
    if (values.skip.includes(stage.name) || values.skip.includes(stage.script)) continue;
    const started = process.hrtime.bigint();
    const run = spawnSync("npm", ["run", "--silent", stage.script], {
      cwd: repoRoot,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ...telemetryOffEnv() },
      maxBuffer: 64 * 1024 * 1024,
    });
    rows.push({ stage: stage.name, seconds: Number(process.hrtime.bigint() - started) / 1e9, ok: run.status === 0 });
    // The side-by-side stage heads each step's output with its name, outcome and time.
    for (const line of run.stdout.toString().split("\n")) {
      const m = STEP_HEADING.exec(line);
      if (m) steps.push(`|   ${m[1]} (side by side) | ${m[3]} | | ${m[2] === "passed" ? "yes" : "FAILED"} |`);
    }
  }
  const total = rows.reduce((s, r) => s + r.seconds, 0);
  // "passed": the stage's command exited 0; "target": whether its time is within the target, if it has one.
  const met = (seconds: number, target: number | undefined): string =>
    target === undefined ? "" : `<= ${target}: ${seconds <= target ? "met" : "NOT met"}`;
  console.log("\n| stage | seconds | target | passed |\n|---|---:|---|---|");
  for (const r of rows) {
    const target = testStages.find((s) => s.name === r.stage)?.targetSeconds;
    console.log(`| ${r.stage} | ${r.seconds.toFixed(1)} | ${met(r.seconds, target)} | ${r.ok ? "yes" : "FAILED"} |`);
    if (r.stage === testStages[0].name) for (const step of steps) console.log(step);
  }
  const whole = values.skip.length === 0 ? met(total, 150) : "(stages skipped)";
  console.log(`| total | ${total.toFixed(1)} | ${whole} | ${rows.every((r) => r.ok) ? "yes" : "FAILED"} |`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

main();
