/** @jest-environment node */
import * as fs from "fs";
import * as path from "path";
import type JSZip from "jszip";
import { formatVerifyResult, verifySolutionZip } from "../../solution/scripts/verify";
import { editEntry, editZip, makeTempDir, requireRealPacDir, zipDirectory } from "./zip-helpers";

const CONTROL = "ktcs_ktcs.MultiSelectLookup";
const FOLDER = `Controls/${CONTROL}`;
const MANIFEST = `${FOLDER}/ControlManifest.xml`;

let realPac: Buffer;
let realPacDir: string;

beforeAll(async () => {
  realPacDir = requireRealPacDir();
  // The README is our research note beside pac's files, not part of what pac wrote.
  realPac = await zipDirectory(realPacDir, ["README.md"]);
});

describe("verifySolutionZip on the real pac-built solution", () => {
  it("accepts it once zipped and reports its identity and control", async () => {
    const r = await verifySolutionZip(realPac);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.solution).toEqual({ uniqueName: "MultiSelectLookup", version: "1.0.1.1", managed: true, prefix: "ktcs", languages: [1033] });
    expect(r.controls).toEqual([
      {
        name: CONTROL,
        namespace: "ktcs",
        constructorName: "MultiSelectLookup",
        version: "0.0.2",
        files: [MANIFEST, `${FOLDER}/bundle.js`],
      },
    ]);
  });

  it("accepts the whole reference folder zipped as is, with a warning for the stray README", async () => {
    const r = await verifySolutionZip(await zipDirectory(realPacDir));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual(['"README.md" is not part of the solution (neither a root file nor under Controls/)']);
  });

  it("reads a zip from a path on disk", async () => {
    const dir = makeTempDir("verify");
    try {
      const file = path.join(dir, "real.zip");
      fs.writeFileSync(file, realPac);
      const r = await verifySolutionZip(file);
      expect(r.ok).toBe(true);
      expect(formatVerifyResult("real.zip", r)).toContain(`OK   real.zip: MultiSelectLookup 1.0.1.1 managed, 1 control(s)`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects bytes that are not a zip", async () => {
    const r = await verifySolutionZip(Buffer.from("solution.xml customizations.xml"));
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatch(/^not a readable zip/);
  });
});

type Edit = (zip: JSZip) => Promise<void> | void;

async function move(zip: JSZip, from: string, to: string): Promise<void> {
  const bytes = await zip.file(from)!.async("nodebuffer");
  zip.remove(from);
  zip.file(to, bytes);
}

const corruptions: [string, Edit, string][] = [
  ["missing customizations.xml", (z) => void z.remove("customizations.xml"), 'root file "customizations.xml" is missing'],
  ["missing [Content_Types].xml", (z) => void z.remove("[Content_Types].xml"), 'root file "[Content_Types].xml" is missing'],
  [
    "miscased Solution.xml",
    (z) => move(z, "solution.xml", "Solution.xml"),
    'root file "solution.xml" is missing: found "Solution.xml", and names are case-sensitive',
  ],
  [
    "solution.xml nested in a folder",
    (z) => move(z, "solution.xml", "MultiSelectLookup/solution.xml"),
    'found "MultiSelectLookup/solution.xml", but it must be at the root of the zip',
  ],
  [
    "truncated customizations.xml",
    (z) => editEntry(z, "customizations.xml", (t) => t.replace("</ImportExportXml>", "")),
    "customizations.xml is not well-formed XML (line",
  ],
  [
    "malformed solution.xml",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Managed>1</Managed>", "<Managed>1</Managd>")),
    "solution.xml is not well-formed XML",
  ],
  [
    "malformed [Content_Types].xml",
    (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace('Extension="js"', "Extension=js")),
    "[Content_Types].xml is not well-formed XML",
  ],
  [
    "a RootComponent with no CustomControl",
    (z) =>
      editEntry(z, "solution.xml", (t) =>
        t.replace("</RootComponents>", '<RootComponent type="66" schemaName="ktcs_ktcs.Ghost" behavior="0" /></RootComponents>'),
      ),
    'RootComponent type="66" "ktcs_ktcs.Ghost" in solution.xml has no CustomControl with that Name in customizations.xml',
  ],
  [
    "a CustomControl with no RootComponent",
    (z) => editEntry(z, "solution.xml", (t) => t.replace(/<RootComponent [^>]*\/>/, "")),
    `CustomControl "${CONTROL}" in customizations.xml has no RootComponent type="66" in solution.xml`,
  ],
  [
    "CustomControl Name written as an attribute",
    (z) =>
      editEntry(z, "customizations.xml", (t) =>
        t.replace(`<CustomControl>\r\n      <Name>${CONTROL}</Name>`, `<CustomControl Name="${CONTROL}">`),
      ),
    `CustomControl "${CONTROL}" has Name as an attribute; it must be a <Name> child element`,
  ],
  [
    "CustomControl FileName pointing nowhere",
    (z) => editEntry(z, "customizations.xml", (t) => t.replace("/ControlManifest.xml<", "/Manifest.xml<")),
    `control "${CONTROL}": FileName "/${FOLDER}/Manifest.xml" is not in the zip`,
  ],
  [
    "the bundle named in the manifest missing",
    (z) => void z.remove(`${FOLDER}/bundle.js`),
    `control "${CONTROL}": file named in ControlManifest.xml is missing from the zip: bundle.js`,
  ],
  [
    "a resx named in the manifest missing",
    (z) => editEntry(z, MANIFEST, (t) => t.replace("</resources>", '<resx path="strings/Lookup.1033.resx" version="1.0.0"/></resources>')),
    "file named in ControlManifest.xml is missing from the zip: strings/Lookup.1033.resx",
  ],
  [
    "a preview image named in the manifest missing",
    (z) => editEntry(z, MANIFEST, (t) => t.replace('control-type="virtual"', 'control-type="virtual" preview-image="img/preview.png"')),
    "file named in ControlManifest.xml is missing from the zip: img/preview.png",
  ],
  [
    "an input manifest packed instead of the built one",
    (z) => editEntry(z, MANIFEST, (t) => t.replace('<code path="bundle.js"', '<code path="index.ts"')),
    'not a built manifest: its code path is "index.ts"',
  ],
  [
    "a manifest without a version",
    (z) => editEntry(z, MANIFEST, (t) => t.replace(' version="0.0.2"', "")),
    "<control> has no version attribute",
  ],
  [
    "a publisher prefix reserved by Dataverse",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<CustomizationPrefix>ktcs<", "<CustomizationPrefix>mscrmx<")),
    'publisher prefix "mscrmx" must not start with "mscrm"',
  ],
  [
    "a one-letter publisher prefix",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<CustomizationPrefix>ktcs<", "<CustomizationPrefix>k<")),
    'publisher prefix "k" must be 2-8 letters or digits starting with a letter',
  ],
  [
    "an option value prefix out of range",
    (z) => editEntry(z, "solution.xml", (t) => t.replace(">90686<", ">9068<")),
    'option value prefix "9068" must be a whole number from 10000 to 99999',
  ],
  [
    "a three-part solution version",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Version>1.0.1.1<", "<Version>1.0.1<")),
    'Version "1.0.1" must have four numeric parts',
  ],
  [
    "Managed neither 0 nor 1",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Managed>1<", "<Managed>2<")),
    'Managed "2" must be 0 (unmanaged) or 1 (managed)',
  ],
  [
    "an invalid solution UniqueName",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<UniqueName>MultiSelectLookup<", "<UniqueName>Multi Select<")),
    'UniqueName "Multi Select" must be letters, digits and underscores',
  ],
  [
    "a control folder that does not match prefix_namespace.constructor",
    (z) => editEntry(z, MANIFEST, (t) => t.replace('namespace="ktcs"', 'namespace="Other"')),
    `name does not match its manifest: expected "ktcs_Other.MultiSelectLookup"`,
  ],
  [
    "no content type for .js",
    (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace('<Default Extension="js" ContentType="application/octet-stream" />', "")),
    "[Content_Types].xml has no content type for .js",
  ],
  [
    "no Override for the manifest",
    (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace(/<Override [^>]*\/>/, "")),
    `[Content_Types].xml has no Override for "/${MANIFEST}"`,
  ],
  [
    "a manifest no CustomControl names",
    async (z) => {
      z.file("Controls/ktcs_ktcs.Other/ControlManifest.xml", await z.file(MANIFEST)!.async("nodebuffer"));
    },
    '"Controls/ktcs_ktcs.Other/ControlManifest.xml" is in the zip but no CustomControl in customizations.xml names it',
  ],
  ["an entry name with a backslash", (z) => void z.file("Controls\\extra.js", "x"), 'entry "Controls\\extra.js" uses "\\"'],
  ["an entry name climbing out with ..", (z) => void z.file("../extra.js", "x"), 'entry "../extra.js" contains ".."'],
  ["an entry name with a leading /", (z) => void z.file("/extra.js", "x"), 'entry "/extra.js" starts with "/"'],
];

describe("verifySolutionZip rejects a targeted corruption of the real solution", () => {
  it.each(corruptions)("%s", async (_label, edit, expected) => {
    const r = await verifySolutionZip(await editZip(realPac, edit));
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});
