/**
 * End-to-end tests of `coprod audit` (and `ladder`, `rules`, `explain`) through the
 * built CLI (`npm run build` first), on the examples and on small fixtures in
 * tests/fixtures/audit/. Also unit tests of the rating (src/audit/rating.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rate, WEIGHTS } from '../src/audit/rating.js';
import type { AuditRun, Finding } from '../src/audit/result.js';
import type { Judgement, Status } from '../src/framework/judgement.js';
import { FACT_KEYS } from '../src/ladder/facts.js';
import { placeActivity, type Placement } from '../src/ladder/placeActivity.js';
import { RUNGS } from '../src/ladder/rungs.js';
import type { ActivityFacts } from '../src/project.js';
import { RULES } from '../src/rules/index.js';
import { ROOT, runCli, type CliResult } from './cli.js';

const POOR = 'examples/poor-consultation-as-co-production.yaml';
const COMMISSIONING = 'examples/in-work-poverty-co-commissioning.yaml';
const FAMILY = 'examples/family-led-initiative.yaml';
const FIX = 'tests/fixtures/audit';
const ESC = '\u001b[';
const STACK_TRACE = /\n\s+at .+:\d+:\d+/;

type Options = { cwd?: string; input?: string | Buffer; env?: Record<string, string> };

/** Runs `coprod …` and checks what must hold for every run: no stack trace, no internal error. */
function coprod(args: string[], options: Options = {}): CliResult {
  const result = runCli(args, options);
  const all = `${result.stdout}\n${result.stderr}`;
  expect(all).not.toMatch(STACK_TRACE);
  expect(all).not.toContain('something went wrong inside coprod');
  return result;
}

const audit = (args: string[], options: Options = {}): CliResult => coprod(['audit', ...args], options);

/** `coprod audit … --format json`, parsed. */
function auditJson(args: string[], options: Options = {}): { result: CliResult; run: AuditRun } {
  const result = audit([...args, '--format', 'json'], options);
  return { result, run: JSON.parse(result.stdout) as AuditRun };
}

/** The placement facts of an activity as written in YAML: `unknown` left out, true/false read as yes/no. */
function factsOf(written: Record<string, unknown>): ActivityFacts {
  const read = (value: unknown): unknown => (value === true ? 'yes' : value === false ? 'no' : value === 'unknown' ? undefined : value);
  const facts: Record<string, unknown> = {};
  for (const key of FACT_KEYS) {
    const value = written[key];
    if (key === 'seats' && value && typeof value === 'object') {
      facts['seats'] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, read(v)]).filter(([, v]) => v !== undefined));
    } else if (read(value) !== undefined) {
      facts[key] = read(value);
    }
  }
  return facts as ActivityFacts;
}

function projectName(file: string): string {
  return (parse(readFileSync(join(ROOT, file), 'utf8')) as { project: { name: string } }).project.name;
}

const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `examples/${f}`);

