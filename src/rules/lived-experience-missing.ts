import { groupExperience } from '../framework/community.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'lived-experience-missing',
  severity: 'error',
  concerns: ['targeted-diverse', 'lived-experience-is-expertise'],
  source: 'Boing Boing Foundation (n.d.) (principle 1); Meadows and Bain-Burnett (2022) (Targeted: "target people with specific experiences")',
  description: 'No group taking part has lived experience of the issue the project is about.',
  why: 'Those with lived experience "have the expertise to see most clearly what needs to change". Without them it is not co-production, and no activity is on the ladder.',
  howDecided:
    'The file names no groups of people, every group records `experience_of_issue: none`, or no activity involves a group that may have lived experience. With --strict, also when no group is shown to have lived experience: `experience_of_issue: direct` or `close` (a `lived_experience` description alone does not show it, since it may describe other experience). Such a plan has no score.',
  advice: 'Involve people with lived experience of the issue, found through people and groups they trust, and record their experience in `people`.',
  example: 'people:\n  - id: professionals\n    experience_of_issue: none',
  messages: {
    'no-groups': 'The file names no groups of people.',
    'none-with-experience': 'Every group records that it has no lived experience of the issue.',
    'not-shown': 'With --strict: no group is shown to have lived experience of the issue.',
    'in-no-activity': 'Groups with lived experience are named, but no activity involves them.',
  },
  check: (context) => {
    const { people, activities } = context.project;
    if (people.length === 0) {
      return activities.length > 0 ? [{ messageId: 'no-groups', path: ['activities'], atKey: true, message: 'The file names no groups of people (`people`), so nobody with lived experience is shown to take part.' }] : [];
    }
    const experience = people.map((g) => groupExperience(g, context.strict));
    if (experience.every((e) => e === 'no')) return [{ messageId: 'none-with-experience', path: ['people'], atKey: true, message: 'Nobody involved has lived experience of the issue this project is about: every group records `experience_of_issue: none`.' }];
    if (context.strict && !experience.includes('yes')) {
      return [{ messageId: 'not-shown', path: ['people'], atKey: true, message: 'No group is shown to have lived experience of the issue: record `experience_of_issue` (direct, close or none) for each group.' }];
    }
    // Every activity involves only groups recorded as having no lived experience (with --strict: none is shown to involve a group with it).
    if (activities.length > 0 && context.communities.every((c) => (context.strict ? c !== 'yes' : c === 'no'))) {
      const named = people.filter((_, i) => experience[i] !== 'no').map((g) => `\`${g.id}\``);
      return [
        {
          messageId: 'in-no-activity',
          path: ['activities'],
          atKey: true,
          message: context.strict
            ? `No activity is shown to involve people with lived experience of the issue: record \`experience_of_issue\` for the groups that take part.`
            : `No activity involves people with lived experience of the issue: ${named.join(', ')} ${named.length === 1 ? 'takes' : 'take'} part in none of them.`,
        },
      ];
    }
    return [];
  },
};
