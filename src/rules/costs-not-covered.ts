import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'costs-not-covered',
  severity: 'error',
  concerns: ['resource-it-properly', 'remove-barriers'],
  source: 'Boing Boing Foundation (n.d.) (principles 5 and 6: "Does someone need us to sort a bus pass, child care, food or ID before they can take part?")',
  description: 'People with lived experience pay their own costs of taking part (travel, care, food, data).',
  why: 'When taking part costs money, only those who can afford it take part, and those with least are shut out or left out of pocket.',
  howDecided: 'A group with lived experience records `expenses_covered: no`. With --strict, also when a group does not record whether its costs are covered.',
  advice: 'Cover travel, childcare, food and data, paid up front where people cannot wait for a refund.',
  example: 'expenses_covered: no',
  messages: {
    'not-covered': 'A group with lived experience pays its own costs of taking part.',
    'not-recorded': 'With --strict: whether a group’s costs are covered is not recorded.',
  },
  check: (context) =>
    context.livedExperienceGroups.flatMap((g) => {
      if (g.expenses_covered === 'no') return [{ messageId: 'not-covered', path: [...g.path, 'expenses_covered'], message: `The group \`${g.id}\` pays its own costs of taking part.` }];
      if (context.strict && g.expenses_covered === undefined) {
        return [{ messageId: 'not-recorded', path: g.path, message: `The file does not say whether the costs of taking part are covered for \`${g.id}\` (\`expenses_covered\`).` }];
      }
      return [];
    }),
};
