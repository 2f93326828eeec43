import { directExperience } from '../audit/evidence.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'lived-experience-missing',
  severity: 'error',
  concerns: ['targeted-diverse', 'lived-experience-is-expertise'],
  source: 'seed 001 (principle 1); seed 002 (Targeted: "target people with specific experiences")',
  description: 'Nobody involved has direct lived experience of the issue the project is about.',
  why: 'Those with lived experience "have the expertise to see most clearly what needs to change". Without them it is not co-production.',
  howDecided: 'Every group records `experience_of_issue`, and none is `direct`; or the project has no groups of people at all but has activities.',
  advice: 'Involve people with direct lived experience of the issue, found through people and groups they trust.',
  example: 'people:\n  - id: professionals\n    experience_of_issue: none',
  check: (context) => {
    const { people, activities } = context.project;
    if (people.length === 0 && activities.length > 0) return [{ path: ['activities'], atKey: true, message: 'The file names no groups of people (`people`), so nobody with lived experience is shown to take part.' }];
    return directExperience(context) === false
      ? [{ path: ['people'], atKey: true, message: 'Nobody involved has direct lived experience of the issue this project is about.' }]
      : [];
  },
};
