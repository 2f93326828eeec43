/**
 * Compares two audits of the same project (an older and a newer version):
 * activities added and removed, activities that moved up or down the ladder
 * and the facts that changed, findings introduced and resolved, and the
 * change in the summary. Pure.
 */
import { FACTS, type FactKey } from '../ladder/facts.js';
import type { ActivityAudit, Finding, ProjectAudit, ProjectSummary } from '../audit/result.js';
import { lowerFirst } from '../plain-english.js';

export interface FactChange {
  fact: FactKey;
  before?: string;
  after?: string;
  text: string;
}

export interface Movement {
  id: string;
  name: string;
  direction: 'up' | 'down' | 'unclear';
  before: { rung: number | null; lowest: number; highest: number };
  after: { rung: number | null; lowest: number; highest: number };
  /** Where the activity is in the newer file. */
  line: number;
  column: number;
  facts: FactChange[];
}

export interface ProjectDiff {
  old_file: string;
  new_file: string;
  name: string;
  added: Array<{ id: string; name: string; rung: number | null; line: number; column: number }>;
  removed: Array<{ id: string; name: string; rung: number | null }>;
  moved: Movement[];
  introduced: Finding[];
  resolved: Finding[];
  summary: { before: ProjectSummary; after: ProjectSummary };
}

/** A finding is the same finding across versions when its rule, activity and message match; lines may shift. */
function findingKey(f: Finding): string {
  return `${f.rule}\u0000${f.activity ?? ''}\u0000${f.message}`;
}

function bounds(a: ActivityAudit): { rung: number | null; lowest: number; highest: number } {
  return { rung: a.placement.rung, lowest: a.placement.lowest, highest: a.placement.highest };
}

/**
 * Up or down by the lowest rung the evidence guarantees: a wider range from
 * facts that went missing is lost evidence, never a climb.
 */
function direction(before: ActivityAudit, after: ActivityAudit): Movement['direction'] | undefined {
  const b = before.placement;
  const a = after.placement;
  if (b.lowest === a.lowest && b.highest === a.highest) return undefined;
  if (a.lowest > b.lowest) return 'up';
  if (a.lowest < b.lowest) return 'down';
  return 'unclear';
}

function describeFact(fact: FactKey, before: string | undefined, after: string | undefined): string {
  const says = (value: string | undefined): string => (value === undefined ? 'unknown' : (FACTS[fact].says[value] ?? value));
  if (after === undefined) return `No longer recorded (was: ${lowerFirst(says(before))})`;
  if (before === undefined) return `Now recorded: ${says(after)}`;
  return `${says(after)} (was: ${lowerFirst(says(before))})`;
}


export function diffAudits(before: ProjectAudit, after: ProjectAudit): ProjectDiff {
  const oldById = new Map(before.activities.map((a) => [a.id, a]));
  const newById = new Map(after.activities.map((a) => [a.id, a]));

  const added = after.activities.filter((a) => !oldById.has(a.id)).map((a) => ({ id: a.id, name: a.name, rung: a.placement.rung, line: a.line, column: a.column }));
  const removed = before.activities.filter((a) => !newById.has(a.id)).map((a) => ({ id: a.id, name: a.name, rung: a.placement.rung }));

  const moved: Movement[] = [];
  for (const now of after.activities) {
    const then = oldById.get(now.id);
    if (!then) continue;
    const way = direction(then, now);
    if (!way) continue;
    const keys = new Set([...Object.keys(then.facts), ...Object.keys(now.facts)] as FactKey[]);
    const facts: FactChange[] = [];
    for (const fact of Object.keys(FACTS) as FactKey[]) {
      if (!keys.has(fact) || then.facts[fact] === now.facts[fact]) continue;
      const change: FactChange = { fact, text: describeFact(fact, then.facts[fact], now.facts[fact]) };
      if (then.facts[fact] !== undefined) change.before = then.facts[fact];
      if (now.facts[fact] !== undefined) change.after = now.facts[fact];
      facts.push(change);
    }
    moved.push({ id: now.id, name: now.name, direction: way, before: bounds(then), after: bounds(now), line: now.line, column: now.column, facts });
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
