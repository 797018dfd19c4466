// Small XML helpers shared by the packer and the verifier: well-formedness checks with a readable
// message, a parser that keeps every value as text, and writers for pac's file form (BOM + CRLF).
import { XMLParser, XMLValidator } from "fast-xml-parser";

export type XmlNode = Record<string, unknown>;

const BOM = "\uFEFF";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Undefined when the text is well-formed XML, else "line L, column C: reason". */
export function xmlProblem(text: string): string | undefined {
  const body = stripBom(text);
  if (body.trim() === "") return "file is empty";
  const result = XMLValidator.validate(body, { allowBooleanAttributes: false });
  if (result === true) return undefined;
  const { line, col, msg } = result.err;
  return `line ${line}, column ${col}: ${msg}`;
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
  const list = Array.isArray(value) ? value : [value];
  // An empty element (<Foo />) parses as "": treat it as a node with no attributes or children.
  return list.map((v) => (typeof v === "object" && v !== null ? (v as XmlNode) : ({ "#text": v } as XmlNode)));
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
  const first = Array.isArray(v) ? v[0] : v;
  if (typeof first === "string" || typeof first === "number") return String(first);
  if (typeof first === "object" && first !== null) {
    const t = (first as XmlNode)["#text"];
    return t === undefined ? "" : String(t);
  }
  return undefined;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const v = node[`@_${name}`];
  return v === undefined ? undefined : String(v);
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
