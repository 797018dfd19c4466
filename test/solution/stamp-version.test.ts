import * as fs from "fs";
import * as path from "path";
import {
  checkVersionStamps,
  stampManifestText,
  stampPackageJsonText,
  stampVersion,
  staleVersionMessage,
} from "../../solution/scripts/stamp-version";
import { makeTempDir } from "./zip-helpers";

// An input manifest with the traps a careless edit falls into: api-version, resx versions,
// a commented-out <control>, CRLF line ends.
const MANIFEST = [
  '<?xml version="1.0" encoding="utf-8" ?>',
  "<manifest>",
  '  <!-- <control namespace="Old" constructor="Old" version="0.0.1"> -->',
  '  <control namespace="IntegrationKit" constructor="Sample" version="1.0.0" display-name-key="Sample_Display_Key"',
  '           control-type="virtual" api-version="1.3.18" preview-image="img/preview.png">',
  '    <property name="value" of-type="SingleLine.Text" usage="bound" required="true" />',
  "    <resources>",
  '      <code path="index.ts" order="1" />',
  '      <platform-library name="React" version="16.14.0" />',
  '      <resx path="strings/Sample.1033.resx" version="1.0.0" />',
  "    </resources>",
  "  </control>",
  "</manifest>",
  "",
].join("\r\n");

const PACKAGE_JSON =
  '{\n  "name": "integrationkit",\n  "version": "1.0.0",\n  "private": true,\n  "dependencies": {\n    "react": "16.14.0"\n  },\n  "devDependencies": { "x": "1.0.0" }\n}\n';

let root: string;

