// The verifier against hostile zips, each made here: every one is refused (or flagged) with a clear
// finding, never by throwing, within 5 s and 200 MB of resident memory, measured in a child process
// of its own that reads them from disk.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { LIMITS, main as verifyMain, verifySolutionZip } from "../../solution/scripts/verify";
import { HOSTILE_CASES, deflatedZeros, validEntries, writeZip } from "./hostile-zips";
import { type Measurement, measureInChild } from "./measure-verify";
import { makeTempDir } from "./zip-helpers";
import * as zlib from "zlib";

const TIME_LIMIT_MS = 5000;
const MEMORY_LIMIT_BYTES = 200 * 1024 * 1024;

describe("the hostile-zip generator", () => {
  it("writes a valid solution that the verifier accepts, so each case fails for its own reason", async () => {
    const r = await verifySolutionZip(writeZip(validEntries()));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("makes a bomb that really inflates to its size with the CRC it declares", () => {
    const bomb = deflatedZeros(8 * 1024 * 1024);
    const out = zlib.inflateRawSync(bomb.bytes);
    expect(out.length).toBe(8 * 1024 * 1024);
    expect(zlib.crc32(out)).toBe(bomb.crc32);
    expect(bomb.bytes.length).toBeLessThan(10_000);
  });
});

describe("verifySolutionZip on hostile zips, each read from disk by a fresh Node process", () => {
  // One child process verifies every case, one after the other, so the peak resident memory is the
  // verifier's (plus Node's start-up), not the test runner's; each case's test reads its own result.
  let dir: string;
  let baselineRssBytes = 0;
  const measured = new Map<string, Measurement>();
  beforeAll(async () => {
    dir = makeTempDir("hostile");
    const files = HOSTILE_CASES.map((c, i) => {
      const file = path.join(dir, `${String(i).padStart(2, "0")}.zip`);
      fs.writeFileSync(file, c.build());
      return file;
    });
    const result = await measureInChild(files);
    baselineRssBytes = result.baselineRssBytes;
    result.measurements.forEach((m, i) => measured.set(HOSTILE_CASES[i].name, m));
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("measured every case from a known starting memory", () => {
    expect(baselineRssBytes).toBeGreaterThan(0);
    expect([...measured.keys()]).toEqual(HOSTILE_CASES.map((c) => c.name));
  });

  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))(
    `%s: the right finding, within ${TIME_LIMIT_MS / 1000} s and ${MEMORY_LIMIT_BYTES / 1024 / 1024} MB peak RSS`,
    (name, c) => {
      const m = measured.get(name)!;
      // maxRSS only grows, so each figure bounds the peak of every case up to this one.
      expect({ underTime: m.ms < TIME_LIMIT_MS, underMemory: m.peakRssBytes < MEMORY_LIMIT_BYTES }).toEqual({
        underTime: true,
        underMemory: true,
      });
      if (c.expect === "refused") {
        expect(m.ok).toBe(false);
        expect(m.errors).toEqual(expect.arrayContaining([expect.stringContaining(c.message)]));
      } else if (c.expect === "flagged") {
        expect(m.errors).toEqual([]);
        expect(m.warnings).toEqual(expect.arrayContaining([expect.stringContaining(c.message)]));
      } else {
        expect(m.errors).toEqual([]);
        expect(m.ok).toBe(true);
      }
    },
  );
});

describe("verifySolutionZip on mangled bytes", () => {
  it("never throws and always answers with findings for mangled bytes of a valid zip", async () => {
    const valid = writeZip(validEntries());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat({ max: valid.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.option(fc.nat({ max: valid.length }), { nil: undefined }),
        async (edits, cut) => {
          const bytes = Buffer.from(valid);
          for (const { at, byte } of edits) bytes[at] = byte;
          const r = await verifySolutionZip(cut === undefined ? bytes : bytes.subarray(0, cut));
          expect(typeof r.ok).toBe("boolean");
          expect(r.ok).toBe(r.errors.length === 0);
          for (const e of r.errors) expect(e).not.toMatch(/could not finish/);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe("the verify command line", () => {
  it("checks every zip it is given and exits 1 when any fails", async () => {
    const dir = makeTempDir("verify-cli");
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const good = path.join(dir, "good.zip");
      const slip = path.join(dir, "slip.zip");
      const junk = path.join(dir, "junk.zip");
      fs.writeFileSync(good, writeZip(validEntries()));
      fs.writeFileSync(slip, HOSTILE_CASES[0].build());
      fs.writeFileSync(junk, "not a zip");
      expect(await verifyMain([good, slip, junk, path.join(dir, "missing.zip")])).toBe(1);
      const out = log.mock.calls.flat().join("\n");
      expect(out).toContain("OK   ");
      expect(out).toContain('entry "../../evil.js" contains ".."');
      expect(out).toContain("not a readable zip");
      expect(out).toContain("no such file");
      expect(out).toContain("verify: 3 of 4 zip(s) FAILED");
      log.mockClear();
      expect(await verifyMain([good])).toBe(0);
      expect(log.mock.calls.flat().join("\n")).toContain("verify: 1 zip(s) OK");
    } finally {
      log.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses an unknown option with the usage", async () => {
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await verifyMain(["--bogus"])).toBe(1);
      expect(err.mock.calls.flat().join("\n")).toContain("usage: npx tsx solution/scripts/verify.ts");
    } finally {
      err.mockRestore();
    }
  });

  it("states its limits: 10,000 entries, 16 MB of XML, 5,120 KB flagged", () => {
    expect(LIMITS.maxEntries).toBe(10_000);
    expect(LIMITS.maxXmlBytes).toBe(16 * 1024 * 1024);
    expect(LIMITS.flagFileBytes).toBe(5_120 * 1024);
  });
});
