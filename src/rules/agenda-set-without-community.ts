import { activitiesWithPlacements } from '../framework/context.js';
import * as evidence from '../framework/evidence.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'agenda-set-without-community',
  severity: 'warning',
  concerns: ['power-is-shared', 'climb-the-ladder'],
  source: 'Sherwood (c. 2012) ("too often … involved to comment (at best) on an already defined agenda rather than … setting the agenda"); Guerilla Policy (c. 2012) ("crowdsourcing questions to shape the definition of the problem")',
  description: 'People with lived experience take no real part in defining the problem and setting the agenda.',
  why: 'If the problem is defined before people arrive, they can only comment on answers already chosen. Participation matters most where the agenda is set.',
  howDecided:
    'No activity at the `agenda_setting` stage reaches genuine participation (rung 4 or above): the agenda was set by staff alone, or with people in non-participation. Judged when an agenda-setting activity exists, or every activity records its stage.',
  advice: 'Involve people with lived experience from the start: in defining the problem and choosing what to work on, with a real share in those decisions.',
  example: 'activities:\n  - stage: agenda_setting\n    groups: [staff]        # experience_of_issue: none\n  - stage: delivery',
  messages: {
    'staff-only': 'The agenda was set in activities with nobody with lived experience in them.',
    'non-participation': 'People with lived experience were in the agenda-setting activities, but only in non-participation.',
    'no-agenda-stage': 'No activity sets the agenda, and every activity records its stage.',
  },
  check: (context) => {
    if (evidence.agendaSetWithCommunity(context) !== false) return [];
    const agenda = activitiesWithPlacements(context).filter(({ activity }) => activity.stage === 'agenda_setting');
    if (agenda.length === 0) {
      return [{ messageId: 'no-agenda-stage', path: ['activities'], atKey: true, message: 'No activity involves people with lived experience in defining the problem or setting the agenda; they join only once it is set.' }];
    }
    const staffOnly = agenda.filter(({ placement }) => placement.verdict === 'no_community');
    const names = (list: typeof agenda): string => list.map(({ activity }) => `"${activity.name}"`).join(', ');
    if (staffOnly.length === agenda.length) {
      return [
        {
          messageId: 'staff-only',
          path: staffOnly[0]!.activity.path,
          message: `The problem was defined and the agenda set without people with lived experience: nobody with lived experience of the issue took part in ${names(staffOnly)}.`,
        },
      ];
    }
    return [
      {
        messageId: 'non-participation',
        path: agenda[0]!.activity.path,
        message: `People with lived experience take no real part where the problem is defined and the agenda set: ${names(agenda)} ${agenda.length === 1 ? 'is' : 'are'} in non-participation${staffOnly.length > 0 ? ' or involved staff alone' : ''}.`,
      },
    ];
  },
};
