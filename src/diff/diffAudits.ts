/**
 * Compares two audits of the same project (an older and a newer version):
 * activities added and removed, activities that moved up or down the ladder
 * and the facts that changed, findings introduced and resolved, and the
 * change in the summary. Pure.
 */
import { FACTS, type FactKey } from '../ladder/facts.js';
import type { ActivityAudit, Finding, ProjectAudit, ProjectSummary } from '../audit/result.js';
import type { Placement } from '../ladder/placeActivity.js';
import { lowerFirst } from '../plain-english.js';

export interface FactChange {
  fact: FactKey;
  before?: string;
  after?: string;
  text: string;
}

/** Where an activity stood in one version: its evidenced rung, the highest its facts allowed, and the red flags it was provided on. */
export interface Standing {
  verdict: Placement['verdict'];
  rung: number | null;
  ceiling: number | null;
  provisos: string[];
}

export interface Movement {
  id: string;
  name: string;
  /**
   * up or down: the evidenced rung rose or fell.
   * lost-red-flag: the evidenced rung rose, or holds, only because a red flag the older version recorded is no longer recorded.
   * lost-evidence: the evidenced rung is the same, but a fact that was recorded no longer is, so more is possible than the file shows.
   * unclear: the range of possible rungs changed, the evidenced rung did not, and nothing recorded was lost.
   */
  direction: 'up' | 'down' | 'lost-red-flag' | 'lost-evidence' | 'unclear';
  before: Standing;
  after: Standing;
  /** Where the activity is in the newer file. */
  line: number;
  column: number;
  facts: FactChange[];
}

export interface ProjectDiff {
  old_file: string;
  new_file: string;
  name: string;
  added: Array<{ id: string; name: string; standing: Standing; line: number; column: number }>;
  removed: Array<{ id: string; name: string; standing: Standing }>;
  moved: Movement[];
  introduced: Finding[];
  resolved: Finding[];
  summary: { before: ProjectSummary; after: ProjectSummary };
}

/**
 * A finding is the same finding across versions when its rule, message id,
 * activity and place in the file (by ids) match: lines may shift and wording
 * may change, and it is still the same finding.
 */
function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.message_id}\u0000${f.activity ?? ''}\u0000${f.path}`;
}

function standing(a: ActivityAudit): Standing {
  return { verdict: a.placement.verdict, rung: a.placement.rung, ceiling: a.placement.ceiling, provisos: a.placement.provisos.map((p) => p.flag) };
}

/**
 * Up or down by the evidenced rung, the floor. A floor that rose only because
 * a recorded red flag went missing (a new proviso) is lost evidence, never a
 * climb; so is a wider range from a fact that is no longer recorded.
 */
function direction(before: ActivityAudit, after: ActivityAudit, facts: readonly FactChange[]): Movement['direction'] | undefined {
  const b = before.placement;
  const a = after.placement;
  const floor = (p: typeof a): number => p.rung ?? 0;
  // A proviso that is new because the red flag it is about was recorded before and is not now.
  const unrecorded = new Set(facts.filter((f) => f.after === undefined).map((f) => f.fact as string));
  const lostFlags = a.provisos.filter((p) => !b.provisos.some((q) => q.flag === p.flag) && unrecorded.has(p.fact));
  if (floor(a) === floor(b) && a.ceiling === b.ceiling && lostFlags.length === 0) return undefined;
  if (floor(a) < floor(b)) return 'down';
  if (lostFlags.length > 0) return 'lost-red-flag';
  if (floor(a) > floor(b)) return 'up';
  return unrecorded.size > 0 ? 'lost-evidence' : 'unclear';
}

function describeFact(fact: FactKey, before: string | undefined, after: string | undefined): string {
  const says = (value: string | undefined): string =>
    value === undefined ? 'unknown' : fact === 'seats' && value === 'none' ? 'It is not a board or panel.' : (FACTS[fact].says[value] ?? value);
  if (after === undefined) return `No longer recorded (was: ${lowerFirst(says(before))})`;
  if (before === undefined) return `Now recorded: ${says(after)}`;
  return `${says(after)} (was: ${lowerFirst(says(before))})`;
}


export function diffAudits(before: ProjectAudit, after: ProjectAudit): ProjectDiff {
  const oldById = new Map(before.activities.map((a) => [a.id, a]));
  const newById = new Map(after.activities.map((a) => [a.id, a]));

  const added = after.activities.filter((a) => !oldById.has(a.id)).map((a) => ({ id: a.id, name: a.name, standing: standing(a), line: a.line, column: a.column }));
  const removed = before.activities.filter((a) => !newById.has(a.id)).map((a) => ({ id: a.id, name: a.name, standing: standing(a) }));

  const moved: Movement[] = [];
  for (const now of after.activities) {
    const then = oldById.get(now.id);
    if (!then) continue;
    const keys = new Set([...Object.keys(then.facts), ...Object.keys(now.facts)] as FactKey[]);
    const facts: FactChange[] = [];
    for (const fact of Object.keys(FACTS) as FactKey[]) {
      if (!keys.has(fact) || then.facts[fact] === now.facts[fact]) continue;
      const change: FactChange = { fact, text: describeFact(fact, then.facts[fact], now.facts[fact]) };
      if (then.facts[fact] !== undefined) change.before = then.facts[fact];
      if (now.facts[fact] !== undefined) change.after = now.facts[fact];
      facts.push(change);
    }
    const way = direction(then, now, facts);
    if (!way) continue;
    moved.push({ id: now.id, name: now.name, direction: way, before: standing(then), after: standing(now), line: now.line, column: now.column, facts });
  }

  const oldKeys = new Set(before.findings.map(findingKey));
  const newKeys = new Set(after.findings.map(findingKey));
  return {
    old_file: before.file,
    new_file: after.file,
    name: after.name,
    added,
    removed,
    moved,
    introduced: after.findings.filter((f) => !oldKeys.has(findingKey(f))),
    resolved: before.findings.filter((f) => !newKeys.has(findingKey(f))),
    summary: { before: before.summary, after: after.summary },
  };
}
