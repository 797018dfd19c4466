/**
 * Runs pcf-scripts and pcf-start with telemetry off. Both tools send Application Insights telemetry
 * unless every run has PP_TOOLS_TELEMETRY_OPTOUT=true and APPLICATION_INSIGHTS_NO_STATSBEAT=true
 * (with only the first, the SDK still probes the network). Every project command goes through here,
 * so `npm run build` is safe on any shell, Windows included.
 */
import { spawn } from "child_process";
import * as path from "path";

export const repoRoot = path.resolve(__dirname, "..", "..");

export function telemetryOffEnv(): Record<string, string> {
  return { PP_TOOLS_TELEMETRY_OPTOUT: "true", APPLICATION_INSIGHTS_NO_STATSBEAT: "true" };
}

/** Sets the telemetry opt-outs on this process, for everything it spawns. */
export function disableTelemetry(): void {
  Object.assign(process.env, telemetryOffEnv());
}

/** Runs a Node CLI with telemetry off, inheriting stdio; resolves with its exit code. */
export function runNode(script: string, args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...telemetryOffEnv(), ...options.env },
      stdio: "inherit",
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Runs a Node CLI with telemetry off, keeping its output (stdout and stderr, in order) instead of
 * printing it, so that several runs side by side do not interleave their lines.
 */
export function runNodeCaptured(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...telemetryOffEnv(), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => chunks.push(c));
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString() }));
  });
}

export const pcfScriptsBin = path.join(repoRoot, "node_modules", "pcf-scripts", "bin", "pcf-scripts.js");
export const pcfStartBin = path.join(repoRoot, "node_modules", "pcf-start", "bin", "pcf-start.js");
export const tscBin = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
