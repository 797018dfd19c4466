import { plainText } from "./format";

/**
 * Characters that make spreadsheet programs treat a cell as a formula. The issue names = + - @;
 * OWASP's CSV-injection guidance adds tab and carriage return, which we neutralise too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a leading apostrophe to text a spreadsheet would run as a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a value takes in a CSV cell: numbers and booleans as written, text neutralised. */
export function csvCellText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return String(value);
  return neutraliseFormula(plainText(value));
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * RFC 4180 CSV: CRLF line ends (also after the last record), fields quoted when they contain a quote,
 * comma, CR or LF, quotes doubled. Rows shorter than the header are padded, longer ones kept whole,
 * so no loaded value is ever dropped.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const width = header.length;
  const lines: string[] = [header.map((h) => quote(csvCellText(h))).join(",")];
  for (const row of rows) {
    const cells = Array.isArray(row) ? row : [];
    const fields: string[] = [];
    const n = Math.max(width, cells.length);
    for (let i = 0; i < n; i++) fields.push(quote(csvCellText(cells[i])));
    lines.push(fields.join(","));
  }
  return lines.join("\r\n") + "\r\n";
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    public readonly offset: number,
  ) {
    super(message);
    this.name = "CsvParseError";
  }
}

/**
 * RFC 4180 parser (also accepts bare LF line ends). A final line end does not add an empty record.
 * Throws CsvParseError on a quote inside an unquoted field or an unterminated quoted field.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
    atFieldStart = true;
  };
  while (i < n) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      i++;
      for (;;) {
        if (i >= n) throw new CsvParseError("Unterminated quoted field", i);
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else {
          field += c;
          i++;
        }
      }
      atFieldStart = false;
      if (i < n && text[i] !== "," && text[i] !== "\r" && text[i] !== "\n") throw new CsvParseError("Text after a closing quote", i);
      continue;
    }
    if (ch === ",") {
      record.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      endRecord();
      i += 2;
    } else if (ch === "\n") {
      endRecord();
      i++;
    } else if (ch === '"') {
      throw new CsvParseError("Quote inside an unquoted field", i);
    } else {
      field += ch;
      atFieldStart = false;
      i++;
    }
  }
  if (!atFieldStart || field !== "" || record.length > 0) endRecord();
  return records;
}
