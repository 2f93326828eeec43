import { seatReading } from '../ladder/facts.js';
import type { Rule } from './rule.js';

export const rule: Rule = {
  id: 'token-seats',
  severity: 'warning',
  concerns: ['power-is-shared', 'lived-experience-is-expertise'],
  source: 'Arnstein (1969) on placation; "a lone or minority member who can always be outvoted … is tokenism however senior the board"',
  description: 'People with lived experience are a minority on a board or panel who can be outvoted, without being briefed or able to shape the agenda.',
  why: 'A seat at the table is not a say if the others can always outvote you, above all without papers in time or a say over the agenda.',
  howDecided:
    "The activity's `seats` show lived-experience members hold fewer than half the seats and can be outvoted (a minority with no veto recorded can be), and they are not briefed or cannot shape the agenda. Worked out from the seat arithmetic; `can_be_outvoted: yes` need not be written.",
  advice: 'Give lived-experience members at least half the seats or a say that cannot be outvoted, brief them in time, and let them put items on the agenda.',
  example: 'seats: { held: 1, total: 12, briefed: no }',
  messages: { token: 'A minority who can be outvoted, not briefed or unable to shape the agenda.' },
  check: (context) =>
    context.project.activities.flatMap((a) => {
      const seats = a.seats;
      if (typeof seats !== 'object') return [];
      const reading = seatReading(seats);
      if (reading.possible.length !== 1 || reading.possible[0] !== 'token') return [];
      // Name only what the file says or implies; unknowns are never stated as "no".
      const lacking = [seats.briefed === 'no' ? 'are not briefed' : undefined, seats.shape_agenda === 'no' ? 'cannot shape the agenda' : undefined].filter(Boolean);
      const held = seats.held !== undefined && seats.total !== undefined ? `hold ${seats.held} of ${seats.total} seats` : 'are a minority of the members';
      const outvoted = reading.outvotedImplied ? 'can be outvoted (no veto is recorded)' : 'can be outvoted';
      return [
        {
          messageId: 'token',
          path: [...a.path, 'seats'],
          activity: a.id,
          message: `In "${a.name}", people with lived experience ${held} and ${outvoted}, and ${lacking.join(' and ')}.`,
        },
      ];
    }),
};
