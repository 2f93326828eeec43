/**
 * Per-rule tests. Every rule in RULES has two fixtures in tests/fixtures/rules/:
 *   <rule-id>.triggers.yaml  makes the rule fire, exactly once, at a known line:column;
 *   <rule-id>.clean.yaml     is as close as possible to it, but does not make the rule fire.
 * A new rule without fixtures and an expected position below fails this suite.
 *
 * Also: every rule's metadata, `coprod explain <rule>`, and waivers end to end
 * through the built CLI (`npm run build` first).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditProject } from '../src/audit/auditProject.js';
import type { Finding, ProjectAudit } from '../src/audit/result.js';
import { CRITERIA } from '../src/framework/criteria.js';
import { PRINCIPLES } from '../src/framework/principles.js';
import { loadProject } from '../src/index.js';
import { gatherViews, loadPerspectives } from '../src/perspectives/perspectives.js';
import { RULES } from '../src/rules/index.js';
import { SEVERITIES } from '../src/rules/rule.js';
import { ROOT, runCli, type CliResult } from './cli.js';

const TODAY = '2026-06-01';
const FIXTURES = 'tests/fixtures/rules';
const CLI_ENV = { COPROD_TODAY: TODAY };

interface Expected {
  /** Where the finding points: the node it is about. */
  line: number;
  column: number;
  /** The exact message. */
  message: string;
}

/**
 * Where each rule's triggers fixture must make it fire, and what it must say.
 * The fixtures share one shape: a group `residents` (lines 6–7 after the header
 * comment), an agenda-setting activity `set-priorities` at rung 6, and a
 * consultation `review-plan` at rung 5.
 */
