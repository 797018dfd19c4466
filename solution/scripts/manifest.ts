// Reads a built control manifest (out/controls/<C>/ControlManifest.xml): the control's identity
// and every file it names. The packer and the verifier both use this, so they agree on what a
// control consists of.
import { asArray, attr, child, readXml, textOf, type XmlResult } from "./xml";

export const MANIFEST_FILE = "ControlManifest.xml";
/** pcf-scripts' production build writes the code as bundle.js; an input manifest names index.ts. */
const BUILT_CODE_PATH = "bundle.js";

export interface BuiltManifest {
  namespace: string;
  constructorName: string;
  version: string;
  codePath: string;
  /** Every file the manifest names, relative to the manifest's folder, "/"-separated, code first. */
  files: string[];
  /** The resx files among them. */
  resx: string[];
}

export type ManifestResult = { ok: true; manifest: BuiltManifest } | { ok: false; problems: string[] };

const NAMESPACE_PATTERN = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const CONSTRUCTOR_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONTROL_VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
const RESX_LCID = /\.(\d{4,5})\.resx$/i;

/** The name a control has in a solution (folder, CustomControl Name, RootComponent schemaName). */
export function solutionControlName(prefix: string, namespace: string, constructorName: string): string {
  return `${prefix}_${namespace}.${constructorName}`;
}

/** LCID in a resx file name such as strings/Foo.1031.resx, or undefined. */
export function resxLcid(fileName: string): number | undefined {
  const m = RESX_LCID.exec(fileName);
  return m ? Number(m[1]) : undefined;
}

/** Normalizes a manifest path to a zip-relative one; returns a problem text when it cannot be packed safely. */
function normalizeManifestPath(raw: string): { path: string } | { problem: string } {
  const p = raw
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(\.\/)+/, "");
  if (p === "") return { problem: "a resource has an empty path" };
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return { problem: `resource path "${raw}" must be relative` };
  if (p.split("/").some((seg) => seg === ".." || seg === "")) {
    return { problem: `resource path "${raw}" must stay inside the control folder (no "..", no empty segments)` };
  }
  return { path: p };
}

/** Parses and checks a built manifest's text. */
export function readBuiltManifest(text: string): ManifestResult {
  return builtManifestFrom(readXml(text));
}

/** Checks a built manifest already read (whole) with readXml or an XmlReader. */
export function builtManifestFrom(read: XmlResult): ManifestResult {
  if ("problem" in read) return { ok: false, problems: [`ControlManifest.xml is not well-formed XML (${read.problem})`] };
  const doc = read.doc;
  const controls = asArray(child(doc, "manifest")?.control);
  if (controls.length !== 1) {
    return { ok: false, problems: ["ControlManifest.xml must have one <manifest><control> element"] };
  }
  const control = controls[0];
  const problems: string[] = [];
  const namespace = attr(control, "namespace") ?? "";
  const constructorName = attr(control, "constructor") ?? "";
  const version = attr(control, "version") ?? "";
  if (!namespace) problems.push("<control> has no namespace attribute");
  else if (!NAMESPACE_PATTERN.test(namespace)) problems.push(`<control> namespace "${namespace}" is not a valid name`);
  if (!constructorName) problems.push("<control> has no constructor attribute");
  else if (!CONSTRUCTOR_PATTERN.test(constructorName)) {
    problems.push(`<control> constructor "${constructorName}" is not a valid name`);
  }
  if (!version) problems.push("<control> has no version attribute");
  else if (!CONTROL_VERSION_PATTERN.test(version)) problems.push(`<control> version "${version}" must be X.Y.Z`);

  const resources = child(control, "resources");
  const codes = asArray(resources?.code);
  const codePathRaw = codes.length === 1 ? attr(codes[0], "path") : undefined;
  if (codePathRaw === undefined) {
    problems.push("<resources> must have exactly one <code path=...> element");
  } else if (codePathRaw.trim() !== BUILT_CODE_PATH) {
    problems.push(
      `not a built manifest: its code path is "${codePathRaw}", expected "${BUILT_CODE_PATH}" ` +
        "(pack the ControlManifest.xml that pcf-scripts writes to out/controls/<C>/, not ControlManifest.Input.xml)",
    );
  }

  const named: string[] = [];
  if (codePathRaw !== undefined) named.push(codePathRaw);
  const preview = attr(control, "preview-image");
  if (preview !== undefined) named.push(preview);
  const resxRaw: string[] = [];
  for (const kind of ["css", "resx", "img", "html"]) {
    for (const el of asArray(resources?.[kind])) {
      const p = attr(el, "path");
      if (p === undefined) problems.push(`a <${kind}> element has no path attribute`);
      else {
        named.push(p);
        if (kind === "resx") resxRaw.push(p);
      }
    }
  }
  for (const lib of asArray(resources?.library)) {
    for (const packaged of asArray(lib.packaged_library)) {
      const p = attr(packaged, "path");
      if (p !== undefined) named.push(p);
    }
  }

  const files: string[] = [];
  const resx: string[] = [];
  for (const raw of named) {
    const n = normalizeManifestPath(raw);
    if ("problem" in n) {
      problems.push(n.problem);
      continue;
    }
    if (!files.includes(n.path)) files.push(n.path);
    if (resxRaw.includes(raw) && !resx.includes(n.path)) resx.push(n.path);
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    manifest: { namespace, constructorName, version, codePath: BUILT_CODE_PATH, files, resx },
  };
}

/** The resheader values every .resx of Visual Studio and pac carries. */
const RESX_HEADERS: Record<string, (v: string) => boolean> = {
  resmimetype: (v) => v === "text/microsoft-resx",
  version: (v) => v === "2.0",
  reader: (v) => v.startsWith("System.Resources.ResXResourceReader"),
  writer: (v) => v.startsWith("System.Resources.ResXResourceWriter"),
};

/**
 * What is wrong with a .resx text, or undefined: "xml" when it is not well-formed (or unsafe) XML,
 * "header" when it lacks the standard header that Visual Studio and pac write: <root> with an
 * <xsd:schema id="root"> and the resmimetype, version, reader and writer resheaders.
 */
export function resxProblem(text: string): ResxProblem | undefined {
  return resxProblemFrom(readXml(text, { keep: RESX_KEEP }));
}

export interface ResxProblem {
  kind: "xml" | "header";
  message: string;
}

/** The parts of a .resx the header check reads: the string entries themselves are only scanned. */
export const RESX_KEEP = [
  ["root", "xsd:schema"],
  ["root", "resheader"],
] as const;

/** resxProblem for a .resx already read with readXml or an XmlReader (keeping at least RESX_KEEP). */
export function resxProblemFrom(read: XmlResult): ResxProblem | undefined {
  if ("problem" in read) return { kind: "xml", message: `is not well-formed XML (${read.problem})` };
  const root = child(read.doc, "root");
  if (!root) return { kind: "header", message: "has no <root> element (not a .resx string table)" };
  const missing: string[] = [];
  if (attr(child(root, "xsd:schema"), "id") !== "root") missing.push('<xsd:schema id="root">');
  const headers = new Map(asArray(root.resheader).map((h) => [attr(h, "name") ?? "", textOf(h, "value") ?? ""]));
  for (const [name, ok] of Object.entries(RESX_HEADERS)) {
    const value = headers.get(name);
    if (value === undefined || !ok(value)) missing.push(`resheader "${name}"`);
  }
  return missing.length === 0
    ? undefined
    : { kind: "header", message: `lacks the standard .resx header that Visual Studio and pac write: ${missing.join(", ")}` };
}
