/** @jest-environment node */
import * as fs from "fs";
import * as path from "path";
import { loadSolutionConfig, solutionXmlVersion, validateSolutionConfig } from "../../solution/scripts/config";
import { makeTempDir } from "./zip-helpers";

const good = loadSolutionConfig();

describe("solution/solution.config.json", () => {
  it("holds the solution's fixed identity", () => {
    expect(good.uniqueName).toBe("IntegrationKit");
    expect(good.displayName).toBe("Integration Kit");
    // Fixed for the life of the controls: Dataverse binds the prefix to a control at first import.
    expect(good.publisher.prefix).toBe("ikit");
    expect(good.publisher.optionValuePrefix).toBe(51420);
    expect(good.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(solutionXmlVersion(good.version)).toBe(`${good.version}.0`);
  });

  it.each([
    ["a prefix starting with mscrm", { publisher: { ...good.publisher, prefix: "mscrmkit" } }, 'must not start with "mscrm"'],
    ["a nine-letter prefix", { publisher: { ...good.publisher, prefix: "integrati" } }, "must be 2-8 letters or digits"],
    ["a prefix with an underscore", { publisher: { ...good.publisher, prefix: "ik_t" } }, "must be 2-8 letters or digits"],
    ["an option value prefix too large", { publisher: { ...good.publisher, optionValuePrefix: 100000 } }, "from 10000 to 99999"],
    [
      "an option value prefix as text",
      { publisher: { ...good.publisher, optionValuePrefix: "51420" } },
      "optionValuePrefix must be a number",
    ],
    ["a two-part version", { version: "1.0" }, "must have three numeric parts"],
    ["a four-part version", { version: "1.0.0.0" }, "must have three numeric parts"],
    ["a unique name with a space", { uniqueName: "Integration Kit" }, 'uniqueName "Integration Kit" must be letters'],
    ["an empty display name", { displayName: " " }, "displayName must be a non-empty string"],
    ["no publisher", { publisher: null }, "publisher must be an object"],
  ])("rejects %s", (_label, change, message) => {
    expect(() => validateSolutionConfig({ ...good, ...change })).toThrow(message);
  });

  it("names the file when it cannot be read", () => {
    const dir = makeTempDir("config");
    try {
      const file = path.join(dir, "solution.config.json");
      fs.writeFileSync(file, "{ not json");
      expect(() => loadSolutionConfig(file)).toThrow(`cannot read solution config ${file}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
