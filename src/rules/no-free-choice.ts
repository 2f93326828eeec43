import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-free-choice',
  severity: 'warning',
  concerns: ['safe', 'climb-the-ladder'],
  source: 'Hart (1992), rung 4: people volunteer once the project is made clear; Pearson and Lindsay (2015) (choice and control)',
  description: 'People did not freely choose to take part.',
  why: 'Taking part because you must (to keep a benefit, a service or a place) is not participation; from rung 4 up, people choose.',
  howDecided: 'The activity records `chose_to_take_part: no`.',
  advice: 'Make taking part a free choice, with no penalty for saying no, once people know what it is for.',
  example: 'chose_to_take_part: no',
  messages: { 'pressed': 'People were pressed into taking part rather than choosing freely.' },
  check: (context) =>
    context.project.activities
      .filter((a) => a.chose_to_take_part === 'no')
      .map((a) => ({ messageId: 'pressed', path: [...a.path, 'chose_to_take_part'], activity: a.id, message: `People were pressed into taking part in "${a.name}" rather than choosing freely.` })),
};
