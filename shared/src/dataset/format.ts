import type { ColumnKind, GridCell } from "./types";

/**
 * Formatting functions the control passes in (from `context.formatting` and its .resx), so that this
 * file stays pure and testable.
 */
export interface CellFormatters {
  date(value: Date): string;
  dateTime(value: Date): string;
  integer(value: number): string;
  decimal(value: number): string;
  currency(value: number): string;
  yes: string;
  no: string;
}

/** Longest text a cell shows before truncating; the full value stays available (tooltip, CSV). */
const CELL_TEXT_LIMIT = 200;

function referenceName(value: unknown): string {
  if (value === null || typeof value !== "object") return "";
  const v = value as { name?: unknown; id?: unknown };
  if (typeof v.name === "string" && v.name !== "") return v.name;
  if (typeof v.id === "string") return v.id;
  if (v.id && typeof v.id === "object" && typeof (v.id as { guid?: unknown }).guid === "string") return (v.id as { guid: string }).guid;
  return "";
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string" && value !== "") {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

/** Plain text of any value, never throwing, never "[object Object]". */
export function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  if (Array.isArray(value)) return value.map(plainText).join("; ");
  const name = referenceName(value);
  if (name !== "") return name;
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    // Cyclic or otherwise unserialisable: say what it is rather than invent a value.
    return Object.prototype.toString.call(value);
  }
}

/**
 * The text a cell shows. A host-formatted text wins (hosts format choices, lookups and currency with
 * metadata we do not have); otherwise the raw value is formatted by kind; values of the wrong type are
 * shown as plain text, never interpreted.
 */
export function cellDisplayText(cell: GridCell, kind: ColumnKind, f: CellFormatters): string {
  if (cell.text !== null && cell.text !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return "";
  if (cell.mismatch) return plainText(v);
  try {
    switch (kind) {
      case "whole":
        return f.integer(v as number);
      case "decimal":
        return f.decimal(v as number);
      case "currency":
        return f.currency(v as number);
      case "date": {
        const d = toDate(v);
        return d ? f.date(d) : plainText(v);
      }
      case "datetime": {
        const d = toDate(v);
        return d ? f.dateTime(d) : plainText(v);
      }
      case "boolean":
        return v === true ? f.yes : f.no;
      case "lookup":
        return plainText(v);
      default:
        return plainText(v);
    }
  } catch {
    return plainText(v);
  }
}

/** The value written to CSV: machine-friendly (ISO dates, plain numbers) where the type is known. */
export function cellExportValue(cell: GridCell, kind: ColumnKind): string | number | boolean | null {
  const v = cell.value;
  if (v === null || v === undefined) return cell.text ?? null;
  if (cell.mismatch) return plainText(v);
  switch (kind) {
    case "whole":
    case "decimal":
    case "currency":
      return v as number;
    case "boolean":
      return v as boolean;
    case "date": {
      const d = toDate(v);
      return d ? d.toISOString().slice(0, 10) : plainText(v);
    }
    case "datetime": {
      const d = toDate(v);
      return d ? d.toISOString() : plainText(v);
    }
    case "choice":
    case "choices":
      return cell.text ?? plainText(v);
    default:
      return plainText(v);
  }
}

interface TruncatedText {
  shown: string;
  full: string;
  truncated: boolean;
}

/** Cuts long text at `limit` characters (not inside a surrogate pair) and marks it with an ellipsis. */
export function truncateText(full: string, limit = CELL_TEXT_LIMIT): TruncatedText {
  if (full.length <= limit) return { shown: full, full, truncated: false };
  let cut = limit;
  const code = full.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return { shown: full.slice(0, cut) + "\u2026", full, truncated: true };
}
