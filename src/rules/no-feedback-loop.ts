import { activitiesWithPlacements } from '../framework/context.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-feedback-loop',
  severity: 'warning',
  concerns: ['climb-the-ladder', 'valuable'],
  source: 'Hart (1992): consultation with no feedback at all is manipulation; Sherwood (c. 2012): "the connection between the ideas they offer up and the final product"',
  description: 'People gave, or may have given, their views but were not told what became of them.',
  why: 'Without feedback, people cannot see whether their voice counted, and trust drains away. Hart counts consultation with no feedback at all as manipulation.',
  howDecided: 'The activity records `feedback: no`, and does not record that people had no chance to give a view (`own_view: no`).',
  advice: 'Tell people what became of what they said: what changed, what did not, and why. Plan it from the start.',
  example: 'feedback: no',
  messages: {
    'views-given': 'People gave their views and were not told what became of them.',
    'views-may-have-been-given': 'People were not told what became of anything they said; whether they gave views is not recorded.',
  },
  check: (context) =>
    activitiesWithPlacements(context)
      .filter(({ activity }) => activity.feedback === 'no' && activity.own_view !== 'no')
      .map(({ activity: a, placement }) => {
        // A view was given when the file says so, or it follows from other facts (views acted on, decisions shared).
        const given = a.own_view !== undefined || placement.implied.some((i) => i.fact === 'own_view');
        return {
          messageId: given ? 'views-given' : 'views-may-have-been-given',
          path: [...a.path, 'feedback'],
          activity: a.id,
          message: given ? `People gave their views in "${a.name}" but were not told what became of them.` : `People in "${a.name}" were not told what became of anything they said.`,
        };
      }),
};
