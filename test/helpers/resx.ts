import * as fs from "fs";
import * as path from "path";

/** Reads a control's .resx file into a key → value table, as the platform would serve it. */
export function loadResx(control: string, lcid = 1033): Record<string, string> {
  const file = path.join(__dirname, "..", "..", "controls", control, "strings", `${control}.${lcid}.resx`);
  const xml = fs.readFileSync(file, "utf8");
  const table: Record<string, string> = {};
  const re = /<data\s+name="([^"]+)"[^>]*>\s*<value>([\s\S]*?)<\/value>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    table[m[1]] = m[2]
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  }
  return table;
}

/** A `getString` over a control's .resx; unknown keys come back as the key, like the platform. */
export function resxGetString(control: string, lcid = 1033): (key: string) => string {
  const table = loadResx(control, lcid);
  return (key: string) => table[key] ?? key;
}
