import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-participation-budget',
  severity: 'warning',
  concerns: ['resource-it-properly'],
  source: 'Boing Boing Foundation (n.d.) (principle 5: "We build in the additional time, money and effort")',
  description: 'No part of the budget is set aside for participation.',
  why: 'Co-production takes extra time, money and effort, including unseen work beyond the sessions. Without a budget it is squeezed out first.',
  howDecided: 'The project records `budget.participation: 0`, or a budget with a `total` but no `participation` amount.',
  advice: 'Set aside a budget for participation: payments, expenses, access support, training, and time to build relationships.',
  example: 'budget: { total: 50000, participation: 0 }',
  messages: { 'nothing-set-aside': 'The participation budget is zero.', 'not-said': 'The budget has a total but does not say how much is for participation.' },
  check: (context) => {
    const budget = context.project.project.budget;
    if (!budget) return [];
    if (budget.participation === 0) return [{ messageId: 'nothing-set-aside', path: ['project', 'budget', 'participation'], message: 'Nothing in the budget is set aside for participation.' }];
    if (budget.participation === undefined && budget.total !== undefined) {
      return [{ messageId: 'not-said', path: ['project', 'budget'], atKey: true, message: 'The budget does not say how much is set aside for participation.' }];
    }
    return [];
  },
};
