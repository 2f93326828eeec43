/**
 * The layout of the HTML report's ladder drawing, on its own: positions only,
 * checked for every example (with the participants' own answers for the one
 * that has them, and with and without --strict), before any SVG is made of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditProject, loadProject, type ProjectAudit } from '../src/index.js';
import { gatherViews, loadPerspectives } from '../src/perspectives/perspectives.js';
import { GENUINE_FROM } from '../src/ladder/rungs.js';
import { ladderLayout, STRIP } from '../src/report/formatters/ladder-layout.js';
import { ROOT } from './cli.js';

/** Every example, as a plan and with --strict (which leaves some activities unplaced). */
function audits(): ProjectAudit[] {
  const views = loadPerspectives('views.yaml', readFileSync(join(ROOT, 'examples/perspectives/grants-search-partners-views.yaml'), 'utf8'));
  if (!views.ok) throw new Error('the example perspectives file does not load');
  return readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const loaded = loadProject(f, readFileSync(join(ROOT, 'examples', f), 'utf8'));
      if (!loaded.ok) throw new Error(`${f} does not load`);
      const mine = [views.loaded].filter((v) => v.project === undefined || v.project === loaded.loaded.project.project.name);
      const gathered = mine.length > 0 ? gatherViews(mine, loaded.loaded.project) : undefined;
      const config = { today: '2026-06-01', ...(gathered?.ok ? { views: gathered.views } : {}) };
      return [auditProject(loaded.loaded, config), auditProject(loaded.loaded, { ...config, strict: true })];
    })
    .flat();
}

describe('ladderLayout', () => {
  const all = audits().map((project) => ({ project, layout: ladderLayout(project) }));

  it('stacks the rungs from 8 down to 1 without gaps, with a strip above the top and above non-participation', () => {
    for (const { layout } of all) {
      expect(layout.bands.map((b) => b.rung)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
      let top = STRIP;
      for (const band of layout.bands) {
        if (band.rung === GENUINE_FROM - 1) top += STRIP;
        expect(band.top).toBe(top);
        expect(band.height).toBeGreaterThan(0);
        top += band.height;
      }
      expect(layout.railsBottom).toBe(top);
      expect(layout.totalHeight).toBeGreaterThan(Math.max(layout.railsBottom, ...layout.evidenceY.values()));
    }
  });

  it('puts each activity on the rung its facts prove, claims below them on the claimed rung, and the unplaced below the ladder', () => {
    let claims = 0;
    let unplaced = 0;
    let theirs = 0;
    for (const { project, layout } of all) {
      const band = (rung: number) => layout.bands.find((b) => b.rung === rung)!;
      const inside = (y: number, rung: number): boolean => y > band(rung).top && y < band(rung).top + band(rung).height;
      for (const a of project.activities) {
        const y = layout.evidenceY.get(a);
        if (a.placement.verdict === 'placed' || a.placement.verdict === 'at_least') expect(inside(y!, a.placement.rung!)).toBe(true);
        else if (a.placement.verdict === 'not_enough_evidence') {
          unplaced++;
          expect(layout.unplacedTop).toBeGreaterThan(layout.railsBottom);
          expect(y!).toBeGreaterThan(layout.unplacedTop);
          expect(y!).toBeLessThan(layout.totalHeight);
        } else expect(y).toBeUndefined();
      }
      for (const a of layout.claimants) {
        claims++;
        const y = layout.claimY.get(a)!;
        expect(inside(y, a.claim!.rung)).toBe(true);
        for (const other of band(a.claim!.rung).evidenced) expect(y).toBeGreaterThan(layout.evidenceY.get(other)!);
      }
      for (const [a, y] of layout.participantsY) {
        theirs++;
        expect(inside(y, a.perspective!.placement.rung!)).toBe(true);
      }
    }
    // The examples hold each kind of marker, so none of the checks above is empty.
    expect(claims).toBeGreaterThan(0);
    expect(unplaced).toBeGreaterThan(0);
    expect(theirs).toBeGreaterThan(0);
  });

  it('gives each claim an arrow lane of its own, left of the markers, and labels room to the right of them', () => {
    for (const { layout } of all) {
      const xs = layout.lanes.map((a) => layout.laneX.get(a)!);
      expect(xs).toEqual([...xs].sort((a, b) => a - b));
      expect(new Set(xs).size).toBe(xs.length);
      for (const x of xs) expect(x).toBeLessThan(layout.markerX);
      expect(layout.labelX).toBeGreaterThan(layout.markerX);
      expect(layout.labelChars).toBeGreaterThanOrEqual(16);
    }
  });
});
