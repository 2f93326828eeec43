import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'costs-not-covered',
  severity: 'error',
  concerns: ['resource-it-properly', 'remove-barriers'],
  source: 'seed 001 (principles 5 and 6: "Does someone need us to sort a bus pass, child care, food or ID before they can take part?")',
  description: 'People with lived experience pay their own costs of taking part (travel, care, food, data).',
  why: 'When taking part costs money, only those who can afford it take part, and those with least are shut out or left out of pocket.',
  howDecided: 'A group with lived experience records `expenses_covered: no`.',
  advice: 'Cover travel, childcare, food and data, paid up front where people cannot wait for a refund.',
  example: 'expenses_covered: no',
  check: (context) =>
    context.livedExperienceGroups
      .filter((g) => g.expenses_covered === 'no')
      .map((g) => ({ path: [...g.path, 'expenses_covered'], message: `The group \`${g.id}\` pays its own costs of taking part.` })),
};
