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

/** The text of every comment in a YAML file, one per comment. */
function comments(text: string): string[] {
  return text
    .split('\n')
    .map((line) => /(?:^|\s)#\s?(.*)$/.exec(line)?.[1]?.trim())
    .filter((comment): comment is string => comment !== undefined && comment !== '');
}

describe('coprod init --answers', () => {
  it('writes a project file that validates and audits, with the schema line and a comment for each section', () => {
    const dir = workspace('answers');
    const result = coprod(['init', 'park.yaml', '--answers', 'answers.yaml'], dir);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'park.yaml'), 'utf8');

    const first = text.split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+project\.schema\.json$/);
    const ref = first.slice(first.indexOf('=') + 1);
    expect(resolve(dir, ref)).toBe(join(ROOT, 'schemas/project.schema.json'));
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
    expect(data['activities'][0].seats).toBeUndefined();

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

    expect(result.stdout).toMatch(/\? listening-events\s+Not enough evidence to tell genuine participation from non-participation: the facts allow rung 2 \(Decoration\) to rung 6 \(Organisation-initiated, shared decisions\)\n\s+to settle it, record: decisions, understood_purpose, chose_to_take_part and 2 more\n/);
    expect(result.stdout).toMatch(/● survey\s+Rung 3 \(Tokenism\): non-participation/);
    expect(result.stdout).toContain('Fill in what is not known yet: coprod init --from listening.yaml');
    const audit = auditJson('listening.yaml', dir);
    expect(audit.projects[0]!.activities.map((a) => [a.placement.verdict, a.placement.rung, a.placement.ceiling])).toEqual([
      ['not_enough_evidence', 2, 6],
      ['placed', 3, 3],
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
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error(`"${words}" never appeared. The screen so far:\n${this.text.slice(-3000)}`)), 20_000).unref()),
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
      ['Give a number, such as 12', '\u0015' + '50000' + ENTER],
      ['How much of the budget is set aside', '8000' + ENTER],
      ['What currency are those amounts in?', 'gbp' + ENTER],
      ['Does the budget pay for the unseen work', DOWN + DOWN + ENTER], // Don't know
      ['When does the project start?', '2025-02-30' + ENTER],
      ['Write the date as YYYY-MM-DD', '\u0015' + '2025-03-01' + ENTER],
      ['When does it end?', ENTER],

      ['Add a group of people who take part?', ENTER],
      ['A short name for this group', 'young-people' + ENTER],
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
      ['A short name for this group', 'parks-staff' + ENTER],
      ['Who are the people in this group', 'Council parks staff' + ENTER],
      ['What lived experience do they bring?', ENTER],
      ['How close is their experience', DOWN + DOWN + ENTER], // none
      ['How many people are in this group?', ENTER],
      ['How were they found?', UP + ' ' + ENTER], // Don't know
      ['Did you reach people who are not usually heard', UP + ENTER],
      ['Are they paid for their time', DOWN + ENTER], // no: the payment details are not asked
      ['Are the costs of taking part', UP + ENTER],
      ['What support is offered', UP + UP + ' ' + ENTER], // None of these
      ['Is training offered', ENTER],
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
      ['Did the organisation present the work', DOWN + ENTER], // no
      ['Is this activity a board, panel or committee', DOWN + ENTER], // no
      ['Was what people said written down', ENTER],
      ['Do you say this activity is on a particular rung', DOWN.repeat(6) + ENTER], // rung 6
      ['Which rung is this activity aiming for?', ENTER],
      ['Add another activity?', 'y' + ENTER],
      ['What is this activity called?', 'Opening day survey' + ENTER],
      ['A short name for it', 'survey' + ENTER],
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
      ['Is this activity a board, panel or committee', UP + ENTER],
      ['Was what people said written down', UP + ENTER],
      ['Do you say this activity is on a particular rung', ENTER],
      ['Which rung is this activity aiming for?', ENTER],
      ['Add another activity?', ENTER], // no
    ];
    for (const [question, keys] of steps) await term.answer(question, keys);
    await term.waitFor('Wrote park.yaml.');
    expect(await term.finish()).toBe(0);

    const screen = term.text;
    expect(screen).toContain('Why it matters: rung 6 (Organisation-initiated, shared decisions) and above need this.');
    expect(screen).toMatch(/● choosing-the-new-layout\s+Rung 6 \(Organisation-initiated, shared decisions\)/);
    expect(screen).toMatch(/\? survey\s+Not enough evidence to tell genuine participation from non-participation: the facts allow rung 2 \(Decoration\) to rung 8 /);
    expect(screen).toContain('See the full report: coprod audit park.yaml');

    const text = readFileSync(join(dir, 'park.yaml'), 'utf8');
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true);
    expect(coprod(['validate', 'park.yaml'], dir).code).toBe(0);
    const data = parse(text) as Record<string, any>;
    expect(data.project).toEqual({ name: 'Park plan', organisation: 'Northfield Council', budget: { currency: 'GBP', total: 50000, participation: 8000, covers_unseen_work: 'unknown' }, timeline: { start: '2025-03-01' } });
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
      {
        id: 'parks-staff',
        who: 'Council parks staff',
        experience_of_issue: 'none',
        recruitment: { reached_beyond_usual: 'unknown' },
        payment: { paid: 'no' },
        expenses_covered: 'unknown',
        support: [],
        training: 'yes',
      },
    ]);
    expect(data.activities[0]).toMatchObject({ id: 'choosing-the-new-layout', stage: 'design', groups: ['young-people'], described_as: 'co-design', decisions: 'shared', presented_as_theirs: 'no', claimed_rung: 6 });
    expect(data.activities[0].seats).toBeUndefined();
    expect(data.activities[0].target_rung).toBeUndefined();
    expect(data.activities[1]).toMatchObject({ id: 'survey', stage: 'unknown', started_by: 'unknown', decisions: 'unknown', recorded: 'unknown' });
    expect(data.activities[1].groups).toBeUndefined();
    const audit = auditJson('park.yaml', dir);
    expect(audit.projects[0]!.activities.map((a) => a.placement.rung)).toEqual([6, 2]);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stops on Ctrl-C mid-interview: exit 130, a short message, no file and no temporary file', async () => {
    const dir = workspace('ctrl-c');
    const term = new Terminal(['init', 'park.yaml'], dir);
    await term.answer('What is the project called?', 'Park plan' + ENTER);
    await term.answer('Which organisation runs it', 'Northfield' + ENTER);
    await term.answer('In a sentence or two', ENTER);
    await term.answer('What does the project aim to make fairer', 'Half-typed answ' + '\u0003');
    expect(await term.finish()).toBe(130);
    expect(term.text).toContain('Stopped; nothing was written.');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('stops on Ctrl-D at a choice, the same way', async () => {
    const dir = workspace('ctrl-d');
    const term = new Terminal(['init', 'park.yaml'], dir);
    await term.answer('What is the project called?', 'Park plan' + ENTER);
    for (const question of ['Which organisation runs it', 'In a sentence or two', 'What does the project aim to make fairer', 'What is the whole budget', 'How much of the budget is set aside']) {
      await term.answer(question, ENTER);
    }
    await term.answer('Does the budget pay for the unseen work', '\u0004');
    expect(await term.finish()).toBe(130);
    expect(term.text).toContain('Stopped; nothing was written.');
    expect(existsSync(join(dir, 'park.yaml'))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('asks before replacing an existing file, and a no keeps it and asks for another name', async () => {
    const dir = workspace('interactive-exists');
    writeFileSync(join(dir, 'project.yaml'), 'keep me\n');
    const term = new Terminal(['init'], dir);
    await term.answer('Where shall I save the project file?', ENTER); // project.yaml, which exists
    await term.answer('project.yaml already exists. Replace it', ENTER); // no (the default)
    await term.answer('Save it as (a new file name):', 'second.yaml' + ENTER);
    await term.answer('What is the project called?', 'Second plan' + ENTER);
    for (const question of ['Which organisation runs it', 'In a sentence or two', 'What does the project aim to make fairer', 'What is the whole budget', 'How much of the budget is set aside']) {
      await term.answer(question, ENTER);
    }
    await term.answer('Does the budget pay for the unseen work', UP + ENTER);
    await term.answer('When does the project start?', ENTER);
    await term.answer('When does it end?', ENTER);
    await term.answer('Add a group of people who take part?', 'n' + ENTER);
    await term.answer('What is this activity called?', 'Drop-in' + ENTER);
    await term.answer('A short name for it', ENTER);
    await term.answer('Which stage of the work is it?', UP + ENTER);
    await term.answer('How do you describe this activity to others?', ENTER);
    for (const question of ['Who started this activity', 'Did people understand', 'Did people choose freely', 'Did people have a real job', 'Could people form their own view', "Were people's views", 'Were people told', 'Who made the decisions', 'Did the organisation present', 'Is this activity a board', 'Was what people said']) {
      await term.answer(question, UP + ENTER);
    }
    await term.answer('Do you say this activity is on a particular rung', ENTER);
    await term.answer('Which rung is this activity aiming for?', ENTER);
    await term.answer('Add another activity?', ENTER);
    await term.waitFor('Wrote second.yaml.');
    expect(await term.finish()).toBe(0);
    expect(readFileSync(join(dir, 'project.yaml'), 'utf8')).toBe('keep me\n');
    expect(coprod(['validate', 'second.yaml'], dir).code).toBe(0);
  });

  it('with --from, asks only about what the file does not record, and keeps its comments', async () => {
    const dir = workspace('interactive-from');
    const before = readFileSync(join(dir, 'small-gaps.yaml'), 'utf8');
    const term = new Terminal(['init', '--from', 'small-gaps.yaml'], dir);
    await term.answer('Who made the decisions', DOWN + ENTER); // together
    await term.answer('Was what people said written down', ENTER);
    await term.answer('Save these 2 answers into small-gaps.yaml?', ENTER);
    await term.waitFor('Updated small-gaps.yaml.');
    expect(await term.finish()).toBe(0);

    // Nothing the file already records was asked again.
    for (const question of ['What is the project called?', 'Which organisation runs it', 'Who started this activity', 'Did people understand', 'How close is their experience', 'Are they paid']) {
      expect(term.text).not.toContain(question);
    }
    const after = readFileSync(join(dir, 'small-gaps.yaml'), 'utf8');
    for (const comment of comments(before)) expect(comments(after)).toContain(comment);
    expect(after).toMatch(/decisions: shared\s+# to ask the carers/);
    const now = parse(after) as Record<string, any>;
    expect(now.activities[0].recorded).toBe('yes');
    expect(now.project).toEqual((parse(before) as Record<string, any>).project);
    expect(auditJson('small-gaps.yaml', dir).projects[0]!.activities[0]!.placement.rung).toBe(8);
  });
});
