/**
 * `coprod perspectives import`, run as a user would, on realistic exports:
 * Microsoft Forms (its Excel download saved as "CSV UTF-8"), Google Forms
 * ("Download responses"), a paper tally typed up by hand, and Excel's
 * semicolon CSV. Every count is checked against a hand count of the fixture,
 * written out below; the output is valid against the perspectives schema,
 * accepted by the audit, and the same bytes every time. Anonymity is kept:
 * identifying columns stop the import, small groups are withheld.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

const PLAN = 'examples/grants-search-redesign.yaml';
const F = 'tests/fixtures/answers';
const MS_MAP = ['--map', 'ignore=Email', '--map', 'ignore=Name'];
const GOOGLE_MAP = ['--map', 'monthly-redesign-meetings.decisions=Who decided? (monthly meetings)'];

const tmp = mkdtempSync(join(tmpdir(), 'coprod-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ajv = new Ajv2020({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/perspectives.schema.json'), 'utf8')) as object);

function importCsv(file: string, ...args: string[]): { code: number | null; stdout: string; stderr: string; data: { groups: unknown[] } & Record<string, unknown> } {
  const result = runCli(['perspectives', 'import', file, '--plan', PLAN, ...args]);
  return { ...result, data: result.stdout ? (parse(result.stdout) as { groups: unknown[] }) : { groups: [] } };
}

describe('realistic exports, counted as a person would count them', () => {
  it('Microsoft Forms: its Email and Name columns must be mapped away; then every answer is counted', () => {
    const refused = importCsv(`${F}/microsoft-forms.csv`);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      [
        `${F}/microsoft-forms.csv:1:4: error: Column D, "Email", looks as if it holds email addresses. Answers are imported only without anything that could show who gave them, so nothing was imported. Delete the column, or leave it out with --map ignore="Email".`,
        `${F}/microsoft-forms.csv:1:5: error: Column E, "Name", looks as if it holds names. Answers are imported only without anything that could show who gave them, so nothing was imported. Delete the column, or leave it out with --map ignore="Name".`,
        'Nothing was written.',
        '',
      ].join('\n'),
    );

    const { code, data, stderr } = importCsv(`${F}/microsoft-forms.csv`, ...MS_MAP);
    expect(code, stderr).toBe(0);
    // Hand count of the six rows (all co-production partners; the sixth skipped the monthly meetings).
    expect(data).toEqual({
      version: 1,
      project: 'Redesigning Grants Finder with the people who use it',
      collected: 'Imported from microsoft-forms.csv by coprod perspectives import.',
      groups: [
        {
          group: 'co-production-partners',
          respondents: 6,
          activities: [
            {
              activity: 'choose-what-to-fix',
              understood_purpose: { yes: 5, partly: 1 },
              feedback: { yes: 4, no: 1, unknown: 1 },
              decisions: { organisation: 1, shared: 5 },
              rung: { 6: 4, 5: 1 },
              comment: ['Email me at [email address removed] if you want to hear more', 'We chose the three worst problems.'],
            },
            {
              activity: 'monthly-redesign-meetings',
              understood_purpose: { yes: 4, partly: 1 },
              own_view: { yes: 4, limited: 1 },
              feedback: { yes: 1, no: 4 },
              decisions: { organisation: 4, shared: 1 },
              rung: { 6: 1, 5: 2, 4: 1, 3: 1 },
            },
          ],
        },
      ],
    });
    expect(stderr).toBe(
      [
        'Counted the answers of 6 people, from 6 rows of answers (co-production-partners: 6 people).',
        'Took 1 email address or phone number out of the comments.',
        'Left out 4 columns that are not a question: "ID", "Start time", "Completion time", "Last modified time". If one of them is a question, name its code with --map code="Column header".',
        '',
      ].join('\n'),
    );
  });

  it('Google Forms: titles match the form specification, a retitled question is mapped, and a group of 2 is withheld', () => {
    const { code, data, stderr } = importCsv(`${F}/google-forms.csv`, ...GOOGLE_MAP);
    expect(code, stderr).toBe(0);
    expect(data.groups).toEqual([
      {
        group: 'co-production-partners',
        respondents: 3,
        activities: [
          { activity: 'choose-what-to-fix', understood_purpose: { yes: 2, no: 1 }, decisions: { organisation: 1, shared: 2 }, rung: { 6: 2, 3: 1 } },
          { activity: 'monthly-redesign-meetings', decisions: { organisation: 2, shared: 1 } },
        ],
      },
    ]);
    expect(data['collected']).toBe('Imported from google-forms.csv by coprod perspectives import. The answers of one group with fewer than 3 people were withheld, to keep them anonymous.');
    expect(stderr).toContain('Withheld the answers of the group peer-evaluators (2 people): fewer than 3 answered, and counts that small can show who said what. --min-group 1 keeps them, only if those people agreed.\n');
    expect(stderr).toContain('Left out 1 column that is not a question: "Timestamp".');

    const all = importCsv(`${F}/google-forms.csv`, ...GOOGLE_MAP, '--min-group', '1');
    expect(all.code).toBe(0);
    expect(all.data.groups[1]).toEqual({
      group: 'peer-evaluators',
      respondents: 2,
      activities: [{ activity: 'peer-evaluation', views_acted_on: { yes: 1, partly: 1 }, comment: ['Our notes went into the report, but we never saw the final version.'] }],
    });
  });

  it('a paper tally typed by hand: codes as headers, answers in any case and spacing', () => {
    const { code, data, stderr } = importCsv(`${F}/paper-tally.csv`);
    expect(code, stderr).toBe(0);
    expect(data.groups).toEqual([
      {
        group: 'co-production-partners',
        respondents: 4,
        activities: [
          {
            activity: 'choose-what-to-fix',
            understood_purpose: { yes: 2, partly: 1, unknown: 1 },
            own_view: { yes: 3, limited: 1 },
            feedback: { no: 3, unknown: 1 },
            rung: { 6: 1, 5: 2 },
            comment: ['Staff listened but we never heard back'],
          },
        ],
      },
    ]);
  });

  it("Excel's CSV: byte-order mark, semicolons, CRLF, a line break and a semicolon inside quotes, a blank row", () => {
    const { code, data } = importCsv(`${F}/excel-semicolon.csv`);
    expect(code).toBe(0);
    expect(data.groups).toEqual([
      {
        group: 'co-production-partners',
        respondents: 3,
        activities: [
          {
            activity: 'choose-what-to-fix',
            understood_purpose: { yes: 2, partly: 1 },
            decisions: { organisation: 1, shared: 2 },
            comment: ['Two things:\nthe papers came late, and the room was cold.', 'We met at the café; it was easy to get to'],
          },
        ],
      },
    ]);
  });

  it("older Excel CSV (Windows-1252) and Excel's Unicode text (UTF-16, tabs) read the same", () => {
    const text = 'group,choose-what-to-fix.comment\r\nco-production-partners,Café first\r\nco-production-partners,\r\nco-production-partners,\r\n';
    const latin = join(tmp, 'windows-1252.csv');
    writeFileSync(latin, Buffer.from(text, 'latin1'));
    const utf16 = join(tmp, 'utf-16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/,/g, '\t'), 'utf16le')]));
    for (const file of [latin, utf16]) {
      const { code, data } = importCsv(file);
      expect(code).toBe(0);
      expect(data.groups).toEqual([{ group: 'co-production-partners', respondents: 3, activities: [{ activity: 'choose-what-to-fix', comment: ['Café first'] }] }]);
    }
  });
});

describe('problems', () => {
  it('bad rows: file:row:column with the answer expected; the other rows still count; exit 2', () => {
    const { code, data, stderr } = importCsv(`${F}/bad-rows.csv`);
    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        `${F}/bad-rows.csv:3:3: error: In column C, "Maybe" is not an answer to \`choose-what-to-fix.feedback\` ("Were you told what became of what you said?"). Expected one of "Yes", "No", "Don't know" (or yes, no, unknown). The row was left out.`,
        `${F}/bad-rows.csv:4:4: error: In column D, "9" is not an answer to \`choose-what-to-fix.rung\` ("Where would you put it on the ladder?"). Expected a rung from 1 to 8 (such as "5" or "Rung 5: Consulted and informed"), or "Don't know". The row was left out.`,
        'Counted the answers of 4 people, from 6 rows of answers (co-production-partners: 4 people).',
        '2 problems above: those rows were left out; the other rows still count.',
        '',
      ].join('\n'),
    );
    expect(data.groups).toEqual([
      { group: 'co-production-partners', respondents: 4, activities: [{ activity: 'choose-what-to-fix', understood_purpose: { yes: 3, partly: 1 }, feedback: { yes: 2, no: 2 }, rung: { 6: 1, 5: 1, 4: 1, 3: 1 } }] },
    ]);
  });

  it('a quote never closed: where it opened', () => {
    const file = join(tmp, 'unclosed.csv');
    writeFileSync(file, 'group,choose-what-to-fix.comment\nco-production-partners,"it never ends\nco-production-partners,x\n');
    const result = importCsv(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${file}:2:2: error: A quoted cell starts here but its closing quote is missing, so the rest of the file would be read as one cell.\n`);
  });

  it('--map naming a code or a column that does not exist', () => {
    const code = importCsv(`${F}/paper-tally.csv`, '--map', 'choose-what-to-fix.feedbak=form');
    expect(code.code).toBe(2);
    expect(code.stderr).toContain(`${F}/paper-tally.csv: error: --map choose-what-to-fix.feedbak=form: there is no question with the code \`choose-what-to-fix.feedbak\`. Did you mean \`choose-what-to-fix.feedback\`?`);
    const header = importCsv(`${F}/paper-tally.csv`, '--map', 'choose-what-to-fix.feedback=Form number');
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('--map choose-what-to-fix.feedback=Form number: the file has no column headed "Form number".');
    const shape = importCsv(`${F}/paper-tally.csv`, '--map', 'nothing');
    expect(shape.code).toBe(2);
    expect(shape.stderr).toBe('coprod: --map needs code=Column header (or ignore=Column header to leave a column out), not `nothing`.\n');
  });

  it('a file with no question columns, and a file that does not exist', () => {
    const file = join(tmp, 'none.csv');
    writeFileSync(file, 'Timestamp,Score\n2025-01-01,3\n');
    expect(importCsv(file).stderr).toContain(`${file}:1:1: error: None of the columns is a question of this questionnaire.`);
    const missing = importCsv(join(tmp, 'missing.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(`coprod: \`${join(tmp, 'missing.csv')}\` does not exist.\n`);
  });
});

describe('anonymity, by construction', () => {
  it('a column headed like names is refused, and nothing from it is ever printed', () => {
    const { code, stdout, stderr } = importCsv(`${F}/names-column.csv`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${F}/names-column.csv:1:1: error: Column A, "Your name", looks as if it holds names.`);
    for (const name of ['Sam Jones', 'Ali Khan', 'Jo Bloggs']) expect(stderr).not.toContain(name);
    // Mapped away, the answers are counted and the names appear nowhere.
    const mapped = importCsv(`${F}/names-column.csv`, '--map', 'ignore=Your name');
    expect(mapped.code).toBe(0);
    expect(mapped.data.groups).toEqual([{ group: 'co-production-partners', respondents: 3, activities: [{ activity: 'choose-what-to-fix', understood_purpose: { yes: 2, no: 1 } }] }]);
    for (const name of ['Sam', 'Ali', 'Jo Bloggs']) expect(mapped.stdout + mapped.stderr).not.toContain(name);
  });

  it('a column whose cells hold email addresses or phone numbers is refused, whatever its header', () => {
    const { code, stdout, stderr } = importCsv(`${F}/contact-column.csv`);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${F}/contact-column.csv:1:3: error: Column C, "Follow-up", looks as if it holds email addresses.`);
    expect(stderr).not.toContain('ali.k@example.org');
    const phoneOnly = join(tmp, 'phone.csv');
    writeFileSync(phoneOnly, 'group,choose-what-to-fix.understood_purpose,Call back\nco-production-partners,yes,+44 (0)7700 900123\nco-production-partners,yes,\nco-production-partners,no,\n');
    expect(importCsv(phoneOnly).stderr).toContain('Column C, "Call back", looks as if it holds phone numbers.');
  });

  it('a group of fewer than 3 is withheld, counts and comments alike, unless --min-group 1', () => {
    const { code, data, stdout, stderr } = importCsv(`${F}/small-group.csv`);
    expect(code).toBe(0);
    expect(data.groups).toEqual([{ group: 'co-production-partners', respondents: 3, activities: [{ activity: 'choose-what-to-fix', understood_purpose: { yes: 2, partly: 1 } }] }]);
    expect(stdout).not.toContain('peer-evaluators');
    expect(stdout).not.toContain('I was the only one who said no');
    expect(stderr).toContain('Withheld the answers of the group peer-evaluators (2 people): fewer than 3 answered');
    const kept = importCsv(`${F}/small-group.csv`, '--min-group', '1');
    expect(kept.data.groups[1]).toEqual({ group: 'peer-evaluators', respondents: 2, activities: [{ activity: 'choose-what-to-fix', understood_purpose: { yes: 1, no: 1 }, comment: ['I was the only one who said no'] }] });
  });

  it('when every group is too small, nothing is made', () => {
    const file = join(tmp, 'two.csv');
    writeFileSync(file, 'choose-what-to-fix.understood_purpose\nyes\nno\n');
    const result = importCsv(file);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Every group had fewer than 3 people answering, so all the answers were withheld to keep them anonymous and no perspectives file was made.');
  });
});

describe('the perspectives file it makes', () => {
  it.each(['microsoft-forms', 'google-forms', 'paper-tally', 'excel-semicolon', 'small-group'])('%s: valid against the schema, and the same bytes when imported again', (name) => {
    const args = name === 'microsoft-forms' ? MS_MAP : name === 'google-forms' ? GOOGLE_MAP : [];
    const first = importCsv(`${F}/${name}.csv`, ...args);
    const second = importCsv(`${F}/${name}.csv`, ...args);
    expect(first.code).toBe(0);
    expect(validate(first.data), JSON.stringify(validate.errors)).toBe(true);
    expect(second.stdout).toBe(first.stdout);
  });

  it('--output: written whole, never over an existing file without --force, byte-identical when replaced with the same answers', () => {
    const out = join(tmp, 'views.yaml');
    const first = importCsv(`${F}/paper-tally.csv`, '--output', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`Wrote ${out}. Audit with it: coprod audit ${PLAN} --perspectives ${out}`);
    const bytes = readFileSync(out);
    const refused = importCsv(`${F}/microsoft-forms.csv`, ...MS_MAP, '--output', out);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`coprod: \`${out}\` already exists; use --force to replace it.`);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(importCsv(`${F}/paper-tally.csv`, '--output', out, '--force').code).toBe(0);
    expect(readFileSync(out).equals(bytes)).toBe(true);
    expect(readdirSync(tmp).filter((f) => f.startsWith('.coprod-tmp'))).toEqual([]);
    // Nothing is written when nothing can be counted.
    expect(importCsv(`${F}/names-column.csv`, '--output', join(tmp, 'never.yaml')).code).toBe(2);
    expect(existsSync(join(tmp, 'never.yaml'))).toBe(false);
  });

  it('the audit takes it: participants placed from the imported answers, with their numbers', () => {
    const views = join(tmp, 'ms-views.yaml');
    expect(importCsv(`${F}/microsoft-forms.csv`, ...MS_MAP, '--output', views).code).toBe(0);
    const result = runCli(['audit', PLAN, '--perspectives', views, '--format', 'json', '--fail-on', 'never'], { env: { COPROD_TODAY: '2026-01-15' } });
    expect(result.code, result.stderr).toBe(0);
    const run = JSON.parse(result.stdout) as {
      projects: Array<{ activities: Array<{ id: string; placement: { rung: number | null }; perspective?: { respondents: number; placement: { rung: number | null }; disagreements: Array<{ fact: string; differing: number; answered: number }>; lower: boolean } }> }>;
    };
    const meetings = run.projects[0]!.activities.find((a) => a.id === 'monthly-redesign-meetings')!;
    expect(meetings.perspective!.respondents).toBe(6);
    expect(meetings.perspective!.disagreements.find((d) => d.fact === 'feedback')).toMatchObject({ differing: 4, answered: 5 });
    expect(meetings.perspective!.lower).toBe(true);
    const choose = run.projects[0]!.activities.find((a) => a.id === 'choose-what-to-fix')!;
    expect(choose.perspective!.respondents).toBe(6);
  });
});

describe('npm start', () => {
  it('shows the whole loop: questionnaire written, the sample answers imported, the audit with participants\' view, and the Easy Read report', () => {
    const out = join(tmp, 'start');
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), out], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', COPROD_TODAY: '2026-01-15' } });
    expect(result.status, result.stderr).toBe(0);
    for (const name of ['questionnaire.html', 'form.csv', 'views.yaml', 'easy-read.html']) expect(existsSync(join(out, name)), name).toBe(true);
    expect(result.stdout).toContain('$ coprod perspectives import examples/answers/grants-search-answers.csv --plan examples/grants-search-redesign.yaml');
    expect(result.stderr).toContain('Counted the answers of 15 people, from 15 rows of answers (co-production-partners: 10 people; peer-evaluators: 5 people).');
    expect(result.stdout).toContain("Participants' view (10 respondents): their answers place it on rung 1 (Manipulation), lower than the organisation's facts.");
    expect(readFileSync(join(out, 'easy-read.html'), 'utf8')).toContain('Your answers put it lower than theirs.');
  });
});

