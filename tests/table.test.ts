/**
 * The terminal report draws its tables itself when every character is one
 * column wide (src/report/text/table.ts), and with cli-table3 otherwise; the
 * two must draw the same table, character for character.
 */
import { createRequire } from 'node:module';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawTable } from '../src/report/text/table.js';

// cli-table3's own measure of a character's width.
const stringWidth = createRequire(createRequire(import.meta.url).resolve('cli-table3'))('string-width') as (text: string) => number;

function withCliTable3(head: string[], rows: string[][], widths: number[]): string {
  const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: widths });
  for (const row of rows) table.push(row);
  return table.toString();
}

const ranges: Array<[number, number]> = [[0x20, 0x7e], [0xa0, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x2193]];
const singles = [0x25b2, 0x25c6, 0x25cf, 0x25d0, 0x2714, 0x2716];
const oneColumn = [...ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i)), ...singles].map((code) => String.fromCodePoint(code));

describe('drawing a table', () => {
  it('treats as one column wide only characters string-width measures as one column', () => {
    const wider = oneColumn.filter((c) => stringWidth(c) !== 1);
    expect(wider).toEqual([]);
    // And they are exactly the characters it accepts.
    for (const c of oneColumn) expect(drawTable([c], [], [5]), JSON.stringify(c)).toBeDefined();
  });

  it('leaves to cli-table3 what it cannot measure: wide and combining characters, tabs, colour codes', () => {
    for (const cell of ['日本', 'e\u0301', 'a\tb', '\u001b[31mred\u001b[39m', '😀', '\u200b', 'ok\u2028']) expect(drawTable(['A'], [[cell]], [10]), JSON.stringify(cell)).toBeUndefined();
  });

  it('draws the activity table of the terminal report as cli-table3 does', () => {
    const head = ['Activity', 'Stage', 'Evidenced rung', 'Claimed', 'Target'];
    const rows = [
      ['The panel designing the fund - its priorities, criteria and how to apply\n(design-the-fund)', 'Setting the agenda', '✔ 6 Organisation-initiated, shared decisions', '6 (words)', '6'],
      ['A name with one enormously-long-unbreakable-word-that-cannot-fit-anywhere\n(x)', '—', '? Not enough evidence (rung 3 to 5)\n◆ participants: rung 6', '—', '—'],
      ['', ' ', '  leading spaces', 'trailing   ', '\n'],
    ];
    expect(drawTable(head, rows, [34, 16, 30, 9, 9])).toBe(withCliTable3(head, rows, [34, 16, 30, 9, 9]));
  });

  it('draws any table of one-column text as cli-table3 does', () => {
    const text = fc.string({ unit: fc.constantFrom(...oneColumn, ' ', ' ', ' ', '\n', 'a', 'b', '-', '\u00a0'), maxLength: 90 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(text, { minLength: 5, maxLength: 5 }), { maxLength: 4 }), fc.array(fc.integer({ min: 3, max: 30 }), { minLength: 5, maxLength: 5 }), (columns, rows, widths) => {
        const head = ['Activity', 'Stage', 'Evidenced rung', 'Claimed', 'Target'].slice(0, columns);
        const cut = rows.map((row) => row.slice(0, columns));
        expect(drawTable(head, cut, widths.slice(0, columns))).toBe(withCliTable3(head, cut, widths.slice(0, columns)));
      }),
      { numRuns: Number(process.env.COPROD_PROPERTY_RUNS ?? 500) },
    );
  });
});
