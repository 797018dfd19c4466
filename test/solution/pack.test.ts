/** @jest-environment node */
import * as fs from "fs";
import * as path from "path";
import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";
import { loadSolutionConfig, type SolutionConfig } from "../../solution/scripts/config";
import { PackError, main as packMain, packSolution } from "../../solution/scripts/pack";
import { defaultZipPaths, main as verifyMain, verifySolutionZip } from "../../solution/scripts/verify";
import { FIXTURE_CONTROL_DIR, copyDir, makeTempDir } from "./zip-helpers";

const NAME = "ikit_IntegrationKit.FixtureControl";
const FOLDER = `Controls/${NAME}`;
const UNMANAGED = "IntegrationKit_1.0.0.zip";
const MANAGED = "IntegrationKit_1.0.0_managed.zip";

// The real config, at the fixture manifest's version (the fixture is not stamped by the build).
const config: SolutionConfig = { ...loadSolutionConfig(), version: "1.0.0" };

let tmp: string;
let controlsOutDir: string;
let outDir: string;
let fixture: string;

beforeEach(() => {
  tmp = makeTempDir("pack");
  controlsOutDir = path.join(tmp, "controls");
  outDir = path.join(tmp, "bin");
  fixture = path.join(controlsOutDir, "FixtureControl");
  copyDir(FIXTURE_CONTROL_DIR, fixture);
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const pack = () => packSolution({ controlsOutDir, config, outDir });
const outFiles = (): string[] => (fs.existsSync(outDir) ? fs.readdirSync(outDir).sort() : []);

function editFixture(rel: string, change: (text: string) => string): void {
  const file = path.join(fixture, rel);
  const before = fs.readFileSync(file, "utf8");
  const after = change(before);
  if (after === before) throw new Error(`test setup: edit of ${rel} changed nothing`);
  fs.writeFileSync(file, after);
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, ignoreDeclaration: true });
/** Parses XML text (BOM and all) into a tree for assertions. */
const xml = (text: string): unknown => parser.parse(text.replace(/^\uFEFF/, "")) as unknown;
/** The node at a path of element (or "@_attribute") names, or undefined. */
function at(node: unknown, ...keys: string[]): unknown {
  let current = node;
  for (const k of keys) current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[k] : undefined;
  return current;
}

async function entryText(zipPath: string, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
  return zip.file(name)!.async("string");
}

async function refusal(): Promise<string> {
  const error = await pack().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackError);
  return (error as PackError).message;
}

