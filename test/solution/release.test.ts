import * as fs from "fs";
import * as path from "path";
import { loadSolutionConfig } from "../../solution/scripts/config";
import { packAndVerify } from "../../solution/scripts/release";
import { main as stampMain } from "../../solution/scripts/stamp-version";
import { FIXTURE_CONTROL_DIR, copyDir, makeTempDir } from "./zip-helpers";

const config = { ...loadSolutionConfig(), version: "1.0.0" };
let tmp: string;
let builtDir: string;
let outDir: string;

beforeEach(() => {
  tmp = makeTempDir("release");
  builtDir = path.join(tmp, "controls");
  outDir = path.join(tmp, "bin");
  copyDir(FIXTURE_CONTROL_DIR, path.join(builtDir, "FixtureControl"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("packAndVerify (npm run pack:solution, and the last step of npm run build)", () => {
  it("packs every built control and prints the verifier's summary of both zips", async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const r = await packAndVerify({ outDir, builtDir, controls: ["FixtureControl"], config });
    expect(fs.readdirSync(outDir).sort()).toEqual([path.basename(r.managedZip), path.basename(r.unmanagedZip)].sort());
    const out = log.mock.calls.flat().join("\n");
    expect(out).toContain("IntegrationKit 1.0.0.0 unmanaged, 1 control(s)");
    expect(out).toContain("IntegrationKit 1.0.0.0 managed, 1 control(s)");
  });

  it("refuses when a control of the set was not built, rather than leave it out of the zips", async () => {
    await expect(packAndVerify({ outDir, builtDir, controls: ["FixtureControl", "ThrottlingEventPanel"], config })).rejects.toThrow(
      "not built, so not packed: ThrottlingEventPanel",
    );
    expect(fs.existsSync(outDir)).toBe(false);
  });
});

describe("stamp-version command line", () => {
  it("--check passes on the repository, whose files carry the config's version", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    expect(stampMain(["--check"])).toBe(0);
    expect(log.mock.calls.flat().join("\n")).toMatch(/stamp-version: \d+\.\d+\.\d+: all \d+ file\(s\) agree/);
  });

  it("takes no version argument: the config is the one source", () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    expect(stampMain(["2.0.0"])).toBe(1);
    expect(err.mock.calls.flat().join("\n")).toContain("takes no version argument");
    expect(stampMain(["--bogus"])).toBe(1);
  });
});
