/**
 * What the Easy Read report needs from an audited activity, and nothing more:
 * its name, where the organisation's facts put it, where participants'
 * answers put it, and what would move it up (or, when the evidence cannot
 * place it, the questions that would settle it). This is the one place that
 * reads the audit's placement, so a change to how placements are recorded
 * changes only this file.
 */
import type { ActivityAudit } from '../../../audit/result.js';
import type { FactKey } from '../../../ladder/facts.js';
import type { Placement } from '../../../ladder/placeActivity.js';
import { PERSPECTIVE_FACTS, type AnswerCounts, type PerspectiveFact } from '../../../perspectives/perspectives.js';

export interface ParticipantsReading {
  respondents: number;
  /** The step their answers put it on; null when their answers cannot tell. */
  step: number | null;
  answers: Partial<Record<PerspectiveFact, AnswerCounts>>;
  /** The steps people said they would give it, with how many gave each, most first. */
  stepsGiven: Array<[step: number, people: number]>;
  comments: string[];
}

export interface ActivityReading {
  name: string;
  /** The step the organisation's facts put it on; null when they cannot tell ("we do not know yet"). */
  organisationStep: number | null;
  /** What the organisation's file says for each fact participants were asked about. */
  organisationSays: Partial<Record<PerspectiveFact, string>>;
  participants?: ParticipantsReading;
  /** What would move it up one step, from the lower of the two views (participants' leads when lower). */
  moveUp: Array<{ fact: FactKey; to: string }>;
  /** When the lower view cannot place it: the facts that would settle where it is. */
  toFind: FactKey[];
}

/** The step the evidence proves (placed, or at least on it), or null when it cannot tell: never a guess. */
function stepOf(placement: Placement): number | null {
  return placement.verdict === 'placed' || placement.verdict === 'at_least' ? placement.rung : null;
}

function nextOf(placement: Placement): { moveUp: ActivityReading['moveUp']; toFind: FactKey[] } {
  if (stepOf(placement) === null) {
    const toFind = [...new Set(placement.questions.filter((q) => !q.confirms).map((q) => q.key.split('.')[0] as FactKey))];
    return { moveUp: [], toFind };
  }
  // A change to a fact the file does not record is something to find out first, not a thing they did wrong.
  const changes = placement.next_step?.changes ?? [];
  const known = changes.filter((c) => c.from !== undefined).map((c) => ({ fact: c.fact, to: c.to }));
  return known.length > 0 || changes.length === 0 ? { moveUp: known, toFind: [] } : { moveUp: [], toFind: [...new Set(changes.map((c) => c.fact))] };
}

export function readActivity(activity: ActivityAudit): ActivityReading {
  const organisationSays: ActivityReading['organisationSays'] = {};
  for (const fact of PERSPECTIVE_FACTS) {
    const value = activity.facts[fact];
    if (value !== undefined) organisationSays[fact] = value;
  }
  const perspective = activity.perspective;
  const leading = perspective?.lower ? perspective.placement : activity.placement;
  const reading: ActivityReading = { name: activity.name, organisationStep: stepOf(activity.placement), organisationSays, ...nextOf(leading) };
  if (perspective) {
    reading.participants = {
      respondents: perspective.respondents,
      step: stepOf(perspective.placement),
      answers: perspective.answers,
      stepsGiven: Object.entries(perspective.rungs_given)
        .map(([step, n]): [number, number] => [Number(step), n])
        .sort((a, b) => b[1] - a[1] || b[0] - a[0]),
      comments: perspective.comments,
    };
  }
  return reading;
}
