/**
 * End-to-end tests of `coprod diff OLD NEW`, through the built CLI (`npm run build` first).
 * tests/fixtures/diff/base.yaml is the older version; every other fixture there changes
 * one thing in it. Each test checks the direction, the rungs before and after, the words
 * for the facts that changed, and the exit code.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliResult } from './cli.js';

const DIR = 'tests/fixtures/diff';
const BASE = `${DIR}/base.yaml`;
const FEEDBACK_UP = `${DIR}/feedback-up.yaml`;
const DECISIONS_UP = `${DIR}/decisions-up.yaml`;
const DECISIONS_DOWN = `${DIR}/decisions-down.yaml`;
const ADDED = `${DIR}/added.yaml`;
const REMOVED = `${DIR}/removed.yaml`;
const NEW_ERROR = `${DIR}/new-error.yaml`;
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

/** Where an activity stands, as the diff records it: the verdict, the floor, the ceiling and any provisos. */
const placed = (rung: number): Standing => ({ verdict: 'placed', rung, ceiling: rung, provisos: [] });
const RUNG_1 = placed(1);
const RUNG_5 = placed(5);
const RUNG_6 = placed(6);
const RUNG_7 = placed(7);
const NO_FEEDBACK = 'People gave their views in "Tenants testing the new repairs booking form" but were not told what became of them.';
const NON_PARTICIPATION =
  '"Tenants testing the new repairs booking form" is on rung 1 (Manipulation): people are present but do not really take part. People were not told what became of what they said.';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'coprod-diff-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function diff(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const result = runCli(['diff', ...args], options);
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

interface FactChange {
  fact: string;
  before?: string;
  after?: string;
  text: string;
}
interface Standing {
  verdict: 'placed' | 'at_least' | 'not_enough_evidence' | 'no_community';
  rung: number | null;
  ceiling: number | null;
  provisos: string[];
}
interface Movement {
  id: string;
  name: string;
  direction: 'up' | 'down' | 'lost-red-flag' | 'lost-evidence' | 'unclear';
  before: Standing;
  after: Standing;
  line: number;
  column: number;
  facts: FactChange[];
}
interface Finding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  message_id: string;
  activity?: string;
}
interface DiffJson {
  format_version: number;
  old_file: string;
  new_file: string;
  name: string;
  added: Array<{ id: string; name: string; standing: Standing; line: number; column: number }>;
  removed: Array<{ id: string; name: string; standing: Standing }>;
  moved: Movement[];
  introduced: Finding[];
  resolved: Finding[];
  summary: { before: Record<string, unknown>; after: Record<string, unknown> };
}

function diffJson(args: string[], options: { cwd?: string; input?: string } = {}): { code: number | null; json: DiffJson; stderr: string } {
  const result = diff([...args, '--format', 'json'], options);
  return { code: result.code, json: JSON.parse(result.stdout) as DiffJson, stderr: result.stderr };
}

/** Where an activity's mapping starts in a fixture: the line of `- id: ID`, and the column of `id`. */
function positionOf(file: string, id: string): { line: number; column: number } {
  const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.trimEnd() === `  - id: ${id}`);
  expect(index, `${id} in ${file}`).toBeGreaterThanOrEqual(0);
  return { line: index + 1, column: lines[index]!.indexOf('id:') + 1 };
}

function rules(findings: Finding[]): string[] {
  return findings.map((f) => f.rule);
}

