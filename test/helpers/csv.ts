import { parse } from "csv-parse/sync";

/**
 * The oracle for our CSV writer: csv-parse, an independent and widely used RFC 4180 parser. Strict
 * about quoting (an unclosed or stray quote throws); rows may differ in length, as `toCsv` keeps
 * long rows whole. `skipEmptyLines` reads the way spreadsheet imports do, dropping blank lines.
 */
export function parseCsv(text: string, options: { skipEmptyLines?: boolean } = {}): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: options.skipEmptyLines === true });
}
