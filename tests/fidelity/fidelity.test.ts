/**
 * The fidelity suite: scenarios a practitioner would place at once, each written
 * up as a project file by a newcomer who read only the README and the schema and
 * recorded only what the scenario states. The audit must place each as the
 * practitioner would, from those thin files, and report what a practitioner would
 * report. One failing scenario names itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditProject } from '../../src/audit/auditProject.js';
import type { ActivityAudit, ProjectAudit } from '../../src/audit/result.js';
import { loadProject } from '../../src/index.js';
import type { Expectation } from './expectation.js';
import { SCENARIOS } from './scenarios.js';

function audit(id: string, strict = false): ProjectAudit {
  const file = `tests/fidelity/plans/${id}.yaml`;
  const loaded = loadProject(file, readFileSync(new URL(`plans/${id}.yaml`, import.meta.url), 'utf8'));
  if (!loaded.ok) throw new Error(`${file} is not a valid project file: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return auditProject(loaded.loaded, { today: '2026-06-01', strict });
}

function activityOf(project: ProjectAudit, expectation: Expectation): ActivityAudit {
  const found = expectation.activity ? project.activities.find((a) => expectation.activity!.test(a.id)) : project.activities[0];
  expect(found, `an activity matching ${String(expectation.activity)}`).toBeDefined();
  return found!;
}

function check(project: ProjectAudit, expectation: Expectation): void {
  const a = activityOf(project, expectation);
  const p = a.placement;
  const said = `${a.id}: ${p.verdict} ${p.rung}-${p.ceiling}`;
  if (expectation.verdict !== undefined) expect(p.verdict, said).toBe(expectation.verdict);
  if (expectation.rung !== undefined) expect(p.rung, said).toBe(expectation.rung);
  if (expectation.ceilingAtMost !== undefined) expect(p.ceiling!, said).toBeLessThanOrEqual(expectation.ceilingAtMost);
  if (expectation.ceilingAtLeast !== undefined) expect(p.ceiling!, said).toBeGreaterThanOrEqual(expectation.ceilingAtLeast);
  if (expectation.firstQuestion !== undefined) expect(p.questions.find((q) => !q.confirms)?.key, said).toBe(expectation.firstQuestion);
  if (expectation.also) check(project, expectation.also);
}

describe('fidelity: placed as a practitioner would place it', () => {
  it('has at least 40 scenarios, each with a description, a plan and a source', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(40);
    for (const s of SCENARIOS) {
      expect(s.description.length, s.id).toBeGreaterThan(40);
      expect(s.source, s.id).toMatch(/\((c\. )?\d{4}\)|\(JRF, n\.d\.\)|\(n\.d\.\)|No community|Too little/);
    }
  });

  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: ${scenario.description.slice(0, 90)}…`, () => {
      const project = audit(scenario.id);
      check(project, scenario.expect);
      const rules = new Set(project.findings.map((f) => f.rule));
      for (const rule of scenario.expect.findings ?? []) expect(rules.has(rule), `expected ${rule}; found ${[...rules].join(', ')}`).toBe(true);
      for (const rule of scenario.expect.notFindings ?? []) expect(rules.has(rule), `did not expect ${rule}`).toBe(false);
      if (scenario.expect.noScore) expect(project.summary.score).toBeNull();
    });
  }
});

describe('fidelity: with --strict, nothing is placed higher than without it', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.id, () => {
      const plain = audit(scenario.id);
      const strict = audit(scenario.id, true);
      plain.activities.forEach((a, i) => {
        const s = strict.activities[i]!.placement;
        expect(s.rung ?? 0, a.id).toBeLessThanOrEqual(a.placement.rung ?? 0);
        expect(s.provisos).toEqual([]);
      });
      expect(strict.summary.score ?? -1).toBeLessThanOrEqual(plain.summary.score ?? -1);
    });
  }
});