describe('an activity moves UP', () => {
  it('feedback no → yes: test-repairs moves from rung 1 to rung 5; exit 0', () => {
    const { code, json, stderr } = diffJson([BASE, FEEDBACK_UP]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.format_version).toBe(2);
    expect(json).toMatchObject({ old_file: BASE, new_file: FEEDBACK_UP, name: 'Repairs together', added: [], removed: [], introduced: [] });
    expect(json.moved).toEqual([
      {
        id: 'test-repairs',
        name: 'Tenants testing the new repairs booking form',
        direction: 'up',
        before: RUNG_1,
        after: RUNG_5,
        ...positionOf(FEEDBACK_UP, 'test-repairs'),
        facts: [{ fact: 'feedback', before: 'no', after: 'yes', text: 'People were told what became of what they said. (was: people were not told what became of what they said.)' }],
      },
    ]);
    // Consulted with no feedback at all is, for Hart, manipulation: telling people what became of their
    // views resolves both the non-participation error and the missing-feedback warning.
    expect(json.resolved.map((f) => [f.rule, f.message_id, f.severity, f.activity, f.message])).toEqual([
      ['non-participation', 'placed', 'error', 'test-repairs', NON_PARTICIPATION],
      ['no-feedback-loop', 'views-given', 'warning', 'test-repairs', NO_FEEDBACK],
    ]);
    expect(json.summary.before).toMatchObject({ lowest_rung: 1, highest_rung: 6, non_participation: 1 });
    expect(json.summary.after).toMatchObject({ lowest_rung: 5, highest_rung: 6, non_participation: 0 });
  });

  it('feedback no → yes, as the terminal report', () => {
    const result = diff([BASE, FEEDBACK_UP]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const { line } = positionOf(FEEDBACK_UP, 'test-repairs');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'Changes in Repairs together',
      `${BASE} → ${FEEDBACK_UP}`,
      '',
      'Moved up the ladder (1)',
      `  ⬆ "Tenants testing the new repairs booking form" (test-repairs, line ${line}): rung 1 (Manipulation) → rung 5 (Consulted and informed)`,
      '      People were told what became of what they said. (was: people were not told what became of what they said.)',
      '',
    ]);
    expect(result.stdout).toContain(`Resolved findings (2)\n  error non-participation: ${NON_PARTICIPATION}\n  warning no-feedback-loop: ${NO_FEEDBACK}\n`);
    expect(result.stdout).not.toContain('Moved down the ladder');
    expect(result.stdout).toContain('  Highest evidenced rung: 6 (no change); lowest: 1 → 5\n');
    expect(result.stdout).toContain('  In non-participation: 1 → 0\n');
    expect(result.stdout).toContain('  Errors: 1 → 0; warnings: 1 → 0\n');
    expect(result.stdout).toContain('  Overall score: 75 → 85 (strong)\n');
  });

  it('decisions organisation → shared: review-contractors moves from rung 5 to rung 6; exit 0', () => {
    const { code, json, stderr } = diffJson([BASE, DECISIONS_UP]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.moved).toEqual([
      {
        id: 'review-contractors',
        name: 'Reviewing the repair contractors each year',
        direction: 'up',
        before: RUNG_5,
        after: RUNG_6,
        ...positionOf(DECISIONS_UP, 'review-contractors'),
        facts: [
          {
            fact: 'decisions',
            before: 'organisation',
            after: 'shared',
            text: 'People with lived experience and the organisation made the decisions together. (was: the organisation made the decisions.)',
          },
        ],
      },
    ]);
    expect(json.added).toEqual([]);
    expect(json.removed).toEqual([]);
    expect(json.introduced).toEqual([]);
    expect(json.summary.before['shared_decisions_share']).toBeCloseTo(1 / 3);
    expect(json.summary.after['shared_decisions_share']).toBeCloseTo(2 / 3);

    const stylish = diff([BASE, DECISIONS_UP]);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain(
      `Moved up the ladder (1)\n  ⬆ "Reviewing the repair contractors each year" (review-contractors, line ${positionOf(DECISIONS_UP, 'review-contractors').line}): rung 5 (Consulted and informed) → rung 6 (Organisation-initiated, shared decisions)\n`,
    );
    expect(stylish.stdout).toContain('  Sharing decisions (rung 6 or above): 33% → 67%\n');
  });
});