describe("packSolution with the fixture control", () => {
  it("writes an unmanaged and a managed zip that both verify", async () => {
    const r = await pack();
    expect(outFiles()).toEqual([UNMANAGED, MANAGED].sort());
    expect(r.controls).toEqual([NAME]);

    const unmanaged = await verifySolutionZip(r.unmanagedZip);
    expect(unmanaged.errors).toEqual([]);
    expect(unmanaged.solution).toEqual({
      uniqueName: "IntegrationKit",
      version: "1.0.0.0",
      managed: false,
      prefix: "ikit",
      languages: [1033],
    });
    expect(unmanaged.controls.map((c) => c.files)).toEqual([
      [`${FOLDER}/ControlManifest.xml`, `${FOLDER}/bundle.js`, `${FOLDER}/strings/FixtureControl.1033.resx`],
    ]);
    const managed = await verifySolutionZip(r.managedZip);
    expect(managed.errors).toEqual([]);
    expect(managed.solution?.managed).toBe(true);

    const managedFlag = async (zip: string): Promise<unknown> =>
      at(xml(await entryText(zip, "solution.xml")), "ImportExportXml", "SolutionManifest", "Managed");
    expect(await managedFlag(r.unmanagedZip)).toBe("0");
    expect(await managedFlag(r.managedZip)).toBe("1");
  });

  it("writes the root files in pac's form: BOM, CRLF, publisher identity, no directory entries", async () => {
    const r = await pack();
    const zip = await JSZip.loadAsync(fs.readFileSync(r.unmanagedZip));
    expect(Object.keys(zip.files)).toEqual([
      "[Content_Types].xml",
      "solution.xml",
      "customizations.xml",
      `${FOLDER}/ControlManifest.xml`,
      `${FOLDER}/bundle.js`,
      `${FOLDER}/strings/FixtureControl.1033.resx`,
    ]);
    const solutionBytes = await zip.file("solution.xml")!.async("nodebuffer");
    expect([...solutionBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const solution = solutionBytes.toString("utf8");
    expect(solution.split("\n").every((line, i, all) => i === all.length - 1 || line.endsWith("\r"))).toBe(true);
    const manifest = at(xml(solution), "ImportExportXml", "SolutionManifest");
    expect(at(manifest, "Version")).toBe("1.0.0.0"); // pac writes four parts
    expect(at(manifest, "Publisher", "CustomizationPrefix")).toBe("ikit");
    expect(at(manifest, "Publisher", "CustomizationOptionValuePrefix")).toBe("51420");
    expect(at(manifest, "Publisher", "Addresses", "Address")).toHaveLength(2); // pac's two empty addresses
    expect(at(manifest, "RootComponents", "RootComponent")).toEqual({ "@_type": "66", "@_schemaName": NAME, "@_behavior": "0" });
    const customizations = at(xml(await zip.file("customizations.xml")!.async("string")), "ImportExportXml") as Record<string, unknown>;
    // pac's sections, in pac's order, empty ones present.
    expect(Object.keys(customizations).filter((k) => !k.startsWith("@_"))).toEqual([
      "Entities",
      "Roles",
      "Workflows",
      "FieldSecurityProfiles",
      "Templates",
      "EntityMaps",
      "EntityRelationships",
      "OrganizationSettings",
      "optionsets",
      "CustomControls",
      "SolutionPluginAssemblies",
      "EntityDataProviders",
      "Languages",
    ]);
    expect(at(customizations, "CustomControls", "CustomControl")).toEqual({ Name: NAME, FileName: `/${FOLDER}/ControlManifest.xml` });
    const types = at(xml(await zip.file("[Content_Types].xml")!.async("string")), "Types");
    expect(at(types, "Default")).toEqual([
      { "@_Extension": "xml", "@_ContentType": "text/xml" },
      { "@_Extension": "js", "@_ContentType": "application/octet-stream" },
      { "@_Extension": "resx", "@_ContentType": "application/octet-stream" },
    ]);
    expect(at(types, "Override")).toEqual({ "@_PartName": `/${FOLDER}/ControlManifest.xml`, "@_ContentType": "application/octet-stream" });
    // The built manifest travels unchanged.
    expect(await zip.file(`${FOLDER}/ControlManifest.xml`)!.async("string")).toBe(
      fs.readFileSync(path.join(FIXTURE_CONTROL_DIR, "ControlManifest.xml"), "utf8"),
    );
  });

  it("packs exactly the resx files the manifest declares, and lists their languages", async () => {
    for (const lcid of [1025, 1031, 3082]) {
      fs.copyFileSync(path.join(fixture, "strings/FixtureControl.1033.resx"), path.join(fixture, `strings/FixtureControl.${lcid}.resx`));
    }
    // 1025 and 1031 are declared; 3082 is a stray from an old build, as is the unrelated file.
    editFixture("ControlManifest.xml", (t) =>
      t.replace(
        '<resx path="strings/FixtureControl.1033.resx" version="1.0.0"/>',
        '<resx path="strings/FixtureControl.1033.resx" version="1.0.0"/>\n      <resx path="strings/FixtureControl.1031.resx" version="1.0.0"/>\n      <resx path="strings/FixtureControl.1025.resx" version="1.0.0"/>',
      ),
    );
    fs.writeFileSync(path.join(fixture, "strings/Unrelated.1036.resx"), "<root/>");
    fs.writeFileSync(path.join(fixture, "bundle.js.LICENSE.txt"), "/*! licence */");
    fs.writeFileSync(path.join(fixture, "stale-notes.md"), "left over from an old build");
    const r = await pack();
    expect(r.languages).toEqual([1033, 1025, 1031]);
    const v = await verifySolutionZip(r.unmanagedZip);
    expect(v.errors).toEqual([]);
    expect(v.solution?.languages).toEqual([1033, 1025, 1031]);
    const names = Object.keys((await JSZip.loadAsync(fs.readFileSync(r.unmanagedZip))).files);
    expect(names.filter((n) => n.endsWith(".resx")).sort()).toEqual(
      [1025, 1031, 1033].map((l) => `${FOLDER}/strings/FixtureControl.${l}.resx`),
    );
    expect(names).toContain(`${FOLDER}/bundle.js.LICENSE.txt`);
    expect(names).not.toContain(`${FOLDER}/stale-notes.md`);
  });

  it("gives the same bytes for the same input (a fixed entry date)", async () => {
    const first = fs.readFileSync((await pack()).unmanagedZip);
    fs.rmSync(outDir, { recursive: true });
    const second = fs.readFileSync((await pack()).unmanagedZip);
    expect(second.equals(first)).toBe(true);
  });

  it("packs the preview image and css the manifest names", async () => {
    editFixture("ControlManifest.xml", (t) =>
      t
        .replace('control-type="virtual"', 'control-type="virtual" preview-image="img/preview.png"')
        .replace(
          '<code path="bundle.js" order="1"/>',
          '<code path="bundle.js" order="1"/>\n      <css path="css/FixtureControl.css" order="1"/>',
        ),
    );
    fs.mkdirSync(path.join(fixture, "img"));
    fs.writeFileSync(path.join(fixture, "img/preview.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    fs.mkdirSync(path.join(fixture, "css"));
    fs.writeFileSync(path.join(fixture, "css/FixtureControl.css"), ".root { display: block; }");
    const r = await pack();
    const v = await verifySolutionZip(r.managedZip);
    expect(v.errors).toEqual([]);
    expect(v.controls[0].files).toEqual(expect.arrayContaining([`${FOLDER}/img/preview.png`, `${FOLDER}/css/FixtureControl.css`]));
  });

  it("packs again over zips of the same version and content, and leaves other files in the folder alone", async () => {
    await pack();
    fs.writeFileSync(path.join(outDir, "IntegrationKit_0.9.0.zip"), "an older release");
    await pack();
    expect(outFiles()).toEqual(["IntegrationKit_0.9.0.zip", UNMANAGED, MANAGED].sort());
    expect((await verifySolutionZip(path.join(outDir, UNMANAGED))).ok).toBe(true);
    expect(fs.readFileSync(path.join(outDir, "IntegrationKit_0.9.0.zip"), "utf8")).toBe("an older release");
  });

  it("refuses to replace a zip of the same version with other content, and says how to bump", async () => {
    await pack();
    const before = [UNMANAGED, MANAGED].map((f) => fs.readFileSync(path.join(outDir, f)));
    fs.appendFileSync(path.join(fixture, "bundle.js"), "\n// a change to the control's code\n");
    const message = await refusal();
    expect(message).toContain(`${UNMANAGED} already exists with other content`);
    expect(message).toContain(`${MANAGED} already exists with other content`);
    expect(message).toContain('raise "version" in solution/solution.config.json (for example to 1.0.1), run npm run stamp');
    // Both zips stay as they were.
    expect([UNMANAGED, MANAGED].map((f) => fs.readFileSync(path.join(outDir, f)))).toEqual(before);
  });

  it("refuses to replace a file of that name that is not even a zip", async () => {
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, UNMANAGED), "old bytes");
    expect(await refusal()).toContain(`${UNMANAGED} already exists with other content`);
    expect(fs.readFileSync(path.join(outDir, UNMANAGED), "utf8")).toBe("old bytes");
  });
});

describe("packSolution refuses an unfit control and writes no zip", () => {
  it("refuses a broken manifest, naming the control and the problem", async () => {
    editFixture("ControlManifest.xml", (t) => t.replace("</manifest>", ""));
    const message = await refusal();
    expect(message).toMatch(/control "FixtureControl" \(.*FixtureControl\): ControlManifest\.xml is not well-formed XML \(line \d+/);
    expect(outFiles()).toEqual([]);
  });

  it("refuses a missing bundle", async () => {
    fs.rmSync(path.join(fixture, "bundle.js"));
    const message = await refusal();
    expect(message).toContain('control "FixtureControl"');
    expect(message).toContain("bundle missing: bundle.js (build the control with pcf-scripts first)");
    expect(outFiles()).toEqual([]);
  });

  it("refuses a declared resx without the standard xsd:schema header", async () => {
    editFixture("strings/FixtureControl.1033.resx", (t) => t.replace(/<xsd:schema[\s\S]*<\/xsd:schema>/, ""));
    expect(await refusal()).toContain(
      'strings/FixtureControl.1033.resx lacks the standard .resx header that Visual Studio and pac write: <xsd:schema id="root">',
    );
    expect(outFiles()).toEqual([]);
  });

  it("refuses a declared resx that is not well-formed or carries a DOCTYPE", async () => {
    editFixture("strings/FixtureControl.1033.resx", (t) => t.replace("<root>", '<!DOCTYPE root [<!ENTITY x "y">]><root>'));
    expect(await refusal()).toContain("strings/FixtureControl.1033.resx is not well-formed XML (line 2, column");
  });

  it("refuses a missing resx that the manifest names", async () => {
    fs.rmSync(path.join(fixture, "strings/FixtureControl.1033.resx"));
    expect(await refusal()).toContain("file named in ControlManifest.xml is missing: strings/FixtureControl.1033.resx");
    expect(outFiles()).toEqual([]);
  });

  it("refuses an input manifest (code path index.ts)", async () => {
    editFixture("ControlManifest.xml", (t) => t.replace('<code path="bundle.js"', '<code path="index.ts"'));
    expect(await refusal()).toContain('not a built manifest: its code path is "index.ts", expected "bundle.js"');
    expect(outFiles()).toEqual([]);
  });

  it("refuses a manifest without a constructor or namespace", async () => {
    editFixture("ControlManifest.xml", (t) => t.replace(' constructor="FixtureControl"', "").replace(' namespace="IntegrationKit"', ""));
    const message = await refusal();
    expect(message).toContain("<control> has no constructor attribute");
    expect(message).toContain("<control> has no namespace attribute");
  });

  it("refuses a manifest whose version is not the solution's", async () => {
    editFixture("ControlManifest.xml", (t) => t.replace(' version="1.0.0" display-name-key', ' version="0.9.0" display-name-key'));
    expect(await refusal()).toContain("manifest version 0.9.0 differs from the solution version 1.0.0");
    expect(outFiles()).toEqual([]);
  });

  it("refuses a resource path that climbs out of the control folder", async () => {
    editFixture("ControlManifest.xml", (t) => t.replace('path="strings/FixtureControl.1033.resx"', 'path="../FixtureControl.1033.resx"'));
    expect(await refusal()).toContain('resource path "../FixtureControl.1033.resx" must stay inside the control folder');
  });

  it("writes nothing when one control of several is unfit, and keeps the zips already there", async () => {
    copyDir(FIXTURE_CONTROL_DIR, path.join(controlsOutDir, "SecondControl"));
    const second = path.join(controlsOutDir, "SecondControl", "ControlManifest.xml");
    fs.writeFileSync(second, fs.readFileSync(second, "utf8").replace('constructor="FixtureControl"', 'constructor="SecondControl"'));
    fs.rmSync(path.join(controlsOutDir, "SecondControl", "bundle.js"));
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, UNMANAGED), "previous build");
    const message = await refusal();
    expect(message).toContain('control "SecondControl"');
    expect(message).not.toContain("already exists");
    expect(message).not.toContain('control "FixtureControl"');
    expect(outFiles()).toEqual([UNMANAGED]);
    expect(fs.readFileSync(path.join(outDir, UNMANAGED), "utf8")).toBe("previous build");
  });

  it("refuses the same control built twice", async () => {
    copyDir(FIXTURE_CONTROL_DIR, path.join(controlsOutDir, "Copy"));
    expect(await refusal()).toContain(`control "FixtureControl": ${NAME} is built twice`);
  });

  it("refuses when nothing is built", async () => {
    fs.rmSync(controlsOutDir, { recursive: true });
    expect(await refusal()).toContain("does not exist (build the controls first)");
    fs.mkdirSync(controlsOutDir);
    expect(await refusal()).toContain("no built controls in");
    expect(outFiles()).toEqual([]);
  });
});

describe("pack and verify command lines", () => {
  function writeConfig(): string {
    const file = path.join(tmp, "solution.config.json");
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
  }

  it("pack writes both zips and verify passes them, exit code 0", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await packMain(["--controls", controlsOutDir, "--out", outDir, "--config", writeConfig()])).toBe(0);
    expect(log.mock.calls.flat().join("\n")).toContain(`1 control(s): ${NAME}`);
    const zips = defaultZipPaths(outDir);
    expect(zips.map((z) => path.basename(z))).toEqual([UNMANAGED, MANAGED].sort());
    log.mockClear();
    expect(await verifyMain(zips)).toBe(0);
    expect(log.mock.calls.flat().join("\n")).toContain("verify: 2 zip(s) OK");
  });

  it("pack exits 1 with the refusal on stderr; verify exits 1 on a bad zip", async () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    fs.rmSync(path.join(fixture, "bundle.js"));
    expect(await packMain(["--controls", controlsOutDir, "--out", outDir, "--config", writeConfig()])).toBe(1);
    expect(err.mock.calls.flat().join("\n")).toContain("bundle missing: bundle.js");
    expect(await packMain(["--bogus", "x"])).toBe(1);
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, "broken.zip"), "not a zip");
    expect(await verifyMain(defaultZipPaths(outDir))).toBe(1);
    expect(log.mock.calls.flat().join("\n")).toContain("verify: 1 of 1 zip(s) FAILED");
    expect(defaultZipPaths(path.join(tmp, "no-such-bin"))).toEqual([]);
  });
});
