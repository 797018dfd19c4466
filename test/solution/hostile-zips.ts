// Hostile solution zips, made in memory by the tests and the bench (no binary fixtures): a small
// valid solution to start from, a raw zip writer that stores whatever names and sizes it is told
// (duplicates, lying headers, invalid UTF-8, ZIP64 counts), and one builder per hostile case.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { loadSolutionConfig } from "../../solution/scripts/config";
import {
  CONTENT_TYPES_FILE,
  CUSTOMIZATIONS_FILE,
  SOLUTION_FILE,
  contentTypesXml,
  customizationsXml,
  solutionXml,
} from "../../solution/scripts/templates";

const FIXTURE_DIR = path.resolve(__dirname, "..", "fixtures", "solution", "FixtureControl");
export const CONTROL = "ikit_IntegrationKit.FixtureControl";
export const FOLDER = `Controls/${CONTROL}`;

interface RawZipEntry {
  /** Stored as given: a string is written as UTF-8 bytes. */
  name: string | Buffer;
  /** Content to deflate (or store with method 0). */
  data?: Buffer;
  /** Already-deflated bytes, with the real CRC and size of what they inflate to. */
  deflated?: { bytes: Buffer; crc32: number; size: number };
  method?: 0 | 8;
  /** Overrides the uncompressed size written in both headers (a lie when it differs). */
  declaredSize?: number;
  /** Overrides the CRC-32 written in both headers. */
  crc32?: number;
  /** Overrides the compression method written in both headers (the bytes stay as they are). */
  declaredMethod?: number;
  /** Sets the "encrypted" flag (bit 0). */
  encrypted?: boolean;
}

interface Prepared {
  name: Buffer;
  method: number;
  crc: number;
  compressed: Buffer;
  size: number;
  flags: number;
}

function prepare(e: RawZipEntry): Prepared {
  const p = prepareData(e);
  return {
    ...p,
    crc: e.crc32 ?? p.crc,
    method: e.declaredMethod ?? p.method,
    // Bit 11: names are UTF-8 (as .NET and pac write non-ASCII names); bit 0: encrypted.
    flags: 0x0800 | (e.encrypted ? 1 : 0),
  };
}

function prepareData(e: RawZipEntry): Omit<Prepared, "flags"> {
  const name = typeof e.name === "string" ? Buffer.from(e.name, "utf8") : e.name;
  if (e.deflated) {
    return { name, method: 8, crc: e.deflated.crc32, compressed: e.deflated.bytes, size: e.declaredSize ?? e.deflated.size };
  }
  const data = e.data ?? Buffer.alloc(0);
  const method = e.method ?? 8;
  return {
    name,
    method,
    crc: zlib.crc32(data),
    compressed: method === 8 ? zlib.deflateRawSync(data) : data,
    size: e.declaredSize ?? data.length,
  };
}

