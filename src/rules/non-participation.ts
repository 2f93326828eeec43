import { activitiesWithPlacements } from '../audit/context.js';
import { whatItTakes } from '../ladder/placeActivity.js';
import { GENUINE_FROM, rungLabel } from '../ladder/rungs.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'non-participation',
  severity: 'error',
  concerns: ['climb-the-ladder', 'lived-experience-is-expertise'],
  source: 'seed 001 (Ladder of Community Participation, after Hart 1992)',
  description: 'An activity whose facts put it in non-participation: manipulation, decoration or tokenism.',
  why: 'On rungs 1 to 3 people are present but do not really take part: they are used, shown, or given a voice that goes nowhere. The seed calls this "very different" from genuine participation.',
  howDecided: 'The activity is placed on the ladder from its facts. If the highest rung its known facts allow is 3 or below, it is in non-participation.',
  advice: 'Make sure people understand what it is for and choose to take part, give them a real role or the chance to form their own view, and tell them what became of it.',
  example: 'understood_purpose: no\npresented_as_theirs: yes',
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ placement }) => placement.highest < GENUINE_FROM)
      .map(({ activity, placement }) => ({
        path: activity.path,
        activity: activity.id,
        message:
          placement.rung !== null
            ? `"${activity.name}" is on ${rungLabel(placement.rung)}: people are present but do not really take part.`
            : `"${activity.name}" is at most on ${rungLabel(placement.highest)}: people are present but do not really take part.`,
        // The steps out of non-participation: what it takes to reach rung 4.
        steps: whatItTakes(activity, GENUINE_FROM),
      })),
};