const EXPECTED: Record<string, Expected> = {
  // The `activities` key, whose list is empty.
  'no-activities': {
    line: 8,
    column: 1,
    message: 'This plan has no activities, so there is nothing to place on the ladder.',
  },
  // The recorded fact that the others rule out: `own_view`.
  'facts-disagree': {
    line: 30,
    column: 15,
    message:
      'In "Review the draft plan", `own_view: no` disagrees with `decisions: shared`: people who make or share the decisions give their view through them, even when they choose between options others prepared. One of them is wrong; until it is corrected, the audit takes the reading that places the activity higher.',
  },
  // The activity itself: `- id: campaign-poster`.
  'non-participation': {
    line: 23,
    column: 5,
    message: '"Pose for the campaign poster" is on rung 1 (Manipulation): people are present but do not really take part. The organisation presented the work as the community\'s own; and people did not understand what it was for.',
  },
  // The `claimed_rung` value.
  'claim-exceeds-evidence': {
    line: 35,
    column: 19,
    message: '"Review the draft plan" is claimed to be on rung 6 (Organisation-initiated, shared decisions), but the facts allow at most rung 5 (Consulted and informed).',
  },
  // The `claimed_rung` value.
  'claim-not-evidenced': {
    line: 35,
    column: 19,
    message: '"Review the draft plan" is claimed to be on rung 6 (Organisation-initiated, shared decisions), but the recorded facts only show it is at least on rung 5 (Consulted and informed).',
  },
  // The `described_as` value.
  'co-production-in-name-only': {
    line: 35,
    column: 19,
    message: '"Review the draft plan" is described as "co-production", which promises shared decisions, but the organisation made the decisions.',
  },
  // The `target_rung` value.
  'target-not-reached': {
    line: 35,
    column: 18,
    message: '"Review the draft plan" aims for rung 6 (Organisation-initiated, shared decisions) but is on rung 5 (Consulted and informed), and its facts allow no higher than rung 5: 1 rung short.',
  },
  // The activity itself: `- id: review-plan`.
  'not-enough-evidence': {
    line: 22,
    column: 5,
    message: 'Not enough evidence to tell whether "Review the draft plan" is genuine participation: its facts allow rung 3 (Tokenism) to rung 5 (Consulted and informed). The one question that would settle it: Were people told what became of what they said? (`feedback`)',
  },
  // The `activities` key: it is about the project's activities as a whole.
  'agenda-set-without-community': {
    line: 8,
    column: 1,
    message: 'No activity involves people with lived experience in defining the problem or setting the agenda; they join only once it is set.',
  },
  // The `activities` key.
  'no-shared-decisions': {
    line: 8,
    column: 1,
    message: 'No activity in this project shares decisions with people with lived experience: wherever it is recorded, the organisation decides.',
  },
  // The `seats` value: the `{` of the flow mapping.
  'token-seats': {
    line: 35,
    column: 12,
    message: 'In "Food plan panel", people with lived experience hold 1 of 10 seats and can be outvoted, and are not briefed.',
  },
  // The activity the participants see differently: its mapping.
  'perspectives-disagree': {
    line: 23,
    column: 5,
    message:
      'Participants place "Review the draft plan" on rung 1 (Manipulation), lower than the organisation\'s facts do: on rung 5 (Consulted and informed). They differ on whether people were told what became of what they said: 4 of 6 said "no"; the organisation\'s file says "yes".',
  },
  // The `feedback` value.
  'no-feedback-loop': {
    line: 32,
    column: 15,
    message: 'People gave their views in "Review the draft plan" but were not told what became of them.',
  },
  // The `recorded` value.
  'views-not-recorded': {
    line: 35,
    column: 15,
    message: 'What people said in "Review the draft plan" was not recorded.',
  },
  // The `chose_to_take_part` value.
  'no-free-choice': {
    line: 28,
    column: 25,
    message: 'People were pressed into taking part in "Review the draft plan" rather than choosing freely.',
  },
  // The `timing.notice_days` value.
  'poor-timing': {
    line: 36,
    column: 20,
    message: 'People had only 2 days\' notice of "Review the draft plan".',
  },
  // The `people` key.
  'lived-experience-missing': {
    line: 5,
    column: 1,
    message: 'Nobody involved has lived experience of the issue this project is about: every group records `experience_of_issue: none`.',
  },
  // The `recruitment.channels` value.
  'narrow-recruitment': {
    line: 9,
    column: 17,
    message: 'The group `residents` was found through one channel only (existing panel).',
  },
  // The `payment.paid` value.
  'participants-unpaid': {
    line: 9,
    column: 13,
    message: 'The group `residents` is not paid for its time and expertise.',
  },
  // The `expenses_covered` value.
  'costs-not-covered': {
    line: 8,
    column: 23,
    message: 'The group `residents` pays its own costs of taking part.',
  },
  // The `project.budget.participation` value.
  'no-participation-budget': {
    line: 7,
    column: 20,
    message: 'Nothing in the budget is set aside for participation.',
  },
  // The `support` value: the `[` of the empty list.
  'no-access-support': {
    line: 8,
    column: 14,
    message: 'The group `residents` is offered no support to take part.',
  },
  // The `practice.staff_training` value.
  'no-training': {
    line: 6,
    column: 19,
    message: 'Staff are given no training for this work.',
  },
  // The `payment.benefits_advice` value.
  'unsafe-payment': {
    line: 10,
    column: 24,
    message: 'The group `residents` is paid without being offered benefits advice.',
  },
  // The `practice.professional_support` value.
  'no-model-of-care': {
    line: 6,
    column: 25,
    message: 'No model of care is followed, and participants cannot get professional support.',
  },
  // The `practice.learning.reflection` value.
  'learning-not-recorded': {
    line: 7,
    column: 17,
    message: 'The project does not stop to reflect on how the work is going.',
  },
  // The waiver's `expires` value.
  'waiver-expired': {
    line: 40,
    column: 14,
    message: "The waiver for `views-not-recorded` expired on 2026-01-31, so that rule's findings count again.",
  },
};

const fixture = (id: string, kind: 'triggers' | 'clean'): string => `${FIXTURES}/${id}.${kind}.yaml`;

/** Loads and audits a project file (path relative to the repository), failing the test with its problems if it does not load. */
function auditFile(file: string): ProjectAudit {
  return auditText(file, readFileSync(join(ROOT, file), 'utf8'));
}

function auditText(file: string, text: string): ProjectAudit {
  const result = loadProject(file, text);
  if (!result.ok) throw new Error(`${file} does not load:\n${result.problems.map((p) => `  ${p.position?.line}:${p.position?.column} ${p.message}`).join('\n')}`);
  // A fixture may come with participants' answers (rules-views/<name>.views.yaml), for perspectives-disagree.
  const viewsFile = join(ROOT, file.replace('/rules/', '/rules-views/').replace(/\.yaml$/, '.views.yaml'));
  if (!existsSync(viewsFile)) return auditProject(result.loaded, { today: TODAY });
  const views = loadPerspectives(viewsFile, readFileSync(viewsFile, 'utf8'));
  if (!views.ok) throw new Error(`${viewsFile} does not load: ${views.problems.map((p) => p.message).join('; ')}`);
  const gathered = gatherViews([views.loaded], result.loaded.project);
  if (!gathered.ok) throw new Error(`${viewsFile} does not match: ${gathered.problems.map((p) => p.message).join('; ')}`);
  return auditProject(result.loaded, { today: TODAY, views: gathered.views });
}

