/**
 * Where everything in the drawing of the ladder goes: positions only, no
 * markup, so the layout can be checked on its own (html-ladder.ts draws it).
 * Rungs are bands from 8 at the top to 1, with a strip between participation
 * and non-participation; each activity has a row in its band.
 */
import type { ActivityAudit, ProjectAudit } from '../../audit/result.js';
import { GENUINE_FROM, RUNGS } from '../../ladder/rungs.js';

export const SVG_WIDTH = 960;
export const RAIL_LEFT = 22;
export const RAIL_RIGHT = 78;
export const NAME_X = 92;
export const MARKERS_FROM = 390;
export const LANE = 14;
export const MAX_LANES_WIDTH = 180;
export const ROW = 26;
export const PAD = 9;
export const LINE = 16;
export const STRIP = 30;
export const CHAR_WIDTH = 7.2;

/** Splits a rung's name into lines of at most `width` characters, at spaces. */
function wrapWords(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The activity claims a rung (in a claimed rung or in words) above the highest its facts allow. */
export function claimsAbove(a: ActivityAudit): boolean {
  return a.claim !== undefined && a.placement.verdict !== 'no_community' && a.claim.rung > a.placement.ceiling!;
}

/** Drawn on a rung: its floor is settled, or it is at least on it. */
export function onRung(a: ActivityAudit, rung: number): boolean {
  return (a.placement.verdict === 'placed' || a.placement.verdict === 'at_least') && a.placement.rung === rung;
}

export interface Band {
  rung: number;
  top: number;
  height: number;
  names: string[];
  evidenced: ActivityAudit[];
  claims: ActivityAudit[];
  /** Activities that participants' own answers place on this rung, when it differs from the evidence. */
  theirs: ActivityAudit[];
}

/** Participants' own answers place the activity on a rung other than the organisation's facts do. */
export function participantsDiffer(a: ActivityAudit): boolean {
  return a.perspective !== undefined && a.perspective.placement.rung !== null && a.perspective.placement.rung !== a.placement.rung;
}

export interface LadderLayout {
  activities: readonly ActivityAudit[];
  /** Activities that claim a rung above the highest their facts allow. */
  claimants: ActivityAudit[];
  /** Activities whose facts cannot yet tell genuine participation from non-participation. */
  unplaced: ActivityAudit[];
  /** Where the markers stand, where their labels start, and how many characters a label has room for. */
  markerX: number;
  labelX: number;
  labelChars: number;
  /** The rungs' bands, from the top. */
  bands: Band[];
  /** The middle of each activity's row: on its rung, or in the band below the ladder when unplaced. */
  evidenceY: Map<ActivityAudit, number>;
  /** The middle of each claimed rung's row. */
  claimY: Map<ActivityAudit, number>;
  /** Where participants' own placement is drawn, when it differs from the facts. */
  participantsY: Map<ActivityAudit, number>;
  /** The claims in the order of their arrows' lanes, and the x of each lane. */
  lanes: ActivityAudit[];
  laneX: Map<ActivityAudit, number>;
  /** Where the rails end, where the band of unplaced activities starts (0 when there is none), and the whole height. */
  railsBottom: number;
  unplacedTop: number;
  totalHeight: number;
}

export function ladderLayout(project: ProjectAudit): LadderLayout {
  const activities = project.activities;
  const claimants = activities.filter(claimsAbove);
  const unplaced = activities.filter((a) => a.placement.verdict === 'not_enough_evidence');
  // Each claim's arrow has a lane of its own; with many claims the lanes narrow, so labels keep their room.
  const lane = claimants.length > 0 ? Math.min(LANE, MAX_LANES_WIDTH / claimants.length) : LANE;
  const markerX = Math.round(MARKERS_FROM + claimants.length * lane + 12);
  const labelX = Math.round(markerX + 14);
  const labelChars = Math.max(16, Math.floor((SVG_WIDTH - labelX - 10) / CHAR_WIDTH));

  const bands: Band[] = [];
  const evidenceY = new Map<ActivityAudit, number>();
  let y = STRIP;
  for (const r of [...RUNGS].reverse()) {
    if (r.number === GENUINE_FROM - 1) y += STRIP;
    const evidenced = activities.filter((a) => onRung(a, r.number));
    const claims = claimants.filter((a) => a.claim!.rung === r.number);
    const theirs = activities.filter((a) => participantsDiffer(a) && a.perspective!.placement.rung === r.number);
    const names = wrapWords(r.name, 32);
    const height = Math.max(Math.max(1, evidenced.length + claims.length + theirs.length) * ROW, names.length * LINE + 4) + 2 * PAD;
    const band: Band = { rung: r.number, top: y, height, names, evidenced, claims, theirs };
    bands.push(band);
    evidenced.forEach((a, i) => evidenceY.set(a, rowY(band, i)));
    y += height;
  }
  const railsBottom = y;
  let unplacedTop = 0;
  if (unplaced.length > 0) {
    unplacedTop = y + 12;
    unplaced.forEach((a, i) => evidenceY.set(a, unplacedTop + STRIP + PAD + i * ROW + ROW / 2));
    y = unplacedTop + STRIP + unplaced.length * ROW + 2 * PAD;
  }
  const totalHeight = y + 1;
  // A claimed marker sits below the evidenced ones on its rung; the claim whose evidence is lowest comes first.
  const claimY = new Map<ActivityAudit, number>();
  for (const band of bands) {
    [...band.claims]
      .sort((a, b) => evidenceY.get(b)! - evidenceY.get(a)!)
      .forEach((a, i) => claimY.set(a, rowY(band, band.evidenced.length + i)));
  }
  const lanes = [...claimants].sort((a, b) => evidenceY.get(b)! - claimY.get(b)! - (evidenceY.get(a)! - claimY.get(a)!));
  const laneX = new Map(lanes.map((a, index) => [a, Math.round(MARKERS_FROM + index * lane + 6)]));
  // Participants' own placement sits below the claims on its rung.
  const participantsY = new Map<ActivityAudit, number>();
  for (const band of bands) band.theirs.forEach((a, i) => participantsY.set(a, rowY(band, band.evidenced.length + band.claims.length + i)));
  return { activities, claimants, unplaced, markerX, labelX, labelChars, bands, evidenceY, claimY, participantsY, lanes, laneX, railsBottom, unplacedTop, totalHeight };
}

export function rowY(band: Band, index: number): number {
  const rows = band.evidenced.length + band.claims.length + band.theirs.length;
  return band.top + band.height / 2 - (rows * ROW) / 2 + index * ROW + ROW / 2;
}
