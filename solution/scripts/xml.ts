// Small XML helpers shared by the packer and the verifier: a bounded, streaming reader that refuses
// unsafe XML with a readable message and keeps every value as text, and writers for pac's file form
// (BOM + CRLF).
import { SaxesParser } from "saxes";

export type XmlNode = Record<string, unknown>;

const BOM = "\uFEFF";

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Element nesting allowed in a solution's XML. Dataverse's own exports nest about 15 deep (forms in
 * customizations.xml); nothing here should ever meet 200,000.
 */
export const MAX_XML_DEPTH = 256;
/** Elements built into a tree from one file (the rest of a big file is only scanned). */
export const MAX_XML_ELEMENTS = 100_000;
/**
 * Elements in one file, built or only scanned. 16 MB of real solution XML (elements with names,
 * attributes and text) holds a few hundred thousand; only a file made of bare tags comes near this.
 */
export const MAX_XML_SCANNED_ELEMENTS = 1_000_000;

export interface ReadXmlOptions {
  /**
   * Element paths from the root element down, such as ["ImportExportXml", "CustomControls"]: only
   * these subtrees (and the elements on the way to them) are built; the rest is scanned for
   * well-formedness and safety but kept out of memory. Absent: the whole document is built.
   */
  keep?: readonly (readonly string[])[];
  maxDepth?: number;
  maxElements?: number;
  maxScannedElements?: number;
}

class StopScan extends Error {}

interface Frame {
  name: string;
  node: XmlNode | undefined;
  text: string;
}

function attach(parent: XmlNode, name: string, value: unknown): void {
  const existing = parent[name];
  if (existing === undefined) parent[name] = value;
  else if (Array.isArray(existing)) (existing as unknown[]).push(value);
  else parent[name] = [existing, value];
}

export type XmlResult = { doc: XmlNode } | { problem: string };

/**
 * Reads XML in one streaming pass (saxes, a conformant non-validating parser), fed in pieces as they
 * arrive, and refuses what is unsafe before it costs anything: a DOCTYPE (entity expansion such as
 * "billion laughs", external entities), nesting deeper than maxDepth, more than maxElements built
 * elements or maxScannedElements in all. The tree has the shape fast-xml-parser gives with attributes
 * as "@_name" and every value as text: an element with only text is its (trimmed) text, "" when
 * empty; one with attributes or children is an object, its text under "#text"; repeated children
 * become arrays. Problems read "line L, column C: reason".
 */
export class XmlReader {
  private readonly parser = new SaxesParser({ position: true });
  private readonly doc: XmlNode = {};
  private readonly stack: Frame[] = [];
  private readonly path: string[] = [];
  private built = 0;
  private scanned = 0;
  private started = false;
  private sawContent = false;
  private problem: string | undefined;

  constructor(private readonly options: ReadXmlOptions = {}) {
    const maxDepth = options.maxDepth ?? MAX_XML_DEPTH;
    const maxElements = options.maxElements ?? MAX_XML_ELEMENTS;
    const maxScanned = options.maxScannedElements ?? MAX_XML_SCANNED_ELEMENTS;
    const { parser, stack, path } = this;
    parser.on("doctype", () => this.stop("a DOCTYPE is not allowed (entity expansion and external entities are refused)"));
    parser.on("opentag", (tag) => {
      path.push(tag.name);
      if (path.length > maxDepth) this.stop(`elements nest deeper than ${maxDepth} levels`);
      if (++this.scanned > maxScanned) this.stop(`more than ${maxScanned.toLocaleString("en-US")} elements`);
      const parentBuilt = stack.length === 0 || stack[stack.length - 1].node !== undefined;
      let node: XmlNode | undefined;
      if (parentBuilt && this.builds(path)) {
        if (++this.built > maxElements) this.stop(`more than ${maxElements.toLocaleString("en-US")} elements to read`);
        node = {};
        const attributes = tag.attributes as Record<string, string | { value: string }>;
        for (const [k, v] of Object.entries(attributes)) node[`@_${k}`] = typeof v === "string" ? v : v.value;
      }
      stack.push({ name: tag.name, node, text: "" });
    });
    const onText = (t: string): void => {
      const top = stack[stack.length - 1];
      if (top?.node !== undefined) top.text += t;
    };
    parser.on("text", onText);
    parser.on("cdata", onText);
    parser.on("closetag", () => {
      const frame = stack.pop();
      path.pop();
      if (!frame?.node) return;
      const trimmed = frame.text.trim();
      let value: unknown;
      if (Object.keys(frame.node).length === 0) value = trimmed;
      else {
        if (trimmed !== "") frame.node["#text"] = trimmed;
        value = frame.node;
      }
      const parent = stack[stack.length - 1];
      attach(parent?.node ?? this.doc, frame.name, value);
    });
    parser.on("error", (e: Error) => this.stop(e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")));
  }

  /** False once a problem is found: the rest of the input need not be read. */
  get ok(): boolean {
    return this.problem === undefined;
  }

  /** Feeds the next piece of text (the first may start with a byte order mark). */
  write(text: string): void {
    if (this.problem !== undefined || text === "") return;
    let piece = text;
    if (!this.started) {
      this.started = true;
      piece = stripBom(piece);
    }
    if (!this.sawContent && piece.trim() !== "") this.sawContent = true;
    this.run(() => this.parser.write(piece));
  }

  close(): XmlResult {
    if (this.problem === undefined && !this.sawContent) return { problem: "file is empty" };
    this.run(() => this.parser.close());
    return this.problem !== undefined ? { problem: this.problem } : { doc: this.doc };
  }

  private builds(path: readonly string[]): boolean {
    const keep = this.options.keep;
    return (
      keep === undefined ||
      keep.some((k) => {
        const n = Math.min(k.length, path.length);
        for (let i = 0; i < n; i++) if (k[i] !== path[i]) return false;
        return true; // path leads to k, or lies inside it
      })
    );
  }

  private stop(reason: string): never {
    this.problem = `line ${this.parser.line}, column ${this.parser.column}: ${reason}`;
    throw new StopScan(reason);
  }

  private run(step: () => unknown): void {
    if (this.problem !== undefined) return;
    try {
      step();
    } catch (e) {
      if (!(e instanceof StopScan)) this.problem = `not well-formed: ${(e as Error).message}`;
    }
  }
}

/** Reads a whole XML text (see XmlReader). */
export function readXml(text: string, options: ReadXmlOptions = {}): XmlResult {
  const reader = new XmlReader(options);
  reader.write(text);
  return reader.close();
}

/** Undefined when the text is well-formed XML that is safe to read (see readXml), else why not. */
export function xmlProblem(text: string): string | undefined {
  const r = readXml(text, { keep: [] });
  return "problem" in r ? r.problem : undefined;
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
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** pac writes its XML files as UTF-8 with a byte order mark and CRLF line ends. */
export function pacText(lines: readonly string[]): Buffer {
  return Buffer.from(BOM + lines.join("\r\n"), "utf8");
}