const findingsOf = (audit: ProjectAudit, rule: string): Finding[] => audit.findings.filter((f) => f.rule === rule);

describe('every rule has tests', () => {
  it('has a triggers fixture, a clean fixture and an expected position for every rule in RULES', () => {
    const missing: string[] = [];
    for (const rule of RULES) {
      if (!existsSync(join(ROOT, fixture(rule.id, 'triggers')))) missing.push(fixture(rule.id, 'triggers'));
      if (!existsSync(join(ROOT, fixture(rule.id, 'clean')))) missing.push(fixture(rule.id, 'clean'));
      if (!(rule.id in EXPECTED)) missing.push(`EXPECTED['${rule.id}'] in tests/rules.test.ts`);
    }
    expect(missing).toEqual([]);
  });

  it('has no fixtures or expectations for rules that do not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    const strays = readdirSync(join(ROOT, FIXTURES))
      .map((name) => /^(.+)\.(triggers|clean)\.yaml$/.exec(name)?.[1] ?? `(badly named) ${name}`)
      .filter((id) => !ids.has(id));
    expect(strays).toEqual([]);
    expect(Object.keys(EXPECTED).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('every fixture is a valid project file to `coprod validate`', () => {
    const result = runCli(['validate', FIXTURES], { env: CLI_ENV });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${RULES.length * 2} files checked: all valid`);
  });
});

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it(`fires exactly once on ${id}.triggers.yaml, with its severity, position and message`, () => {
    const file = fixture(id, 'triggers');
    const found = findingsOf(auditFile(file), id);
    expect(found).toHaveLength(1);
    const finding = found[0]!;
    const expected = EXPECTED[id]!;
    expect(finding.severity).toBe(rule.severity);
    expect(finding.file).toBe(file);
    expect({ line: finding.line, column: finding.column }).toEqual({ line: expected.line, column: expected.column });
    expect(finding.message).toBe(expected.message);
    expect(finding.concerns).toEqual([...rule.concerns]);
    expect(finding.advice.trim()).not.toBe('');
    expect(finding.waived).toBeUndefined();
  });

  it(`does not fire on ${id}.clean.yaml`, () => {
    const audit = auditFile(fixture(id, 'clean'));
    expect(findingsOf(audit, id)).toEqual([]);
  });

  it('has complete, well-formed metadata', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(SEVERITIES).toContain(rule.severity);
    for (const field of ['description', 'why', 'howDecided', 'advice', 'example', 'source'] as const) {
      expect(typeof rule[field], field).toBe('string');
      expect(rule[field].trim(), `${id}.${field}`).not.toBe('');
    }
    const known = new Set([...PRINCIPLES, ...CRITERIA].map((s) => s.id));
    expect(rule.concerns.filter((c) => !known.has(c))).toEqual([]);
    expect(new Set(rule.concerns).size).toBe(rule.concerns.length);
  });

  it('is explained in full by `coprod explain`', () => {
    const result = runCli(['explain', id], { env: CLI_ENV });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Rule ${id}`);
    expect(result.stdout).toContain(rule.description);
    expect(result.stdout).toContain(rule.howDecided);
    expect(result.stdout).toContain(rule.advice);
  });
});

describe('the rule list', () => {
  it('has unique ids', () => {
    const ids = RULES.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('principle and criterion ids do not clash with rule ids (so `coprod explain` is unambiguous)', () => {
    const ruleIds = new Set(RULES.map((r) => r.id));
    expect([...PRINCIPLES, ...CRITERIA].map((s) => s.id).filter((id) => ruleIds.has(id))).toEqual([]);
  });

  it('`coprod rules` lists every rule with its severity and description', () => {
    const result = runCli(['rules'], { env: CLI_ENV });
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    for (const rule of RULES) {
      const line = lines.find((l) => l.startsWith(`${rule.id} `));
      expect(line, rule.id).toBeDefined();
      expect(line).toMatch(new RegExp(`^${rule.id}\\s+${rule.severity}\\s+`));
      expect(line).toContain(rule.description);
    }
  });
});

/** Other ways a rule can fire, from small files written here. */
describe('rules: other branches', () => {
  const GROUP = ['people:', '  - id: residents', '    experience_of_issue: direct'];

  it('agenda-set-without-community: an agenda-setting activity exists but is in non-participation', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Launch',
      ...GROUP,
      'activities:',
      '  - id: launch',
      '    name: Launch photo',
      '    stage: agenda_setting',
      '    understood_purpose: no',
      '    presented_as_theirs: yes',
      '',
    ].join('\n');
    const [finding, ...rest] = findingsOf(auditText('agenda.yaml', text), 'agenda-set-without-community');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      line: 8,
      column: 5,
      message_id: 'non-participation',
      message: 'People with lived experience take no real part where the problem is defined and the agenda set: "Launch photo" is in non-participation.',
    });
  });

  it('agenda-set-without-community: silent when no activity records its stage (unknown, not no)', () => {
    const text = ['version: 1', 'project:', '  name: Launch', ...GROUP, 'activities:', '  - id: a', '    name: A', '    decisions: organisation', ''].join('\n');
    expect(findingsOf(auditText('agenda.yaml', text), 'agenda-set-without-community')).toEqual([]);
  });

  it('no-participation-budget: a budget with a total but no participation amount points at the `budget` key', () => {
    const text = ['version: 1', 'project:', '  name: Budget', '  budget:', '    total: 50000', ...GROUP, 'activities:', '  - id: a', '    name: A', ''].join('\n');
    const found = findingsOf(auditText('budget.yaml', text), 'no-participation-budget');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 4, column: 3, message: 'The budget does not say how much is set aside for participation.' });
  });

  it('lived-experience-missing: a file with activities but no `people` points at the `activities` key', () => {
    const text = ['version: 1', 'project:', '  name: Nobody', 'activities:', '  - id: a', '    name: A', ''].join('\n');
    const found = findingsOf(auditText('nobody.yaml', text), 'lived-experience-missing');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      line: 4,
      column: 1,
      message: 'The file names no groups of people (`people`), so nobody with lived experience is shown to take part.',
    });
  });

  it('narrow-recruitment: recruitment that did not reach beyond the usual voices points at `reached_beyond_usual`', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Panel',
      ...GROUP,
      '    recruitment:',
      '      channels: [existing_panel, open_call]',
      '      reached_beyond_usual: no',
      'activities:',
      '  - id: a',
      '    name: A',
      '',
    ].join('\n');
    const found = findingsOf(auditText('recruit.yaml', text), 'narrow-recruitment');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 9, column: 29, message: 'Recruitment for `residents` did not reach beyond the usual voices.' });
  });

  it('narrow-recruitment: ignores groups with no lived experience of the issue', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Panel',
      ...GROUP,
      '  - id: officers',
      '    experience_of_issue: none',
      '    recruitment:',
      '      channels: [existing_panel]',
      'activities:',
      '  - id: a',
      '    name: A',
      '',
    ].join('\n');
    expect(findingsOf(auditText('recruit.yaml', text), 'narrow-recruitment')).toEqual([]);
  });

  it('participants-unpaid keeps its own severity when costs are not covered either, and says so; costs-not-covered fires beside it', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Unpaid',
      ...GROUP,
      '    payment:',
      '      paid: no',
      '    expenses_covered: no',
      'activities:',
      '  - id: a',
      '    name: A',
      '',
    ].join('\n');
    const audit = auditText('unpaid.yaml', text);
    expect(findingsOf(audit, 'participants-unpaid')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 8,
        column: 13,
        message: 'The group `residents` is not paid for its time and expertise and their costs of taking part are not covered either.',
      }),
    ]);
    expect(findingsOf(audit, 'costs-not-covered')).toEqual([expect.objectContaining({ severity: 'error', line: 9, column: 23 })]);
  });

  it('poor-timing: one finding for each timing problem, at each fact', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Timing',
      ...GROUP,
      'activities:',
      '  - id: a',
      '    name: Evening forum',
      '    timing:',
      '      notice_days: 1',
      '      papers_in_time: no',
      '      suited_participants: no',
      '',
    ].join('\n');
    const found = findingsOf(auditText('timing.yaml', text), 'poor-timing').map((f) => [f.line, f.column, f.message]);
    expect(found).toEqual([
      [11, 20, 'People had only 1 day\'s notice of "Evening forum".'],
      [12, 23, 'Papers for "Evening forum" did not reach people in time, or in a form they could use.'],
      [13, 28, 'The time, place or way of meeting for "Evening forum" did not suit the people taking part.'],
    ]);
  });

  it('no-training: a group offered no training points at its `training`', () => {
    const text = ['version: 1', 'project:', '  name: Training', ...GROUP, '    training: no', 'activities:', '  - id: a', '    name: A', ''].join('\n');
    const found = findingsOf(auditText('training.yaml', text), 'no-training');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 7, column: 15, message: 'The group `residents` is offered no training for its role.' });
  });

  it('token-seats: a minority who are not briefed and cannot shape the agenda is told so', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Board',
      ...GROUP,
      'activities:',
      '  - id: board',
      '    name: Trustee board',
      '    seats: { held: 1, total: 12, can_be_outvoted: yes, briefed: no, shape_agenda: no }',
      '',
    ].join('\n');
    const found = findingsOf(auditText('board.yaml', text), 'token-seats');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      line: 10,
      column: 12,
      message: 'In "Trustee board", people with lived experience hold 1 of 12 seats and can be outvoted, and are not briefed and cannot shape the agenda.',
    });
  });

  it('token-seats: when briefing and the agenda are unknown, it does not fire (unknown is never "no"); the placement is provided on them instead', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Board',
      ...GROUP,
      'activities:',
      '  - id: board',
      '    name: Trustee board',
      '    seats: { held: 1, total: 12, can_be_outvoted: yes }',
      '',
    ].join('\n');
    const audit = auditText('board.yaml', text);
    expect(findingsOf(audit, 'token-seats')).toEqual([]);
    expect(audit.activities[0]!.placement.questions.map((q) => q.key)).toContain('seats.briefed, seats.shape_agenda');
  });

  it('token-seats: a minority with no veto recorded can be outvoted, so `can_be_outvoted: yes` need not be written', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Board',
      ...GROUP,
      'activities:',
      '  - id: board',
      '    name: Trustee board',
      '    seats: { held: 1, total: 12, shape_agenda: no }',
      '',
    ].join('\n');
    const found = findingsOf(auditText('board.yaml', text), 'token-seats');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('In "Trustee board", people with lived experience hold 1 of 12 seats and can be outvoted (no veto is recorded), and cannot shape the agenda.');
  });

  it('token-seats: members who are not briefed but can shape the agenda are not told they cannot shape it', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Board',
      ...GROUP,
      'activities:',
      '  - id: board',
      '    name: Trustee board',
      '    seats: { held: 1, total: 12, can_be_outvoted: yes, briefed: no, shape_agenda: yes }',
      '',
    ].join('\n');
    const found = findingsOf(auditText('board.yaml', text), 'token-seats');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('not briefed');
    expect(found[0]!.message).not.toContain('not briefed or able to shape the agenda');
  });

  it('token-seats: silent when it is unknown whether they can be outvoted', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Board',
      ...GROUP,
      'activities:',
      '  - id: board',
      '    name: Trustee board',
      '    seats: { held: 1, total: 12 }',
      '',
    ].join('\n');
    expect(findingsOf(auditText('board.yaml', text), 'token-seats')).toEqual([]);
  });

  it('unsafe-payment: no choice of how to be paid points at `choice_of_how`', () => {
    const text = ['version: 1', 'project:', '  name: Pay', ...GROUP, '    payment:', '      paid: yes', '      choice_of_how: no', 'activities:', '  - id: a', '    name: A', ''].join('\n');
    const found = findingsOf(auditText('pay.yaml', text), 'unsafe-payment');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 9, column: 22, message: 'The group `residents` has no choice of how, or whether, to be paid.' });
  });

  it('learning-not-recorded: learning not written down points at `recorded`', () => {
    const text = ['version: 1', 'project:', '  name: Learning', 'practice:', '  learning:', '    reflection: yes', '    recorded: no', ...GROUP, 'activities:', '  - id: a', '    name: A', ''].join('\n');
    const found = findingsOf(auditText('learning.yaml', text), 'learning-not-recorded');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 7, column: 15, message: 'What the project learns is not written down.' });
  });

  it('non-participation: an activity that cannot be placed but is at best tokenism says "at most"', () => {
    const text = ['version: 1', 'project:', '  name: Survey', ...GROUP, 'activities:', '  - id: survey', '    name: Street survey', '    chose_to_take_part: no', ''].join('\n');
    const found = findingsOf(auditText('survey.yaml', text), 'non-participation');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      line: 8,
      column: 5,
      message: '"Street survey" is at most on rung 3 (Tokenism): people are present but do not really take part.',
    });
  });

  it('claim-exceeds-evidence: an activity whose rung is not settled says what its facts allow at most', () => {
    const text = ['version: 1', 'project:', '  name: Survey', ...GROUP, 'activities:', '  - id: survey', '    name: Street survey', '    decisions: organisation', '    claimed_rung: 7', ''].join('\n');
    const found = findingsOf(auditText('survey.yaml', text), 'claim-exceeds-evidence');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'error',
      line: 11,
      column: 19,
      message: '"Street survey" is claimed to be on rung 7 (Community-initiated and directed), but the facts allow at most rung 5 (Consulted and informed).',
    });
  });
});

