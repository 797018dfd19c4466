// Helpers for the solution tests: zip a folder the way a user would, edit zips in memory, temp dirs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

/**
 * Material beside the repository (../shared/): someone else's output, kept out of our tree. Tests
 * that need it run when it is present and say they were skipped when it is not, so a clone with
 * nothing beside it still passes. IKIT_SHARED_DIR points elsewhere (a missing folder shows the skips).
 */
const SHARED_DIR = process.env.IKIT_SHARED_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared");
export const REAL_PAC_DIR = path.join(SHARED_DIR, "reference", "real-pac-solution");
export const REAL_SOLUTIONS_DIR = path.join(SHARED_DIR, "reference", "real-solutions");
export const SCHEMA_DIR = path.join(SHARED_DIR, "reference", "solution-schema");

/** `describe` when `dir` (under ../shared) exists; otherwise skipped, with a line saying so. */
export function describeWithShared(title: string, dir: string, body: () => void): void {
  if (fs.existsSync(dir)) {
    describe(title, body);
    return;
  }
  const shown = path
    .relative(path.resolve(__dirname, "..", ".."), dir)
    .split(path.sep)
    .join("/");
  // Straight to stdout: jest does not show console output of a test file whose tests are all skipped.
  process.stdout.write(`skipped: ${title}: ${shown} not present\n`);
  describe.skip(`${title} (skipped: ${shown} not present)`, body);
}

export const FIXTURE_CONTROL_DIR = path.resolve(__dirname, "..", "fixtures", "solution", "FixtureControl");

function listFiles(dir: string, rel = ""): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(dir, r) : [r];
  });
}

/** Zips a folder with entries relative to it and "/" separators. */
export async function zipDirectory(dir: string, exclude: readonly string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  for (const rel of listFiles(dir)) {
    if (!exclude.includes(rel)) zip.file(rel, fs.readFileSync(path.join(dir, rel)));
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Loads a zip, lets the test change it, and returns the new bytes. */
export async function editZip(bytes: Buffer, edit: (zip: JSZip) => Promise<void> | void): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Rewrites one text entry of a zip. */
export async function editEntry(zip: JSZip, name: string, change: (text: string) => string): Promise<void> {
  const file = zip.file(name);
  if (!file) throw new Error(`test setup: ${name} is not in the zip`);
  const before = await file.async("string");
  const after = change(before);
  if (after === before) throw new Error(`test setup: the edit of ${name} changed nothing`);
  zip.file(name, after);
}

export function makeTempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ikit-${label}-`));
}

export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
