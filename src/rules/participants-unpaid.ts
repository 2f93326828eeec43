import type { Rule, RuleFinding } from './rule.js';

export const rule: Rule = {
  id: 'participants-unpaid',
  severity: 'warning',
  concerns: ['resource-it-properly', 'reciprocity', 'valuable'],
  source: 'Boing Boing Foundation (n.d.) (principle 5); Mansour (2012) (families paid for their data and for facilitating); Meadows and Bain-Burnett (2022) (payments)',
  description: 'People with lived experience are not paid for their time and expertise.',
  why: 'Expertise from lived experience is expertise. Unpaid, it shuts out the people who can least afford to give their time, and it is transactional in the wrong direction.',
  howDecided: 'A group with lived experience records `payment: { paid: no }`. The message says so when their costs are not covered either (that is also `costs-not-covered`, an error).',
  advice: 'Pay people for their time and expertise, at least cover their costs, and offer benefits advice and a choice of how to be paid.',
  example: 'payment: { paid: no }\nexpenses_covered: no',
  messages: { 'unpaid': 'A group with lived experience is not paid for its time.' },
  check: (context) =>
    context.livedExperienceGroups.flatMap((g): RuleFinding[] => {
      if (g.payment?.paid !== 'no') return [];
      const costs = g.expenses_covered === 'no' ? ' and their costs of taking part are not covered either' : '';
      return [{ messageId: 'unpaid', path: [...g.path, 'payment', 'paid'], message: `The group \`${g.id}\` is not paid for its time and expertise${costs}.` }];
    }),
};