/** Waivers, end to end through the built CLI, judged on COPROD_TODAY. */
describe('waivers through the CLI', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'coprod-rules-'));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  // The no-feedback-loop fixture: its only finding is no-feedback-loop (a warning) on `review-plan`, the last activity.
  const BASE = readFileSync(join(ROOT, fixture('no-feedback-loop', 'triggers')), 'utf8');
  const REASON = 'Feedback goes out with the autumn newsletter.';
  const activityWaiver = (extra = ''): string => `${BASE}    waivers:\n      - rule: no-feedback-loop\n        reason: ${REASON}\n${extra}`;
  const projectWaiver = (extra = ''): string => `${BASE}waivers:\n  - rule: no-feedback-loop\n    reason: ${REASON}\n${extra}`;

  function write(name: string, text: string): string {
    const file = join(tmp, name);
    writeFileSync(file, text);
    return file;
  }

  function audit(file: string, ...args: string[]): CliResult {
    return runCli(['audit', file, ...args], { env: CLI_ENV });
  }

  interface JsonFinding {
    rule: string;
    severity: string;
    line: number;
    column: number;
    message: string;
    waived?: { reason: string; expires?: string };
  }

  function jsonFindings(file: string): JsonFinding[] {
    const result = audit(file, '--format', 'json', '--fail-on', 'never');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { projects: Array<{ findings: JsonFinding[]; summary: { findings: Record<string, number> } }> };
    expect(report.projects).toHaveLength(1);
    return report.projects[0]!.findings;
  }

  /** Line and column (1-based) where `needle` begins, after the first occurrence of `after`. */
  function positionOf(text: string, needle: string, after: string): { line: number; column: number } {
    const offset = text.indexOf(needle, text.indexOf(after));
    expect(offset).toBeGreaterThanOrEqual(0);
    const before = text.slice(0, offset).split('\n');
    return { line: before.length, column: before[before.length - 1]!.length + 1 };
  }

  it('without a waiver, the warning fails --fail-on warning', () => {
    const file = write('no-waiver.yaml', BASE);
    const result = audit(file, '--fail-on', 'warning');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/⚠ warning {2}People gave their views in "Review the draft plan" but were not told what became of them\. {2}no-feedback-loop\n/);
    expect(result.stdout).not.toContain('[waived');
    expect(result.stdout).toContain('Findings: 0 errors, 1 warning, 0 notes\n');
    expect(result.stderr).toContain('1 finding at or above "warning" (--fail-on warning).');
  });

  for (const [level, text] of [
    ['project', projectWaiver()],
    ['activity', activityWaiver()],
  ] as const) {
    it(`a ${level}-level waiver: the finding is still shown, marked waived, and no longer counts for --fail-on`, () => {
      const file = write(`${level}-waiver.yaml`, text);
      const stylish = audit(file, '--fail-on', 'info');
      expect(stylish.code).toBe(0);
      expect(stylish.stderr).toBe('');
      const line = stylish.stdout.split('\n').find((l) => l.includes('no-feedback-loop'));
      expect(line).toBeDefined();
      expect(line).toContain(`${file}:32:15`);
      expect(line).toContain('People gave their views in "Review the draft plan" but were not told what became of them.');
      expect(line).toContain(`[waived: ${REASON.replace(/\.$/, "")}]`);
      expect(stylish.stdout).toContain('Findings: 0 errors, 0 warnings, 0 notes, 1 waived');

      const findings = jsonFindings(file);
      expect(findings).toEqual([
        expect.objectContaining({ rule: 'no-feedback-loop', severity: 'warning', line: 32, column: 15, waived: { reason: REASON } }),
      ]);
    });

    it(`a ${level}-level waiver with an expiry date still to come (or today) still applies`, () => {
      for (const expires of ['2026-12-31', TODAY]) {
        const file = write(`${level}-waiver-until-${expires}.yaml`, `${text}${level === 'project' ? '    ' : '        '}expires: ${expires}\n`);
        const result = audit(file, '--fail-on', 'info');
        expect(result.code, `expires ${expires}`).toBe(0);
        expect(result.stdout).toContain(`[waived: ${REASON.replace(/\.$/, "")}, until ${expires}]`);
        expect(result.stdout).not.toContain('waiver-expired');
        expect(jsonFindings(file)).toEqual([expect.objectContaining({ rule: 'no-feedback-loop', waived: { reason: REASON, expires } })]);
      }
    });

    it(`an expired ${level}-level waiver no longer applies: the finding counts again and waiver-expired points at its date`, () => {
      const fileText = `${text}${level === 'project' ? '    ' : '        '}expires: 2026-05-31\n`;
      const file = write(`${level}-waiver-expired.yaml`, fileText);
      const expiresAt = positionOf(fileText, '2026-05-31', 'rule: no-feedback-loop');

      const result = audit(file, '--fail-on', 'warning');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('2 findings at or above "warning" (--fail-on warning).');
      const feedbackLine = result.stdout.split('\n').find((l) => l.includes('no-feedback-loop') && l.includes('⚠ warning'));
      expect(feedbackLine).toBeDefined();
      expect(feedbackLine).not.toContain('[waived');
      expect(result.stdout).toContain(
        `${file}:${expiresAt.line}:${expiresAt.column}  ⚠ warning  The waiver for \`no-feedback-loop\` expired on 2026-05-31, so that rule's findings count again.  waiver-expired`,
      );

      const findings = jsonFindings(file);
      expect(findings).toHaveLength(2);
      const feedback = findings.find((f) => f.rule === 'no-feedback-loop');
      expect(feedback).toMatchObject({ severity: 'warning', line: 32, column: 15 });
      expect(feedback).not.toHaveProperty('waived');
      expect(findings.find((f) => f.rule === 'waiver-expired')).toMatchObject({ severity: 'warning', ...expiresAt });
    });
  }

  it('an activity-level waiver applies only to its own activity', () => {
    // The same waiver, but on `set-priorities` (the first activity), not on `review-plan` where the finding is.
    const text = BASE.replace('    presented_as_theirs: no\n  - id: review-plan', `    presented_as_theirs: no\n    waivers:\n      - rule: no-feedback-loop\n        reason: ${REASON}\n  - id: review-plan`);
    expect(text).not.toBe(BASE);
    const file = write('other-activity.yaml', text);
    const result = audit(file, '--fail-on', 'warning');
    expect(result.code).toBe(1);
    expect(jsonFindings(file)).toEqual([expect.objectContaining({ rule: 'no-feedback-loop', line: 35, column: 15 })]);
    expect(jsonFindings(file)[0]).not.toHaveProperty('waived');
  });

  it('a waiver without a reason is a validation error naming `reason` (exit 2)', () => {
    for (const [level, text, at] of [
      ['project', `${BASE}waivers:\n  - rule: no-feedback-loop\n`, { line: 36, column: 5 }],
      ['activity', `${BASE}    waivers:\n      - rule: no-feedback-loop\n`, { line: 36, column: 9 }],
    ] as const) {
      const file = write(`${level}-no-reason.yaml`, text);
      const result = audit(file, '--fail-on', 'never');
      expect(result.code, level).toBe(2);
      const problem = `${result.stdout}\n${result.stderr}`.split('\n').find((l) => l.includes(': error: '));
      expect(problem, level).toBeDefined();
      expect(problem).toContain(`${file}:${at.line}:${at.column}: error:`);
      expect(problem).toContain('`reason`');
      expect(problem).toContain('Waiver 1');
    }
  });
});