describe('coprod audit on all the examples', () => {
  it('there are 8 examples', () => {
    expect(EXAMPLES).toHaveLength(8);
  });

  it('`audit examples/ --fail-on never` exits 0 and reports every project, then compares them side by side', () => {
    const result = audit(['examples/', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    for (const file of EXAMPLES) {
      // Each project's report starts with its name on a line of its own.
      expect(lines, file).toContain(projectName(file));
      expect(result.stdout).toContain(file);
    }
    const heading = lines.indexOf('All projects side by side');
    expect(heading).toBeGreaterThan(0);
    // The comparison comes after every project's own report.
    for (const file of EXAMPLES) expect(lines.indexOf(projectName(file))).toBeLessThan(heading);
  });

  it('the same run as JSON holds one project per example, none invalid', () => {
    const { result, run } = auditJson(['examples/', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(run.projects.map((p) => p.file).sort()).toEqual([...EXAMPLES].sort());
    expect(run.invalid).toEqual([]);
  });
});

describe('the poor example: consultation presented as co-production', () => {
  it('exits 1 by default, with claim inflation and non-participation in the report', () => {
    const { run } = auditJson([POOR, '--fail-on', 'never']);
    const errors = run.projects[0]!.summary.findings.error;
    expect(errors).toBeGreaterThan(0);

    const result = audit([POOR]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`coprod: ${errors} findings at or above "error" (--fail-on error).\n`);
    expect(result.stdout).toContain('claim-exceeds-evidence');
    expect(result.stdout).toContain('is claimed to be on rung 6');
    expect(result.stdout).toContain('rung 1 (Manipulation)');
    expect(result.stdout).toContain('non-participation');
    expect(result.stdout).toContain(
      `${POOR}:96:19  ✖ error  "Online survey on the draft strategy" is claimed to be on rung 6 (Organisation-initiated, shared decisions), but the facts allow at most rung 1 (Manipulation).  claim-exceeds-evidence`,
    );
  });

  it('every activity is placed in non-participation, below the rung 6 it claims', () => {
    const { run } = auditJson([POOR, '--fail-on', 'never']);
    const project = run.projects[0]!;
    // The survey and the board seat were presented as the community's own, and the survey never reported back: manipulation.
    expect(project.activities.map((a) => [a.id, a.placement.verdict, a.placement.rung, a.placement.ceiling, a.claimed_rung])).toEqual([
      ['strategy-survey', 'placed', 1, 1, 6],
      ['launch-photo-shoot', 'placed', 1, 1, 6],
      ['launch-event', 'placed', 2, 2, 6],
      ['strategy-board-seat', 'placed', 1, 1, 6],
    ]);
    expect(project.summary.non_participation).toBe(4);
    expect(project.summary.highest_rung).toBe(2);
    expect(project.summary.shared_decisions_share).toBe(0);
  });

  it('flags each inflated claim at its `claimed_rung` value, and each activity as non-participation at the activity', () => {
    const { run } = auditJson([POOR, '--fail-on', 'never']);
    const findings = run.projects[0]!.findings;
    const at = (rule: string): Array<[string | undefined, number, number]> => findings.filter((f) => f.rule === rule).map((f) => [f.activity, f.line, f.column]);
    expect(at('claim-exceeds-evidence')).toEqual([
      ['strategy-survey', 96, 19],
      ['launch-photo-shoot', 116, 19],
      ['launch-event', 136, 19],
      ['strategy-board-seat', 165, 19],
    ]);
    expect(at('non-participation')).toEqual([
      ['strategy-survey', 80, 5],
      ['launch-photo-shoot', 101, 5],
      ['launch-event', 121, 5],
      ['strategy-board-seat', 140, 5],
    ]);
    const photo = findings.find((f) => f.rule === 'claim-exceeds-evidence' && f.activity === 'launch-photo-shoot')!;
    expect(photo.severity).toBe('error');
    expect(photo.message).toBe(
      '"Photographs of service users for the strategy launch" is claimed to be on rung 6 (Organisation-initiated, shared decisions), but the facts allow at most rung 1 (Manipulation).',
    );
  });

  it('the steps given with a finding really resolve it', () => {
    // Finding.steps: "Changes to the facts that would resolve it". A non-participation finding
    // is resolved only at rung 4; a claim only at the claimed rung.
    const { run } = auditJson([POOR, '--fail-on', 'never']);
    const file = parse(readFileSync(join(ROOT, POOR), 'utf8')) as { activities: Array<ActivityFacts & { id: string; claimed_rung?: number }> };
    const needs: Record<string, (activity: { claimed_rung?: number }) => number> = {
      'non-participation': () => 4,
      'claim-exceeds-evidence': (activity) => activity.claimed_rung!,
    };
    for (const finding of run.projects[0]!.findings.filter((f) => f.rule in needs)) {
      const activity = file.activities.find((a) => a.id === finding.activity)!;
      const changed: ActivityFacts = { ...activity };
      for (const step of finding.steps ?? []) {
        if (step.fact === 'seats') changed.seats = step.to === 'equal' ? { ...changed.seats, can_be_outvoted: 'no' } : { ...changed.seats, briefed: 'yes', shape_agenda: 'yes' };
        else (changed as Record<string, unknown>)[step.fact] = step.to;
      }
      expect(placeActivity(changed).rung, `${finding.rule} on ${finding.activity}: ${JSON.stringify(finding.steps)}`).toBeGreaterThanOrEqual(needs[finding.rule]!(activity));
    }
  });

  it('`--fail-on never` exits 0 with nothing on standard error', () => {
    const result = audit([POOR, '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('claim-exceeds-evidence');
  });
});

describe('examples that share decisions', () => {
  it('the co-commissioning example: every activity evidenced at rung 6', () => {
    const { result, run } = auditJson([COMMISSIONING]);
    expect(result.code).toBe(0);
    const project = run.projects[0]!;
    expect(project.activities.map((a) => a.placement.rung)).toEqual([6, 6, 6, 6]);
    expect(project.summary.highest_rung).toBeGreaterThanOrEqual(6);
    expect(project.summary.lowest_rung).toBe(6);
    expect(project.summary.shared_decisions_share).toBe(1);
  });

  it('the family-led example: community-initiated activities reach rungs 7 and 8', () => {
    const { run } = auditJson([FAMILY, '--fail-on', 'never']);
    const project = run.projects[0]!;
    expect(project.activities.map((a) => [a.id, a.placement.rung])).toEqual([
      ['families-start-groups', 7],
      ['monthly-family-groups', 7],
      ['matched-savings-goals', 8],
      ['data-and-feedback-loop', 6],
    ]);
    expect(project.summary.highest_rung).toBe(8);
    expect(project.summary.highest_rung).toBeGreaterThanOrEqual(6);
    for (const a of project.activities) expect(a.placement.rung, a.id).toBeGreaterThanOrEqual(6);
  });
});

describe('--min-rung', () => {
  it('on the poor example, --min-rung 4 exits 1 and names each activity below it', () => {
    const result = audit([POOR, '--min-rung', '4', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `coprod: ${POOR}:80:5: "Online survey on the draft strategy" is on rung 1 (Manipulation), below --min-rung 4.`,
      `coprod: ${POOR}:101:5: "Photographs of service users for the strategy launch" is on rung 1 (Manipulation), below --min-rung 4.`,
      `coprod: ${POOR}:121:5: "Residents invited to fill the room at the launch event" is on rung 2 (Decoration), below --min-rung 4.`,
      `coprod: ${POOR}:140:5: "One lived-experience seat on the strategy board" is on rung 1 (Manipulation), below --min-rung 4.`,
    ]);
  });

  it('--min-rung 2 lets decoration through but not manipulation', () => {
    const result = audit([POOR, '--min-rung', '2', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('launch event');
    expect(result.stderr).toContain('"Photographs of service users for the strategy launch" is on rung 1 (Manipulation), below --min-rung 2.');
    expect(result.stderr).toContain('"Online survey on the draft strategy" is on rung 1 (Manipulation), below --min-rung 2.');
  });

  it('on an example whose activities are all at rung 6, --min-rung 4 and 6 exit 0 and 7 exits 1', () => {
    for (const min of ['4', '6']) {
      const result = audit([COMMISSIONING, '--min-rung', min, '--fail-on', 'never']);
      expect(result.code, `--min-rung ${min}`).toBe(0);
      expect(result.stderr).toBe('');
    }
    const result = audit([COMMISSIONING, '--min-rung', '7', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `coprod: ${COMMISSIONING}:82:5: "Building the team and agreeing shared values and ways of working" is on rung 6 (Organisation-initiated, shared decisions), below --min-rung 7.`,
    );
  });

  it.each([['9'], ['0'], ['four'], ['4.5']])('--min-rung %s is a usage error: exit 2, no report', (value) => {
    const result = audit([POOR, '--min-rung', value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`coprod: --min-rung needs a rung from 1 to 8, not \`${value}\`.\n`);
    expect(result.stdout).toBe('');
  });

  it('an activity whose rung is not settled fails --min-rung when its evidenced rung is below it', () => {
    const file = `${FIX}/unplaceable.yaml`;
    const result = audit([file, '--min-rung', '6', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`coprod: ${file}:52:5: "Planning the repairs programme together" is at least on rung 5 (Consulted and informed), below --min-rung 6.\n`);
  });

  it('a plan with no activities fails --min-rung, --min-shared and --min-score: nothing is shown to reach them', () => {
    const text = 'version: 1\nproject:\n  name: Empty\npeople:\n  - id: residents\n    experience_of_issue: direct\nactivities: []\n';
    const result = audit(['-', '--fail-on', 'info', '--min-rung', '4', '--min-shared', '0.5', '--min-score', '10'], { input: text });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      'coprod: 1 finding at or above "info" (--fail-on info).',
      'coprod: -: no activity is shown to reach rung 4 (--min-rung 4): the plan has no activities.',
      'coprod: -: no activity on the ladder shares them, below the 50% asked for (--min-shared).',
      'coprod: -: the overall score is not given (the plan has no activities), below the 10 asked for (--min-score).',
    ]);
    expect(result.stdout).toContain('This plan has no activities, so there is nothing to place on the ladder.');
  });

  it('an activity the facts cannot place fails --min-rung, and the summary says it may be in non-participation', () => {
    const file = `${FIX}/not-enough-evidence.yaml`;
    const result = audit([file, '--min-rung', '4', '--fail-on', 'never']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`coprod: ${file}:11:5: "Talking about the repairs programme" is somewhere from rung 2 to rung 6, below --min-rung 4.\n`);
    expect(result.stdout).toContain('  Evidenced rungs: highest 2, lowest 2\n');
    expect(result.stdout).toContain('  In non-participation (rungs 1 to 3): 0 shown, 1 more may be\n');
  });

  it('an activity whose rung is not settled but is at least on the rung asked for passes', () => {
    const result = audit([`${FIX}/unplaceable.yaml`, '--min-rung', '5', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('--fail-on', () => {
  it('the fixtures find what they are meant to', () => {
    const counts = (file: string) => auditJson([`${FIX}/${file}`, '--fail-on', 'never']).run.projects[0]!.summary.findings;
    expect(counts('clean.yaml')).toEqual({ error: 0, warning: 0, info: 0, waived: 0 });
    expect(counts('warnings-only.yaml')).toEqual({ error: 0, warning: 1, info: 0, waived: 0 });
    expect(counts('info-only.yaml')).toEqual({ error: 0, warning: 0, info: 1, waived: 0 });
    const { run } = auditJson([`${FIX}/warnings-only.yaml`, '--fail-on', 'never']);
    expect(run.projects[0]!.findings.map((f) => [f.rule, f.severity, f.line, f.column])).toEqual([['target-not-reached', 'warning', 65, 18]]);
  });

  it.each([
    ['warnings-only.yaml', 'error', 0],
    ['warnings-only.yaml', 'warning', 1],
    ['warnings-only.yaml', 'info', 1],
    ['warnings-only.yaml', 'never', 0],
    ['info-only.yaml', 'error', 0],
    ['info-only.yaml', 'warning', 0],
    ['info-only.yaml', 'info', 1],
    ['clean.yaml', 'info', 0],
  ] as const)('%s with --fail-on %s exits %i', (file, failOn, code) => {
    const result = audit([`${FIX}/${file}`, '--fail-on', failOn]);
    expect(result.code).toBe(code);
    if (code === 1) expect(result.stderr).toBe(`coprod: 1 finding at or above "${failOn}" (--fail-on ${failOn}).\n`);
    else expect(result.stderr).toBe('');
  });

  it('the default is error: a file with only warnings passes', () => {
    expect(audit([`${FIX}/warnings-only.yaml`]).code).toBe(0);
  });

  it('an unknown severity is refused with exit 2', () => {
    const result = audit([`${FIX}/clean.yaml`, '--fail-on', 'warnings']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('warnings');
    expect(result.stdout).toBe('');
  });
});

describe('JSON output', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

  it('has format_version 2 and names the tool', () => {
    const { run } = auditJson([POOR, '--fail-on', 'never']);
    expect(run.format_version).toBe(2);
    expect(run.tool).toEqual({ name: 'coprod', version: pkg.version });
    expect(run.invalid).toEqual([]);
  });

  it('every finding has a rule, severity, file, line, column, message and advice', () => {
    const { run } = auditJson(['examples/', '--fail-on', 'never']);
    const ids = new Set(RULES.map((r) => r.id));
    const all: Array<[string, Finding]> = run.projects.flatMap((p) => p.findings.map((f) => [p.file, f] as [string, Finding]));
    expect(all.length).toBeGreaterThan(0);
    for (const [file, f] of all) {
      expect(ids.has(f.rule), f.rule).toBe(true);
      expect(['error', 'warning', 'info']).toContain(f.severity);
      expect(f.file).toBe(file);
      expect(Number.isInteger(f.line) && f.line >= 1, `${f.rule} line`).toBe(true);
      expect(Number.isInteger(f.column) && f.column >= 1, `${f.rule} column`).toBe(true);
      expect(typeof f.message).toBe('string');
      expect(f.message.length).toBeGreaterThan(0);
      expect(typeof f.advice).toBe('string');
      expect(f.advice.length).toBeGreaterThan(0);
    }
  });

  it('every placement in the JSON is what placeActivity gives for the same facts', () => {
    const { run } = auditJson(['examples/', '--fail-on', 'never']);
    for (const project of run.projects) {
      const file = parse(readFileSync(join(ROOT, project.file), 'utf8')) as { activities: Array<Record<string, unknown>> };
      for (const a of project.activities) {
        const written = file.activities.find((w) => w['id'] === a.id)!;
        expect(a.placement, `${project.file} ${a.id}`).toEqual(placeActivity(factsOf(written), { community: a.community }));
        if (a.placement.rung !== null) expect(a.placement.rung).toBeLessThanOrEqual(a.placement.ceiling!);
      }
    }
  });

  it('the summary counts match the findings', () => {
    const { run } = auditJson(['examples/', '--fail-on', 'never']);
    for (const p of run.projects) {
      const counted = p.findings.filter((f) => !f.waived);
      expect(p.summary.findings.error, p.file).toBe(counted.filter((f) => f.severity === 'error').length);
      expect(p.summary.findings.warning, p.file).toBe(counted.filter((f) => f.severity === 'warning').length);
      expect(p.summary.findings.info, p.file).toBe(counted.filter((f) => f.severity === 'info').length);
      expect(p.summary.activities).toBe(p.activities.length);
      expect(p.summary.placed + p.summary.at_least + p.summary.not_enough_evidence + p.summary.without_community).toBe(p.activities.length);
      expect(p.summary.questions).toBe(p.questions.length);
    }
  });
});

describe('colour', () => {
  const file = FAMILY;

  it('with NO_COLOR=1 there are no ANSI escapes', () => {
    const result = audit([file, '--fail-on', 'never'], { env: { NO_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it('when piped (not a terminal), with NO_COLOR unset, there are no ANSI escapes', () => {
    const result = audit([file, '--fail-on', 'never'], { env: { NO_COLOR: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    expect(result.stdout).not.toContain(ESC);
  });

  it('--no-color wins over FORCE_COLOR=1, wherever it is written', () => {
    for (const args of [['--no-color', 'audit', file, '--fail-on', 'never'], ['audit', file, '--fail-on', 'never', '--no-color']]) {
      const result = coprod(args, { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
      expect(result.code, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).not.toContain(ESC);
    }
  });

  it('FORCE_COLOR=1 colours the report, and colours problems on standard error', () => {
    const result = audit([file, '--fail-on', 'never'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(ESC);
    const mixed = audit([`${FIX}/mixed/`, '--fail-on', 'never'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(mixed.stderr).toContain(ESC);
  });

  it('NO_COLOR wins over FORCE_COLOR', () => {
    const result = audit([file, '--fail-on', 'never'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(result.stdout).not.toContain(ESC);
  });

  it('JSON is never coloured, even with FORCE_COLOR=1', () => {
    const result = audit([file, '--fail-on', 'never', '--format', 'json'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(result.stdout).not.toContain(ESC);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });
});

describe('an invalid file among valid ones', () => {
  const folder = `${FIX}/mixed/`;
  const problem = `${FIX}/mixed/b-invalid.yaml:13:15: error: \`feedback\` in activity \`street-survey\` must be \`yes\`, \`no\` or \`unknown\`, not \`sometimes\`.`;

  it('exits 2, puts the problem on standard error at its position, and still reports the valid files', () => {
    const result = audit([folder]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${problem}\n`);
    const lines = result.stdout.split('\n');
    expect(lines).toContain('Mixed folder valid A');
    expect(lines).toContain('Mixed folder valid C');
    expect(result.stdout).not.toContain('Mixed folder invalid B');
    expect(result.stdout).toContain('All projects side by side');
  });

  it('exits 2 even with --fail-on never, and names the files in the order given', () => {
    const result = audit([`${FIX}/mixed/c-valid.yaml`, `${FIX}/mixed/b-invalid.yaml`, `${FIX}/mixed/a-valid.yaml`, '--fail-on', 'never']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${problem}\n`);
    expect(result.stdout).toContain('Mixed folder valid A');
    expect(result.stdout).toContain('Mixed folder valid C');
  });

  it('as JSON: the valid projects in `projects`, the invalid file in `invalid` with its position', () => {
    const { result, run } = auditJson([folder]);
    expect(result.code).toBe(2);
    expect(run.projects.map((p) => p.name)).toEqual(['Mixed folder valid A', 'Mixed folder valid C']);
    expect(run.projects.map((p) => p.activities.map((a) => a.placement.rung))).toEqual([[5], [7]]);
    expect(run.invalid).toHaveLength(1);
    expect(run.invalid[0]!.file).toBe(`${FIX}/mixed/b-invalid.yaml`);
    expect(run.invalid[0]!.problems.map((p) => [p.position?.line, p.position?.column])).toEqual([[13, 15]]);
    expect(result.stderr).toBe(`${problem}\n`);
  });
});

describe('coprod ladder, rules and explain', () => {
  it('`coprod ladder` prints all 8 rungs, top first, marking 1 to 3 as non-participation', () => {
    const result = coprod(['ladder']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const positions = RUNGS.map((r) => lines.findIndex((l) => l.startsWith(`${r.number}  ${r.name}`)));
    for (const [i, position] of positions.entries()) expect(position, RUNGS[i]!.name).toBeGreaterThan(0);
    expect([...positions].sort((a, b) => b - a)).toEqual(positions);
    for (const r of RUNGS) {
      const line = lines[positions[r.number - 1]!]!;
      expect(line.endsWith('(non-participation)'), r.name).toBe(r.nonParticipation);
    }
  });

  it('`coprod rules` lists every rule id with its severity', () => {
    const result = coprod(['rules']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    for (const rule of RULES) {
      const line = lines.find((l) => l.split(/\s+/)[0] === rule.id);
      expect(line, rule.id).toBeDefined();
      expect(line!.split(/\s+/)[1]).toBe(rule.severity);
      expect(line).toContain(rule.description);
    }
    expect(result.stdout).toContain(`${RULES.length} rules.`);
  });

  it('`coprod rules --format json` lists the same ids', () => {
    const result = coprod(['rules', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Array<{ id: string }>).map((r) => r.id)).toEqual(RULES.map((r) => r.id));
  });

  it.each([
    ['rung-5', 'Rung 5: Consulted and informed  (genuine participation)'],
    ['rung-3', 'Rung 3: Tokenism  (non-participation)'],
    ['claim-exceeds-evidence', 'Rule claim-exceeds-evidence  (error)'],
    ['safe', 'Criterion: Safe  (safe)'],
    ['power-is-shared', 'Principle: Power is shared at all times  (power-is-shared)'],
    ['rating', 'How the overall rating is worked out'],
  ])('`coprod explain %s` exits 0 with its heading', (topic, heading) => {
    const result = coprod(['explain', topic]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(heading);
    expect(result.stderr).toBe('');
  });

  it('`coprod explain rung-6` lists the conditions of the rung', () => {
    const result = coprod(['explain', 'rung-6']);
    expect(result.stdout).toContain('  • People with lived experience made the decisions.  (decisions: community or better)');
    expect(result.stdout).toContain('and none of these red flags:');
    expect(result.stdout).toContain('  • People with lived experience hold at least half the seats, or cannot be outvoted.  (seats: equal)');
  });

  it('`coprod explain rating` gives the weights and bands written in rating.ts', () => {
    const result = coprod(['explain', 'rating']);
    for (const [key, weight] of Object.entries(WEIGHTS)) expect(result.stdout).toMatch(new RegExp(`^  ${key.replace('_', ' ')}\\s+${weight}$`, 'm'));
    expect(result.stdout).toContain('Bands: 80+ strong, 60+ good, 40+ developing, 0+ weak.');
  });

  it('`coprod explain nonsense` exits 2 with a message and no suggestion', () => {
    const result = coprod(['explain', 'nonsense']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'coprod: There is nothing called `nonsense` to explain. Try a rule id (`coprod rules`), rung-1 to rung-8, a principle or criterion id, scale-hart, scale-arnstein, scale-iap2, scale-tlap, scale-partos, rating, placement or claims.\n',
    );
  });

  it('a near miss suggests the topic it was probably meant to be', () => {
    const result = coprod(['explain', 'claim-exceed-evidence']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'coprod: There is nothing called `claim-exceed-evidence` to explain. Did you mean `claim-exceeds-evidence`? Try a rule id (`coprod rules`), rung-1 to rung-8, a principle or criterion id, scale-hart, scale-arnstein, scale-iap2, scale-tlap, scale-partos, rating, placement or claims.\n',
    );
  });

  it('`coprod explain placement` describes the whole method from the data the audit uses', () => {
    const result = coprod(['explain', 'placement']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('How an activity is placed on the ladder');
    for (const part of ['Facts that follow from other facts', 'Credits and red flags', 'The evidenced rung (floor)', 'No community, no rung', 'Questions', '--strict']) {
      expect(result.stdout, part).toContain(part);
    }
    expect(result.stdout).toContain('started_by: community  ⇒  understood_purpose: yes');
    expect(result.stdout).toContain('People were pressed into taking part, so it cannot be genuine participation. (rung 3;');
  });

  it('`coprod explain claims` lists the words that claim each rung', () => {
    const result = coprod(['explain', 'claims']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Rung 7 (Community-initiated and directed)');
    expect(result.stdout).toMatch(/community-led, resident-led, user-led, peer-led/);
    expect(result.stdout).toContain('consultation, consulted, consulting');
  });
});

// ─── The rating ───────────────────────────────────────────────────────────────

const placed = (rung: number): Placement => ({ verdict: 'placed', rung, ceiling: rung, provisos: [], implied: [], disagreements: [], reasons: [], questions: [], ceiling_if: [] });
const between = (rung: number, ceiling: number): Placement => ({ ...placed(rung), verdict: rung >= 4 || ceiling < 4 ? 'at_least' : 'not_enough_evidence', ceiling });
/** A principle or criterion with `held` checks shown, `failed` not shown and `unknown` not answered. */
const judged = (held: number, failed: number, unknown: number): Judgement => ({
  id: 'j',
  name: 'J',
  status: 'met' as Status,
  checks: [...times(held, true), ...times(failed, false), ...times(unknown, undefined)].map((holds) => ({ holds, text: 'a check' })),
});
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
const all = (n: number): Judgement[] => times(n, judged(1, 0, 0));
const none = (n: number): Judgement[] => times(n, judged(0, 1, 0));
const unknown = (n: number): Judgement[] => times(n, judged(0, 0, 1));

describe('rate()', () => {
  it('the weights are 25, 15, 35 and 25, summing to 100', () => {
    expect(WEIGHTS).toEqual({ participation: 25, shared_decisions: 15, principles: 35, criteria: 25 });
  });

  it('everything shown scores 100, strong, resting on all its weight; everything shown not to hold scores 0, weak', () => {
    expect(rate([placed(6), placed(8)], all(2), all(1), true)).toEqual({
      score: 100,
      rating: 'strong',
      rests_on: 1,
      parts: {
        participation: { value: 1, known: 1, enough_known: true },
        shared_decisions: { value: 1, known: 1, enough_known: true },
        principles: { value: 1, known: 1, enough_known: true },
        criteria: { value: 1, known: 1, enough_known: true },
      },
    });
    expect(rate([placed(1), placed(3)], none(1), none(1), true)).toMatchObject({ score: 0, rating: 'weak', rests_on: 1 });
  });

  it('each part is the share shown, weighed as written', () => {
    // participation 2/4, shared 1/4, principles: each the share of its checks shown (1, 0.5, 0), criteria 2/4:
    // 25·0.5 + 15·0.25 + 35·0.5 + 25·0.5 = 46.25 → 46.
    const score = rate([placed(6), placed(4), placed(3), placed(1)], [judged(2, 0, 0), judged(1, 1, 0), judged(0, 2, 0)], [...all(2), ...none(2)], true);
    expect(Object.fromEntries(Object.entries(score.parts).map(([k, v]) => [k, v.value]))).toEqual({ participation: 0.5, shared_decisions: 0.25, principles: 0.5, criteria: 0.5 });
    expect(score.score).toBe(46);
    expect(score.rating).toBe('developing');
  });

  it('rung 5 is genuine participation but not shared decisions', () => {
    const score = rate([placed(5)], all(1), all(1), true);
    expect(score.parts.participation.value).toBe(1);
    expect(score.parts.shared_decisions.value).toBe(0);
    expect(score.score).toBe(85);
  });

  it.each([
    [0.8, 80, 'strong'],
    [0.6, 60, 'good'],
    [0.4, 40, 'developing'],
    [0.2, 20, 'weak'],
  ] as const)('bands: every part at %d scores %i, %s', (share, expected, band) => {
    const up = Math.round(share * 5);
    const score = rate([...times(up, placed(6)), ...times(5 - up, placed(1))], [...all(up), ...none(5 - up)], [...all(up), ...none(5 - up)], true);
    expect(score.score).toBe(expected);
    expect(score.rating).toBe(band);
  });

  it('what is unknown counts as not shown: an activity not shown to be genuine counts against participation', () => {
    // between(3, 5): not shown to reach rung 4, not known to be below it either.
    const score = rate([placed(6), between(3, 5)], all(1), all(1), true);
    expect(score.parts.participation).toEqual({ value: 0.5, known: 0.5, enough_known: true });
    expect(score.parts.shared_decisions).toEqual({ value: 0.5, known: 1, enough_known: true });
  });

  it('a check the file does not answer counts against its principle; a part less than half known says so, and counts what it shows', () => {
    const score = rate([placed(6)], [judged(1, 0, 1)], [judged(1, 0, 3)], true);
    expect(score.parts.principles).toEqual({ value: 0.5, known: 0.5, enough_known: true });
    expect(score.parts.criteria).toEqual({ value: 0.25, known: 0.25, enough_known: false });
  });

  it('recording a failure never raises the score, even when it makes a part more than half known', () => {
    // Criteria: one check shown of four, the rest unknown; then two of the unknown answered "no".
    const before = rate([placed(6)], all(1), [judged(1, 0, 3)], true);
    const after = rate([placed(6)], all(1), [judged(1, 2, 1)], true);
    expect(after.parts.criteria.enough_known).toBe(true);
    expect(before.parts.criteria.enough_known).toBe(false);
    expect(after.score!).toBeLessThanOrEqual(before.score!);
  });

  it('says how much of its weight rests on what is known, and below half gives the score but no rating', () => {
    const score = rate([between(1, 8)], all(1), unknown(1), true);
    expect(score.rests_on).toBeCloseTo(0.35);
    // Only the principles are shown: 35 of 100, not rated.
    expect(score).toMatchObject({ score: 35, rating: 'not enough evidence' });
    // Participation and shared decisions known, principles known: 75 of 100.
    expect(rate([placed(6)], all(1), unknown(1), true)).toMatchObject({ score: 75, rating: 'good', rests_on: 0.75 });
  });

  it('a plan with no activity on the ladder, or no group with lived experience, has no score', () => {
    expect(rate([], all(1), all(1), true).score).toBeNull();
    expect(rate([placed(6)], all(1), all(1), false).score).toBeNull();
  });

  it('a plan whose activities all involve nobody with lived experience scores 0 on the ladder parts, known', () => {
    const score = rate([], all(1), all(1), true, 2);
    expect(score.parts.participation).toEqual({ value: 0, known: 1, enough_known: true });
    expect(score.parts.shared_decisions).toEqual({ value: 0, known: 1, enough_known: true });
    expect(score).toMatchObject({ score: 60, rating: 'good' });
    // Bringing one of them onto the ladder, not shown to be genuine, never raises it.
    expect(rate([between(1, 8)], all(1), all(1), true, 1).score!).toBeLessThanOrEqual(60);
  });

  it('disagreeing facts count as known: leaving one of them out never gives a plan a rating it lacked', () => {
    const disputed: Placement = { ...between(2, 8), disagreements: [{ fact: 'own_view', recorded: 'no', implied: 'yes', implication: 'decisions-view', from: ['decisions: shared'], premises: ['decisions'], reason: '' }] } as Placement;
    expect(rate([disputed], all(1), all(1), true).parts.participation).toEqual({ value: 0, known: 1, enough_known: true });
  });

  it('leaving a fact out never raises it: answering an unknown check either way never lowers the score', () => {
    const before = rate([placed(6)], [judged(1, 0, 1)], all(1), true).score!;
    for (const answer of [judged(2, 0, 0), judged(1, 1, 0)]) expect(rate([placed(6)], [answer], all(1), true).score!).toBeGreaterThanOrEqual(before);
  });

  it('findings do not change the score: the poor example scores the same whatever --fail-on is', () => {
    const a = auditJson([POOR, '--fail-on', 'never']).run.projects[0]!.summary;
    const b = auditJson([POOR]).run.projects[0]!.summary;
    expect(a.score).toBe(b.score);
    expect(a.rating).toBe('weak');
  });
});
