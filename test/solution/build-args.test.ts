import { parseBuildArgs } from "../../solution/scripts/build";

describe("build command line (node:util parseArgs)", () => {
  it("builds, stamps and packs everything in production by default", () => {
    expect(parseBuildArgs([])).toEqual({ mode: "production", pack: true, checkVersion: false });
  });

  it("checks the version instead of stamping for the test stage", () => {
    expect(parseBuildArgs(["--check-version"])).toEqual({ mode: "production", pack: true, checkVersion: true });
  });

  it("skips the build's own type check only when asked (npm test's typecheck stage has just run tsc)", () => {
    expect(parseBuildArgs(["--check-version"])).not.toHaveProperty("skipTypecheck");
    expect(parseBuildArgs(["--check-version", "--no-typecheck"])).toEqual({
      mode: "production",
      pack: true,
      checkVersion: true,
      skipTypecheck: true,
    });
  });

  it("builds one control without packing, named by option or position", () => {
    expect(parseBuildArgs(["--no-pack", "--control", "VirtualTablePreview"])).toMatchObject({
      control: "VirtualTablePreview",
      pack: false,
    });
    expect(parseBuildArgs(["ThrottlingEventPanel"])).toMatchObject({ control: "ThrottlingEventPanel", pack: false });
  });

  it("never packs development bundles", () => {
    expect(parseBuildArgs(["--mode", "development"])).toMatchObject({ mode: "development", pack: false });
  });

  it("refuses an unknown mode, an unknown option and a second control", () => {
    expect(() => parseBuildArgs(["--mode", "debug"])).toThrow('--mode must be production or development, not "debug"');
    expect(() => parseBuildArgs(["--bogus"])).toThrow(/bogus/);
    expect(() => parseBuildArgs(["A", "B"])).toThrow('Unknown argument "B"');
  });
});