/** Stable identity: every finding names one of its rule's declared messages, and strict mode has its own. */
describe('message ids', () => {
  const files = [...readdirSync(join(ROOT, FIXTURES)).map((f) => `${FIXTURES}/${f}`), ...readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml')).map((f) => `examples/${f}`)];

  it('every finding, with and without --strict, carries a message id its rule declares, and an id-based path', () => {
    for (const file of files) {
      const loaded = loadProject(file, readFileSync(join(ROOT, file), 'utf8'));
      if (!loaded.ok) throw new Error(file);
      for (const strict of [false, true]) {
        for (const f of auditProject(loaded.loaded, { today: TODAY, strict }).findings) {
          const rule = RULES.find((r) => r.id === f.rule)!;
          expect(Object.keys(rule.messages), `${file} ${f.rule}`).toContain(f.message_id);
          expect(f.path, `${file} ${f.rule}`).not.toMatch(/activities\/\d|people\/\d/);
        }
      }
    }
  });

  it('every rule declares at least one message, each described', () => {
    for (const rule of RULES) {
      expect(Object.keys(rule.messages).length, rule.id).toBeGreaterThan(0);
      for (const [id, text] of Object.entries(rule.messages)) {
        expect(id, rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
        expect(text.length, `${rule.id}/${id}`).toBeGreaterThan(10);
      }
    }
  });

  it('with --strict, what is not shown is an error: not shown to be genuine, a claim not proven, costs not recorded as covered', () => {
    const text = [
      'version: 1',
      'project:',
      '  name: Thin',
      'people:',
      '  - id: residents',
      '    experience_of_issue: direct',
      'activities:',
      '  - id: survey',
      '    name: Survey',
      '    groups: [residents]',
      '    own_view: yes',
      '    views_acted_on: yes',
      '    feedback: yes',
      '    decisions: organisation',
      '    claimed_rung: 5',
      '',
    ].join('\n');
    const loaded = loadProject('thin.yaml', text);
    if (!loaded.ok) throw new Error('thin.yaml');
    const plain = auditProject(loaded.loaded, { today: TODAY });
    expect(plain.activities[0]!.placement.rung).toBe(5);
    expect(plain.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const strict = auditProject(loaded.loaded, { today: TODAY, strict: true });
    expect(strict.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}/${f.message_id}: ${f.message}`)).toEqual([
      'costs-not-covered/not-recorded: The file does not say whether the costs of taking part are covered for `residents` (`expenses_covered`).',
      'non-participation/not-shown: "Survey" is not shown to be genuine participation: what is recorded proves only rung 1 (Manipulation). Record first: chose_to_take_part.',
      'claim-exceeds-evidence/not-proven: "Survey" is claimed to be on rung 5 (Consulted and informed), but what is recorded proves only that it is somewhere from rung 1 to rung 5.',
    ]);
  });
});

describe('who has lived experience of the issue', () => {
  const plan = (people: string[], activities: string[]): string =>
    ['version: 1', 'project:', '  name: Who takes part', 'people:', ...people, 'activities:', ...activities, ''].join('\n');
  const audit = (text: string, strict = false): ProjectAudit => {
    const loaded = loadProject('who.yaml', text);
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('; '));
    return auditProject(loaded.loaded, { today: TODAY, strict });
  };
  const STAFF = ['  - id: staff', '    experience_of_issue: none'];
  const RESIDENTS = ['  - id: residents', '    experience_of_issue: direct'];
  const MEETING = ['  - id: meeting', '    name: Planning meeting', '    groups: [staff]', '    own_view: yes'];

  it('groups with lived experience named, but no activity involves them: an error, and the ladder parts score 0', () => {
    const result = audit(plan([...STAFF, ...RESIDENTS], MEETING));
    expect(result.activities[0]!.placement.verdict).toBe('no_community');
    expect(result.findings.filter((f) => f.rule === 'lived-experience-missing').map((f) => [f.message_id, f.severity, f.line, f.column, f.message])).toEqual([
      ['in-no-activity', 'error', 9, 1, 'No activity involves people with lived experience of the issue: `residents` takes part in none of them.'],
    ]);
    expect(result.summary.score_parts.participation).toEqual({ value: 0, known: 1, enough_known: true });
    expect(result.summary.score).not.toBeNull();
  });

  it('a lived_experience description counts only where experience_of_issue is not recorded, never in words that say "none", and not with --strict', () => {
    const described = ['  - id: residents', '    lived_experience: Waiting months for repairs to damp homes.'];
    const activity = ['  - id: meeting', '    name: Planning meeting', '    groups: [residents]', '    own_view: yes'];
    expect(audit(plan(described, activity)).activities[0]!.community).toBe('yes');
    expect(audit(plan(described, activity), true).activities[0]!.community).toBe('unknown');
    expect(audit(plan([...described, '    experience_of_issue: none'], activity)).activities[0]!.community).toBe('no');
    for (const words of ['None', 'n/a', 'No lived experience; they are council officers.']) {
      expect(audit(plan(['  - id: residents', `    lived_experience: ${words}`], activity)).activities[0]!.community, words).toBe('unknown');
    }
  });
});
