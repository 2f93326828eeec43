import { activitiesWithPlacements } from '../audit/context.js';
import { rungLabel, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

/** Words that promise shared power. */
const PROMISES = /co-?produc|co-?design|co-?creat|co-?commission|partnership|participatory|community[- ]led|user[- ]led/i;

export const rule: Rule = {
  id: 'co-production-in-name-only',
  severity: 'warning',
  concerns: ['climb-the-ladder', 'power-is-shared'],
  source: 'seed 004 ("it would be tragic if open policy becomes the new consultation"); seed 001',
  description: 'An activity is described as co-production (or co-design, partnership) but decisions are not shared.',
  why: 'Co-production means sharing power. Consultation called co-production makes people distrust both.',
  howDecided: 'The activity\'s `described_as` uses words such as co-production, co-design or partnership, and its facts show decisions are not shared (it cannot reach rung 6).',
  advice: 'Share the decisions with the people involved, or describe the activity honestly, for example as a consultation.',
  example: 'described_as: co-production\ndecisions: organisation',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity, placement }) => activity.described_as !== undefined && PROMISES.test(activity.described_as) && placement.highest < SHARED_DECISIONS_FROM)
      .map(({ activity, placement }) => ({
        path: [...activity.path, 'described_as'],
        activity: activity.id,
        message: `"${activity.name}" is described as "${activity.described_as}", but decisions are not shared: the evidence puts it ${placement.rung !== null ? 'on' : 'at most on'} ${rungLabel(placement.rung ?? placement.highest)}.`,
      })),
};
