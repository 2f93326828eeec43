/**
 * `coprod questionnaire`, run as a user would: for every example, the page,
 * the form specification (JSON and CSV) and the tally sheet; questions in
 * FACTS' words turned to "you"; every answer a value the perspectives schema
 * accepts; files written whole and never over another without --force.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FACTS } from '../src/ladder/facts.js';
import { PERSPECTIVE_FACTS } from '../src/perspectives/perspectives.js';
import { ROOT, runCli } from './cli.js';

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);
const PLAN = 'examples/grants-search-redesign.yaml';
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'schemas/perspectives.schema.json'), 'utf8')) as {
  properties: { groups: { items: { properties: { activities: { items: { properties: Record<string, { anyOf?: Array<{ enum?: unknown[] }> }> } } } } } };
};
const ANSWER_SCHEMA = SCHEMA.properties.groups.items.properties.activities.items.properties;

interface Spec {
  project: string;
  sections: Array<{ section: string; questions: Array<{ code: string; activity?: string; type: string; question: string; title: string; answers: Array<{ label: string; value: string }> }> }>;
}

const tmp = mkdtempSync(join(tmpdir(), 'coprod-questionnaire-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function spec(plan: string): Spec {
  const result = runCli(['questionnaire', plan, '--format', 'form-json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Spec;
}

/** A CSV line split RFC 4180's way (the spec's cells may hold commas in quotes). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cell), (cell = '');
    else cell += c;
  }
  return [...out, cell];
}

describe('coprod questionnaire', () => {
  it.each(EXAMPLES)('%s: one part per activity, the same questions in every form, each answer a value the perspectives file accepts', (plan) => {
    const project = readFileSync(join(ROOT, plan), 'utf8');
    const activityIds = [...project.matchAll(/^ {2}- id: ([a-z0-9-]+)\n {4}name:/gm)].map((m) => m[1]!);
    const form = spec(plan);
    const questions = form.sections.flatMap((s) => s.questions);
    const codes = questions.map((q) => q.code);
    expect(new Set(codes).size).toBe(codes.length);
    const expected = activityIds.flatMap((id) => [...PERSPECTIVE_FACTS.map((f) => `${id}.${f}`), `${id}.rung`, `${id}.comment`]);
    expect(codes.filter((c) => c !== 'group')).toEqual(expected);
    // Titles are unique, so a form tool's export can be matched column by column.
    expect(new Set(questions.map((q) => q.title)).size).toBe(questions.length);
    for (const q of questions) {
      const fact = q.code.split('.')[1];
      if (fact === 'comment') {
        expect(q.answers).toEqual([]);
        continue;
      }
      // "Don't know" on every question.
      expect(q.answers.at(-1)!.label.startsWith("Don't know"), q.code).toBe(true);
      if (fact === 'rung') expect(q.answers.map((a) => a.value)).toEqual(['8', '7', '6', '5', '4', '3', '2', '1', 'unknown']);
      else if (fact !== undefined) {
        const allowed = ANSWER_SCHEMA[fact]!.anyOf![0]!.enum!;
        for (const a of q.answers) expect(allowed, `${q.code}: ${a.value}`).toContain(a.value);
      }
    }

    const csv = runCli(['questionnaire', plan, '--format', 'form-csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.split('\r\n').filter(Boolean);
    expect(cells(lines[0]!)).toEqual(['code', 'section', 'type', 'question', 'title', 'answers', 'values']);
    expect(lines.slice(1).map((l) => cells(l)[0])).toEqual(codes);

    const page = runCli(['questionnaire', plan]);
    expect(page.code).toBe(0);
    expect(page.stdout.match(/class="question" data-code=/g)).toHaveLength(codes.length);
    expect(page.stdout).not.toMatch(/<script/i);
    const tally = runCli(['questionnaire', plan, '--format', 'tally']);
    expect(tally.code).toBe(0);
    for (const code of codes) expect(tally.stdout).toContain(`<code>${code}</code>`);
  });

  it("asks FACTS' questions, turned to the person answering", () => {
    const form = spec(PLAN);
    const byCode = new Map(form.sections.flatMap((s) => s.questions).map((q) => [q.code, q]));
    expect(byCode.get('choose-what-to-fix.understood_purpose')!.question).toBe('Did you understand what it was for, why you were involved, and who would decide what?');
    expect(byCode.get('choose-what-to-fix.own_view')!.question).toBe('Could you form your own view and put it in your own way?');
    expect(byCode.get('choose-what-to-fix.views_acted_on')!.question).toBe('Were your views taken seriously and acted on?');
    expect(byCode.get('choose-what-to-fix.feedback')!.question).toBe('Were you told what became of what you said?');
    expect(byCode.get('choose-what-to-fix.decisions')!.question).toBe(FACTS.decisions.question);
    expect(byCode.get('choose-what-to-fix.decisions')!.answers.map((a) => a.label)).toEqual([
      'The organisation made the decisions',
      'People with lived experience and the organisation made the decisions together',
      'People with lived experience made the decisions',
      "Don't know",
    ]);
    expect(byCode.get('choose-what-to-fix.own_view')!.answers.map((a) => a.value)).toEqual(['yes', 'limited', 'no', 'unknown']);
    expect(byCode.get('group')!.answers.map((a) => a.value)).toEqual(['co-production-partners', 'peer-evaluators', 'insight-team', 'unknown']);
    expect(byCode.get('choose-what-to-fix.understood_purpose')!.title).toBe(
      'Deciding together what is wrong with Grants Finder and what to fix first: Did you understand what it was for, why you were involved, and who would decide what?',
    );
  });

  it('the page asks no name and says how answers stay anonymous', () => {
    const page = runCli(['questionnaire', PLAN]).stdout;
    expect(page).toContain('Do not write your name, or anyone else’s, anywhere on this form.');
    expect(page).toContain('We never share the answers of a group of fewer than 3 people, so nobody can tell who said what.');
    expect(page).not.toMatch(/type="(text|email|tel)"/);
  });

  it('the same plan gives the same bytes in every format', () => {
    for (const format of ['html', 'form-json', 'form-csv', 'tally']) {
      expect(runCli(['questionnaire', PLAN, '--format', format]).stdout).toBe(runCli(['questionnaire', PLAN, '--format', format]).stdout);
    }
  });

  it('--output writes the file whole, and never replaces one without --force', () => {
    const out = join(tmp, 'questionnaire.html');
    const first = runCli(['questionnaire', PLAN, '--output', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toBe(`Wrote ${out}: 37 questions about 4 activities.\n`);
    writeFileSync(out, 'kept');
    const again = runCli(['questionnaire', PLAN, '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(`coprod: \`${out}\` already exists; use --force to replace it.\n`);
    expect(readFileSync(out, 'utf8')).toBe('kept');
    expect(runCli(['questionnaire', PLAN, '--output', out, '--force']).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<h1>Your view of Redesigning Grants Finder with the people who use it</h1>');
    expect(readdirSync(tmp).filter((f) => f.startsWith('.coprod-tmp'))).toEqual([]);
    const missing = runCli(['questionnaire', PLAN, '--output', join(tmp, 'no-such-folder', 'q.html')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('the folder does not exist');
    expect(existsSync(join(tmp, 'no-such-folder'))).toBe(false);
  });

  it('a plan that is not valid: exit 2 with its position, and nothing written', () => {
    const result = runCli(['questionnaire', 'tests/fixtures/perspectives/bad-answer.yaml', '--output', join(tmp, 'never.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tests\/fixtures\/perspectives\/bad-answer\.yaml:\d+:\d+: error: /);
    expect(existsSync(join(tmp, 'never.html'))).toBe(false);
  });
});
