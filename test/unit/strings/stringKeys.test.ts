import { renderStringKeys, resxKeys, stringKeysFiles } from "../../../solution/scripts/string-keys";

describe("generated string keys", () => {
  it.each(stringKeysFiles().map((f) => [f.control, f] as const))(
    "%s: StringKeys.ts matches its 1033 .resx (run `npm run strings`)",
    (_, f) => {
      expect(f.actual).toBe(f.expected);
    },
  );

  it("reads keys with an XML parser, including escaped text and the schema header", () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><root><xsd:schema id="root" xmlns:xsd="http://www.w3.org/2001/XMLSchema"/>
      <data name="A_Key" xml:space="preserve"><value>a &amp; b &lt;c&gt;</value></data>
      <data name="B" xml:space="preserve"><value/></data></root>`;
    expect(resxKeys(xml)).toEqual(["A_Key", "B"]);
    expect(renderStringKeys("X", ["B", "A_Key", "B"])).toContain('export type StringKey =\n  | "A_Key"\n  | "B";');
  });
});
