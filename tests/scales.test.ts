import { describe, expect, it } from 'vitest';
import { equivalentOf, SCALES, scaleById } from '../src/scales/scales.js';
import { RUNGS } from '../src/ladder/rungs.js';
import { runCli } from './cli.js';

/** The nearest equivalent of each rung, 1 to 8, on each scale: the table the module must hold. */
const EXPECTED: Record<string, Array<string | null>> = {
  hart: ['Manipulation', 'Decoration', 'Tokenism', 'Assigned but informed', 'Consulted and informed', 'Adult-initiated, shared decisions with children', 'Child-initiated and directed', 'Child-initiated, shared decisions with adults'],
  arnstein: ['Manipulation', 'Therapy', 'Informing', 'Consultation', 'Placation', 'Partnership', 'Citizen control', 'Delegated power'],
  iap2: [null, null, 'Inform', 'Inform', 'Consult', 'Collaborate', 'Empower', 'Empower'],
  tlap: ['Coercion', 'Educating', 'Informing', 'Consultation', 'Engagement', 'Co-production', 'Co-production', 'Co-production'],
  partos: ['0 Excluded', '0 Excluded', '1 Informed', '1 Informed', '2 Consulted', '3 Co-decides', '4 Decides', '3 Co-decides'],
};

const rows = Object.entries(EXPECTED).flatMap(([scale, levels]) => levels.map((level, i) => [scale, i + 1, level] as const));

describe('every rung on every scale', () => {
  it.each(rows)('%s: rung %i → %s', (scaleId, rung, level) => {
    const scale = scaleById(scaleId)!;
    const reading = equivalentOf(scale, { rung, lowest: rung, highest: rung });
    expect(reading.scale).toBe(scaleId);
    expect(reading.level).toBe(level);
    expect(reading.reason.length).toBeGreaterThan(10);
  });

  it('covers all five scales, each with one equivalent per rung that names a level of its own', () => {
    expect(SCALES.map((s) => s.id)).toEqual(['hart', 'arnstein', 'iap2', 'tlap', 'partos']);
    for (const scale of SCALES) {
      expect(scale.equivalents).toHaveLength(RUNGS.length);
      for (const e of scale.equivalents) if (e.level !== null) expect(scale.levels.map((l) => l.id)).toContain(e.level);
      expect(scale.attribution.length).toBeGreaterThan(10);
    }
  });

  it('credits TLAP and its National Co-production Advisory Group, and names IAP2 levels only', () => {
    expect(scaleById('tlap')!.attribution).toContain('National Co-production Advisory Group');
    expect(scaleById('iap2')!.attribution).toContain('Level names only');
    expect(scaleById('iap2')!.levels.map((l) => l.name)).toEqual(['Inform', 'Consult', 'Involve', 'Collaborate', 'Empower']);
  });

  it('an activity not yet placed spans the levels from its evidenced rung to the highest its facts allow', () => {
    const iap2 = scaleById('iap2')!;
    expect(equivalentOf(iap2, { rung: 5, ceiling: 6 }).level).toBe('Consult to Collaborate');
    expect(equivalentOf(iap2, { rung: 5, ceiling: 6 }).reason).toBe('The evidence proves rung 5 and allows up to rung 6, so the equivalent spans that range.');
    expect(equivalentOf(scaleById('tlap')!, { rung: 6, ceiling: 8 }).level).toBe('Co-production');
    expect(equivalentOf(iap2, { rung: 1, ceiling: 3 }).level).toBe('no equivalent to Inform');
    // Placed: the one level for that rung.
    expect(equivalentOf(iap2, { rung: 5, ceiling: 5 }).level).toBe('Consult');
    // Not shown to be on the ladder at all: from rung 1 up to what the facts allow.
    expect(equivalentOf(iap2, { rung: null, ceiling: 3 }).level).toBe('no equivalent to Inform');
  });
});

describe('coprod explain scale-<name>', () => {
  it.each(SCALES.map((s) => [s.id, s.name] as const))('scale-%s shows the whole table with its reasoning', (id, name) => {
    const result = runCli(['explain', `scale-${id}`]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(name);
    const scale = scaleById(id)!;
    for (const [i, r] of RUNGS.entries()) {
      expect(result.stdout).toContain(`${r.number} ${r.name}`);
      expect(result.stdout).toContain(scale.equivalents[i]!.reason);
    }
    expect(result.stdout).toContain('approximate');
    expect(result.stdout).toContain(`coprod audit FILES --scale ${id}`);
  });

  it('a near miss is suggested', () => {
    const result = runCli(['explain', 'scale-arnstien']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Did you mean `scale-arnstein`?');
  });
});

describe('coprod audit --scale', () => {
  it('adds the nearest equivalent to every activity in the JSON result', () => {
    const result = runCli(['audit', 'examples/family-led-initiative.yaml', '--format', 'json', '--scale', 'arnstein', '--fail-on', 'never']);
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout) as { projects: Array<{ activities: Array<{ placement: { rung: number }; equivalent: { scale: string; level: string; reason: string } }> }> };
    for (const a of run.projects[0]!.activities) {
      expect(a.equivalent.scale).toBe('arnstein');
      expect(a.equivalent.level).toBe(EXPECTED['arnstein']![a.placement.rung - 1]);
    }
  });

  it('shows it in the terminal report, and leaves it out without --scale', () => {
    const withScale = runCli(['audit', 'examples/in-work-poverty-co-commissioning.yaml', '--scale', 'partos', '--fail-on', 'never']);
    expect(withScale.stdout.replace(/\s+/g, ' ')).toContain('Nearest on Partos power-awareness scale (per decision): 3 Co-decides. The community and the organisation decide together.');
    const without = runCli(['audit', 'examples/in-work-poverty-co-commissioning.yaml', '--fail-on', 'never']);
    expect(without.stdout).not.toContain('Nearest on');
  });

  it('refuses a scale it does not know', () => {
    const result = runCli(['audit', 'examples/', '--scale', 'spectrum']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'spectrum' is invalid");
  });
});
