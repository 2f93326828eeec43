/**
 * A paper tally sheet for questionnaires returned on paper: a key from each
 * question's number on the printed form to its code and the words to write,
 * then one grid per part with a line for each returned form. Typed into a
 * spreadsheet with the codes as its first row and saved as CSV, it is read by
 * `coprod perspectives import` like any form tool's export. Keeping one line
 * per form (rather than totals) is what lets the import keep each group's
 * answers together and withhold groups too small to stay anonymous.
 */
import { escapeHtml as h } from '../report/html-text.js';
import { selfContainedPage } from '../report/self-contained-page.js';
import { questionNumbers } from './page.js';
import { MIN_GROUP, type Questionnaire } from './questions.js';

const LINES = 12;

const STYLE = `
:root { color-scheme: light; }
html { font-family: Arial, "Liberation Sans", "DejaVu Sans", system-ui, sans-serif; font-size: 12pt; line-height: 1.45; color: #1b1b1b; background: #ffffff; }
body { margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.7rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
th, td { border: 1px solid #595959; padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
thead th { background: #eef1f5; }
table.grid td { height: 1.9rem; }
table.grid th[scope="row"] { width: 3.5rem; text-align: right; font-weight: 400; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table.grid, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;

export function tallySheet(questionnaire: Questionnaire, planFile: string, generator: string): string {
  const numbers = questionNumbers(questionnaire);
  const body: string[] = [
    '<header>',
    `<h1>Tally sheet: ${h(questionnaire.project)}</h1>`,
    '<p>Use this sheet to type up questionnaires that came back on paper.</p>',
    '<ol>',
    '<li>Give each returned form a number, and write it at the top of the form.</li>',
    '<li>Copy each form onto one line of the grid for each part: for each question, write the word from the key for the box that was ticked. Leave the space empty when no box was ticked.</li>',
    '<li>Copy any comments, without names, onto the comments grid.</li>',
    `<li>Type the lines into a spreadsheet, with the codes from the key as its first row and one row for each form, save it as CSV, and run <code>coprod perspectives import answers.csv --plan ${h(planFile)}</code>.</li>`,
    '</ol>',
    `<p>Never write down who filled in a form. A group of fewer than ${MIN_GROUP} people has its answers left out, so nobody can tell who said what.</p>`,
    '</header>',
    '<main>',
    '<section aria-labelledby="key">',
    '<h2 id="key">The key</h2>',
    '<table class="key">',
    '<thead><tr><th scope="col">Question</th><th scope="col">Code (the column in the spreadsheet)</th><th scope="col">Write</th></tr></thead>',
    '<tbody>',
  ];
  for (const section of questionnaire.sections) {
    for (const q of section.questions) {
      const write = q.kind === 'comment' ? 'the comment, in the person’s own words, without names' : q.answers.map((a) => `<code>${h(a.value)}</code> for “${h(a.label)}”`).join('; ');
      body.push(`<tr><td>${numbers.get(q.code)}</td><td><code>${h(q.code)}</code></td><td>${write}</td></tr>`);
    }
  }
  body.push('</tbody>', '</table>', '</section>');

  questionnaire.sections.forEach((section, s) => {
    const asked = section.questions.filter((q) => q.kind !== 'comment');
    if (asked.length === 0) return;
    const id = `grid-${s + 1}`;
    body.push(
      `<section aria-labelledby="${id}">`,
      `<h2 id="${id}">${h(section.heading)}</h2>`,
      '<table class="grid">',
      `<thead><tr><th scope="col">Form</th>${asked.map((q) => `<th scope="col">Question ${numbers.get(q.code)}</th>`).join('')}</tr></thead>`,
      '<tbody>',
      ...Array.from({ length: LINES }, () => `<tr><th scope="row"><span class="blank">No.</span></th>${asked.map(() => '<td></td>').join('')}</tr>`),
      '</tbody>',
      '</table>',
      '</section>',
    );
  });
  body.push(
    '<section aria-labelledby="comments">',
    '<h2 id="comments">Comments</h2>',
    '<table class="grid">',
    '<thead><tr><th scope="col">Form</th><th scope="col">Question</th><th scope="col">Comment, without names</th></tr></thead>',
    '<tbody>',
    ...Array.from({ length: LINES }, () => '<tr><th scope="row"><span class="blank">No.</span></th><td></td><td></td></tr>'),
    '</tbody>',
    '</table>',
    '</section>',
    '</main>',
  );
  return selfContainedPage({ title: `Tally sheet: ${questionnaire.project}`, style: STYLE, body: body.join('\n'), generator });
}
