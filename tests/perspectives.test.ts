import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';

const PLAN = 'examples/grants-search-redesign.yaml';
const F = 'tests/fixtures/perspectives';
const ENV = { COPROD_TODAY: '2026-06-01' };

interface Activity {
  id: string;
  placement: { rung: number | null };
  perspective?: {
    respondents: number;
    placement: { rung: number | null; lowest: number; highest: number };
    disagreements: Array<{ fact: string; organisation: string; differing: number; answered: number; answers: Record<string, number> }>;
    comments: string[];
    lower: boolean;
  };
}
interface Run {
  projects: Array<{ activities: Activity[]; findings: Array<{ rule: string; line: number; column: number; message: string; activity?: string }> }>;
}

function audit(...args: string[]): { code: number | null; run: Run; stderr: string } {
  const result = runCli(['audit', PLAN, '--format', 'json', '--fail-on', 'never', ...args], { env: ENV });
  return { code: result.code, run: result.stdout ? (JSON.parse(result.stdout) as Run) : { projects: [] }, stderr: result.stderr };
}

const activity = (run: Run, id: string): Activity => run.projects[0]!.activities.find((a) => a.id === id)!;

describe('coprod audit --perspectives', () => {
  it('agreeing answers: placed the same, no disagreement, no finding', () => {
    const { code, run } = audit('--perspectives', `${F}/agree.yaml`);
    expect(code).toBe(0);
    const a = activity(run, 'choose-what-to-fix');
    expect(a.perspective).toMatchObject({ respondents: 4, placement: { rung: 6 }, disagreements: [], lower: false });
    expect(run.projects[0]!.findings.filter((f) => f.rule === 'perspectives-disagree')).toEqual([]);
  });

  it('disagreeing answers: placed lower, each differing fact with how many said so, at the activity in the plan', () => {
    const { run } = audit('--perspectives', `${F}/disagree.yaml`);
    const a = activity(run, 'choose-what-to-fix');
    expect(a.placement.rung).toBe(6);
    // Consulted, not told what became of it, and the organisation deciding: for Hart, manipulation.
    expect(a.perspective!.placement.rung).toBe(1);
    expect(a.perspective!.lower).toBe(true);
    expect(a.perspective!.disagreements).toEqual([
      { fact: 'feedback', organisation: 'yes', answers: { no: 4 }, differing: 4, answered: 4 },
      { fact: 'decisions', organisation: 'shared', answers: { organisation: 3, shared: 1 }, differing: 3, answered: 4 },
    ]);
    const findings = run.projects[0]!.findings.filter((f) => f.rule === 'perspectives-disagree');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 98, column: 5, activity: 'choose-what-to-fix' });
    expect(findings[0]!.message).toBe(
      'Participants place "Deciding together what is wrong with Grants Finder and what to fix first" on rung 1 (Manipulation), lower than the organisation\'s facts do: on rung 6 (Organisation-initiated, shared decisions). They differ on whether people were told what became of what they said: 4 of 4 said "no"; the organisation\'s file says "yes"; who made the decisions: 3 of 4 said the organisation decided; the organisation\'s file says decisions were shared.',
    );
  });

  it('partly answered: unknown answers are not counted, and the comment is kept', () => {
    const { run } = audit('--perspectives', `${F}/partly.yaml`);
    const a = activity(run, 'test-new-search');
    expect(a.perspective).toMatchObject({ respondents: 3, disagreements: [], comments: ['Only one of us remembers being asked.'] });
    expect(a.perspective!.placement.rung).toBe(a.placement.rung);
  });

  it('several files for one plan add up, never averaged: the disagreement keeps its numbers', () => {
    const { run } = audit('--perspectives', `${F}/disagree.yaml`, `${F}/second.yaml`);
    const a = activity(run, 'choose-what-to-fix');
    expect(a.perspective!.respondents).toBe(6);
    expect(a.perspective!.disagreements.find((d) => d.fact === 'decisions')).toEqual({
      fact: 'decisions',
      organisation: 'shared',
      answers: { organisation: 3, shared: 3 },
      differing: 3,
      answered: 6,
    });
    // A tie goes to the answer less favourable to the organisation's account.
    // Consulted, not told what became of it, and the organisation deciding: for Hart, manipulation.
    expect(a.perspective!.placement.rung).toBe(1);
  });

  it('an activity id the plan does not have: exit 2, with its position in the perspectives file and a suggestion', () => {
    const result = runCli(['audit', PLAN, '--perspectives', `${F}/unknown-activity.yaml`], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${F}/unknown-activity.yaml:5:19: error: No activity in the project file has the id \`choose-what-to-fixx\`. Did you mean \`choose-what-to-fix\`?`);
  });

  it('counts that add up to more people than answered: exit 2 at the answer', () => {
    const result = runCli(['audit', PLAN, '--perspectives', `${F}/too-many.yaml`], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${F}/too-many.yaml:6:19: error: The answers to \`feedback\` for activity \`choose-what-to-fix\` count 3 people, but the group has 2 respondents.`);
  });

  it('an answer that is not one of the choices: one plain problem at the value', () => {
    const result = runCli(['audit', PLAN, '--perspectives', `${F}/bad-answer.yaml`], { env: ENV });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${F}/bad-answer\\.yaml:6:20: error: \`decisions\` in activity \`choose-what-to-fix\` of group 1 is not a valid answer \\(it is \`jointly\`\\)\\. Who really made the decisions`));
  });

  it('with several plans, a perspectives file must name its project', () => {
    const result = runCli(['audit', 'examples/', '--perspectives', `${F}/unknown-activity.yaml`], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('each perspectives file must say which project it is about');
  });

  it('the example perspectives file is shown by npm start (the examples folder with it)', () => {
    const result = runCli(['audit', 'examples/', '--fail-on', 'never', '--perspectives', 'examples/perspectives/grants-search-partners-views.yaml'], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Participants' view (10 respondents): their answers place it on rung 1 (Manipulation), lower than the organisation's facts.");
    expect(result.stdout).toContain('◆ monthly-redesign-meetings (participants)');
  });
});

describe('every format carries the perspectives', () => {
  const args = ['audit', PLAN, '--fail-on', 'never', '--perspectives', `${F}/disagree.yaml`];
  it.each([
    ['stylish', "Participants' view (4 respondents)"],
    ['json', '"perspective"'],
    ['markdown', "### Participants' own view"],
    ['sarif', '"ruleId": "perspectives-disagree"'],
    ['junit', 'name="perspectives-disagree"'],
    ['github', 'title=coprod perspectives-disagree::'],
    ['html', '<g class="marker" data-activity="choose-what-to-fix" data-kind="participants" data-rung="1">'],
  ])('%s', (format, expected) => {
    const result = runCli([...args, '--format', format], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(expected);
  });

  it('csv: the finding counts in the project row, and the activity rows still parse', () => {
    const result = runCli([...args, '--format', 'csv'], { env: ENV });
    const [header, row] = result.stdout.split('\r\n');
    const warnings = header!.split(',').indexOf('warnings');
    expect(Number(row!.split(',')[warnings])).toBeGreaterThanOrEqual(1);
  });
});