describe('an activity moves DOWN', () => {
  const DOWN_TEXT = 'The organisation made the decisions. (was: people with lived experience and the organisation made the decisions together.)';

  it('decisions shared → organisation: plan-repairs moves from rung 6 to rung 5; exit 1, "moved down the ladder"', () => {
    const { code, json, stderr } = diffJson([BASE, DECISIONS_DOWN]);
    expect(code).toBe(1);
    expect(stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\n');
    expect(json.moved).toEqual([
      {
        id: 'plan-repairs',
        name: 'Planning the repairs programme together',
        direction: 'down',
        before: RUNG_6,
        after: RUNG_5,
        ...positionOf(DECISIONS_DOWN, 'plan-repairs'),
        facts: [{ fact: 'decisions', before: 'shared', after: 'organisation', text: DOWN_TEXT }],
      },
    ]);
    // No activity shares decisions any more: a new warning, in the newer file.
    expect(json.introduced.map((f) => [f.rule, f.message_id, f.severity, f.file])).toEqual([['no-shared-decisions', 'none-recorded', 'warning', DECISIONS_DOWN]]);
    expect(json.resolved).toEqual([]);
  });

  it('as the terminal report: the move down comes first', () => {
    const result = diff([BASE, DECISIONS_DOWN]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\n');
    const { line } = positionOf(DECISIONS_DOWN, 'plan-repairs');
    expect(result.stdout.split('\n').slice(3, 7)).toEqual([
      'Moved down the ladder (1)',
      `  ⬇ "Planning the repairs programme together" (plan-repairs, line ${line}): rung 6 (Organisation-initiated, shared decisions) → rung 5 (Consulted and informed)`,
      `      ${DOWN_TEXT}`,
      '',
    ]);
    expect(result.stdout).toMatch(
      /New findings \(1\)\n {2}warning no-shared-decisions tests\/fixtures\/diff\/decisions-down\.yaml:\d+:1: No activity in this project shares decisions with people with lived experience: wherever it is recorded, the organisation decides\.\n/,
    );
    expect(result.stdout).not.toContain('Moved up the ladder');
  });

  it('moving down fails whatever --fail-on says, and --fail-on warning adds the new warning as a second reason', () => {
    const never = diff([BASE, DECISIONS_DOWN, '--fail-on', 'never']);
    expect(never.code).toBe(1);
    expect(never.stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\n');

    const warning = diff([BASE, DECISIONS_DOWN, '--fail-on', 'warning']);
    expect(warning.code).toBe(1);
    expect(warning.stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\ncoprod: 1 new finding at or above "warning".\n');
  });

  it('the same change read backwards (decisions shared → organisation on review-contractors) is a move down', () => {
    const { code, json, stderr } = diffJson([DECISIONS_UP, BASE]);
    expect(code).toBe(1);
    expect(stderr).toBe('coprod: 1 activity moved down the ladder: review-contractors.\n');
    expect(json.moved.map((m) => [m.id, m.direction, m.before.rung, m.after.rung])).toEqual([['review-contractors', 'down', 6, 5]]);
  });
});

describe('activities added and removed', () => {
  it('an activity ADDED is listed with its rung and position in the newer file; exit 0', () => {
    const { code, json, stderr } = diffJson([BASE, ADDED]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.added).toEqual([{ id: 'tenant-inspections', name: 'Tenants inspecting finished repairs', standing: RUNG_7, ...positionOf(ADDED, 'tenant-inspections') }]);
    expect(json.removed).toEqual([]);
    expect(json.moved).toEqual([]);
    expect(json.summary.before['activities']).toBe(3);
    expect(json.summary.after['activities']).toBe(4);

    const stylish = diff([BASE, ADDED]);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain(
      `Activities added (1)\n  + "Tenants inspecting finished repairs" (tenant-inspections, line ${positionOf(ADDED, 'tenant-inspections').line}): rung 7 (Community-initiated and directed)\n`,
    );
    expect(stylish.stdout).toContain('  Activities: 3 → 4\n');
  });

  it('an activity REMOVED is listed with the rung it was on; exit 0', () => {
    const { code, json, stderr } = diffJson([BASE, REMOVED]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.removed).toEqual([{ id: 'review-contractors', name: 'Reviewing the repair contractors each year', standing: RUNG_5 }]);
    expect(json.added).toEqual([]);
    expect(json.moved).toEqual([]);

    const stylish = diff([BASE, REMOVED]);
    expect(stylish.stdout).toContain('Activities removed (1)\n  − "Reviewing the repair contractors each year" (review-contractors): was rung 5 (Consulted and informed)\n');
    expect(stylish.stdout).toContain('  Activities: 3 → 2\n');
  });

  it('read the other way round, the removed activity is an added one', () => {
    const { code, json } = diffJson([REMOVED, BASE]);
    expect(code).toBe(0);
    expect(json.added).toEqual([{ id: 'review-contractors', name: 'Reviewing the repair contractors each year', standing: RUNG_5, ...positionOf(BASE, 'review-contractors') }]);
    expect(json.removed).toEqual([]);
  });
});

describe('findings introduced', () => {
  it('a new error with nothing moving: exit 1 with the reason; --fail-on never: exit 0', () => {
    const { code, json, stderr } = diffJson([BASE, NEW_ERROR]);
    expect(code).toBe(1);
    expect(stderr).toBe('coprod: 1 new finding at or above "error".\n');
    expect(json.moved).toEqual([]);
    const lines = readFileSync(join(ROOT, NEW_ERROR), 'utf8').split('\n');
    const line = lines.findIndex((l) => l === '    expenses_covered: no') + 1;
    expect(json.introduced.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, message: f.message }))).toEqual([
      { rule: 'costs-not-covered', severity: 'error', file: NEW_ERROR, line, column: 23, message: 'The group `tenants` pays its own costs of taking part.' },
    ]);

    const never = diff([BASE, NEW_ERROR, '--fail-on', 'never']);
    expect(never.code).toBe(0);
    expect(never.stderr).toBe('');
  });

  it('--rule applies to both versions: the new finding as a warning does not fail at --fail-on error', () => {
    const result = diff([BASE, NEW_ERROR, '--rule', 'costs-not-covered:warning']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('New findings (1)\n  warning costs-not-covered ');
  });

  it('fail_on from a configuration file in the working folder is used', () => {
    const cwd = mkdtempSync(join(tmp, 'config-'));
    writeFileSync(join(cwd, '.coprodrc.yaml'), 'fail_on: never\n');
    const result = diff([join(ROOT, BASE), join(ROOT, NEW_ERROR)], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    // The flag still wins over the file.
    expect(diff([join(ROOT, BASE), join(ROOT, NEW_ERROR), '--fail-on', 'error'], { cwd }).code).toBe(1);
  });

  it('a finding whose line moved is not new: adding an activity at the end introduces and resolves nothing', () => {
    const { json } = diffJson([BASE, ADDED]);
    expect(json.introduced).toEqual([]);
    expect(json.resolved).toEqual([]);
  });
});

describe('no change', () => {
  it('a file compared with itself: nothing moved, exit 0', () => {
    const { code, json } = diffJson([BASE, BASE]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ added: [], removed: [], moved: [], introduced: [], resolved: [] });
    const stylish = diff([BASE, BASE]);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain('✔ No activity moved and no finding changed.\n');
  });
});

describe('facts that become unknown, or become known', () => {
  /** base.yaml with one activity's lines edited by `edit`, written to a temporary file. */
  function edited(id: string, edit: (activity: string) => string, name: string): string {
    const text = readFileSync(join(ROOT, BASE), 'utf8');
    const start = text.indexOf(`  - id: ${id}`);
    const next = text.indexOf('  - id: ', start + 1);
    const end = next === -1 ? text.length : next;
    const file = join(tmp, name);
    writeFileSync(file, text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end));
    return file;
  }

  /** test-repairs with its feedback and decisions left out: at least rung 4, up to rung 6 provided people heard what became of their views. */
  const unknownFacts = (): string =>
    edited('test-repairs', (a) => a.replace('    feedback: no\n', '').replace('    decisions: organisation\n', ''), 'unknown-facts.yaml');
  const AT_LEAST_4: Standing = { verdict: 'at_least', rung: 4, ceiling: 6, provisos: ['consulted-without-feedback'] };
  const AT_LEAST_4_WORDS = 'at least rung 4 (Assigned but informed), up to rung 6, provided people heard what became of what they said';

  it('recording the unknown facts turns "at least rung 4" into rung 5, with the facts "now recorded"; exit 0', () => {
    const { code, json } = diffJson([unknownFacts(), FEEDBACK_UP]);
    expect(code).toBe(0);
    expect(json.moved).toEqual([
      {
        id: 'test-repairs',
        name: 'Tenants testing the new repairs booking form',
        // The lowest rung the evidence guarantees rose from 4 to 5: that is a climb, and not a regression.
        direction: 'up',
        before: AT_LEAST_4,
        after: RUNG_5,
        ...positionOf(FEEDBACK_UP, 'test-repairs'),
        facts: [
          { fact: 'feedback', after: 'yes', text: 'Now recorded: People were told what became of what they said.' },
          { fact: 'decisions', after: 'organisation', text: 'Now recorded: The organisation made the decisions.' },
        ],
      },
    ]);
    const stylish = diff([unknownFacts(), FEEDBACK_UP]);
    expect(stylish.stdout).toContain(
      `Moved up the ladder (1)\n  ⬆ "Tenants testing the new repairs booking form" (test-repairs, line ${positionOf(FEEDBACK_UP, 'test-repairs').line}): ${AT_LEAST_4_WORDS} → rung 5 (Consulted and informed)\n`,
    );
    expect(stylish.code).toBe(0);
    expect(stylish.stderr).toBe('');
  });

  it('deleting the facts that held an activity on rung 1 is not a climb: it is a lost red flag, and fails; exit 1', () => {
    // Rung 1 because nobody heard what became of their views; with feedback left out, the audit can
    // only say "at least rung 4, provided people heard what became of what they said". The evidence
    // went, the activity did not climb.
    const { code, json, stderr } = diffJson([BASE, unknownFacts()]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'coprod: 1 activity no longer records a problem that held it lower, so its place now rests on a proviso: test-repairs. If the problem was fixed, record what is true now.\n',
    );
    expect(json.moved).toHaveLength(1);
    const m = json.moved[0]!;
    expect(m).toMatchObject({ id: 'test-repairs', direction: 'lost-red-flag', before: RUNG_1, after: AT_LEAST_4 });
    expect(m.facts).toEqual([
      { fact: 'feedback', before: 'no', text: 'No longer recorded (was: people were not told what became of what they said.)' },
      { fact: 'decisions', before: 'organisation', text: 'No longer recorded (was: the organisation made the decisions.)' },
    ]);
    const stylish = diff([BASE, unknownFacts()]);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).not.toContain('Moved up the ladder');
    expect(stylish.stdout).toContain(
      `A recorded problem is no longer recorded (1)\n  ⚠ "Tenants testing the new repairs booking form" (test-repairs, line ${positionOf(BASE, 'test-repairs').line}): rung 1 (Manipulation) → ${AT_LEAST_4_WORDS}\n`,
    );
    // --fail-on never does not hide it: a regression is not a finding.
    expect(diff([BASE, unknownFacts(), '--fail-on', 'never']).code).toBe(1);
  });

  it('leaving out a fact that placed an activity, with no red flag involved, is lost evidence; exit 1', () => {
    const noDecisions = edited('review-contractors', (a) => a.replace('    decisions: organisation\n', ''), 'no-decisions.yaml');
    const { code, json, stderr } = diffJson([BASE, noDecisions]);
    expect(code).toBe(1);
    expect(stderr).toBe('coprod: 1 activity has lost recorded facts, so less is known of where it stands: review-contractors.\n');
    expect(json.moved.map((m) => [m.id, m.direction, m.before, m.after])).toEqual([
      ['review-contractors', 'lost-evidence', RUNG_5, { verdict: 'at_least', rung: 5, ceiling: 6, provisos: [] }],
    ]);
    const stylish = diff([BASE, noDecisions]);
    expect(stylish.stdout).toContain(
      'Recorded facts went missing: less is known (1)\n  ⚠ "Reviewing the repair contractors each year" (review-contractors, line 84): rung 5 (Consulted and informed) → at least rung 5 (Consulted and informed), up to rung 6\n      No longer recorded (was: the organisation made the decisions.)\n',
    );
    // Read the other way round, recording the fact settles where it stands: no regression.
    const back = diffJson([noDecisions, BASE]);
    expect(back.code).toBe(0);
    expect(back.json.moved.map((m) => [m.id, m.direction])).toEqual([['review-contractors', 'unclear']]);
  });
});

