// A bounded reader for untrusted zips, over yauzl: the central directory is walked entry by entry
// with raw (undecoded) names, and an entry is inflated only on request, counting bytes against a
// cap and checking its CRC-32. Nothing here throws for a bad zip: every failure is a message.
import * as zlib from "zlib";
import * as yauzl from "yauzl";

export interface RawEntry {
  /** The name bytes exactly as stored in the central directory. */
  nameBytes: Buffer;
  /** The name decoded as UTF-8, or undefined when the bytes are not valid UTF-8. */
  name: string | undefined;
  /** Declared sizes, from the central directory (yauzl resolves ZIP64 fields). */
  uncompressedSize: number;
  compressedSize: number;
  compressionMethod: number;
  encrypted: boolean;
  crc32: number;
  /** The yauzl entry, for reading. */
  entry: yauzl.Entry;
}

export interface OpenedZip {
  entryCount: number;
  /** Reads the central directory; stops early (with `problem`) past maxEntries or on a broken record. */
  readEntries(maxEntries: number): Promise<{ entries: RawEntry[]; problem?: string }>;
  /**
   * Inflates one entry, refusing more than `cap` bytes; checks the declared size and the CRC-32.
   * Each piece goes to `onData` as it is inflated and is not kept; when onData returns false the
   * rest is not inflated (the caller has seen enough).
   */
  readEntry(entry: RawEntry, cap: number, onData?: (chunk: Buffer) => boolean): Promise<{ done: true } | { problem: string }>;
  close(): void;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function decodeName(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const OPTIONS: yauzl.Options = {
  lazyEntries: true,
  // Raw names: yauzl's own name check would stop at the first bad name; we report every one.
  decodeStrings: false,
  // yauzl stops an inflating stream as soon as it yields more (or fewer) bytes than declared.
  validateEntrySizes: true,
  autoClose: false,
};

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Opens a zip from a path or bytes; resolves with a problem instead of rejecting. */
export function openZip(input: string | Buffer): Promise<{ zip: OpenedZip } | { problem: string }> {
  return new Promise((resolve) => {
    const done = (err: Error | null, zipfile?: yauzl.ZipFile): void => {
      if (err || !zipfile) resolve({ problem: message(err) });
      else resolve({ zip: wrap(zipfile) });
    };
    try {
      if (typeof input === "string") yauzl.open(input, OPTIONS, done);
      else yauzl.fromBuffer(input, OPTIONS, done);
    } catch (e) {
      resolve({ problem: message(e) });
    }
  });
}

function wrap(zipfile: yauzl.ZipFile): OpenedZip {
  // Errors outside a pending read (after close) must not crash the process.
  zipfile.on("error", () => undefined);
  return {
    entryCount: zipfile.entryCount,
    close: () => {
      try {
        zipfile.close();
      } catch {
        // already closed
      }
    },
    readEntries: (maxEntries) =>
      new Promise((resolve) => {
        const entries: RawEntry[] = [];
        const finish = (problem?: string): void => {
          zipfile.removeListener("entry", onEntry);
          zipfile.removeListener("end", onEnd);
          zipfile.removeListener("error", onError);
          resolve({ entries, problem });
        };
        const onEntry = (e: yauzl.Entry): void => {
          const nameBytes = e.fileNameRaw;
          entries.push({
            nameBytes,
            name: decodeName(nameBytes),
            uncompressedSize: e.uncompressedSize,
            compressedSize: e.compressedSize,
            compressionMethod: e.compressionMethod,
            encrypted: e.isEncrypted(),
            crc32: e.crc32,
            entry: e,
          });
          if (entries.length > maxEntries) finish(`more than ${maxEntries.toLocaleString("en-US")} entries`);
          else zipfile.readEntry();
        };
        const onEnd = (): void => finish();
        const onError = (err: Error): void => finish(err.message);
        zipfile.on("entry", onEntry);
        zipfile.once("end", onEnd);
        zipfile.once("error", onError);
        zipfile.readEntry();
      }),
    readEntry: (raw, cap, onData) =>
      new Promise((resolve) => {
        if (raw.uncompressedSize > cap) {
          resolve({
            problem: `declares ${raw.uncompressedSize.toLocaleString("en-US")} bytes, over the limit of ${cap.toLocaleString("en-US")}`,
          });
          return;
        }
        zipfile.openReadStream(raw.entry, (err, stream) => {
          if (err || !stream) {
            resolve({ problem: message(err) });
            return;
          }
          let total = 0;
          let crc = 0;
          let settled = false;
          const settle = (r: { done: true } | { problem: string }): void => {
            if (settled) return;
            settled = true;
            resolve(r);
          };
          stream.on("data", (chunk: Buffer) => {
            total += chunk.length;
            // Belt and braces: yauzl already stops at the declared size, which is at most the cap.
            if (total > cap) {
              stream.destroy();
              settle({ problem: `inflates to more than ${cap.toLocaleString("en-US")} bytes` });
              return;
            }
            crc = zlib.crc32(chunk, crc);
            if (onData && !onData(chunk)) {
              stream.destroy();
              settle({ done: true });
            }
          });
          stream.once("error", (e: Error) => {
            stream.destroy();
            settle({ problem: /too many bytes|not enough bytes/.test(e.message) ? `its size header lies (${e.message})` : e.message });
          });
          stream.once("end", () => {
            if (crc >>> 0 !== raw.crc32 >>> 0) settle({ problem: "CRC-32 does not match: the entry is corrupt" });
            else settle({ done: true });
          });
        });
      }),
  };
}
