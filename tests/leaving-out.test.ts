/**
 * Leaving a fact out must never help a plan.
 *
 * With --strict (for funders reviewing files they did not write), removing any
 * one fact from a project file, or writing it as `unknown`, never raises the
 * score or any activity's evidenced rung, never turns a failing --min-rung,
 * --min-shared or --min-score gate into a pass, and never clears an error
 * without an error of the same rule, about the same activity, taking its place.
 *
 * Without --strict, an unrecorded red flag is taken as absent, so removing one
 * may raise a rung: but only with a visible proviso naming the red flag the
 * file no longer shows.
 *
 * Proved over every fact in every example, and over generated plans.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document } from 'yaml';
import { auditProject } from '../src/audit/auditProject.js';
import type { ProjectAudit } from '../src/audit/result.js';
import { gateOf, type Gate } from '../src/batch/audit-target.js';
import { loadProject } from '../src/index.js';
import { ROOT } from './cli.js';

const TODAY = '2026-11-29';
/** Generated plans per run; about a tenth of a second each. Raise it to search harder: COPROD_PROPERTY_RUNS=5000. */
const RUNS = Number(process.env['COPROD_PROPERTY_RUNS'] ?? 100);

/**
 * Keys that are not facts about how people take part: names and descriptions, the
 * project's own claims and targets (a claim never helps, and is checked elsewhere),
 * the ids and group lists that tie the file together, evidence and waivers.
 */
const NOT_FACTS = new Set([
  'version', 'id', 'name', 'who', 'organisation', 'summary', 'illustrative', 'currency',
  'claimed_rung', 'described_as', 'target_rung', 'groups', 'evidence', 'waivers',
]);

type Path = Array<string | number>;

/** Every fact in the file: each key's value, and each item of a list of plain words. */
function factPaths(doc: Document): Path[] {
  const paths: Path[] = [];
  const walk = (node: unknown, path: Path): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        if (NOT_FACTS.has(key)) continue;
        paths.push([...path, key]);
        walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        // Whole groups and activities are not facts; a word in a list is.
        if (isScalar(item)) paths.push([...path, i]);
        else walk(item, [...path, i]);
      });
    }
  };
  walk(doc.contents, []);
  return paths;
}

function auditText(text: string, strict: boolean): ProjectAudit | undefined {
  const loaded = loadProject('plan.yaml', text);
  if (!loaded.ok) return undefined;
  return auditProject(loaded.loaded, { today: TODAY, strict });
}

/** The file with one fact left out, and with it written as `unknown` where the schema allows that. */
function variants(text: string, path: Path): string[] {
  const out: string[] = [];
  const cut = parseDocument(text);
  cut.deleteIn(path);
  out.push(cut.toString());
  const value = parseDocument(text).getIn(path);
  if (value !== 'unknown' && (typeof value === 'string' || typeof value === 'boolean')) {
    const unknown = parseDocument(text);
    unknown.setIn(path, 'unknown');
    out.push(unknown.toString());
  }
  return out;
}

const floorOf = (a: ProjectAudit['activities'][number]): number => a.placement.rung ?? 0;

const GATES: Gate[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((minRung): Gate => ({ failOn: 'never', minRung })),
  ...[0.01, 0.25, 0.5, 0.75, 1].map((minShared): Gate => ({ failOn: 'never', minShared })),
  ...[1, 25, 50, 60, 75, 90, 100].map((minScore): Gate => ({ failOn: 'never', minScore })),
];

const describeGate = (g: Gate): string =>
  g.minRung !== undefined ? `--min-rung ${g.minRung}` : g.minShared !== undefined ? `--min-shared ${g.minShared}` : `--min-score ${g.minScore}`;

/** Every way the cut file does better than the full one, with --strict: none is allowed. */
function strictGains(full: ProjectAudit, cut: ProjectAudit): string[] {
  const gains: string[] = [];
  const before = full.summary.score;
  const after = cut.summary.score;
  if (after !== null && (before === null || after > before)) gains.push(`score ${before} → ${after}`);
  for (const a of cut.activities) {
    const was = full.activities.find((b) => b.id === a.id)!;
    if (floorOf(a) > floorOf(was)) gains.push(`${a.id} evidenced rung ${was.placement.rung} → ${a.placement.rung}`);
    if (was.placement.verdict !== 'no_community' && a.placement.verdict === 'no_community') gains.push(`${a.id} taken off the ladder`);
  }
  for (const gate of GATES) {
    if (gateOf(full, gate).reasons.length > 0 && gateOf(cut, gate).reasons.length === 0) gains.push(`${describeGate(gate)} now passes`);
  }
  const errors = (p: ProjectAudit): Array<[string, string | undefined]> => p.findings.filter((f) => f.severity === 'error' && !f.waived).map((f) => [f.rule, f.activity]);
  const after_ = errors(cut);
  for (const [rule, activity] of errors(full)) {
    if (!after_.some(([r, a]) => r === rule && a === activity)) gains.push(`error ${rule}${activity ? ` on ${activity}` : ''} cleared`);
  }
  return gains;
}