/** Writes a zip with the entries exactly as given; ZIP64 end records when there are over 65,534. */
export function writeZip(entries: readonly RawZipEntry[]): Buffer {
  const prepared = entries.map(prepare);
  const dataSize = prepared.reduce((n, e) => n + 30 + e.name.length + e.compressed.length, 0);
  const cdSize = prepared.reduce((n, e) => n + 46 + e.name.length, 0);
  const zip64 = prepared.length > 0xfffe;
  const out = Buffer.alloc(dataSize + cdSize + (zip64 ? 76 : 0) + 22);
  let at = 0;
  let cd = dataSize;
  for (const e of prepared) {
    const offset = at;
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(e.flags, at + 6);
    out.writeUInt16LE(e.method, at + 8);
    out.writeUInt16LE(0, at + 10); // time
    out.writeUInt16LE(0x21, at + 12); // 1980-01-01
    out.writeUInt32LE(e.crc >>> 0, at + 14);
    out.writeUInt32LE(e.compressed.length, at + 18);
    out.writeUInt32LE(e.size, at + 22);
    out.writeUInt16LE(e.name.length, at + 26);
    out.writeUInt16LE(0, at + 28);
    at += 30;
    at += e.name.copy(out, at);
    at += e.compressed.copy(out, at);
    out.writeUInt32LE(0x02014b50, cd);
    out.writeUInt16LE(20, cd + 4);
    out.writeUInt16LE(20, cd + 6);
    out.writeUInt16LE(e.flags, cd + 8);
    out.writeUInt16LE(e.method, cd + 10);
    out.writeUInt16LE(0, cd + 12);
    out.writeUInt16LE(0x21, cd + 14);
    out.writeUInt32LE(e.crc >>> 0, cd + 16);
    out.writeUInt32LE(e.compressed.length, cd + 20);
    out.writeUInt32LE(e.size, cd + 24);
    out.writeUInt16LE(e.name.length, cd + 28);
    out.writeUInt32LE(offset, cd + 42);
    cd += 46;
    cd += e.name.copy(out, cd);
  }
  const count = prepared.length;
  if (zip64) {
    out.writeUInt32LE(0x06064b50, cd);
    out.writeBigUInt64LE(44n, cd + 4);
    out.writeUInt16LE(45, cd + 12);
    out.writeUInt16LE(45, cd + 14);
    out.writeBigUInt64LE(BigInt(count), cd + 24);
    out.writeBigUInt64LE(BigInt(count), cd + 32);
    out.writeBigUInt64LE(BigInt(cdSize), cd + 40);
    out.writeBigUInt64LE(BigInt(dataSize), cd + 48);
    const z64At = cd;
    cd += 56;
    out.writeUInt32LE(0x07064b50, cd);
    out.writeBigUInt64LE(BigInt(z64At), cd + 8);
    out.writeUInt32LE(1, cd + 16);
    cd += 20;
  }
  out.writeUInt32LE(0x06054b50, cd);
  out.writeUInt16LE(Math.min(count, 0xffff), cd + 8);
  out.writeUInt16LE(Math.min(count, 0xffff), cd + 10);
  out.writeUInt32LE(cdSize, cd + 12);
  out.writeUInt32LE(dataSize, cd + 16);
  return out;
}

const MiB = 1024 * 1024;
const zeroCrcs = new Map<number, number>();

/**
 * `size` zero bytes as a deflate stream of about size/1000 bytes (1 GiB in about 1 MB): one
 * sync-flushed block of 1 MiB of zeros repeated (each block only refers back within itself, so the
 * copies chain), then an empty final block.
 */
export function deflatedZeros(size: number): { bytes: Buffer; crc32: number; size: number } {
  if (size % MiB !== 0) throw new Error("test setup: size must be whole MiB");
  const zeros = Buffer.alloc(MiB);
  const block = zlib.deflateRawSync(zeros, { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 });
  const count = size / MiB;
  let crc = zeroCrcs.get(size);
  if (crc === undefined) {
    crc = 0;
    for (let i = 0; i < count; i++) crc = zlib.crc32(zeros, crc);
    zeroCrcs.set(size, crc);
  }
  const bytes = Buffer.concat([...Array<Buffer>(count).fill(block), Buffer.from([0x03, 0x00])]);
  return { bytes, crc32: crc, size };
}

/** The entries of a small valid solution with the fixture control, made from our own templates. */
export function validEntries(): RawZipEntry[] {
  const config = { ...loadSolutionConfig(), version: "1.0.0" };
  const controlFiles = ["ControlManifest.xml", "bundle.js", "strings/FixtureControl.1033.resx"].map((rel) => ({
    name: `${FOLDER}/${rel}`,
    data: fs.readFileSync(path.join(FIXTURE_DIR, ...rel.split("/"))),
  }));
  const names = [CONTENT_TYPES_FILE, SOLUTION_FILE, CUSTOMIZATIONS_FILE, ...controlFiles.map((f) => f.name)];
  return [
    { name: CONTENT_TYPES_FILE, data: contentTypesXml(names, [CONTROL]) },
    { name: SOLUTION_FILE, data: solutionXml(config, false, [CONTROL]) },
    { name: CUSTOMIZATIONS_FILE, data: customizationsXml([CONTROL], [1033]) },
    ...controlFiles,
  ];
}

