// Our customizations.xml, as packed into both zips, against Microsoft's solution schema
// (CustomizationsSolution.xsd and the files it includes, in ../shared/reference/solution-schema),
// with libxml2's validator compiled to WebAssembly (xmllint-wasm). Runs when ../shared is present.
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { validateXML } from "xmllint-wasm";
import { loadSolutionConfig } from "../../solution/scripts/config";
import { packSolution } from "../../solution/scripts/pack";
import { customizationsXml } from "../../solution/scripts/templates";
import { FIXTURE_CONTROL_DIR, REAL_PAC_DIR, SCHEMA_DIR, copyDir, describeWithShared, makeTempDir } from "./zip-helpers";

const MAIN_SCHEMA = "CustomizationsSolution.xsd";

async function validate(fileName: string, contents: string): Promise<{ valid: boolean; errors: string[] }> {
  const xsds = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  const read = (f: string) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), "utf8") });
  const result = await validateXML({
    xml: [{ fileName, contents }],
    schema: [read(MAIN_SCHEMA)],
    preload: xsds.filter((f) => f !== MAIN_SCHEMA).map(read),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

describeWithShared("customizations.xml against Microsoft's solution schema", SCHEMA_DIR, () => {
  let tmp: string;
  beforeAll(() => {
    tmp = makeTempDir("schema");
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("validates the customizations.xml of both packed zips", async () => {
    const controlsOutDir = path.join(tmp, "controls");
    copyDir(FIXTURE_CONTROL_DIR, path.join(controlsOutDir, "FixtureControl"));
    const config = { ...loadSolutionConfig(), version: "1.0.0" };
    const packed = await packSolution({ controlsOutDir, config, outDir: path.join(tmp, "bin") });
    for (const zipPath of [packed.unmanagedZip, packed.managedZip]) {
      const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
      const text = await zip.file("customizations.xml")!.async("string");
      expect(await validate(`${path.basename(zipPath, ".zip")}.customizations.xml`, text.replace(/^\uFEFF/, ""))).toEqual({
        valid: true,
        errors: [],
      });
    }
  }, 30_000);

  it("validates the form we write for three controls in three languages", async () => {
    const names = ["IntegrationPatternPicker", "ThrottlingEventPanel", "VirtualTablePreview"].map((c) => `ikit_IntegrationKit.${c}`);
    const text = customizationsXml(names, [1033, 1025, 1031])
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    expect(await validate("customizations.xml", text)).toEqual({ valid: true, errors: [] });
  }, 30_000);

  it("rejects a CustomControl whose Name is an attribute, so a pass means something", async () => {
    const text = customizationsXml(["ikit_IntegrationKit.X"], [1033])
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .replace("<CustomControl>\r\n      <Name>ikit_IntegrationKit.X</Name>", '<CustomControl Name="ikit_IntegrationKit.X">');
    const r = await validate("customizations.xml", text);
    expect(r.valid).toBe(false);
    expect(r.errors.join("\n")).toMatch(/Name/);
  }, 30_000);

  it("agrees with the real pac-built customizations.xml", async () => {
    if (!fs.existsSync(REAL_PAC_DIR)) {
      console.log("skipped: real pac-built customizations.xml: ../shared/reference/real-pac-solution not present");
      return;
    }
    const text = fs.readFileSync(path.join(REAL_PAC_DIR, "customizations.xml"), "utf8").replace(/^\uFEFF/, "");
    expect(await validate("customizations.xml", text)).toEqual({ valid: true, errors: [] });
  }, 30_000);
});
