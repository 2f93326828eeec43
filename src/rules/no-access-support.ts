import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-access-support',
  severity: 'warning',
  concerns: ['remove-barriers'],
  source: 'Boing Boing Foundation (n.d.) (principle 6: "Accessibility needs are not limited to the usual workplace assessments")',
  description: 'A group of people with lived experience is offered no access support.',
  why: 'Travel, childcare, food, ID, flexible times and other ways to take part decide who can come at all.',
  howDecided: 'A group with lived experience records `support: []` (an empty list).',
  advice: 'Ask people what would help them take part, and offer it: travel, childcare, food, flexible times, interpreting, digital access, peer support.',
  example: 'support: []',
  messages: { 'none-offered': 'A group is offered no access support.' },
  check: (context) =>
    context.livedExperienceGroups
      .filter((g) => g.support !== undefined && g.support.length === 0)
      .map((g) => ({ messageId: 'none-offered', path: [...g.path, 'support'], message: `The group \`${g.id}\` is offered no support to take part.` })),
};