function replaced(name: string, change: (e: RawZipEntry) => RawZipEntry): RawZipEntry[] {
  const entries = validEntries();
  const i = entries.findIndex((e) => e.name === name);
  if (i < 0) throw new Error(`test setup: no ${name}`);
  entries[i] = change(entries[i]);
  return entries;
}

function withText(name: string, change: (text: string) => string): RawZipEntry[] {
  return replaced(name, (e) => {
    const before = (e.data ?? Buffer.alloc(0)).toString("utf8");
    const after = change(before);
    if (after === before) throw new Error(`test setup: edit of ${name} changed nothing`);
    return { ...e, data: Buffer.from(after, "utf8") };
  });
}

const extra = (entry: RawZipEntry): RawZipEntry[] => [...validEntries(), entry];

/** A security role as Dataverse exports them, shortened: about 100 bytes and 3 elements. */
const ROLE = '<Role name="Sales"><RolePrivileges><RolePrivilege name="prvReadAccount" level="Global" /></RolePrivileges></Role>';

const BILLION_LAUGHS = [
  '<?xml version="1.0"?>',
  "<!DOCTYPE ImportExportXml [",
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`),
  "]>",
].join("\n");

export interface HostileCase {
  name: string;
  build: () => Buffer;
  /**
   * refused: the result is not ok; flagged: a warning, the zip may still pass; accepted: valid, but
   * built to cost as much as the limits allow (the point is the time and memory it takes).
   */
  expect: "refused" | "flagged" | "accepted";
  /** Text the finding (error or warning) contains; for accepted, the message is only shown. */
  message: string;
}

/** `size` bytes of well-formed XML: the element repeated inside `<root>`. */
function xmlOfSize(size: number, element: string): Buffer {
  return Buffer.from(`<root>${element.repeat(Math.floor((size - 13) / element.length))}</root>`, "utf8");
}

const GiB = 1024 * MiB;

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "zip-slip ../",
    build: () => writeZip(extra({ name: "../../evil.js", data: Buffer.from("x") })),
    expect: "refused",
    message: 'entry "../../evil.js" contains ".."',
  },
  {
    name: "zip-slip inside Controls/",
    build: () => writeZip(extra({ name: `${FOLDER}/../../../evil.js`, data: Buffer.from("x") })),
    expect: "refused",
    message: 'contains ".."',
  },
  {
    name: "absolute name",
    build: () => writeZip(extra({ name: "/etc/evil.js", data: Buffer.from("x") })),
    expect: "refused",
    message: 'entry "/etc/evil.js" starts with "/"',
  },
  {
    name: "drive letter",
    build: () => writeZip(extra({ name: "C:/Windows/evil.js", data: Buffer.from("x") })),
    expect: "refused",
    message: "starts with a drive letter",
  },
  {
    name: "backslashes",
    build: () => writeZip(extra({ name: "Controls\\..\\evil.js", data: Buffer.from("x") })),
    expect: "refused",
    message: 'uses "\\"',
  },
  {
    name: "./ segment",
    build: () => writeZip(extra({ name: `${FOLDER}/./bundle2.js`, data: Buffer.from("x") })),
    expect: "refused",
    message: 'contains a "./" segment',
  },
  {
    name: "// segment",
    build: () => writeZip(extra({ name: `Controls//bundle2.js`, data: Buffer.from("x") })),
    expect: "refused",
    message: 'contains an empty segment ("//")',
  },
  {
    name: "duplicate name",
    build: () => writeZip(extra({ name: SOLUTION_FILE, data: Buffer.from("<ImportExportXml/>") })),
    expect: "refused",
    message: 'duplicate entry: "solution.xml" appears more than once',
  },
  {
    name: "duplicate name, other case",
    build: () => writeZip(extra({ name: "Solution.xml", data: Buffer.from("<ImportExportXml/>") })),
    expect: "refused",
    message: 'duplicate entry: "solution.xml" and "Solution.xml" differ only in case',
  },
  {
    name: "NUL in a name",
    build: () => writeZip(extra({ name: "bundle.js\u0000.xml", data: Buffer.from("x") })),
    expect: "refused",
    message: "contains a NUL character (U+0000)",
  },
  {
    name: "control character in a name",
    build: () => writeZip(extra({ name: "a\u001b[31m.js", data: Buffer.from("x") })),
    expect: "refused",
    message: "contains a control character (U+001B)",
  },
  {
    name: "name not valid UTF-8",
    build: () => writeZip(extra({ name: Buffer.from([0x43, 0xff, 0xfe, 0x2e, 0x6a, 0x73]), data: Buffer.from("x") })),
    expect: "refused",
    message: "an entry name is not valid UTF-8 (bytes 43 ff fe 2e 6a 73)",
  },
  {
    name: "1 GiB bomb as a root file",
    build: () => writeZip(replaced(CUSTOMIZATIONS_FILE, () => ({ name: CUSTOMIZATIONS_FILE, deflated: deflatedZeros(GiB) }))),
    expect: "refused",
    message: 'entry "customizations.xml" declares 1,048,576 KB; XML files over 16,384 KB are refused',
  },
  {
    name: "1 GiB bomb as a control file",
    build: () => writeZip(extra({ name: `${FOLDER}/bomb.js`, deflated: deflatedZeros(GiB) })),
    expect: "refused",
    message: "declares 1,048,576 KB, over the largest web resource Dataverse takes (131,072 KB)",
  },
  {
    name: "6 MiB control file",
    build: () => writeZip(extra({ name: `${FOLDER}/big.js`, deflated: deflatedZeros(6 * MiB) })),
    expect: "flagged",
    message: "is 6,144 KB, over Dataverse's default limit of 5,120 KB",
  },
  {
    name: "size header that lies (root file)",
    build: () =>
      writeZip(replaced(CUSTOMIZATIONS_FILE, () => ({ name: CUSTOMIZATIONS_FILE, deflated: deflatedZeros(GiB), declaredSize: 1000 }))),
    expect: "refused",
    message: 'entry "customizations.xml": its size header lies',
  },
  {
    name: "size header that lies (control file)",
    build: () => writeZip(extra({ name: `${FOLDER}/bundle2.js`, deflated: deflatedZeros(GiB), declaredSize: 10 })),
    expect: "refused",
    message: "its size header lies",
  },
  {
    name: "billion laughs DTD",
    build: () =>
      writeZip(
        withText(SOLUTION_FILE, (t) =>
          t.replace(/^\uFEFF?<\?xml[^>]*\?>/, BILLION_LAUGHS).replace("<UniqueName>IntegrationKit<", "<UniqueName>&lol9;<"),
        ),
      ),
    expect: "refused",
    message: "solution.xml is not well-formed XML (line 13, column 2: a DOCTYPE is not allowed",
  },
  {
    name: "external entity DTD",
    build: () =>
      writeZip(
        withText(CUSTOMIZATIONS_FILE, (t) =>
          t
            .replace(
              /^\uFEFF?<\?xml[^>]*\?>/,
              '<?xml version="1.0"?><!DOCTYPE ImportExportXml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
            )
            .replace("<Roles />", "<Roles>&secret;</Roles>"),
        ),
      ),
    expect: "refused",
    message: "customizations.xml is not well-formed XML (line 1, column 94: a DOCTYPE is not allowed",
  },
  {
    name: "DTD in a control manifest",
    build: () =>
      writeZip(
        withText(`${FOLDER}/ControlManifest.xml`, (t) =>
          t.replace(/^\uFEFF?<\?xml[^>]*\?>/, '<?xml version="1.0"?><!DOCTYPE manifest SYSTEM "http://example.invalid/m.dtd">'),
        ),
      ),
    expect: "refused",
    message: "ControlManifest.xml is not well-formed XML (line 1, column 78: a DOCTYPE is not allowed",
  },
  {
    name: "200,000-deep nesting",
    build: () =>
      writeZip(
        withText(CUSTOMIZATIONS_FILE, (t) => t.replace("<Roles />", `<Roles>${"<a>".repeat(200_000)}${"</a>".repeat(200_000)}</Roles>`)),
      ),
    expect: "refused",
    message: "elements nest deeper than 256 levels",
  },
  {
    name: "100,000 entries",
    build: () =>
      writeZip([...validEntries(), ...Array.from({ length: 100_000 }, (_, i) => ({ name: `${FOLDER}/f${i}.js`, method: 0 as const }))]),
    expect: "refused",
    message: "the zip has 100,006 entries; more than 10,000 is refused",
  },
  {
    name: "15 MiB of elements where the checks read (4 million)",
    build: () =>
      writeZip(withText(CUSTOMIZATIONS_FILE, (t) => t.replace("<CustomControls>", `<CustomControls>${"<a/>".repeat((15 * MiB) / 4)}`))),
    expect: "refused",
    message: "more than 100,000 elements to read",
  },
  {
    name: "15 MiB of elements the checks skip (4 million)",
    build: () => writeZip(withText(CUSTOMIZATIONS_FILE, (t) => t.replace("<Roles />", `<Roles>${"<a/>".repeat((15 * MiB) / 4)}</Roles>`))),
    expect: "refused",
    message: "more than 1,000,000 elements",
  },
  {
    name: "15 MiB customizations.xml of roles (470,000 elements)",
    build: () =>
      writeZip(
        withText(CUSTOMIZATIONS_FILE, (t) => t.replace("<Roles />", `<Roles>${ROLE.repeat(Math.floor((15 * MiB) / ROLE.length))}</Roles>`)),
      ),
    expect: "accepted",
    message: "valid, read within the limits",
  },
  {
    name: "three 15 MiB .resx files",
    build: () =>
      writeZip([
        ...validEntries(),
        ...[1025, 1031, 3082].map((lcid) => ({
          name: `${FOLDER}/strings/FixtureControl.${lcid}.resx`,
          data: xmlOfSize(15 * MiB, '<data name="k"><value>v</value></data>'),
        })),
      ]),
    expect: "refused",
    message: "the XML files to read come to more than 32,768 KB in all",
  },
  {
    name: "150 MiB in 30 control files",
    build: () =>
      writeZip([
        ...validEntries(),
        ...Array.from({ length: 30 }, (_, i) => ({ name: `${FOLDER}/part${i}.js`, deflated: deflatedZeros(5 * MiB) })),
      ]),
    expect: "refused",
    message: "the zip inflates to more than 131,072 KB in all",
  },
  {
    name: "CRC-32 that does not match",
    build: () => writeZip(extra({ name: `${FOLDER}/extra.js`, data: Buffer.from("console.log(1);"), crc32: 0x12345678 })),
    expect: "refused",
    message: "CRC-32 does not match: the entry is corrupt",
  },
  {
    name: "encrypted entry",
    build: () => writeZip(extra({ name: `${FOLDER}/extra.js`, data: Buffer.from("x"), encrypted: true })),
    expect: "refused",
    message: "is encrypted",
  },
  {
    name: "unknown compression method (LZMA)",
    build: () => writeZip(extra({ name: `${FOLDER}/extra.js`, data: Buffer.from("x"), declaredMethod: 14 })),
    expect: "refused",
    message: "uses compression method 14; only stored (0) and deflate (8) can be read",
  },
  {
    name: "truncated zip",
    build: () => {
      const whole = writeZip(validEntries());
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
    expect: "refused",
    message: "not a readable zip (truncated, or not a zip at all)",
  },
  {
    name: "not a zip",
    build: () => Buffer.from("<ImportExportXml>this is XML, not a zip</ImportExportXml>"),
    expect: "refused",
    message: "not a readable zip",
  },
  { name: "empty file", build: () => Buffer.alloc(0), expect: "refused", message: "not a readable zip" },
];
