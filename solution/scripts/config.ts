// The solution's identity, read from solution/solution.config.json (the one place it is written down)
// and checked against the rules Dataverse applies at import ("Create a solution", its publisher section:
// learn.microsoft.com/power-apps/maker/data-platform/create-solution).
import * as fs from "fs";
import * as path from "path";

/** Repository root: solution/scripts/ is two levels below it. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const CONFIG_PATH = path.join(REPO_ROOT, "solution", "solution.config.json");

export interface PublisherConfig {
  uniqueName: string;
  displayName: string;
  description: string;
  /** Customization prefix; bound to every control at its first import, so it never changes. */
  prefix: string;
  /** Option value prefix (10000-99999); chosen once, never changes. */
  optionValuePrefix: number;
}

export interface SolutionConfig {
  uniqueName: string;
  displayName: string;
  description: string;
  /** X.Y.Z: package.json and manifests take it as is, solution.xml takes X.Y.Z.0. */
  version: string;
  publisher: PublisherConfig;
}

export const UNIQUE_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** 2-8 letters or digits, starting with a letter; Dataverse reserves prefixes starting with "mscrm". */
export const PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9]{1,7}$/;
export const OPTION_VALUE_PREFIX_MIN = 10000;
export const OPTION_VALUE_PREFIX_MAX = 99999;
/** Control manifests and package.json need three numeric parts. */
export const VERSION_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** Returns why a customization prefix is not acceptable to Dataverse, or undefined when it is. */
export function prefixProblem(prefix: string): string | undefined {
  if (!PREFIX_PATTERN.test(prefix)) {
    return `publisher prefix "${prefix}" must be 2-8 letters or digits starting with a letter`;
  }
  if (prefix.toLowerCase().startsWith("mscrm")) {
    return `publisher prefix "${prefix}" must not start with "mscrm" (reserved by Dataverse)`;
  }
  return undefined;
}

/** Returns why an option value prefix is not acceptable, or undefined when it is. */
export function optionValuePrefixProblem(value: unknown): string | undefined {
  const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < OPTION_VALUE_PREFIX_MIN || n > OPTION_VALUE_PREFIX_MAX) {
    return `option value prefix "${String(value)}" must be a whole number from ${OPTION_VALUE_PREFIX_MIN} to ${OPTION_VALUE_PREFIX_MAX}`;
  }
  return undefined;
}

/** The four-part version written into solution.xml. */
export function solutionXmlVersion(version: string): string {
  return `${version}.0`;
}

function requireString(obj: Record<string, unknown>, key: string, where: string, problems: string[]): string {
  const v = obj[key];
  if (typeof v !== "string" || v.trim() === "") {
    problems.push(`${where}${key} must be a non-empty string`);
    return "";
  }
  return v;
}

/** Checks a parsed config object; throws one Error listing every problem. */
export function validateSolutionConfig(raw: unknown, source = "solution config"): SolutionConfig {
  const problems: string[] = [];
  if (typeof raw !== "object" || raw === null) throw new Error(`${source}: must be a JSON object`);
  const obj = raw as Record<string, unknown>;
  const uniqueName = requireString(obj, "uniqueName", "", problems);
  const displayName = requireString(obj, "displayName", "", problems);
  const description = requireString(obj, "description", "", problems);
  const version = requireString(obj, "version", "", problems);
  if (uniqueName && !UNIQUE_NAME_PATTERN.test(uniqueName)) {
    problems.push(`uniqueName "${uniqueName}" must be letters, digits and underscores, not starting with a digit`);
  }
  if (version && !VERSION_PATTERN.test(version)) {
    problems.push(`version "${version}" must have three numeric parts (X.Y.Z); solution.xml gets X.Y.Z.0`);
  }
  const pubRaw = obj.publisher;
  let publisher: PublisherConfig = { uniqueName: "", displayName: "", description: "", prefix: "", optionValuePrefix: 0 };
  if (typeof pubRaw !== "object" || pubRaw === null) {
    problems.push("publisher must be an object");
  } else {
    const pub = pubRaw as Record<string, unknown>;
    publisher = {
      uniqueName: requireString(pub, "uniqueName", "publisher.", problems),
      displayName: requireString(pub, "displayName", "publisher.", problems),
      description: requireString(pub, "description", "publisher.", problems),
      prefix: requireString(pub, "prefix", "publisher.", problems),
      optionValuePrefix: pub.optionValuePrefix as number,
    };
    if (publisher.uniqueName && !UNIQUE_NAME_PATTERN.test(publisher.uniqueName)) {
      problems.push(`publisher.uniqueName "${publisher.uniqueName}" must be letters, digits and underscores`);
    }
    const prefixIssue = publisher.prefix ? prefixProblem(publisher.prefix) : undefined;
    if (prefixIssue) problems.push(prefixIssue);
    if (typeof pub.optionValuePrefix !== "number") {
      problems.push("publisher.optionValuePrefix must be a number");
    } else {
      const ovpIssue = optionValuePrefixProblem(pub.optionValuePrefix);
      if (ovpIssue) problems.push(ovpIssue);
    }
  }
  if (problems.length > 0) throw new Error(`${source} is invalid:\n  - ${problems.join("\n  - ")}`);
  return { uniqueName, displayName, description, version, publisher };
}

/** Reads and checks solution/solution.config.json (or another path). */
export function loadSolutionConfig(configPath: string = CONFIG_PATH): SolutionConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(configPath, "utf8"));
  } catch (e) {
    throw new Error(`cannot read solution config ${configPath}: ${(e as Error).message}`);
  }
  return validateSolutionConfig(raw, configPath);
}
