// The verifier against hostile zips, each made here in memory: every one is refused (or flagged)
// with a clear finding, never by throwing, within 5 s (the per-test timeout) and, measured in a
// child process of its own, within 200 MB of resident memory.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { LIMITS, main as verifyMain, verifySolutionZip } from "../../solution/scripts/verify";
import { HOSTILE_CASES, deflatedZeros, validEntries, writeZip } from "./hostile-zips";
import { measureInChild } from "./measure-verify";
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

// Each case's zip, made once (about a second for all of them) for both the in-process tests and the
// child-process measurement, and before the tests, so each test's 5 s covers the verifier alone.
const zips = new Map<string, Buffer>();
beforeAll(() => {
  for (const c of HOSTILE_CASES) zips.set(c.name, c.build());
}, 60_000);

describe("verifySolutionZip on hostile zips", () => {
  it.each(HOSTILE_CASES.map((c) => [c.name, c] as const))(
    "%s",
    async (name, c) => {
      const r = await verifySolutionZip(zips.get(name)!);
      if (c.expect === "refused") {
        expect(r.ok).toBe(false);
        expect(r.errors).toEqual(expect.arrayContaining([expect.stringContaining(c.message)]));
      } else if (c.expect === "flagged") {
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual(expect.arrayContaining([expect.stringContaining(c.message)]));
      } else {
        expect(r.errors).toEqual([]);
        expect(r.ok).toBe(true);
      }
    },
    TIME_LIMIT_MS,
  );

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

describe("time and memory, each zip read from disk by a fresh Node process", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("hostile");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`stays within ${TIME_LIMIT_MS / 1000} s and ${MEMORY_LIMIT_BYTES / 1024 / 1024} MB peak RSS for every case`, async () => {
    const files = HOSTILE_CASES.map((c, i) => {
      const file = path.join(dir, `${String(i).padStart(2, "0")}.zip`);
      fs.writeFileSync(file, zips.get(c.name)!);
      return file;
    });
    const { baselineRssBytes, measurements } = await measureInChild(files);
    expect(baselineRssBytes).toBeGreaterThan(0);
    expect(measurements).toHaveLength(HOSTILE_CASES.length);
    measurements.forEach((m, i) => {
      const c = HOSTILE_CASES[i];
      // maxRSS only grows, so each figure bounds the peak of every case up to this one.
      expect({ case: c.name, underTime: m.ms < TIME_LIMIT_MS, underMemory: m.peakRssBytes < MEMORY_LIMIT_BYTES }).toEqual({
        case: c.name,
        underTime: true,
        underMemory: true,
      });
      if (c.expect === "accepted") expect(m.ok).toBe(true);
      else expect((c.expect === "refused" ? m.errors : m.warnings).some((f) => f.includes(c.message))).toBe(true);
    });
    // The limit per case is the 5 s above; the whole child (Node start-up, every case) may take longer
    // when the other jest worker shares the machine's two cores.
  }, 180_000);
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