beforeEach(() => {
  root = makeTempDir("stamp");
  fs.mkdirSync(path.join(root, "shared"));
  fs.mkdirSync(path.join(root, "controls", "Sample"), { recursive: true });
  fs.mkdirSync(path.join(root, "controls", "NotAControlYet"), { recursive: true });
  fs.writeFileSync(path.join(root, "package.json"), PACKAGE_JSON);
  fs.writeFileSync(path.join(root, "shared", "package.json"), PACKAGE_JSON.replace('"integrationkit"', '"@integrationkit/shared"'));
  fs.writeFileSync(path.join(root, "controls", "Sample", "ControlManifest.Input.xml"), MANIFEST);
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (...rel: string[]): string => fs.readFileSync(path.join(root, ...rel), "utf8");

describe("stampVersion on a temp copy of the repo's versioned files", () => {
  it("sets the control version only, leaving every other byte of the manifest as it was", () => {
    const r = stampVersion("2.3.4", root);
    expect(r.changed.map((f) => path.relative(root, f)).sort()).toEqual(
      ["controls/Sample/ControlManifest.Input.xml", "package.json", "shared/package.json"].sort(),
    );
    const manifest = read("controls", "Sample", "ControlManifest.Input.xml");
    expect(manifest).toBe(MANIFEST.replace('constructor="Sample" version="1.0.0"', 'constructor="Sample" version="2.3.4"'));
    // Untouched: the comment, api-version, platform library and resx versions, CRLF.
    expect(manifest).toContain('<!-- <control namespace="Old" constructor="Old" version="0.0.1"> -->');
    expect(manifest).toContain('api-version="1.3.18"');
    expect(manifest).toContain('<resx path="strings/Sample.1033.resx" version="1.0.0" />');
  });

  it("sets the top-level version of both package.json files and nothing else", () => {
    stampVersion("2.3.4", root);
    expect(read("package.json")).toBe(PACKAGE_JSON.replace('"version": "1.0.0"', '"version": "2.3.4"'));
    expect(JSON.parse(read("shared", "package.json"))).toMatchObject({ name: "@integrationkit/shared", version: "2.3.4" });
    expect(read("package.json")).toContain('"devDependencies": { "x": "1.0.0" }');
  });

  it("is idempotent: a second run changes no file", () => {
    stampVersion("2.3.4", root);
    const before = [read("package.json"), read("shared", "package.json"), read("controls", "Sample", "ControlManifest.Input.xml")];
    const r = stampVersion("2.3.4", root);
    expect(r.changed).toEqual([]);
    expect(r.unchanged).toHaveLength(3);
    expect([read("package.json"), read("shared", "package.json"), read("controls", "Sample", "ControlManifest.Input.xml")]).toEqual(before);
  });

  it("refuses a version that is not X.Y.Z, and a manifest it cannot stamp, before writing anything", () => {
    expect(() => stampVersion("1.0", root)).toThrow('version "1.0" must have three numeric parts (X.Y.Z)');
    fs.mkdirSync(path.join(root, "controls", "Broken"));
    fs.writeFileSync(
      path.join(root, "controls", "Broken", "ControlManifest.Input.xml"),
      '<manifest><control namespace="IntegrationKit" constructor="Broken"></control></manifest>',
    );
    expect(() => stampVersion("2.3.4", root)).toThrow("<control> has no version attribute to stamp");
    expect(read("package.json")).toBe(PACKAGE_JSON);
    expect(read("controls", "Sample", "ControlManifest.Input.xml")).toBe(MANIFEST);
  });
});

describe("checkVersionStamps (the test stage's build: reads, never writes)", () => {
  it("names the files that disagree with the config and the command that fixes them, and writes nothing", () => {
    const before = [read("package.json"), read("controls", "Sample", "ControlManifest.Input.xml")];
    const r = checkVersionStamps("2.3.4", root);
    expect(r.changed.map((f) => path.relative(root, f).split(path.sep).join("/")).sort()).toEqual(
      ["controls/Sample/ControlManifest.Input.xml", "package.json", "shared/package.json"].sort(),
    );
    expect([read("package.json"), read("controls", "Sample", "ControlManifest.Input.xml")]).toEqual(before);
    const message = staleVersionMessage(r, root);
    expect(message).toContain("do not carry the solution version 2.3.4 from solution/solution.config.json");
    expect(message).toContain("controls/Sample/ControlManifest.Input.xml");
    expect(message).toContain("Run npm run stamp");
  });

  it("finds nothing to report once the files are stamped", () => {
    stampVersion("2.3.4", root);
    const r = checkVersionStamps("2.3.4", root);
    expect(r.changed).toEqual([]);
    expect(r.unchanged).toHaveLength(3);
  });

  it("agrees for the repository itself: its versioned files carry the config's version", () => {
    expect(checkVersionStamps().changed).toEqual([]);
  });
});

describe("stamp text edits", () => {
  it("handles single quotes and a version attribute written first", () => {
    expect(stampManifestText("<manifest><control version='1.0.0' namespace='N'/></manifest>", "1.1.0")).toBe(
      "<manifest><control version='1.1.0' namespace='N'/></manifest>",
    );
  });

  it("never mistakes api-version for version, whatever the attribute order", () => {
    expect(stampManifestText('<manifest><control api-version="1.3.18" version="1.0.0"/></manifest>', "1.1.0")).toBe(
      '<manifest><control api-version="1.3.18" version="1.1.0"/></manifest>',
    );
  });

  it("refuses a manifest with no <control> element", () => {
    expect(() => stampManifestText("<manifest><controls version='1.0.0'/></manifest>", "1.1.0")).toThrow("no <control> element");
  });

  it("adds a missing package.json version after the name, keeping the file's indentation", () => {
    expect(stampPackageJsonText('{\n    "name": "a",\n    "private": true\n}\n', "3.0.0")).toBe(
      '{\n    "name": "a",\n    "version": "3.0.0",\n    "private": true\n}\n',
    );
  });

  it("ignores a nested version key and refuses text that is not JSON", () => {
    const text = '{"name":"a","engines":{"version":"9"},"version":"1.0.0"}';
    expect(stampPackageJsonText(text, "1.2.0")).toBe('{"name":"a","engines":{"version":"9"},"version":"1.2.0"}');
    expect(() => stampPackageJsonText("{ name: a }", "1.2.0")).toThrow("not valid JSON");
  });
});
