// The verifier's XML reader: the same tree fast-xml-parser gives (checked against it on generated
// documents), only the parts asked for, and refusals for what is unsafe, fed whole or in pieces.
import fc from "fast-check";
import { XMLParser } from "fast-xml-parser";
import { MAX_XML_DEPTH, MAX_XML_ELEMENTS, MAX_XML_SCANNED_ELEMENTS, XmlReader, readXml, xmlProblem } from "../../solution/scripts/xml";

const oracle = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
});

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: El[];
}

const escape = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const serialize = (e: El): string =>
  `<${e.name}${Object.entries(e.attrs)
    .map(([k, v]) => ` ${k}="${escape(v)}"`)
    .join("")}>${escape(e.text)}${e.children.map(serialize).join("")}</${e.name}>`;

const name = fc.constantFrom("a", "b", "Name", "Language", "CustomControl");
/** Characters XML 1.0 allows in text, less CR (which XML reads as LF). */
const xmlChar = (c: string): boolean => {
  const code = c.codePointAt(0) ?? 0;
  return code === 0x9 || code === 0xa || (code >= 0x20 && code < 0xd800) || (code > 0xdfff && code < 0xfffe);
};
const text = fc.oneof(
  fc.constant(""),
  fc.string({ maxLength: 8 }).filter((t) => [...t].every(xmlChar)),
);
// fast-xml-parser trims attribute values too; readXml keeps them as written, so the oracle sees none to trim.
const attrs = fc.dictionary(
  fc.constantFrom("x", "id", "type"),
  text.map((t) => t.trim()),
  { maxKeys: 2 },
);
const elementOfDepth = (depth: number): fc.Arbitrary<El> =>
  fc.record({
    name,
    attrs,
    text,
    children: depth === 0 ? fc.constant([]) : fc.array(elementOfDepth(depth - 1), { maxLength: 3 }),
  });
const element = elementOfDepth(3);

describe("readXml", () => {
  it("gives the tree fast-xml-parser gives, for any document (values kept as text)", () => {
    fc.assert(
      fc.property(element, (root) => {
        // Text beside child elements is a mixed-content case solution XML never has.
        const strip = (e: El): El => ({ ...e, text: e.children.length > 0 ? "" : e.text, children: e.children.map(strip) });
        const xml = serialize(strip(root));
        const r = readXml(xml);
        expect(r).toEqual({ doc: oracle.parse(xml) as unknown });
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same result fed in pieces of any size", () => {
    fc.assert(
      fc.property(element, fc.integer({ min: 1, max: 7 }), (root, size) => {
        const xml = `\uFEFF<?xml version="1.0"?>${serialize(root)}`;
        const reader = new XmlReader();
        for (let i = 0; i < xml.length; i += size) reader.write(xml.slice(i, i + size));
        expect(reader.close()).toEqual(readXml(xml));
      }),
      { numRuns: 200 },
    );
  });

  it("builds only the parts asked for", () => {
    const xml =
      "<ImportExportXml><Entities><Entity><Name>x</Name></Entity></Entities><Languages><Language>1033</Language><Language>1031</Language></Languages></ImportExportXml>";
    expect(readXml(xml, { keep: [["ImportExportXml", "Languages"]] })).toEqual({
      doc: { ImportExportXml: { Languages: { Language: ["1033", "1031"] } } },
    });
  });

  it.each([
    ["a DOCTYPE", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "a DOCTYPE is not allowed"],
    [
      "nesting past the limit",
      `${"<a>".repeat(MAX_XML_DEPTH + 1)}${"</a>".repeat(MAX_XML_DEPTH + 1)}`,
      `elements nest deeper than ${MAX_XML_DEPTH} levels`,
    ],
    ["too many elements to build", `<r>${"<a/>".repeat(MAX_XML_ELEMENTS)}</r>`, "more than 100,000 elements to read"],
    ["an undefined entity", "<a>&nope;</a>", "undefined entity"],
    ["a second root", "<a/><b/>", "documents may contain only one root"],
    ["an empty file", "\uFEFF  ", "file is empty"],
  ])("refuses %s", (_label, xml, message) => {
    const r = readXml(xml);
    expect(r).toEqual({ problem: expect.stringContaining(message) as unknown });
  });

  it("refuses more elements than it scans, even where it builds nothing", () => {
    expect(xmlProblem(`<r>${"<a/>".repeat(MAX_XML_SCANNED_ELEMENTS)}</r>`)).toMatch(/^line 1, column \d+: more than 1,000,000 elements$/);
  });

  it("says where a problem is", () => {
    expect(xmlProblem("<a>\n  <b></a>")).toBe("line 2, column 9: unexpected close tag.");
    expect(xmlProblem("<a/>")).toBeUndefined();
  });
});
