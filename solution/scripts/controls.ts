/** The controls of the set: every folder under controls/ that holds a ControlManifest.Input.xml. */
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "./pcf";

export const controlsDir = path.join(repoRoot, "controls");
export const controlsOutDir = path.join(repoRoot, "out", "controls");

export function listControls(): string[] {
  return fs
    .readdirSync(controlsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(controlsDir, d.name, "ControlManifest.Input.xml")))
    .map((d) => d.name)
    .sort();
}

/** Resolves a control name given on the command line, case-insensitively, or explains the choices. */
export function resolveControl(name: string): string {
  const all = listControls();
  const found = all.find((c) => c.toLowerCase() === name.toLowerCase());
  if (!found) {
    throw new Error(`Unknown control "${name}". Controls: ${all.join(", ")}`);
  }
  return found;
}
