/**
 * End-to-end tests of `coprod init` and `coprod add-activity`, through the
 * built CLI (`npm run build` first): scripted with --answers, and driven at a
 * real pseudo-terminal (util-linux `script`) with keystrokes, waiting each
 * time for the next question to appear.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planGaps } from '../src/init/interview.js';
import { parseAnswer, QUESTIONS, SECTION_PATH, type AskContext, type Question, type Section } from '../src/init/questions.js';
import { acceptsAt } from '../src/load/validate.js';
import { BIN, ROOT, runCli, type CliResult } from './cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/init');
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;
const DOWN = '\u001b[B';
const UP = '\u001b[A';
const ENTER = '\r';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-init-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder holding copies of the fixtures. */
function workspace(name: string): string {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const file of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, file), join(dir, file));
  return dir;
}

function coprod(args: string[], cwd: string): CliResult {
  const result = runCli(args, { cwd });
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

/** Every temporary file writeFileAtomic might have left, anywhere under a folder. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.split('/').pop()!.startsWith('.coprod-tmp-'));
}

interface AuditJson {
  projects: Array<{ activities: Array<{ id: string; placement: { rung: number | null; lowest: number; highest: number } }> }>;
}

function auditJson(file: string, cwd: string): AuditJson {
  const result = coprod(['audit', file, '--format', 'json', '--fail-on', 'never'], cwd);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as AuditJson;
}

/**
 * The lines one text has that the other does not, in order, from a
 * longest-common-subsequence diff: what `diff` would show as - and +.
 */
function changedLines(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const common: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) common[i]![j] = a[i] === b[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || common[i]![j + 1]! >= common[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { removed, added };
}

/** The text of every comment in a YAML file, one per comment. */
function comments(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /(?:^|\s)#\s?(.*)$/.exec(line)?.[1]?.trim())
    .filter((comment): comment is string => comment !== undefined && comment !== '');
}

describe('the schema line coprod init writes', () => {
  it('points into node_modules/coprod-audit when coprod is a dependency of the project the file is in, relative to the file', () => {
    const dir = workspace('dependency');
    mkdirSync(join(dir, 'node_modules', 'coprod-audit', 'schemas'), { recursive: true });
    copyFileSync(join(ROOT, 'schemas', 'project.schema.json'), join(dir, 'node_modules', 'coprod-audit', 'schemas', 'project.schema.json'));
    mkdirSync(join(dir, 'plans', '2026'), { recursive: true });
    const result = coprod(['init', 'plans/2026/park.yaml', '--answers', 'answers.yaml'], dir);
    expect(result.code, result.stderr).toBe(0);
    const first = readFileSync(join(dir, 'plans', '2026', 'park.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/coprod-audit/schemas/project.schema.json');
  });

  it('points to the schema beside it when the file is written inside this package (its examples)', () => {
    const dir = mkdtempSync(join(ROOT, 'tests', 'fixtures', '.init-'));
    try {
      copyFileSync(join(FIXTURES, 'answers.yaml'), join(dir, 'answers.yaml'));
      const result = coprod(['init', 'park.yaml', '--answers', 'answers.yaml'], dir);
      expect(result.code, result.stderr).toBe(0);
      expect(readFileSync(join(dir, 'park.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schemas/project.schema.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('coprod init --answers', () => {
  it('writes a project file that validates and audits, with the schema line and a comment for each section', () => {
    const dir = workspace('answers');
    const result = coprod(['init', 'park.yaml', '--answers', 'answers.yaml'], dir);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'park.yaml'), 'utf8');

    const first = text.split('\n')[0]!;
    // Outside this package, with no coprod-audit in the project's node_modules: the schema's published address, which works wherever the file is committed.
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(first).toBe(`# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/coprod-audit@${version}/schemas/project.schema.json`);
    expect(text).toContain('# The project: what it is, who runs it');
    expect(text).toContain('# The groups of people who take part.');
    expect(text).toContain('# Each piece of work people take part in.');
    expect(text).toContain('# The facts the rung is worked out from:');
    expect(text).toMatch(/decisions: shared # organisation \| shared \| community \| unknown/);

    expect(coprod(['validate', 'park.yaml'], dir).code).toBe(0);
    const audit = auditJson('park.yaml', dir);
    const rungs = Object.fromEntries(audit.projects[0]!.activities.map((a) => [a.id, a.placement.rung]));
    expect(rungs).toEqual({ 'deciding-the-new-layout': 6, 'advisory-panel': 3 });

    const data = parse(text) as Record<string, any>;
    expect(data['project']).toMatchObject({ name: 'Youth voice in the park redesign', budget: { currency: 'GBP', total: 50000, participation: 8000 }, timeline: { start: '2025-03-01', end: '2026-02-28' } });
    expect(data['people'][0]).toMatchObject({ id: 'young-people', count: 12, recruitment: { channels: ['community_groups', 'outreach'] }, payment: { paid: 'yes', rate: '£15 an hour' } });
    expect(data['activities'][1].seats).toEqual({ held: 2, total: 9, can_be_outvoted: 'yes', briefed: 'no', shape_agenda: 'no' });
    // "No" to "a board, panel or committee?": written down as not one.
    expect(data['activities'][0].seats).toBe('none');

    // The preview: each activity with where it landed, and the command for the full report.
    expect(result.stdout).toContain('Wrote park.yaml.');
    expect(result.stdout).toMatch(/● deciding-the-new-layout\s+Rung 6 \(Organisation-initiated, shared decisions\)/);
    expect(result.stdout).toMatch(/● advisory-panel\s+Rung 3 \(Tokenism\): non-participation/);
    expect(result.stdout).toContain('See the full report: coprod audit park.yaml');
    expect(leftovers(dir)).toEqual([]);
  });

  it('records "don\'t know" as unknown (or leaves it out), and the preview says "not enough evidence"', () => {
    const dir = workspace('dont-know');
    const result = coprod(['init', 'listening.yaml', '--answers', 'dont-know.json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const data = parse(readFileSync(join(dir, 'listening.yaml'), 'utf8')) as Record<string, any>;
    const events = data['activities'][0];
    expect(events.started_by).toBe('organisation');
    expect(events.decisions).toBe('unknown');
    expect(events.understood_purpose).toBe('unknown');
    // Not answered at all: still don't know, never yes or no.
    expect(events.chose_to_take_part).toBe('unknown');
    expect(data['activities'][1].chose_to_take_part).toBe('unknown');
    expect(data['people'][0].support).toBeUndefined();
    expect(data['people'][0].payment).toEqual({ paid: 'unknown' });
    // A number not known is left out; a yes/no not known is written as unknown.
    expect(data['project'].budget).toEqual({ covers_unseen_work: 'unknown' });

    expect(result.stdout).toMatch(/\? listening-events\s+Not enough evidence to tell genuine participation from non-participation: the facts allow rung 2 \(Decoration\) to rung 6 \(Organisation-initiated, shared decisions\)\n\s+to place it, find out: who made the decisions; whether people understood what it was for; whether people could give their own view; and 2 more\n/);
    // A set say with nothing known of what became of it: tokenism, or consultation if it was acted on and reported back.
    expect(result.stdout).toMatch(/\? survey\s+Not enough evidence to tell genuine participation from non-participation: the facts allow rung 3 \(Tokenism\) to rung 5 \(Consulted and informed\)\n\s+to place it, find out: whether people's views were acted on; whether people chose freely to take part; whether it is a board, panel or committee\n/);
    expect(result.stdout).toContain('Fill in what is not known yet: coprod init --from listening.yaml');
    const audit = auditJson('listening.yaml', dir);
    expect(audit.projects[0]!.activities.map((a) => [a.placement.verdict, a.placement.rung, a.placement.ceiling])).toEqual([
      ['not_enough_evidence', 2, 6],
      ['not_enough_evidence', 3, 5],
    ]);
  });

  it('writes project.yaml when no file is named', () => {
    const dir = workspace('default-name');
    const result = coprod(['init', '--answers', 'answers.yaml', '--yes'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, 'project.yaml'))).toBe(true);
    expect(coprod(['validate', 'project.yaml'], dir).code).toBe(0);
  });

  it('refuses to replace an existing file (exit 2, file unchanged), and --force replaces it', () => {
    const dir = workspace('overwrite');
    const original = '# mine, not to be lost\nversion: 1\nproject: { name: Mine }\nactivities: []\n';
    writeFileSync(join(dir, 'plan.yaml'), original);

    const refused = coprod(['init', 'plan.yaml', '--answers', 'answers.yaml', '--yes'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('`plan.yaml` already exists; use --force to replace it');
    expect(readFileSync(join(dir, 'plan.yaml'), 'utf8')).toBe(original);

    const forced = coprod(['init', 'plan.yaml', '--answers', 'answers.yaml', '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    const replaced = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(replaced).not.toContain('# mine, not to be lost');
    expect(replaced).toContain('name: Youth voice in the park redesign');
    expect(leftovers(dir)).toEqual([]);
  });

  it('reports a write that fails plainly, with exit 2, leaving the original intact and no temporary file', () => {
    const dir = workspace('write-fails');
    // A file where a folder should be: the write cannot happen, even as root.
    writeFileSync(join(dir, 'blocker'), 'not a folder\n');
    const notFolder = coprod(['init', 'blocker/plan.yaml', '--answers', 'answers.yaml'], dir);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/^coprod: Could not write `blocker\/plan\.yaml`: part of the path is a file, not a folder\. Nothing was changed\.\n$/);
    expect(readFileSync(join(dir, 'blocker'), 'utf8')).toBe('not a folder\n');

    // Filling the gaps of a file into a folder that does not exist: the original stays as it was.
    const before = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    const missing = coprod(['init', 'no-such-folder/filled.yaml', '--from', 'gappy.yaml', '--answers', 'fill-gaps.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Could not write `no-such-folder/filled.yaml`: the folder does not exist.');
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(before);

    // A folder where the file should be: replacing it fails, and the folder is untouched.
    mkdirSync(join(dir, 'a-folder'));
    writeFileSync(join(dir, 'a-folder', 'keep.txt'), 'keep\n');
    const folder = coprod(['init', 'a-folder', '--answers', 'answers.yaml', '--force'], dir);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain('Could not write `a-folder`');
    expect(readFileSync(join(dir, 'a-folder', 'keep.txt'), 'utf8')).toBe('keep\n');

    expect(leftovers(dir)).toEqual([]);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('says plainly what is wrong with an answers file, and writes nothing', () => {
    const dir = workspace('bad-answers');
    const typo = coprod(['init', 'out.yaml', '--answers', 'bad-key.yaml'], dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('activities[0] has `decided_by`, which is not a question the interview asks. Did you mean `decisions`?');
    const value = coprod(['init', 'out.yaml', '--answers', 'bad-value.yaml'], dir);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('activities[0].decisions: Answer one of: organisation, shared, community, unknown.');
    const missing = coprod(['init', 'out.yaml', '--answers', 'nowhere.yaml'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The answers file `nowhere.yaml` does not exist.');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('needs a terminal or --answers: without either it exits 2 and says so', () => {
    const dir = workspace('no-tty');
    for (const args of [['init', 'out.yaml'], ['init'], ['add-activity', 'gappy.yaml'], ['init', '--from', 'gappy.yaml']]) {
      const result = coprod(args, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/asks questions, so it needs a terminal\. To run it without one, write the answers in a file and give it with --answers/);
    }
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'project.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'gappy.yaml'), 'utf8'));
  });
});

describe('coprod init --from', () => {
  it('fills only the gaps, keeping every comment and every value already written', () => {
    const dir = workspace('from');
    const before = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    const result = coprod(['init', 'filled.yaml', '--from', 'gappy.yaml', '--answers', 'fill-gaps.yaml'], dir);
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(join(dir, 'filled.yaml'), 'utf8');
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(before);

    // Every original comment is still there: whole-line comments word for word, the rest beside their values.
    const kept = comments(after);
    for (const comment of comments(before)) expect(kept).toContain(comment);
    const afterLines = after.split('\n');
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(afterLines).toContain(line);
    // Every other line reads the same (give or take spacing), except where a gap was filled.
    const normal = (line: string): string => line.replace(/\s+/g, ' ').replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1').trim();
    const normalAfter = new Set(afterLines.map(normal));
    const filledLines = before.split('\n').filter((l) => /unknown|seats:/.test(l));
    expect(filledLines).toHaveLength(3);
    for (const line of before.split('\n')) if (!filledLines.includes(line)) expect(normalAfter, line).toContain(normal(line));
    expect(after.startsWith('# yaml-language-server: $schema=../../../schemas/project.schema.json\n# Our plan for the year')).toBe(true);

    const old = parse(before) as Record<string, any>;
    const now = parse(after) as Record<string, any>;
    // Values already written are unchanged, even where the answers said otherwise.
    expect(now.project.name).toBe(old.project.name);
    expect(now.project.budget).toEqual(old.project.budget);
    expect(now.people[0].experience_of_issue).toBe('direct');
    expect(now.people[0].payment).toEqual(old.people[0].payment);
    expect(now.activities[0]).toMatchObject({ stage: 'agenda_setting', groups: ['panel'], understood_purpose: 'yes', decisions: 'organisation', evidence: ['Notes of the day.'] });
    expect(now.activities[1].seats).toMatchObject({ held: 2, total: 10 });
    // The gaps are filled.
    expect(now.project.organisation).toBe('Together Network');
    expect(now.people[0].expenses_covered).toBe('yes');
    expect(now.activities[0].own_view).toBe('yes');
    expect(now.activities[0].chose_to_take_part).toBe('yes');
    expect(now.activities[1].decisions).toBe('organisation');
    expect(now.activities[1].seats).toEqual({ held: 2, total: 10, can_be_outvoted: 'yes', briefed: 'no' });
    // "Don't know" changes nothing.
    expect(now.activities[0].feedback).toBeUndefined();
    // A value filled where `unknown` stood keeps the comment beside it.
    expect(after).toMatch(/own_view: yes\s+# we are not sure yet/);
    // New keys go where the format puts them, under the comment that heads the facts.
    expect(after).toMatch(/# The facts the rung is worked out from:\n\s+understood_purpose: yes.*\n\s+chose_to_take_part: yes\n\s+own_view: yes/);

    expect(coprod(['validate', 'filled.yaml'], dir).code).toBe(0);
    expect(auditJson('filled.yaml', dir).projects[0]!.activities).toHaveLength(2);
    expect(leftovers(dir)).toEqual([]);
  });

  it('updates the file in place only with --force (or a yes at the terminal)', () => {
    const dir = workspace('from-in-place');
    const before = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    const refused = coprod(['init', '--from', 'gappy.yaml', '--answers', 'fill-gaps.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Filling in the gaps rewrites `gappy.yaml`');
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(before);

    const forced = coprod(['init', '--from', 'gappy.yaml', '--answers', 'fill-gaps.yaml', '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('Updated gappy.yaml.');
    const after = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    for (const comment of comments(before)) expect(comments(after)).toContain(comment);
    expect((parse(after) as Record<string, any>).activities[0].own_view).toBe('yes');
    expect(leftovers(dir)).toEqual([]);
  });

  it('checks an answer against what the file already says', () => {
    const dir = workspace('from-checked');
    writeFileSync(join(dir, 'board.yaml'), 'version: 1\nproject: { name: Board }\nactivities:\n  - id: board\n    name: Board\n    seats: { total: 10 }\n');
    writeFileSync(join(dir, 'answers.yaml'), 'activities:\n  - id: board\n    seats_held: 12\n');
    const result = coprod(['init', 'out.yaml', '--from', 'board.yaml', '--answers', 'answers.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('seats_held: That is more than the seats there are in all (10).');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });

  it('refuses a file that is not a valid project file, pointing at the problem', () => {
    const dir = workspace('from-invalid');
    writeFileSync(join(dir, 'broken.yaml'), 'version: 1\nproject: { name: Broken }\nactivities:\n  - id: a\n    name: A\n    decisions: maybe\n');
    const result = coprod(['init', 'out.yaml', '--from', 'broken.yaml', '--answers', 'fill-gaps.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^broken\.yaml:6:\d+: error: /m);
    expect(result.stderr).toContain('fix the problems above first');
    expect(existsSync(join(dir, 'out.yaml'))).toBe(false);
  });
});

describe('coprod add-activity', () => {
  it('appends an activity, keeping every comment and value, and the file still audits', () => {
    const dir = workspace('add-activity');
    const before = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    const refused = coprod(['add-activity', 'gappy.yaml', '--answers', 'new-activity.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(before);

    const result = coprod(['add-activity', 'gappy.yaml', '--answers', 'new-activity.yaml', '--force'], dir);
    expect(result.code, result.stderr).toBe(0);
    const after = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    for (const comment of comments(before)) expect(comments(after)).toContain(comment);
    const old = parse(before) as Record<string, any>;
    const now = parse(after) as Record<string, any>;
    expect(now.activities.slice(0, 2)).toEqual(old.activities);
    expect(now.activities[2]).toMatchObject({ id: 'budget-workshop', stage: 'commissioning', groups: ['panel'], decisions: 'community' });
    expect(result.stdout).toMatch(/● budget-workshop\s+Rung 7 \(Community-initiated and directed\)/);
    const audit = auditJson('gappy.yaml', dir);
    expect(audit.projects[0]!.activities.map((a) => a.id)).toEqual(['strategy-day', 'board', 'budget-workshop']);
  });
});

describe('one list: every fact a new file writes as `unknown` is asked about again', () => {
  it('init writes `unknown` for what is not known, and --from with answers to everything leaves none', () => {
    const dir = workspace('one-list');
    writeFileSync(
      join(dir, 'first.yaml'),
      ['project: { name: Every fact unknown }', 'groups:', '  - { id: members, experience_of_issue: direct, paid: yes }', 'activities:', '  - { name: Meeting, id: meeting, board: yes }', ''].join('\n'),
    );
    expect(coprod(['init', 'plan.yaml', '--answers', 'first.yaml'], dir).code).toBe(0);
    const written = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    // Among them the three that --from once never asked about again.
    for (const key of ['reached_beyond_usual', 'choice_of_how', 'benefits_advice']) expect(written).toMatch(new RegExp(`${key}: unknown`));
    expect(written.match(/: unknown\b/g)!.length).toBeGreaterThan(25);

    writeFileSync(
      join(dir, 'rest.yaml'),
      [
        'project: { organisation: Riverside Trust, summary: A small plan., aim: Fairer meetings., covers_unseen_work: yes }',
        'practice:',
        '  { lived_experience_in_team: yes, capacity_building: yes, tensions_named: We paid members as we pay consultants., value_for_community: none,',
        "    model_of_care: McKercher's Model of Care, professional_support: yes, staff_training: [facilitation, payments], training_is_regular: yes,",
        '    reflection: yes, learning_recorded: yes, changes: Meetings moved to the evening., aim_checked: yes }',
        'groups:',
        '  - { id: members, channels: [outreach, peer_networks], reached_beyond_usual: yes, choice_of_how: yes, benefits_advice: yes, expenses_covered: yes, support: [travel], training: yes }',
        'activities:',
        '  - { id: meeting, stage: design, started_by: community, understood_purpose: yes, chose_to_take_part: yes, meaningful_role: yes, own_view: yes,',
        '      views_acted_on: yes, feedback: yes, decisions: shared, presented_as_theirs: no, seats_held: 5, seats_total: 8, can_be_outvoted: no,',
        '      briefed: yes, shape_agenda: yes, recorded: yes }',
        '',
      ].join('\n'),
    );
    const filled = coprod(['init', '--from', 'plan.yaml', '--answers', 'rest.yaml', '--force'], dir);
    expect(filled.code, filled.stderr).toBe(0);
    expect(filled.stderr).toBe('');
    const after = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(after.match(/: unknown\b.*$/gm) ?? []).toEqual([]);
    expect(coprod(['validate', 'plan.yaml'], dir).code).toBe(0);
  });
});

describe('seats: none', () => {
  it('says an activity is not a board, panel or committee: valid, and not read as a board; other words are refused plainly', () => {
    const dir = workspace('seats-none');
    writeFileSync(
      join(dir, 'seats.yaml'),
      'version: 1\nproject: { name: Seats }\nactivities:\n  - { id: a, name: A, understood_purpose: yes, own_view: yes, seats: none }\n  - { id: b, name: B, seats: nope }\n  - { id: c, name: C, seats: { helt: 2 } }\n',
    );
    const result = coprod(['validate', 'seats.yaml'], dir);
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n').filter((line) => line.includes(': error: '))).toEqual([
      'seats.yaml:5:30: error: `seats` in activity `b` must be the seats (held, total, …), the word none, or unknown, not `nope`.',
      'seats.yaml:6:32: error: `helt` is not a known key in `seats` of activity `c`. Did you mean `held`?',
    ]);
    writeFileSync(join(dir, 'seats.yaml'), 'version: 1\nproject: { name: Seats }\nactivities:\n  - { id: a, name: A, understood_purpose: yes, own_view: yes, seats: none }\n');
    const audit = auditJson('seats.yaml', dir);
    // Not a board: the seats cannot hold it back (as a board of unknown seats could), so nothing asks about them.
    const a = audit.projects[0]!.activities[0]!;
    expect(a.placement.questions.filter((q) => q.key.startsWith('seats'))).toEqual([]);
    expect(a.placement.provisos.filter((p) => p.fact === 'seats')).toEqual([]);
  });
});

describe('answers written as people write them', () => {
  it('amounts with a currency sign and commas, and a currency sign, are taken; a date or a name in another form is refused with the form to type', () => {
    const dir = workspace('human-answers');
    writeFileSync(join(dir, 'money.yaml'), 'project: { name: Money, budget_total: "£45,000", budget_participation: "£4,500.50", currency: "£" }\n');
    expect(coprod(['init', 'money-plan.yaml', '--answers', 'money.yaml'], dir).code).toBe(0);
    expect((parse(readFileSync(join(dir, 'money-plan.yaml'), 'utf8')) as Record<string, any>).project.budget).toMatchObject({ total: 45000, participation: 4500.5, currency: 'GBP' });

    writeFileSync(join(dir, 'date.yaml'), 'project: { name: Dates, start: 1/4/2025 }\n');
    const date = coprod(['init', 'date-plan.yaml', '--answers', 'date.yaml'], dir);
    expect(date.code).toBe(2);
    expect(date.stderr).toBe('coprod: In the answers file, project.start: Write the date as YYYY-MM-DD: type 2025-04-01 for 1 April 2025, or 2025-01-04 for 4 January 2025.\n');

    writeFileSync(join(dir, 'dollars.yaml'), 'project: { name: Dollars, budget_total: 100, currency: $ }\n');
    expect(coprod(['init', 'dollar-plan.yaml', '--answers', 'dollars.yaml'], dir).stderr).toBe('coprod: In the answers file, project.currency: Give the three-letter code: USD for US dollars, or AUD, CAD, NZD and so on.\n');

    writeFileSync(join(dir, 'name.yaml'), 'project: { name: Names }\ngroups:\n  - id: Care Leavers\n');
    expect(coprod(['init', 'name-plan.yaml', '--answers', 'name.yaml'], dir).stderr).toBe('coprod: In the answers file, groups[0].id: Type it as care-leavers: lower-case letters, digits and hyphens, starting with a letter.\n');
    expect(readdirSync(dir).filter((f) => /-plan\.yaml$/.test(f))).toEqual(['money-plan.yaml']);
  });
});

describe('each answer is judged by the file format itself', () => {
  const context = (section: Section, answers: AskContext['answers'] = {}): AskContext => ({ section, answers, takenIds: new Set(['taken']), groups: [] });
  const question = (section: Section, key: string): Question => QUESTIONS[section].find((q) => q.key === key)!;
  const parsed = (section: Section, key: string, raw: unknown, answers: AskContext['answers'] = {}) => parseAnswer(question(section, key), raw, context(section, answers));

  it('every choice the interview offers is a value the schema accepts where the answer is written', () => {
    let checked = 0;
    for (const section of Object.keys(QUESTIONS) as Section[]) {
      for (const q of QUESTIONS[section]) {
        if (!q.path || q.toFile || (q.kind !== 'choice' && q.kind !== 'multi')) continue;
        const place = [...SECTION_PATH[section](0), ...q.path];
        for (const choice of q.choices ?? []) {
          expect(acceptsAt('project', place, q.kind === 'multi' ? [choice.value] : choice.value), `${section}.${q.key}: ${choice.value}`).toBe(true);
          checked++;
        }
        if (q.kind === 'choice') expect(acceptsAt('project', place, 'unknown'), `${section}.${q.key}: unknown`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('an id: the letters and the length the schema allows, and one not taken', () => {
    expect(parsed('group', 'id', 'care-leavers_2')).toEqual({ ok: true, value: 'care-leavers_2' });
    expect(parsed('activity', 'id', 'a'.repeat(80))).toEqual({ ok: true, value: 'a'.repeat(80) });
    expect(parsed('activity', 'id', 'a'.repeat(81))).toEqual({ ok: false, error: `Type it as ${'a'.repeat(40)}: lower-case letters, digits and hyphens, starting with a letter.` });
    expect(parsed('activity', 'id', '---')).toEqual({ ok: false, error: 'Use lower-case letters, digits, hyphens and underscores, starting with a letter (such as lived-experience-partners).' });
    expect(parsed('group', 'id', 'Care Leavers')).toEqual({ ok: false, error: 'Type it as care-leavers: lower-case letters, digits and hyphens, starting with a letter.' });
    expect(parsed('group', 'id', '2nd-panel')).toEqual({ ok: false, error: 'Type it as nd-panel: lower-case letters, digits and hyphens, starting with a letter.' });
    expect(parsed('group', 'id', 'taken')).toEqual({ ok: false, error: '`taken` is already used; choose another.' });
  });

  it('a currency: a three-letter code, in capitals', () => {
    expect(parsed('project', 'currency', 'eur')).toEqual({ ok: true, value: 'EUR' });
    expect(parsed('project', 'currency', 'euros')).toEqual({ ok: true, value: 'EUR' });
    expect(parsed('project', 'currency', 'EU')).toEqual({ ok: false, error: 'Give the three-letter code, such as GBP, EUR or USD.' });
  });

  it('a count: whole, and at least the least the schema allows there (1 seat in all, 0 held)', () => {
    expect(parsed('activity', 'seats_total', '0')).toEqual({ ok: false, error: 'Give a number of at least 1.' });
    expect(parsed('activity', 'seats_total', '1')).toEqual({ ok: true, value: 1 });
    expect(parsed('activity', 'seats_held', '0')).toEqual({ ok: true, value: 0 });
    expect(parsed('group', 'count', '-1')).toEqual({ ok: false, error: 'Give a number, such as 12, or leave it blank if you do not know.' });
    expect(parsed('group', 'count', -1)).toEqual({ ok: false, error: 'Give a number of at least 0.' });
    expect(parsed('group', 'count', 2.5)).toEqual({ ok: false, error: 'Give a whole number.' });
    expect(parsed('project', 'budget_total', -5)).toEqual({ ok: false, error: 'Give a number of at least 0.' });
    expect(parsed('project', 'budget_total', '£1,250.50')).toEqual({ ok: true, value: 1250.5 });
  });

  it('a rung: a whole number from 1 to 8', () => {
    expect(parsed('activity', 'target_rung', '8')).toEqual({ ok: true, value: 8 });
    expect(parsed('activity', 'claimed_rung', 1)).toEqual({ ok: true, value: 1 });
    for (const wrong of ['0', '9', '2.5']) expect(parsed('activity', 'claimed_rung', wrong)).toEqual({ ok: false, error: 'Give a rung from 1 to 8, or leave it out.' });
  });
});

/**
 * The CLI at a real pseudo-terminal, through util-linux `script`. Each step
 * waits until the question has appeared on screen, then types the answer.
 */
class Terminal {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = '';
  private seen = 0;
  private waiter: (() => void) | undefined;
  readonly exit: Promise<number | null>;

  constructor(args: string[], cwd: string) {
    const quote = (word: string): string => `'${word.replace(/'/g, "'\\''")}'`;
    const command = `stty cols 250 rows 60; exec ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', TERM: 'xterm', NO_COLOR: '1', SHELL: '/bin/sh' },
    });
    const take = (chunk: Buffer): void => {
      this.raw += chunk.toString('utf8');
      this.waiter?.();
    };
    this.child.stdout.on('data', take);
    this.child.stderr.on('data', take);
    this.exit = new Promise((done) => this.child.on('close', (code) => done(code)));
  }

  /** What the screen has shown, without colours and cursor movements. */
  get text(): string {
    // eslint-disable-next-line no-control-regex
    return this.raw.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
  }

  /** Waits until `words` appear after everything already waited for. */
  async waitFor(words: string): Promise<void> {
    for (;;) {
      const at = this.text.indexOf(words, this.seen);
      if (at >= 0) {
        this.seen = at + words.length;
        return;
      }
      const exited = await Promise.race([
        new Promise<false>((wake) => {
          this.waiter = () => wake(false);
        }),
        this.exit.then(() => true),
        // A guard, not a timing assertion: a question that never comes fails the test with the transcript.
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`"${words}" never appeared. The screen so far:\n${this.text.slice(-3000)}`)), 120_000).unref()),
      ]);
      if (exited && !this.text.includes(words, this.seen)) throw new Error(`The command ended before "${words}" appeared:\n${this.text.slice(-3000)}`);
    }
  }

  /** Answers a question once it is on screen. */
  async answer(question: string, keys: string): Promise<void> {
    await this.waitFor(question);
    this.child.stdin.write(keys);
  }

  async finish(): Promise<number | null> {
    const code = await this.exit;
    this.child.stdin.end();
    return code;
  }
}

type Step = [question: string, keys: string];

/** The answers to the questions about how the organisation works, at the terminal: "Don't know" to each. */
const PRACTICE_DONT_KNOW: Step[] = [
  ['Are people with lived experience of the issue part of the team', UP + ENTER],
  ["Is building people's skills and confidence", UP + ENTER],
  ['Have you pushed back on an unfair or unhelpful way of working', ENTER],
  ['What does the community get out of the work', ENTER],
  ['Do you follow a model of care', ENTER],
  ['Can participants get professional support', UP + ENTER],
  ['What are staff trained in for this work?', UP + ' ' + ENTER],
  ['Is training, for staff and participants alike, regular', UP + ENTER],
  ['Does the team, with participants, stop regularly to reflect', UP + ENTER],
  ['Is what you learn written down', UP + ENTER],
  ['Name a change you made', ENTER],
  ['Do you stop, as the work goes on, to check', UP + ENTER],
];

/** The project questions up to the dates, answered blank or "Don't know". */
const PROJECT_BLANK: Step[] = [
  ['Which organisation runs it', ENTER],
  ['In a sentence or two', ENTER],
  ['What does the project aim to make fairer', ENTER],
  ['What is the whole budget', ENTER],
  ['How much of the budget is set aside', ENTER],
  ['Does the budget pay for the unseen work', UP + ENTER],
  ['When does the project start?', ENTER],
  ['When does it end?', ENTER],
];

/** The questions about one activity after its name, answered with the suggested id and "Don't know" to every fact. */
const ACTIVITY_DONT_KNOW: Step[] = [
  ['A short name for it', ENTER],
  ['Which stage of the work is it?', UP + ENTER],
  ['How do you describe this activity to others?', ENTER],
  ...['Who started this activity', 'Did people understand', 'Did people choose freely', 'Did people have a real job', 'Could people form their own view', "Were people's views", 'Were people told', 'Who made the decisions', 'Did the organisation present', 'Is this activity a board', 'Was what people said'].map((q): Step => [q, UP + ENTER]),
  ['Do you say this activity is on a particular rung', ENTER],
  ['Which rung is this activity aiming for?', ENTER],
];

async function answerAll(term: Terminal, steps: readonly Step[]): Promise<void> {
  for (const [question, keys] of steps) await term.answer(question, keys);
}

describe('coprod init at a terminal', () => {
  it('runs the whole interview, with the add-another loops and "Don\'t know", and writes a valid file', async () => {
    const dir = workspace('interactive');
    const term = new Terminal(['init', 'park.yaml'], dir);
    const steps: Step[] = [
      ['What is the project called?', 'Park plan' + ENTER],
      ['Which organisation runs it', 'Northfield Council' + ENTER],
      ['In a sentence or two', ENTER],
      ['What does the project aim to make fairer', ENTER],
      // A typed number is checked: a word is refused with a plain message, then cleared (Ctrl-U) and retyped.
      ['What is the whole budget', 'lots' + ENTER],
      ['Give a number, such as 12', '\u0015' + '£50,000' + ENTER],
      ['How much of the budget is set aside', '8000' + ENTER],
      ['What currency are those amounts in?', '£' + ENTER],
      ['Does the budget pay for the unseen work', DOWN + DOWN + ENTER], // Don't know
      // A date written the British way is refused, with the date it means written the right way.
      ['When does the project start?', '13/3/2025' + ENTER],
      ['Write the date as YYYY-MM-DD: for 13 March 2025, type 2025-03-13.', '\u0015' + '2025-03-01' + ENTER],
      ['When does it end?', ENTER],

      // How the organisation works.
      ['Are people with lived experience of the issue part of the team', ENTER], // yes
      ["Is building people's skills and confidence", DOWN + ENTER], // no
      ['Have you pushed back on an unfair or unhelpful way of working', 'We refused a closed tender.' + ENTER],
      ['What does the community get out of the work', 'none' + ENTER],
      ['Do you follow a model of care', ENTER],
      ['Can participants get professional support', UP + ENTER], // Don't know
      ['What are staff trained in for this work?', ' ' + DOWN + ' ' + ENTER], // facilitation, payments
      ['Is training, for staff and participants alike, regular', ENTER],
      ['Does the team, with participants, stop regularly to reflect', ENTER],
      ['Is what you learn written down', DOWN + ENTER],
      ['Name a change you made', ENTER],
      ['Do you stop, as the work goes on, to check', UP + ENTER],

      ['Add a group of people who take part?', ENTER],
      // A name typed with capitals and a space is refused, with the form to type.
      ['A short name for this group', '\u0015' + 'Young People' + ENTER],
      ['Type it as young-people: lower-case letters', '\u0015' + 'young-people' + ENTER],
      ['Who are the people in this group', 'Young people who use the park' + ENTER],
      ['What lived experience do they bring?', ENTER],
      ['How close is their experience', ENTER], // they live it
      ['How many people are in this group?', '12' + ENTER],
      ['How were they found?', ' ' + DOWN + ' ' + ENTER], // trusted relationships, community groups
      ['Did you reach people who are not usually heard', ENTER],
      ['Are they paid for their time', ENTER],
      ['How much?', '£15 an hour' + ENTER],
      ['Can they choose how, or whether, to be paid?', DOWN + DOWN + ENTER], // Don't know
      ['Are people who receive benefits offered', ENTER],
      ['Are the costs of taking part', ENTER],
      ['What support is offered', ' ' + ENTER], // travel
      ['Is training offered', DOWN + ENTER], // no
      ['Add another group?', 'y' + ENTER],
      // Staff: no questions about recruiting, paying or supporting them as participants.
      ['A short name for this group', '\u0015' + 'parks-staff' + ENTER],
      ['Who are the people in this group', 'Council parks staff' + ENTER],
      ['What lived experience do they bring?', ENTER],
      ['How close is their experience', DOWN + DOWN + ENTER], // none
      ['How many people are in this group?', ENTER],
      ['Add another group?', ENTER], // no

      ['What is this activity called?', 'Choosing the new layout' + ENTER],
      ['A short name for it', ENTER], // the suggested id
      ['Which stage of the work is it?', DOWN + ENTER], // design
      ['Which groups take part?', ' ' + ENTER], // young-people
      ['How do you describe this activity to others?', 'co-design' + ENTER],
      ['Who started this activity', ENTER], // the organisation
      ['Did people understand what it was for', ENTER],
      ['Did people choose freely to take part', ENTER],
      ['Did people have a real job to do', ENTER],
      ['Could people form their own view', ENTER],
      ["Were people's views taken seriously", ENTER],
      ['Were people told what became of what they said?', ENTER],
      ['Who made the decisions', DOWN + ENTER], // together
      ['Did the organisation present the work', ENTER], // no: the first answer offered is never the worst
      ['Is this activity a board, panel or committee', DOWN + ENTER], // no
      ['Was what people said written down', ENTER],
      ['Do you say this activity is on a particular rung', DOWN.repeat(6) + ENTER], // rung 6
      ['Which rung is this activity aiming for?', ENTER],
      ['Add another activity?', 'y' + ENTER],
      ['What is this activity called?', 'Opening day survey' + ENTER],
      ['A short name for it', '\u0015' + 'survey' + ENTER],
      ['Which stage of the work is it?', UP + ENTER], // Don't know
      ['Which groups take part?', ENTER], // none chosen
      ['How do you describe this activity to others?', ENTER],
      ['Who started this activity', UP + ENTER],
      ['Did people understand what it was for', UP + ENTER],
      ['Did people choose freely to take part', UP + ENTER],
      ['Did people have a real job to do', UP + ENTER],
      ['Could people form their own view', UP + ENTER],
      ["Were people's views taken seriously", UP + ENTER],
      ['Were people told what became of what they said?', UP + ENTER],
      ['Who made the decisions', UP + ENTER],
      ['Did the organisation present the work', UP + ENTER],
      ['Is this activity a board, panel or committee', UP + ENTER], // don't know: not a board, nor known not to be
      ['Was what people said written down', UP + ENTER],
      ['Do you say this activity is on a particular rung', ENTER],
      ['Which rung is this activity aiming for?', ENTER],
      ['Add another activity?', ENTER], // no
    ];
    await answerAll(term, steps);
    await term.waitFor('Wrote park.yaml.');
    expect(await term.finish()).toBe(0);

    const screen = term.text;
    expect(screen).toContain('Why it matters: rung 6 (Organisation-initiated, shared decisions) and above need this.');
    // Non-participation is never held up as something to reach.
    expect(screen).toContain('Why it matters: without this, the activity is no higher than rung 2 (Decoration).');
    expect(screen).not.toMatch(/rung [123] \([A-Za-z]+\) and above need this/);
    expect(screen).toMatch(/● choosing-the-new-layout\s+Rung 6 \(Organisation-initiated, shared decisions\)/);
    expect(screen).toMatch(/\? survey\s+Not enough evidence to tell genuine participation from non-participation: the facts allow rung 2 \(Decoration\) to rung 8 /);
    // What is still to find out is said in the questions' words, never as keys of the file.
    expect(screen).toMatch(/to place it, find out: (?:[a-z' ]+; ){3}and \d+ more\n/);
    expect(screen).toMatch(/to place it, find out: who made the decisions; who started it; whether people understood what it was for; and 4 more\n/);
    expect(screen).not.toMatch(/find out: .*(started_by|presented_as_theirs|seats\.)/);
    expect(screen).toContain('See the full report: coprod audit park.yaml');
    // Staff are not asked how they were found, or about pay and benefits.
    const staff = screen.slice(screen.indexOf('Council parks staff'), screen.lastIndexOf('Add another group?'));
    expect(staff).not.toContain('How were they found?');
    expect(staff).not.toContain('Are people who receive benefits offered');

    const text = readFileSync(join(dir, 'park.yaml'), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(coprod(['validate', 'park.yaml'], dir).code).toBe(0);
    const data = parse(text) as Record<string, any>;
    expect(data.project).toEqual({ name: 'Park plan', organisation: 'Northfield Council', budget: { currency: 'GBP', total: 50000, participation: 8000, covers_unseen_work: 'unknown' }, timeline: { start: '2025-03-01' } });
    expect(data.practice).toEqual({
      lived_experience_in_team: 'yes',
      capacity_building: 'no',
      tensions_named: ['We refused a closed tender.'],
      value_for_community: [],
      professional_support: 'unknown',
      staff_training: ['facilitation', 'payments'],
      training_is_regular: 'yes',
      learning: { reflection: 'yes', recorded: 'no' },
      aim_checked: 'unknown',
    });
    expect(data.people).toEqual([
      {
        id: 'young-people',
        who: 'Young people who use the park',
        experience_of_issue: 'direct',
        count: 12,
        recruitment: { channels: ['trusted_relationships', 'community_groups'], reached_beyond_usual: 'yes' },
        payment: { paid: 'yes', rate: '£15 an hour', choice_of_how: 'unknown', benefits_advice: 'yes' },
        expenses_covered: 'yes',
        support: ['travel'],
        training: 'no',
      },
      { id: 'parks-staff', who: 'Council parks staff', experience_of_issue: 'none' },
    ]);
    expect(data.activities[0]).toMatchObject({ id: 'choosing-the-new-layout', stage: 'design', groups: ['young-people'], described_as: 'co-design', decisions: 'shared', presented_as_theirs: 'no', claimed_rung: 6 });
    // "No" to "a board, panel or committee?" is written down; "Don't know" leaves it unknown.
    expect(data.activities[0].seats).toBe('none');
    expect(data.activities[0].target_rung).toBeUndefined();
    expect(data.activities[1]).toMatchObject({ id: 'survey', stage: 'unknown', started_by: 'unknown', decisions: 'unknown', recorded: 'unknown' });
    expect(data.activities[1].groups).toBeUndefined();
    expect('seats' in data.activities[1]).toBe(false);
    const audit = auditJson('park.yaml', dir);
    expect(audit.projects[0]!.activities.map((a) => a.placement.rung)).toEqual([6, 2]);
    expect(leftovers(dir)).toEqual([]);
    // Once the file is written, the draft of answers is gone.
    expect(existsSync(join(dir, 'park.yaml.draft'))).toBe(false);
  });

  it('checks the folder before the first question: a missing folder is exit 2 at once, with nothing asked', async () => {
    const dir = workspace('missing-folder');
    const term = new Terminal(['init', 'plans/new.yaml'], dir);
    expect(await term.finish()).toBe(2);
    expect(term.text).toContain('coprod: Could not write `plans/new.yaml`: the folder does not exist. Make it first (`mkdir -p plans`), or name a file in a folder that exists. Nothing was changed.');
    expect(term.text).not.toContain('What is the project called?');
    expect(existsSync(join(dir, 'plans'))).toBe(false);
    expect(existsSync(join(dir, 'plans/new.yaml.draft'))).toBe(false);
  });

  it('a file name typed into a folder that does not exist is refused at once, and another asked for', async () => {
    const dir = workspace('missing-folder-typed');
    const term = new Terminal(['init'], dir);
    await term.answer('Where shall I save the project file?', '\u0015' + 'nowhere/plan.yaml' + ENTER);
    await term.waitFor('the folder does not exist');
    await term.answer('Where shall I save the project file?', '\u0015' + 'plan.yaml' + ENTER);
    await term.answer('What is the project called?', '\u0003');
    expect(await term.finish()).toBe(130);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('keeps every answer in a draft as it is given: Ctrl-C loses nothing, and the next run carries on from there', async () => {
    const dir = workspace('draft');
    const first = new Terminal(['init', 'park.yaml'], dir);
    await first.answer('What is the project called?', 'Park plan' + ENTER);
    await first.answer('Which organisation runs it', 'Northfield' + ENTER);
    await first.answer('In a sentence or two', ENTER);
    await first.answer('What does the project aim to make fairer', 'Half-typed answ' + '\u0003');
    expect(await first.finish()).toBe(130);
    expect(first.text).toContain('Stopped. The project file was not written. The 3 answers given so far are kept in park.yaml.draft; run `coprod init park.yaml` again to carry on from there.');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    const draft = parse(readFileSync(join(dir, 'park.yaml.draft'), 'utf8')) as Record<string, any>;
    expect(draft).toEqual({ project: { name: 'Park plan', organisation: 'Northfield', summary: null } });

    // The next run offers the draft; a yes asks only what it lacks.
    const second = new Terminal(['init', 'park.yaml'], dir);
    await second.answer('park.yaml.draft keeps 3 answers from an interview that stopped before the end. Carry on from there?', ENTER);
    await second.answer('What does the project aim to make fairer', 'Fair use of the park' + ENTER);
    await answerAll(second, PROJECT_BLANK.slice(3));
    await answerAll(second, PRACTICE_DONT_KNOW);
    await second.answer('Add a group of people who take part?', 'n' + ENTER);
    await second.answer('What is this activity called?', 'Drop-in' + ENTER);
    await answerAll(second, ACTIVITY_DONT_KNOW);
    await second.answer('Add another activity?', ENTER);
    await second.waitFor('Wrote park.yaml.');
    expect(await second.finish()).toBe(0);
    expect(second.text).not.toContain('What is the project called?');
    expect(second.text).not.toContain('Which organisation runs it');
    const data = parse(readFileSync(join(dir, 'park.yaml'), 'utf8')) as Record<string, any>;
    expect(data.project).toMatchObject({ name: 'Park plan', organisation: 'Northfield', aim: 'Fair use of the park' });
    expect(existsSync(join(dir, 'park.yaml.draft'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('add-activity keeps its answers in a draft too, and carries on from it', async () => {
    const dir = workspace('add-draft');
    const before = readFileSync(join(dir, 'gappy.yaml'), 'utf8');
    const first = new Terminal(['add-activity', 'gappy.yaml'], dir);
    await first.answer('What is this activity called?', 'Budget workshop' + ENTER);
    await first.answer('A short name for it', ENTER);
    await first.answer('Which stage of the work is it?', '\u0003');
    expect(await first.finish()).toBe(130);
    expect(first.text).toContain('Stopped. gappy.yaml was not changed. The 2 answers given so far are kept in gappy.yaml.draft; run `coprod add-activity gappy.yaml` again to carry on from there.');
    expect(readFileSync(join(dir, 'gappy.yaml'), 'utf8')).toBe(before);
    expect(parse(readFileSync(join(dir, 'gappy.yaml.draft'), 'utf8'))).toEqual({ activities: [{ name: 'Budget workshop', id: 'budget-workshop' }] });

    const second = new Terminal(['add-activity', 'gappy.yaml'], dir);
    await second.answer('Carry on from there?', ENTER);
    await second.answer('Which stage of the work is it?', UP + ENTER);
    await second.answer('Which groups take part?', ENTER);
    await answerAll(second, ACTIVITY_DONT_KNOW.slice(2));
    await second.answer('Add another activity?', ENTER);
    await second.answer('Add this activity to gappy.yaml?', ENTER);
    await second.waitFor('Updated gappy.yaml.');
    expect(await second.finish()).toBe(0);
    expect(second.text).not.toContain('What is this activity called?');
    const now = parse(readFileSync(join(dir, 'gappy.yaml'), 'utf8')) as Record<string, any>;
    expect(now.activities[2]).toMatchObject({ id: 'budget-workshop', name: 'Budget workshop', stage: 'unknown' });
    expect(existsSync(join(dir, 'gappy.yaml.draft'))).toBe(false);
  });

  it('stops on Ctrl-C before any answer: exit 130, a short message, no file, no draft and no temporary file', async () => {
    const dir = workspace('ctrl-c');
    const term = new Terminal(['init', 'park.yaml'], dir);
    await term.answer('What is the project called?', 'Half-typed na' + '\u0003');
    expect(await term.finish()).toBe(130);
    expect(term.text).toContain('Stopped; nothing was written.');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'park.yaml.draft'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stops on Ctrl-D at a choice, keeping the answers given in the draft', async () => {
    const dir = workspace('ctrl-d');
    const term = new Terminal(['init', 'park.yaml'], dir);
    await term.answer('What is the project called?', 'Park plan' + ENTER);
    for (const question of ['Which organisation runs it', 'In a sentence or two', 'What does the project aim to make fairer', 'What is the whole budget', 'How much of the budget is set aside']) {
      await term.answer(question, ENTER);
    }
    await term.answer('Does the budget pay for the unseen work', '\u0004');
    expect(await term.finish()).toBe(130);
    expect(term.text).toContain('Stopped. The project file was not written. The 6 answers given so far are kept in park.yaml.draft');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
    expect((parse(readFileSync(join(dir, 'park.yaml.draft'), 'utf8')) as Record<string, any>).project.name).toBe('Park plan');
    expect(leftovers(dir)).toEqual([]);
  });

  it('asks before replacing an existing file, and a no keeps it and asks for another name', async () => {
    const dir = workspace('interactive-exists');
    writeFileSync(join(dir, 'project.yaml'), 'keep me\n');
    const term = new Terminal(['init'], dir);
    await term.answer('Where shall I save the project file?', ENTER); // project.yaml, which exists
    await term.answer('project.yaml already exists. Replace it', ENTER); // no (the default)
    await term.answer('Save it as (a new file name):', ENTER); // the name offered
    await term.answer('What is the project called?', 'Second plan' + ENTER);
    await answerAll(term, PROJECT_BLANK);
    await answerAll(term, PRACTICE_DONT_KNOW);
    await term.answer('Add a group of people who take part?', 'n' + ENTER);
    await term.answer('What is this activity called?', 'Drop-in' + ENTER);
    await answerAll(term, ACTIVITY_DONT_KNOW);
    await term.answer('Add another activity?', ENTER);
    await term.waitFor('Wrote project-2.yaml.');
    expect(await term.finish()).toBe(0);
    expect(readFileSync(join(dir, 'project.yaml'), 'utf8')).toBe('keep me\n');
    expect(coprod(['validate', 'project-2.yaml'], dir).code).toBe(0);
  });

  it('with --from, asks only about what the file does not record, keeps its comments, and a no offers another name', async () => {
    const dir = workspace('interactive-from');
    const before = readFileSync(join(dir, 'small-gaps.yaml'), 'utf8');
    writeFileSync(join(dir, 'taken.yaml'), 'keep me too\n');
    const term = new Terminal(['init', '--from', 'small-gaps.yaml'], dir);
    // Facts a new file writes as `unknown` are asked again: every one of them.
    await term.answer('Did you reach people who are not usually heard', ENTER); // yes
    await term.answer('Can they choose how, or whether, to be paid?', ENTER);
    await term.answer('Are people who receive benefits offered', DOWN + ENTER); // no
    await term.answer('Who made the decisions', DOWN + ENTER); // together
    await term.answer('Was what people said written down', ENTER);
    // A no to saving in place offers another name; a name taken, and then refused, asks again.
    await term.answer('Save these 5 answers into small-gaps.yaml?', 'n' + ENTER);
    await term.answer('Save to another file instead?', 'taken.yaml' + ENTER);
    await term.answer('taken.yaml already exists. Replace it?', ENTER); // no
    await term.answer('Save to another file instead?', 'filled.yaml' + ENTER);
    await term.waitFor('Wrote filled.yaml.');
    expect(await term.finish()).toBe(0);

    // Nothing the file already records was asked again.
    for (const question of ['What is the project called?', 'Which organisation runs it', 'Who started this activity', 'Did people understand', 'How close is their experience', 'Are they paid', 'Is this activity a board', 'Are people with lived experience of the issue part of the team']) {
      expect(term.text).not.toContain(question);
    }
    expect(readFileSync(join(dir, 'small-gaps.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'taken.yaml'), 'utf8')).toBe('keep me too\n');
    const after = readFileSync(join(dir, 'filled.yaml'), 'utf8');
    // Only the lines of the answers changed: a value where `unknown` stood keeps its comment, in its column.
    expect(changedLines(before, after)).toEqual({
      removed: ['    recruitment: { channels: [peer_networks, community_groups] }', '    payment: { paid: yes }', '    decisions: unknown   # to ask the carers'],
      added: [
        '    recruitment: { channels: [peer_networks, community_groups], reached_beyond_usual: yes }',
        '    payment: { paid: yes, choice_of_how: yes, benefits_advice: no }',
        '    decisions: shared    # to ask the carers',
        '    recorded: yes',
      ],
    });
    expect(auditJson('filled.yaml', dir).projects[0]!.activities[0]!.placement.rung).toBe(8);
    expect(existsSync(join(dir, 'small-gaps.yaml.draft'))).toBe(false);
  });
  /** The keys that answer "Don't know" to a question at the terminal. */
  const dontKnow = (question: Question): string => (question.kind === 'choice' ? UP + ENTER : question.kind === 'multi' ? UP + ' ' + ENTER : ENTER);

  it('--from on an example changes only the line of the fact filled in: the file is byte for byte as it was before the fact went missing', async () => {
    const dir = workspace('example-from');
    const example = readFileSync(join(ROOT, 'examples/in-work-poverty-co-commissioning.yaml'), 'utf8');
    const data = parse(example) as Record<string, any>;
    const first = data.activities[0] as Record<string, unknown>;
    // The first fact of the first activity written on a line of its own, without a comment: taken out, then asked for again.
    const lines = example.split('\n');
    const at = lines.findIndex((line, i) => i > lines.findIndex((l) => l.includes(`id: ${String(first['id'])}`)) && /^ {4}(understood_purpose|chose_to_take_part|meaningful_role|own_view|views_acted_on|feedback): (yes|no)$/.test(line));
    expect(at).toBeGreaterThan(0);
    const [, key, value] = /^ {4}(\w+): (\w+)$/.exec(lines[at]!)!;
    const gappy = [...lines.slice(0, at), ...lines.slice(at + 1)].join('\n');
    writeFileSync(join(dir, 'plan.yaml'), gappy);

    const term = new Terminal(['init', '--from', 'plan.yaml'], dir);
    const plans = planGaps(parse(gappy) as Record<string, unknown>).filter((plan) => plan.gaps.length > 0);
    let asked = 0;
    for (const plan of plans) {
      for (const question of plan.gaps) {
        const mine = plan.id === first['id'] && question.key === key;
        await term.answer(question.message, mine ? DOWN.repeat(question.choices!.findIndex((c) => c.value === value)) + ENTER : dontKnow(question));
        asked++;
      }
    }
    expect(asked).toBeGreaterThan(1);
    await term.answer('Save this answer into plan.yaml?', ENTER);
    await term.waitFor('Updated plan.yaml.');
    expect(await term.finish()).toBe(0);
    const after = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    expect(changedLines(gappy, after)).toEqual({ removed: [], added: [lines[at]] });
    expect(after).toBe(example);
  });

  it('add-activity on an example adds the activity after the last one and changes nothing else', async () => {
    const dir = workspace('example-add');
    const example = readFileSync(join(ROOT, 'examples/in-work-poverty-co-commissioning.yaml'), 'utf8');
    writeFileSync(join(dir, 'plan.yaml'), example);
    const term = new Terminal(['add-activity', 'plan.yaml'], dir);
    await term.answer('What is this activity called?', 'Reporting back to the partners' + ENTER);
    await term.answer('A short name for it', ENTER);
    await term.answer('Which stage of the work is it?', UP + ENTER);
    await term.answer('Which groups take part?', ' ' + ENTER);
    await term.answer('How do you describe this activity to others?', ENTER);
    for (const question of ['Who started this activity', 'Did people understand', 'Did people choose freely', 'Did people have a real job', 'Could people form their own view', "Were people's views", 'Were people told', 'Who made the decisions', 'Did the organisation present', 'Is this activity a board', 'Was what people said']) {
      await term.answer(question, UP + ENTER);
    }
    await term.answer('Do you say this activity is on a particular rung', ENTER);
    await term.answer('Which rung is this activity aiming for?', ENTER);
    await term.answer('Add another activity?', ENTER);
    await term.answer('Add this activity to plan.yaml?', ENTER);
    await term.waitFor('Updated plan.yaml.');
    expect(await term.finish()).toBe(0);
    const after = readFileSync(join(dir, 'plan.yaml'), 'utf8');
    const { removed, added } = changedLines(example, after);
    // Nothing was removed or rewritten: only lines were added, one blank line and then the new activity, in one block.
    expect(removed).toEqual([]);
    const block = added.filter((line) => line !== '');
    expect(added.length - block.length).toBe(1);
    expect(block[0]).toBe('  - id: reporting-back-to-the-partners');
    expect(after).toContain('\n\n' + block.join('\n') + '\n');
    expect(after.replace('\n' + block.join('\n') + '\n', '')).toBe(example);
    const now = parse(after) as Record<string, any>;
    expect(now.activities).toHaveLength((parse(example) as Record<string, any>).activities.length + 1);
    expect(coprod(['validate', 'plan.yaml'], dir).code).toBe(0);
  });
});
