/**
 * Runs npm scripts side by side and fails if any fails: `npm test` uses it for its static checks
 * (`npm run check`: tsc, ESLint, Prettier and knip), each of which runs on one core.
 *
 *   tsx solution/scripts/run-parallel.ts typecheck lint:eslint lint:format lint:knip
 *
 * Each script's output (stdout and stderr together) is printed in one piece when it ends, under a line
 * with its name, whether it passed and how long it took; a summary line closes the run. The exit code
 * is 1 when any script failed (or could not start), 0 otherwise.
 */
import { spawn } from "child_process";
import { parseArgs } from "node:util";

export interface Step {
  name: string;
  command: string;
  args: string[];
}

export interface StepResult {
  name: string;
  ok: boolean;
  seconds: number;
  output: string;
}

/** One step per npm script, run quietly (npm's own banner left out). */
export function npmSteps(scripts: string[]): Step[] {
  return scripts.map((name) => ({ name, command: process.platform === "win32" ? "npm.cmd" : "npm", args: ["run", "--silent", name] }));
}

/** Runs a step to its end, keeping its output; never rejects (a step that cannot start has failed). */
export function runStep(step: Step): Promise<StepResult> {
  const started = process.hrtime.bigint();
  const seconds = (): number => Number(process.hrtime.bigint() - started) / 1e9;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const child = spawn(step.command, step.args, { stdio: ["ignore", "pipe", "pipe"], env: process.env });
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", (e) =>
      resolve({ name: step.name, ok: false, seconds: seconds(), output: `${step.command} could not start: ${e.message}\n` }),
    );
    child.once("close", (code, signal) => {
      let output = Buffer.concat(chunks).toString();
      if (signal) output += `(ended by ${signal})\n`;
      resolve({ name: step.name, ok: code === 0, seconds: seconds(), output });
    });
  });
}

/** The line over a step's output. */
export function heading(r: StepResult): string {
  return `── ${r.name}: ${r.ok ? "passed" : "FAILED"} in ${r.seconds.toFixed(1)} s ──`;
}

/** Reads a `heading` line back: name, "passed" or "FAILED", seconds. */
export const STEP_HEADING = /^── (.+): (passed|FAILED) in (\d+\.\d) s ──$/;

/** Runs every step at once, printing each one's output in one piece as it ends; resolves with all results. */
export async function runParallel(steps: Step[], print: (text: string) => void): Promise<StepResult[]> {
  const started = process.hrtime.bigint();
  const results = await Promise.all(
    steps.map((step) =>
      runStep(step).then((r) => {
        const body = r.output.length === 0 || r.output.endsWith("\n") ? r.output : `${r.output}\n`;
        print(`${heading(r)}\n${body}`);
        return r;
      }),
    ),
  );
  const failed = results.filter((r) => !r.ok).map((r) => r.name);
  const wall = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
  print(failed.length === 0 ? `All ${results.length} passed in ${wall} s.\n` : `FAILED: ${failed.join(", ")} (${wall} s).\n`);
  return results;
}

export async function main(argv: string[], print: (text: string) => void): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length === 0) {
    print("Usage: tsx solution/scripts/run-parallel.ts <npm script> [<npm script> ...]\n");
    return 2;
  }
  const results = await runParallel(npmSteps(positionals), print);
  return results.every((r) => r.ok) ? 0 : 1;
}

if (require.main === module) {
  void main(process.argv.slice(2), (text) => process.stdout.write(text)).then((code) => {
    process.exitCode = code;
  });
}