/**
 * Without --strict: every rise in a rung or the score comes with a visible proviso: one the full file did
 * not need, or one about the very fact left out ("rung 6, provided it is not a board where … can be outvoted").
 */
function defaultGainsWithoutProviso(full: ProjectAudit, cut: ProjectAudit, path: Path): string[] {
  const gains: string[] = [];
  // The fact a proviso would name: an activity's own key, or, for a group, who takes part.
  const removed = path[0] === 'activities' ? path[2] : path[0] === 'people' ? 'groups' : undefined;
  const newProviso = (id: string): boolean => {
    const was = full.activities.find((b) => b.id === id)!.placement.provisos.map((p) => p.flag);
    return cut.activities.find((a) => a.id === id)!.placement.provisos.some((p) => !was.includes(p.flag) || p.fact === removed);
  };
  for (const a of cut.activities) {
    const was = full.activities.find((b) => b.id === a.id)!;
    // Coming onto the ladder is not climbing it: without --strict, a description of the lived experience a
    // group brings counts once `experience_of_issue: none` is gone. --strict, above, does not allow it.
    if (was.placement.verdict === 'no_community') continue;
    if (floorOf(a) > floorOf(was) && !newProviso(a.id)) gains.push(`${a.id} evidenced rung ${was.placement.rung} → ${a.placement.rung} with no new proviso`);
  }
  // From no score to a score is not compared here: leaving out one side of two disagreeing facts can make
  // the audit surer (and lower) at once. --strict, below, counts it as a gain.
  const before = full.summary.score;
  const after = cut.summary.score;
  if (after !== null && before !== null && after > before && !cut.activities.some((a) => newProviso(a.id))) gains.push(`score ${before} → ${after} with no new proviso`);
  return gains;
}

function check(text: string, label: string): { removals: number } {
  const doc = parseDocument(text);
  const full = { strict: auditText(text, true)!, lenient: auditText(text, false)! };
  expect(full.strict, label).toBeDefined();
  let removals = 0;
  const problems: string[] = [];
  for (const path of factPaths(doc)) {
    for (const cutText of variants(text, path)) {
      const strict = auditText(cutText, true);
      // Some cuts leave a file the schema refuses (a seats block without its seat count): that is exit 2, not a pass.
      if (!strict) continue;
      removals++;
      const lenient = auditText(cutText, false)!;
      for (const gain of strictGains(full.strict, strict)) problems.push(`${label}: without ${path.join('.')}: --strict: ${gain}`);
      // Without --strict a group's description of its lived experience answers the question once
      // `experience_of_issue` is gone: that is what the description is for. --strict does not allow it.
      const describedGroup = path[0] === 'people' && path[2] === 'experience_of_issue' && doc.getIn([path[0], path[1], 'lived_experience']) !== undefined;
      if (describedGroup) continue;
      for (const gain of defaultGainsWithoutProviso(full.lenient, lenient, path)) problems.push(`${label}: without ${path.join('.')}: ${gain}`);
    }
  }
  expect(problems).toEqual([]);
  return { removals };
}

describe('leaving a fact out never helps: every fact of every example', () => {
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
  it.each(examples)('%s', (file) => {
    const { removals } = check(readFileSync(join(ROOT, 'examples', file), 'utf8'), file);
    expect(removals).toBeGreaterThan(40);
  });
});

// ---- Generated plans --------------------------------------------------------

const yesNo = fc.constantFrom('yes', 'no', 'unknown');
const yesPartlyNo = fc.constantFrom('yes', 'partly', 'no', 'unknown');
const optional = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: 3 });

const group = (id: string): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    {
      id: fc.constant(id),
      lived_experience: optional(fc.constant('Living with the issue the work is about.')),
      experience_of_issue: optional(fc.constantFrom('direct', 'close', 'none', 'unknown')),
      payment: optional(fc.record({ paid: yesNo, choice_of_how: optional(yesNo), benefits_advice: optional(yesNo) }, { requiredKeys: ['paid'] })),
      expenses_covered: optional(yesNo),
      support: optional(fc.subarray(['travel', 'childcare', 'peer_support', 'food'], { minLength: 1 })),
      training: optional(yesNo),
      range_of_experience: optional(fc.constantFrom('narrow', 'some', 'wide', 'unknown')),
    },
    { requiredKeys: ['id'] },
  );

