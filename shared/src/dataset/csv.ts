import { plainText } from "./format";

/**
 * Characters that make spreadsheet programs treat a cell as a formula. The issue names = + - @;
 * OWASP's CSV-injection guidance adds tab and carriage return, which we neutralise too. A leading NUL
 * is neutralised as well: some programs drop it and then read what follows as the cell's start.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;
const FORMULA_CHAR = /[=+\-@\t\r\0]/;

/** Prefixes a leading apostrophe to text a spreadsheet would run as a formula (the text itself is kept). */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a value takes in a CSV cell: numbers and booleans as written, text neutralised. */
function csvCellText(value: unknown): string {
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return String(value);
  return neutraliseFormula(plainText(value));
}

/**
 * Quotes a field when it holds a quote, comma, CR or LF (RFC 4180), and also when it holds a `;` and a
 * formula character: where `;` is the list separator (many European locales), an unquoted `a;=1+1`
 * would become two cells, the second a live formula.
 */
function quote(field: string): string {
  const needs = /[",\r\n]/.test(field) || (field.includes(";") && FORMULA_CHAR.test(field));
  return needs ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A record of one empty field is written `""`: an empty line would be read as no record at all. */
function line(fields: string[]): string {
  return fields.length === 1 && fields[0] === "" ? '""' : fields.join(",");
}

/**
 * RFC 4180 CSV: CRLF line ends (also after the last record), fields quoted when they contain a quote,
 * comma, CR or LF (or a `;` with a formula character), quotes doubled. Rows shorter than the header
 * are padded, longer ones kept whole, so no loaded value is ever dropped.
 */
export function toCsv(header: string[], rows: unknown[][]): string {
  const width = header.length;
  const lines: string[] = [line(header.map((h) => quote(csvCellText(h))))];
  for (const row of rows) {
    const cells = Array.isArray(row) ? row : [];
    const fields: string[] = [];
    const n = Math.max(width, cells.length);
    for (let i = 0; i < n; i++) fields.push(quote(csvCellText(cells[i])));
    lines.push(line(fields));
  }
  return lines.join("\r\n") + "\r\n";
}
