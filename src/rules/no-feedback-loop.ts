import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-feedback-loop',
  severity: 'warning',
  concerns: ['climb-the-ladder', 'valuable'],
  source: 'Hart (1992): consultation with no feedback at all is manipulation; seed 004: "the connection between the ideas they offer up and the final product"',
  description: 'People gave their views but were not told what became of them.',
  why: 'Without feedback, people cannot see whether their voice counted, and trust drains away. Hart counts consultation with no feedback at all as manipulation.',
  howDecided: 'The activity records that people could give a view (`own_view` yes or limited) and `feedback: no`.',
  advice: 'Tell people what became of what they said: what changed, what did not, and why. Plan it from the start.',
  example: 'own_view: yes\nfeedback: no',
  check: (context) =>
    context.project.activities
      .filter((a) => (a.own_view === 'yes' || a.own_view === 'limited') && a.feedback === 'no')
      .map((a) => ({
        path: [...a.path, 'feedback'],
        activity: a.id,
        message: `People gave their views in "${a.name}" but were not told what became of them.`,
      })),
};