const seats = fc.oneof(
  fc.constant('none'),
  fc.integer({ min: 1, max: 12 }).chain((total) =>
    fc.record(
      { held: fc.integer({ min: 0, max: total }), total: fc.constant(total), can_be_outvoted: optional(yesNo), briefed: optional(yesNo), shape_agenda: optional(yesNo) },
      { requiredKeys: ['held', 'total'] },
    ),
  ),
);

const activity = (id: string, groups: string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.record(
    {
      id: fc.constant(id),
      name: fc.constant(`Activity ${id}`),
      stage: optional(fc.constantFrom('agenda_setting', 'design', 'commissioning', 'delivery', 'evaluation')),
      groups: fc.subarray(groups, { minLength: 1 }),
      started_by: optional(fc.constantFrom('organisation', 'community', 'unknown')),
      understood_purpose: optional(yesPartlyNo),
      chose_to_take_part: optional(yesNo),
      meaningful_role: optional(yesNo),
      own_view: optional(fc.constantFrom('yes', 'limited', 'no', 'unknown')),
      views_acted_on: optional(yesPartlyNo),
      feedback: optional(yesNo),
      decisions: optional(fc.constantFrom('organisation', 'shared', 'community', 'unknown')),
      presented_as_theirs: optional(yesNo),
      seats: optional(seats),
      recorded: optional(yesNo),
    },
    { requiredKeys: ['id', 'name', 'groups'] },
  );

const plan: fc.Arbitrary<string> = fc
  .record({ groups: fc.integer({ min: 1, max: 2 }), activities: fc.integer({ min: 1, max: 3 }) })
  .chain(({ groups, activities }) => {
    const groupIds = Array.from({ length: groups }, (_, i) => `group-${i + 1}`);
    return fc.record({
      people: fc.tuple(...groupIds.map(group)),
      activities: fc.tuple(...Array.from({ length: activities }, (_, i) => activity(`activity-${i + 1}`, groupIds))),
      practice: optional(fc.record({ lived_experience_in_team: optional(yesNo), capacity_building: optional(yesNo), professional_support: optional(yesNo) })),
      budget: optional(fc.record({ total: fc.constant(10000), participation: fc.integer({ min: 0, max: 5000 }), covers_unseen_work: optional(yesNo) }, { requiredKeys: ['total', 'participation'] })),
    });
  })
  .map(({ people, activities, practice, budget }) => {
    const drop = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return stringify({
      version: 1,
      project: drop({ name: 'A generated plan', budget: budget && drop(budget) }),
      ...(practice ? { practice: drop(practice) } : {}),
      people: people.map(drop),
      activities: activities.map(drop).map((a) => (a['seats'] && typeof a['seats'] === 'object' ? { ...a, seats: drop(a['seats'] as Record<string, unknown>) } : a)),
    });
  });

describe('leaving a fact out never helps: generated plans', () => {
  it('for every fact of every generated plan, with and without --strict', () => {
    fc.assert(
      fc.property(plan, (text) => {
        // Every generated plan is a valid project file.
        expect(loadProject('plan.yaml', text).ok, text).toBe(true);
        check(text, 'generated plan');
      }),
      { numRuns: RUNS },
    );
  }, 60_000 + RUNS * 500);
});

describe('the board seats cut from the food bank example', () => {
  // The seven lines about the board seats, with own_view and decisions: what a plan would leave out to look better.
  it('with --strict, scores no higher and fails the same gates as the full file', () => {
    const text = readFileSync(join(ROOT, 'examples/food-bank-lived-experience-panel.yaml'), 'utf8');
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l === '  - id: board-seats');
    const cut = lines.filter((line, i) => !(i > start && /^ {4}(own_view|decisions|seats):|^ {6}(held|total|can_be_outvoted|briefed|shape_agenda):/.test(line) && i < start + 30)).join('\n');
    expect(cut.split('\n').length).toBe(lines.length - 8);
    const full = auditText(text, true)!;
    const after = auditText(cut, true)!;
    expect(after.summary.score!).toBeLessThanOrEqual(full.summary.score!);
    for (const gate of [...GATES, { failOn: 'error' } as Gate, { failOn: 'warning' } as Gate]) {
      expect(gateOf(after, gate).reasons.length > 0 || gateOf(after, gate).over > 0, describeGate(gate)).toBe(gateOf(full, gate).reasons.length > 0 || gateOf(full, gate).over > 0);
    }
    expect(after.summary.findings.error).toBeGreaterThanOrEqual(full.summary.findings.error);
  });
});
