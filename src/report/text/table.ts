/**
 * A table with fixed column widths and wrapped words, drawn exactly as
 * cli-table3 draws it (`wordWrap: true`, fixed `colWidths`, no colour), for
 * text in which every character is one column wide. cli-table3 measures each
 * character with string-width and its emoji pattern, which on a cold start
 * cost more than auditing a whole file (bench/README.md); the terminal report
 * keeps cli-table3 for any text this cannot be sure of (wide or combining
 * characters, tabs, colour codes). tests/table.test.ts draws the same tables
 * with both and compares them.
 */

/**
 * Characters one column wide to string-width 4 (cli-table3's measure), none
 * of them emoji: printable ASCII, Latin letters and accents, punctuation, and
 * the report's own marks (✔ ✖ ▲ ◆ ◐ ● † …).
 */
const ONE_COLUMN = /^[\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u2193\u25b2\u25c6\u25cf\u25d0\u2714\u2716]*$/;

const BORDER = {
  top: ['┌', '┬', '┐'],
  between: ['├', '┼', '┤'],
  bottom: ['└', '┴', '┘'],
} as const;

/** The table, or undefined when some cell holds a character this cannot measure. */
export function drawTable(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, widths: readonly number[]): string | undefined {
  const table = [head, ...rows].map((row) => row.map(String));
  if (!table.every((row) => row.every((cell) => ONE_COLUMN.test(cell)))) return undefined;
  const rule = (edge: readonly [string, string, string]): string => edge[0] + widths.map((width) => '─'.repeat(width)).join(edge[1]) + edge[2];
  const lines: string[] = [];
  table.forEach((row, index) => {
    lines.push(rule(index === 0 ? BORDER.top : BORDER.between));
    // One space of padding each side, as cli-table3 has by default.
    const cells = row.map((cell, column) => wrapCell(cell, widths[column]! - 2));
    const height = Math.max(1, ...cells.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      lines.push(`│${cells.map((cell, column) => ` ${fit(cell[line] ?? '', widths[column]! - 2)} `).join('│')}│`);
    }
  });
  lines.push(rule(BORDER.bottom));
  return lines.join('\n');
}

/** A cell's lines: each line of its text wrapped at spaces, as cli-table3's word wrap does it. */
function wrapCell(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapWords(line, width));
}

function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  const split = text.split(/(\s+)/g);
  let line: string[] = [];
  let length = 0;
  let space: string | undefined;
  for (let i = 0; i < split.length; i += 2) {
    const word = split[i]!;
    let next = length + word.length;
    if (length > 0 && space) next += space.length;
    if (next > width) {
      if (length !== 0) lines.push(line.join(''));
      line = [word];
      length = word.length;
    } else {
      line.push(space || '', word);
      length = next;
    }
    space = split[i + 1];
  }
  if (length) lines.push(line.join(''));
  return lines;
}

/** A line cut to the width with `…`, when a single word is longer, and padded to it. */
function fit(line: string, width: number): string {
  const cut = line.length > width ? `${line.slice(0, width - 1)}…` : line;
  return cut + ' '.repeat(width - cut.length);
}
