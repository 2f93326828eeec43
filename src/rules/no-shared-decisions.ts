import * as evidence from '../audit/evidence.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'no-shared-decisions',
  severity: 'warning',
  concerns: ['power-is-shared', 'climb-the-ladder', 'lived-experience-is-expertise'],
  source: 'seed 001 (principle 9: "shared decision making is the common feature and goal")',
  description: 'No activity in the project shares decisions with people with lived experience.',
  why: 'Consultation has its place, but a project where the organisation makes every decision is not co-production.',
  howDecided: 'No activity reaches rung 6 or above, even with its unknown facts at their best.',
  advice: 'Find at least one place, ideally where the agenda is set, where decisions are made together with people with lived experience, with an equal say.',
  example: 'activities:\n  - decisions: organisation\n  - decisions: organisation',
  check: (context) =>
    evidence.sharedDecisionsSomewhere(context) === false
      ? [{ path: ['activities'], atKey: true, message: 'No activity in this project shares decisions with people with lived experience.' }]
      : [],
};
