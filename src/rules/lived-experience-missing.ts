import { groupExperience } from '../audit/community.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'lived-experience-missing',
  severity: 'error',
  concerns: ['targeted-diverse', 'lived-experience-is-expertise'],
  source: 'seed 001 (principle 1); seed 002 (Targeted: "target people with specific experiences")',
  description: 'No group taking part has lived experience of the issue the project is about.',
  why: 'Those with lived experience "have the expertise to see most clearly what needs to change". Without them it is not co-production, and no activity is on the ladder.',
  howDecided:
    'The file names no groups of people, or every group records `experience_of_issue: none`. With --strict, also when no group is shown to have lived experience (`experience_of_issue: direct` or `close`, or a `lived_experience` description). Such a plan has no score.',
  advice: 'Involve people with lived experience of the issue, found through people and groups they trust, and record their experience in `people`.',
  example: 'people:\n  - id: professionals\n    experience_of_issue: none',
  messages: {
    'no-groups': 'The file names no groups of people.',
    'none-with-experience': 'Every group records that it has no lived experience of the issue.',
    'not-shown': 'With --strict: no group is shown to have lived experience of the issue.',
  },
  check: (context) => {
    const { people, activities } = context.project;
    if (people.length === 0) {
      return activities.length > 0 ? [{ messageId: 'no-groups', path: ['activities'], atKey: true, message: 'The file names no groups of people (`people`), so nobody with lived experience is shown to take part.' }] : [];
    }
    const experience = people.map(groupExperience);
    if (experience.every((e) => e === 'no')) return [{ messageId: 'none-with-experience', path: ['people'], atKey: true, message: 'Nobody involved has lived experience of the issue this project is about: every group records `experience_of_issue: none`.' }];
    if (context.strict && !experience.includes('yes')) {
      return [{ messageId: 'not-shown', path: ['people'], atKey: true, message: 'No group is shown to have lived experience of the issue: record `experience_of_issue` (direct, close or none) for each group.' }];
    }
    return [];
  },
};
