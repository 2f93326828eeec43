import type { Rule, RuleFinding } from './rule.js';

export const rule: Rule = {
  id: 'narrow-recruitment',
  severity: 'warning',
  concerns: ['targeted-diverse'],
  source: 'Guerilla Policy (c. 2012) ("Don\'t listen to the loudest – openness is about hearing quieter voices"); Campbell (JRF, n.d.) (reaching people in work)',
  description: 'People were found through a single channel, or recruitment did not reach beyond the usual voices.',
  why: 'One channel finds one kind of person. The people most affected are often the least likely to answer an open call.',
  howDecided: 'A group with lived experience records only one recruitment channel, or `reached_beyond_usual: no`.',
  advice: 'Recruit through several routes (community groups, user-led organisations, trusted relationships, outreach) and aim for people who are not usually heard.',
  example: 'recruitment: { channels: [existing_panel], reached_beyond_usual: no }',
  messages: { 'not-beyond-usual': 'Recruitment did not reach beyond the usual voices.', 'one-channel': 'People were found through one channel only.' },
  check: (context) =>
    context.livedExperienceGroups.flatMap((g): RuleFinding[] => {
      const r = g.recruitment;
      if (!r) return [];
      if (r.reached_beyond_usual === 'no') {
        return [{ messageId: 'not-beyond-usual', path: [...g.path, 'recruitment', 'reached_beyond_usual'], message: `Recruitment for \`${g.id}\` did not reach beyond the usual voices.` }];
      }
      if (r.channels.length === 1) {
        return [{ messageId: 'one-channel', path: [...g.path, 'recruitment', 'channels'], message: `The group \`${g.id}\` was found through one channel only (${r.channels[0]!.replace(/_/g, ' ')}).` }];
      }
      return [];
    }),
};
