// The verifier on solutions that Dataverse imports (our own pac-form zip, and, when ../shared is
// present, a real pac-built solution), and on targeted corruptions of what Dataverse requires.
// Hostile zips are in hostile.test.ts; real Dataverse exports in real-solutions.test.ts.
import * as fs from "fs";
import * as path from "path";
import type JSZip from "jszip";
import { formatVerifyResult, verifySolutionZip } from "../../solution/scripts/verify";
import { CONTROL, FOLDER, validEntries, writeZip } from "./hostile-zips";
import { REAL_PAC_DIR, describeWithShared, editEntry, editZip, makeTempDir, zipDirectory } from "./zip-helpers";

const MANIFEST = `${FOLDER}/ControlManifest.xml`;
const RESX = `${FOLDER}/strings/FixtureControl.1033.resx`;

/** Our pac-form solution with the fixture control, written from the packer's templates. */
const ours = (): Buffer => writeZip(validEntries());

describe("verifySolutionZip on our own pac-form solution", () => {
  it("accepts it and reports its identity and control", async () => {
    const r = await verifySolutionZip(ours());
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.solution).toEqual({ uniqueName: "IntegrationKit", version: "1.0.0.0", managed: false, prefix: "ikit", languages: [1033] });
    expect(r.controls).toEqual([
      {
        name: CONTROL,
        namespace: "IntegrationKit",
        constructorName: "FixtureControl",
        version: "1.0.0",
        files: [MANIFEST, `${FOLDER}/bundle.js`, RESX],
      },
    ]);
  });

  it("reads a zip from a path on disk", async () => {
    const dir = makeTempDir("verify");
    try {
      const file = path.join(dir, "ours.zip");
      fs.writeFileSync(file, ours());
      const r = await verifySolutionZip(file);
      expect(r.ok).toBe(true);
      expect(formatVerifyResult("ours.zip", r)).toContain("OK   ours.zip: IntegrationKit 1.0.0.0 unmanaged, 1 control(s)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeWithShared("verifySolutionZip on the real pac-built solution", REAL_PAC_DIR, () => {
  it("accepts it once zipped and reports its identity and control", async () => {
    // The README is our research note beside pac's files, not part of what pac wrote.
    const r = await verifySolutionZip(await zipDirectory(REAL_PAC_DIR, ["README.md"]));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.solution).toEqual({ uniqueName: "MultiSelectLookup", version: "1.0.1.1", managed: true, prefix: "ktcs", languages: [1033] });
    expect(r.controls.map((c) => [c.name, c.version, c.files])).toEqual([
      [
        "ktcs_ktcs.MultiSelectLookup",
        "0.0.2",
        ["Controls/ktcs_ktcs.MultiSelectLookup/ControlManifest.xml", "Controls/ktcs_ktcs.MultiSelectLookup/bundle.js"],
      ],
    ]);
  });

  it("accepts the whole reference folder zipped as is, with a warning for the stray README", async () => {
    const r = await verifySolutionZip(await zipDirectory(REAL_PAC_DIR));
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      '"README.md" is not part of the solution (neither a root file nor in a solution folder such as Controls/)',
    ]);
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
    (z) => move(z, "solution.xml", "IntegrationKit/solution.xml"),
    'found "IntegrationKit/solution.xml", but it must be at the root of the zip',
  ],
  [
    "truncated customizations.xml",
    (z) => editEntry(z, "customizations.xml", (t) => t.replace("</ImportExportXml>", "")),
    "customizations.xml is not well-formed XML (line",
  ],
  [
    "malformed solution.xml",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Managed>0</Managed>", "<Managed>0</Managd>")),
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
        t.replace("</RootComponents>", '<RootComponent type="66" schemaName="ikit_IntegrationKit.Ghost" behavior="0" /></RootComponents>'),
      ),
    'RootComponent type="66" "ikit_IntegrationKit.Ghost" in solution.xml has no CustomControl with that Name in customizations.xml',
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
    (z) => void z.remove(RESX),
    "file named in ControlManifest.xml is missing from the zip: strings/FixtureControl.1033.resx",
  ],
  [
    "a resx in the zip that the manifest does not declare",
    async (z) => {
      z.file(`${FOLDER}/strings/FixtureControl.1031.resx`, await z.file(RESX)!.async("nodebuffer"));
    },
    '"strings/FixtureControl.1031.resx" is in the zip but ControlManifest.xml does not declare it',
  ],
  [
    "a resx outside every control's folder",
    async (z) => {
      z.file("Controls/strings/Orphan.1033.resx", await z.file(RESX)!.async("nodebuffer"));
    },
    '"Controls/strings/Orphan.1033.resx" is in the zip but no control manifest declares it',
  ],
  [
    "a declared resx that is not well-formed",
    (z) => editEntry(z, RESX, (t) => t.replace("</root>", "")),
    "strings/FixtureControl.1033.resx is not well-formed XML",
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
    (z) => editEntry(z, MANIFEST, (t) => t.replace(' version="1.0.0" display-name-key', " display-name-key")),
    "<control> has no version attribute",
  ],
  [
    "a publisher prefix reserved by Dataverse",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<CustomizationPrefix>ikit<", "<CustomizationPrefix>mscrmx<")),
    'publisher prefix "mscrmx" must not start with "mscrm"',
  ],
  [
    "a one-letter publisher prefix",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<CustomizationPrefix>ikit<", "<CustomizationPrefix>k<")),
    'publisher prefix "k" must be 2-8 letters or digits starting with a letter',
  ],
  [
    "an option value prefix out of range",
    (z) => editEntry(z, "solution.xml", (t) => t.replace(">51420<", ">5142<")),
    'option value prefix "5142" must be a whole number from 10000 to 99999',
  ],
  [
    "a one-part solution version",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Version>1.0.0.0<", "<Version>1<")),
    'Version "1" must have two to four numeric parts',
  ],
  [
    "a five-part solution version",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Version>1.0.0.0<", "<Version>1.0.0.0.1<")),
    'Version "1.0.0.0.1" must have two to four numeric parts',
  ],
  [
    "Managed neither 0 nor 1",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<Managed>0<", "<Managed>2<")),
    'Managed "2" must be 0 (unmanaged) or 1 (managed)',
  ],
  [
    "an invalid solution UniqueName",
    (z) => editEntry(z, "solution.xml", (t) => t.replace("<UniqueName>IntegrationKit<", "<UniqueName>Multi Select<")),
    'UniqueName "Multi Select" must be letters, digits and underscores',
  ],
  [
    "a control folder that does not match prefix_namespace.constructor",
    (z) => editEntry(z, MANIFEST, (t) => t.replace('namespace="IntegrationKit"', 'namespace="Other"')),
    `name does not match its manifest: expected "ikit_Other.FixtureControl"`,
  ],
  [
    "no content type for .js",
    (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace('<Default Extension="js" ContentType="application/octet-stream" />', "")),
    "[Content_Types].xml has no content type for .js",
  ],
  [
    "a manifest no CustomControl names",
    async (z) => {
      z.file("Controls/ikit_IntegrationKit.Other/ControlManifest.xml", await z.file(MANIFEST)!.async("nodebuffer"));
    },
    '"Controls/ikit_IntegrationKit.Other/ControlManifest.xml" is in the zip but no CustomControl in customizations.xml names it',
  ],
  ["an entry name with a backslash", (z) => void z.file("Controls\\extra.js", "x"), 'entry "Controls\\extra.js" uses "\\"'],
  ["an entry name climbing out with ..", (z) => void z.file("../extra.js", "x"), 'entry "../extra.js" contains ".."'],
  ["an entry name with a leading /", (z) => void z.file("/extra.js", "x"), 'entry "/extra.js" starts with "/"'],
];

describe("verifySolutionZip refuses a targeted corruption of what Dataverse requires", () => {
  it.each(corruptions)("%s", async (_label, edit, expected) => {
    const r = await verifySolutionZip(await editZip(ours(), edit));
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

/** What Dataverse's own exports and Microsoft's pac-built sample do differently from our packer: accepted. */
const accepted: [string, Edit][] = [
  ["no Override for the control manifest", (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace(/<Override [^>]*\/>/, ""))],
  [
    "xml typed application/octet-stream",
    (z) => editEntry(z, "[Content_Types].xml", (t) => t.replace('ContentType="text/xml"', 'ContentType="application/octet-stream"')),
  ],
  ["a two-part solution version", (z) => editEntry(z, "solution.xml", (t) => t.replace("<Version>1.0.0.0<", "<Version>1.0<"))],
  ["a three-part solution version", (z) => editEntry(z, "solution.xml", (t) => t.replace("<Version>1.0.0.0<", "<Version>1.0.0<"))],
  [
    "no BOM, no XML declaration, LF line ends",
    async (z) => {
      for (const name of ["solution.xml", "customizations.xml"]) {
        await editEntry(z, name, (t) =>
          t
            .replace(/^\uFEFF/, "")
            .replace(/^<\?xml[^>]*\?>\r\n/, "")
            .replace(/\r\n/g, "\n"),
        );
      }
    },
  ],
  [
    "empty sections written as start and end tags",
    (z) => editEntry(z, "customizations.xml", (t) => t.replace("<Roles />", "<Roles></Roles>")),
  ],
];

describe("verifySolutionZip accepts what Dataverse imports though pac would write it otherwise", () => {
  it.each(accepted)("%s", async (_label, edit) => {
    const r = await verifySolutionZip(await editZip(ours(), edit));
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe("verifySolutionZip warns about what it does not refuse", () => {
  it("a declared resx without the standard xsd:schema header", async () => {
    const r = await verifySolutionZip(
      await editZip(ours(), (z) => editEntry(z, RESX, (t) => t.replace(/<xsd:schema[\s\S]*<\/xsd:schema>/, ""))),
    );
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      `control "${CONTROL}": strings/FixtureControl.1033.resx lacks the standard .resx header that Visual Studio and pac write: <xsd:schema id="root">`,
    ]);
  });

  it("a file outside the solution's folders", async () => {
    const r = await verifySolutionZip(await editZip(ours(), (z) => void z.file("notes.txt", "x")));
    expect(r.warnings).toEqual([
      '"notes.txt" is not part of the solution (neither a root file nor in a solution folder such as Controls/)',
    ]);
  });
});
