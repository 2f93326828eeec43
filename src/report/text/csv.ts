/**
 * One value as a CSV field (RFC 4180), safe in every spreadsheet. A field is
 * quoted when it holds a comma, a quote, a line break, or a semicolon or tab,
 * which spreadsheets in many locales (German, French, Dutch) use as the
 * separator instead of a comma; inner quotes are doubled. A spreadsheet runs
 * a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return)
 * as a formula, and a program that splits on another separator would start a
 * cell after it: wherever such a character starts the value or follows a
 * separator, a single quote goes before it, which makes the cell text.
 */
export type CsvValue = string | number | null | undefined;

/** A formula's first character, at the start or after any separator a spreadsheet may use. */
const FORMULA = /(^|[,;\t|\r\n])(?=[=+\-@\t\r])/g;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') text = text.replace(FORMULA, "$1'");
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte-order mark, without which Excel on Windows reads UTF-8 as another code page (`é` as `Ã©`). */
export const BYTE_ORDER_MARK = '\uFEFF';
