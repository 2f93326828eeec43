import { activitiesWithPlacements } from '../framework/context.js';
import { rungLabel } from '../ladder/rungs.js';
import { whereWords } from '../ladder/verdict.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'target-not-reached',
  severity: 'warning',
  concerns: ['climb-the-ladder'],
  source: 'Boing Boing Foundation (n.d.) ("we advocate, nudge and campaign to … encourage everyone as far up the ladder as we can")',
  description: 'An activity aims for a rung that its facts cannot reach yet.',
  why: 'Not every activity should be at the top, but where the project has set itself a target, the gap and the steps to close it should be plain.',
  howDecided: "Compares `target_rung` with the highest rung the activity's facts allow.",
  advice: 'Take the steps listed to reach the target, or set a target that fits the purpose of the activity.',
  example: 'target_rung: 6\ndecisions: organisation',
  messages: { 'out-of-reach': 'The target is above the highest rung the facts allow.' },
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity, placement }) => activity.target_rung !== undefined && placement.verdict !== 'no_community' && activity.target_rung > placement.ceiling!)
      .map(({ activity, placement }) => {
        const steps = context.stepsTo(activity, activity.target_rung!);
        const short = activity.target_rung! - placement.ceiling!;
        return {
          messageId: 'out-of-reach',
          path: [...activity.path, 'target_rung'],
          activity: activity.id,
          message: `"${activity.name}" aims for ${rungLabel(activity.target_rung!)} but is ${whereWords(placement)}, and its facts allow no higher than rung ${placement.ceiling}: ${short} ${short === 1 ? 'rung' : 'rungs'} short.`,
          advice: `To close the gap: ${steps.map((s) => s.text).join(' ')}`,
          steps,
        };
      }),
};
