import { activitiesWithPlacements } from '../audit/context.js';
import { rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'not-enough-evidence',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'seed 001 (Ladder); coprod never guesses a rung',
  description: 'An activity cannot be placed on the ladder because facts that decide its rung are unknown.',
  why: 'An unknown fact is never taken as yes or no. Without it, nobody can say where the activity stands.',
  howDecided: "Places the activity twice: with every unknown fact at its worst, and at its best. If the two rungs differ, the facts that decide between them are listed.",
  advice: 'Find out and record the missing facts; ask the people who took part.',
  example: 'understood_purpose: yes\nown_view: yes\n# decisions left out',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ placement }) => placement.rung === null)
      .map(({ activity, placement }) => ({
        path: activity.path,
        activity: activity.id,
        message: `"${activity.name}" cannot be placed: what is known puts it between ${rungLabel(placement.lowest)} and ${rungLabel(placement.highest)}.`,
        advice: `Record ${placement.missing.map((m) => m.text).join('; ')}.`,
      })),
};
