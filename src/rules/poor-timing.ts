import type { Rule } from './rule.js';

/** Less notice than this makes it hard for people in work or with caring roles to take part (Campbell (JRF, n.d.)). */
export const MIN_NOTICE_DAYS = 7;

export const rule: Rule = {
  id: 'poor-timing',
  severity: 'info',
  concerns: ['remove-barriers'],
  source: 'Campbell (JRF, n.d.) (working flexibly around people in work)',
  description: 'People had short notice, papers came late, or the time and place did not suit them.',
  why: 'Short notice and late papers shut out the people with least time: those in work, carers, people without easy transport.',
  howDecided: `The activity records fewer than ${MIN_NOTICE_DAYS} days' notice, \`papers_in_time: no\`, or \`suited_participants: no\`.`,
  advice: 'Give at least a week\'s notice, send papers in time and in a form people can use, and ask people when and where suits them.',
  example: 'timing: { notice_days: 2, papers_in_time: no }',
  messages: { 'short-notice': "People had less than a week's notice.", 'papers-late': 'Papers did not reach people in time, or in a form they could use.', 'unsuited': 'The time, place or way of meeting did not suit the people taking part.' },
  check: (context) =>
    context.project.activities.flatMap((a) => {
      const t = a.timing;
      if (!t) return [];
      const found = [];
      if (t.notice_days !== undefined && t.notice_days < MIN_NOTICE_DAYS) {
        found.push({ messageId: 'short-notice', path: [...a.path, 'timing', 'notice_days'], activity: a.id, message: `People had only ${t.notice_days} ${t.notice_days === 1 ? "day's" : "days'"} notice of "${a.name}".` });
      }
      if (t.papers_in_time === 'no') found.push({ messageId: 'papers-late', path: [...a.path, 'timing', 'papers_in_time'], activity: a.id, message: `Papers for "${a.name}" did not reach people in time, or in a form they could use.` });
      if (t.suited_participants === 'no') found.push({ messageId: 'unsuited', path: [...a.path, 'timing', 'suited_participants'], activity: a.id, message: `The time, place or way of meeting for "${a.name}" did not suit the people taking part.` });
      return found;
    }),
};
