// Small XML helpers shared by the packer and the verifier: a safety and well-formedness check with a
// readable message, a parser that keeps every value as text, and writers for pac's file form (BOM + CRLF).
import { XMLParser } from "fast-xml-parser";
import { SaxesParser } from "saxes";

export type XmlNode = Record<string, unknown>;

const BOM = "\uFEFF";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Element nesting allowed in a solution's XML. Dataverse's own exports nest about 15 deep (forms in
 * customizations.xml); a parser that recurses per level must never meet 200,000.
 */
export const MAX_XML_DEPTH = 256;

class StopScan extends Error {}

/**
 * Undefined when the text is well-formed XML that is safe to parse, else "line L, column C: reason".
 * A streaming scan (saxes) runs before any tree is built: it refuses a DOCTYPE (entity expansion such
 * as "billion laughs", external entities) and nesting deeper than maxDepth, and stops at the first problem.
 */
export function xmlProblem(text: string, maxDepth: number = MAX_XML_DEPTH): string | undefined {
  const body = stripBom(text);
  if (body.trim() === "") return "file is empty";
  const parser = new SaxesParser({ position: true });
  let depth = 0;
  let problem: string | undefined;
  const stop = (reason: string): never => {
    problem = `line ${parser.line}, column ${parser.column}: ${reason}`;
    throw new StopScan(reason);
  };
  parser.on("doctype", () => stop("a DOCTYPE is not allowed (entity expansion and external entities are refused)"));
  parser.on("opentag", () => {
    depth++;
    if (depth > maxDepth) stop(`elements nest deeper than ${maxDepth} levels`);
  });
  parser.on("closetag", () => {
    depth--;
  });
  parser.on("error", (e: Error) => stop(e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")));
  try {
    parser.write(body).close();
  } catch (e) {
    if (!(e instanceof StopScan)) problem = `not well-formed: ${(e as Error).message}`;
  }
  return problem;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Versions such as "1.0.0.0" and flags such as "0" must stay text.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

/** Parses text already checked by xmlProblem. */
export function parseXml(text: string): XmlNode {
  return parser.parse(stripBom(text)) as XmlNode;
}

/** Elements that may appear once or many times come back as an object or an array: always get an array. */
export function asArray(value: unknown): XmlNode[] {
  if (value === undefined || value === null) return [];
  const list: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  // An empty element (<Foo />) parses as "": treat it as a node with no attributes or children.
  return list.map((v): XmlNode => (typeof v === "object" && v !== null ? (v as XmlNode) : { "#text": v }));
}

/** A parsed scalar (text, number or boolean) as text; undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The child node of an element, or undefined ("" for an empty element counts as present). */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  const v = node[name];
  if (v === undefined) return undefined;
  return asArray(v)[0];
}

/** Text content of an element: <A>text</A> parses as "text", <A x="1">text</A> as { "#text": "text" }. */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const v = node[name];
  if (v === undefined) return undefined;
  const first: unknown = Array.isArray(v) ? (v as unknown[])[0] : v;
  if (typeof first === "object" && first !== null) {
    const t = (first as XmlNode)["#text"];
    return t === undefined ? "" : scalarText(t);
  }
  return scalarText(first);
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  return scalarText(node[`@_${name}`]);
}

export function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** pac writes its XML files as UTF-8 with a byte order mark and CRLF line ends. */
export function pacText(lines: readonly string[]): Buffer {
  return Buffer.from(BOM + lines.join("\r\n"), "utf8");
}
