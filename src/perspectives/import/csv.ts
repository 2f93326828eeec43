/**
 * Reads the CSV that form tools and spreadsheets export: UTF-8 with or without
 * a byte-order mark (Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode text"),
 * or Windows-1252 (Excel's older "CSV"); commas, semicolons (Excel where the
 * decimal mark is a comma) or tabs; CRLF, LF or CR line ends; and cells quoted
 * RFC 4180's way, which may hold separators, quotes and line breaks. Each row
 * keeps its number as a spreadsheet shows it (the header is row 1), so every
 * problem can be pointed at `file:row:column`.
 */

export interface CsvRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  separator: ',' | ';' | '\t';
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

export type CsvRead = { ok: true; table: CsvTable } | { ok: false; message: string; row?: number; column?: number };

export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvTable['encoding'] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    // TextDecoder drops a UTF-8 byte-order mark itself.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator used most on the header line, outside quotes. */
function separatorOf(text: string): CsvTable['separator'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
  }
  return counts[';'] > counts[','] && counts[';'] >= counts['\t'] ? ';' : counts['\t'] > counts[','] ? '\t' : ',';
}

export function parseCsv(bytes: Uint8Array): CsvRead {
  const { text, encoding } = decodeCsv(bytes);
  if (text.includes('\u0000')) return { ok: false, message: 'This is not a CSV file: it holds binary data (is it a spreadsheet saved as .xlsx? Save it as CSV first).' };
  const separator = separatorOf(text);
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteRow = 0;
  let quoteColumn = 0;
  let row = 1;
  let started = false;
  const endCell = (): void => {
    cells.push(cell);
    cell = '';
  };
  const endRow = (): void => {
    endCell();
    records.push({ row: records.length + 1, cells });
    cells = [];
    started = false;
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      quoteRow = row;
      quoteColumn = cells.length + 1;
      started = true;
    } else if (c === separator) {
      endCell();
      started = true;
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      cell += c;
      started = true;
    }
  }
  if (quoted) return { ok: false, message: 'A quoted cell starts here but its closing quote is missing, so the rest of the file would be read as one cell.', row: quoteRow, column: quoteColumn };
  if (started || cell !== '') endRow();
  const [first, ...rest] = records;
  if (!first || first.cells.every((c) => c.trim() === '')) return { ok: false, message: 'This file is empty: it needs a first row naming the questions, then one row for each person who answered.', row: 1, column: 1 };
  return { ok: true, table: { header: first.cells, rows: rest, separator, encoding } };
}

/** A column's letters as a spreadsheet shows them: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