describe('board seats', () => {
  const SEATS = '    seats:\n      held: 2\n      total: 12\n      can_be_outvoted: yes\n      briefed: no\n      shape_agenda: no\n';
  function board(name: string, seats: string | null): string {
    const text = readFileSync(join(ROOT, BASE), 'utf8');
    const start = text.indexOf('  - id: review-contractors');
    const file = join(tmp, name);
    writeFileSync(file, text.slice(0, start) + text.slice(start).replace('    seats: none\n', seats ?? ''));
    return file;
  }
  const TOKEN_SEATS = 'In "Reviewing the repair contractors each year", people with lived experience hold 2 of 12 seats and can be outvoted, and are not briefed and cannot shape the agenda.';

  it('seats that can no longer outvote them: the activity climbs from rung 3 to rung 5 and the token-seats warning is resolved; exit 0', () => {
    const before = board('board.yaml', SEATS);
    const after = board('board-no-outvote.yaml', SEATS.replace('can_be_outvoted: yes', 'can_be_outvoted: no'));
    const { code, json, stderr } = diffJson([before, after]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(json.moved.map((m) => [m.id, m.direction, m.before, m.after])).toEqual([['review-contractors', 'up', placed(3), RUNG_5]]);
    expect(json.moved[0]!.facts.map((f) => [f.fact, f.before, f.after])).toEqual([['seats', 'token', 'equal']]);
    expect(json.introduced).toEqual([]);
    expect(json.resolved.map((f) => [f.rule, f.message_id, f.activity])).toEqual([
      ['non-participation', 'placed', 'review-contractors'],
      ['token-seats', 'token', 'review-contractors'],
    ]);
    expect(json.resolved[1]!.message).toBe(TOKEN_SEATS);
  });

  it('a finding whose wording changes (2 of 12 seats → 3 of 12) is neither new nor resolved; exit 0', () => {
    const before = board('board.yaml', SEATS);
    const after = board('board-three.yaml', SEATS.replace('held: 2', 'held: 3'));
    const { code, json } = diffJson([before, after]);
    expect(code).toBe(0);
    expect(json).toMatchObject({ moved: [], introduced: [], resolved: [] });
  });

  it('deleting the seats block that held an activity on rung 3 is a lost red flag; exit 1', () => {
    const before = board('board.yaml', SEATS);
    const after = board('board-gone.yaml', null);
    const { code, json, stderr } = diffJson([before, after]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      'coprod: 1 activity no longer records a problem that held it lower, so its place now rests on a proviso: review-contractors. If the problem was fixed, record what is true now.\n',
    );
    expect(json.moved.map((m) => [m.id, m.direction, m.before, m.after])).toEqual([
      ['review-contractors', 'lost-red-flag', placed(3), { verdict: 'placed', rung: 5, ceiling: 5, provisos: ['token-seats'] }],
    ]);
  });
});

describe('--format markdown', () => {
  it('starts with "## Changes in", with ### sections and - bullets', () => {
    const result = diff([BASE, DECISIONS_DOWN, '--format', 'markdown']);
    expect(result.code).toBe(1);
    expect(result.stdout.startsWith('## Changes in Repairs together\n')).toBe(true);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(`\`${BASE}\` → \`${DECISIONS_DOWN}\``);
    expect(result.stdout).toContain(
      `### Moved down the ladder (1)\n- ⬇ "Planning the repairs programme together" (plan-repairs, line ${positionOf(DECISIONS_DOWN, 'plan-repairs').line}): rung 6 (Organisation-initiated, shared decisions) → rung 5 (Consulted and informed)\n  - The organisation made the decisions. (was: people with lived experience and the organisation made the decisions together.)\n`,
    );
    expect(result.stdout).toContain('### New findings (1)\n- warning `no-shared-decisions` ');
    expect(result.stdout).toContain('### Summary\n- Activities: 3 (no change)\n');
  });

  it('an unknown --format: exit 2', () => {
    const result = diff([BASE, FEEDBACK_UP, '--format', 'html']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('html');
  });
});

describe('standard input and saved results', () => {
  it('the OLD version from standard input gives the same comparison as from the file', () => {
    const fromFile = diffJson([BASE, DECISIONS_DOWN]);
    const fromStdin = diffJson(['-', DECISIONS_DOWN], { input: readFileSync(join(ROOT, BASE), 'utf8') });
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\n');
    expect(fromStdin.json.old_file).toBe('-');
    expect(fromStdin.json.new_file).toBe(DECISIONS_DOWN);
    const { old_file: _a, ...restFromStdin } = fromStdin.json;
    const { old_file: _b, ...restFromFile } = fromFile.json;
    expect(restFromStdin).toEqual(restFromFile);

    const up = diff(['-', FEEDBACK_UP], { input: readFileSync(join(ROOT, BASE), 'utf8') });
    expect(up.code).toBe(0);
    expect(up.stdout.split('\n').slice(0, 2)).toEqual(['Changes in Repairs together', `- → ${FEEDBACK_UP}`]);
  });

  it('the NEW version from standard input', () => {
    const { code, json } = diffJson([BASE, '-'], { input: readFileSync(join(ROOT, DECISIONS_UP), 'utf8') });
    expect(code).toBe(0);
    expect(json.new_file).toBe('-');
    expect(json.moved.map((m) => [m.id, m.direction])).toEqual([['review-contractors', 'up']]);
  });

  it('a saved `audit --format json` result works as OLD, from a file and from standard input', () => {
    const audit = runCli(['audit', BASE, '--format', 'json', '--fail-on', 'never']);
    expect(audit.code).toBe(0);
    const saved = join(tmp, 'base-result.json');
    writeFileSync(saved, audit.stdout);

    const fromProject = diffJson([BASE, DECISIONS_DOWN]).json;
    for (const [args, input] of [
      [[saved, DECISIONS_DOWN], undefined],
      [['-', DECISIONS_DOWN], audit.stdout],
    ] as Array<[string[], string | undefined]>) {
      const { code, json, stderr } = diffJson(args, input === undefined ? {} : { input });
      expect(code).toBe(1);
      expect(stderr).toBe('coprod: 1 activity moved down the ladder: plan-repairs.\n');
      // The saved result remembers the file it was made from.
      expect(json.old_file).toBe(BASE);
      expect(json).toEqual(fromProject);
    }
  });

  it('a saved result works as NEW too', () => {
    const audit = runCli(['audit', FEEDBACK_UP, '--format', 'json', '--fail-on', 'never']);
    const saved = join(tmp, 'feedback-up-result.json');
    writeFileSync(saved, audit.stdout);
    const { code, json } = diffJson([BASE, saved]);
    expect(code).toBe(0);
    expect(json.new_file).toBe(FEEDBACK_UP);
    expect(json.moved.map((m) => [m.id, m.direction, m.before.rung, m.after.rung])).toEqual([['test-repairs', 'up', 1, 5]]);
    expect(rules(json.resolved)).toEqual(['non-participation', 'no-feedback-loop']);
  });

  it('a saved result holding two projects: exit 2, saying diff compares one project at a time', () => {
    const audit = runCli(['audit', BASE, ADDED, '--format', 'json', '--fail-on', 'never']);
    const saved = join(tmp, 'two-projects.json');
    writeFileSync(saved, audit.stdout);
    const result = diff([saved, BASE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`coprod: \`${saved}\` holds 2 projects; coprod diff compares one project at a time.\n`);
  });

  it('a saved result that breaks the result schema: exit 2, each problem at its line and column, never a crash', () => {
    const saved = join(tmp, 'malformed.json');
    writeFileSync(saved, '{\n  "format_version": 2,\n  "tool": { "name": "coprod", "version": "0.1.0" },\n  "projects": [\n    { "x": 1 }\n  ],\n  "invalid": []\n}\n');
    const result = diff([saved, BASE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${saved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: error: `));
    expect(result.stderr).toContain('`x`');
    expect(result.stderr).not.toContain('something went wrong');
  });

  it('a saved result with a field changed to the wrong kind of value: exit 2, at that value', () => {
    const audit = runCli(['audit', BASE, '--format', 'json', '--fail-on', 'never']);
    const saved = join(tmp, 'tampered.json');
    writeFileSync(saved, audit.stdout.replace(/"activities": \[/, '"activities": "none", "was": ['));
    const result = diff([saved, BASE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/:\d+:\d+: error: /);
    expect(result.stderr).not.toContain('something went wrong');
  });

  it('a saved result in another format version: exit 2, saying which this coprod reads', () => {
    const saved = join(tmp, 'old-format.json');
    writeFileSync(saved, '{ "format_version": 1, "projects": [] }\n');
    const result = diff([saved, BASE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coprod: \`${saved}\` is a saved result in format 1; this coprod reads format 2. Audit the project file again, or compare the project files themselves.\n`);
  });

  it('both OLD and NEW as standard input: exit 2', () => {
    const result = diff(['-', '-'], { input: readFileSync(join(ROOT, BASE), 'utf8') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('coprod: Only one of OLD and NEW can be standard input (`-`).\n');
  });
});

describe('files that cannot be compared: exit 2', () => {
  it.each([
    ['OLD', [`${DIR}/missing.yaml`, BASE]],
    ['NEW', [BASE, `${DIR}/missing.yaml`]],
  ])('a missing %s file', (_which, args) => {
    const result = diff(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${DIR}/missing.yaml: error: \`${DIR}/missing.yaml\` does not exist.\n`);
  });

  it('an invalid project file is reported at its position', () => {
    const text = readFileSync(join(ROOT, BASE), 'utf8').replace('    feedback: no\n', '    feedback: nope\n');
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, text);
    const line = text.split('\n').findIndex((l) => l === '    feedback: nope') + 1;
    const result = diff([BASE, bad]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:15: error: \`feedback\` in activity \`test-repairs\` must be .*not \`nope\`\\.`));
  });

  it('a missing argument: exit 2', () => {
    const result = diff([BASE]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('new');
  });

  it('--rule bogus:off: exit 2 with a message', () => {
    const result = diff([BASE, FEEDBACK_UP, '--rule', 'bogus:off']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('coprod: --rule names `bogus`, which is not a rule coprod knows. See `coprod rules`.\n');
  });
});
