// Helpers for the solution tests: zip a folder the way a user would, edit zips in memory, temp dirs.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

/**
 * The real pac-built solution lives beside the repository (../shared/reference/), not in it: it is
 * someone else's output, kept out of our tree. IKIT_REAL_PAC_SOLUTION points elsewhere if needed.
 */
export const REAL_PAC_DIR =
  process.env.IKIT_REAL_PAC_SOLUTION ?? path.resolve(__dirname, "..", "..", "..", "shared", "reference", "real-pac-solution");

/** Fails (never skips) with a message saying where the reference solution is expected. */
export function requireRealPacDir(): string {
  if (!fs.existsSync(path.join(REAL_PAC_DIR, "solution.xml"))) {
    throw new Error(
      `The real pac-built reference solution is missing at ${REAL_PAC_DIR}. ` +
        "Place it there (../shared/reference/real-pac-solution beside the repository) or set IKIT_REAL_PAC_SOLUTION.",
    );
  }
  return REAL_PAC_DIR;
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
