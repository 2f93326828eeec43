/**
 * Project-wide facts read from the file, each true, false or unknown. The
 * principles, the criteria and the rules all read them here, so the same
 * question always gets the same answer.
 */
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Group } from '../project.js';
import { all, any } from '../framework/judgement.js';
import { yes, type AuditContext } from './context.js';

const groupsOrUnknown = (values: Array<boolean | undefined>): boolean | undefined => (values.length === 0 ? undefined : all(values));

/**
 * Whether the activities where the problem is defined and the agenda set reach
 * a rung: true if one surely does, false if none can (or, with every stage
 * recorded, there is none), unknown otherwise.
 */
function agendaReaches(context: AuditContext, line: number): boolean | undefined {
  const { activities } = context.project;
  const agenda = activities.map((a, i) => ({ a, p: context.placements[i]! })).filter(({ a }) => a.stage === 'agenda_setting');
  if (agenda.some(({ p }) => p.lowest >= line)) return true;
  if (agenda.length > 0 && agenda.every(({ p }) => p.highest < line)) return false;
  if (agenda.length === 0 && activities.length > 0 && activities.every((a) => a.stage !== undefined)) return false;
  return undefined;
}

/** People with lived experience took part, for real, in defining the problem and setting the agenda (seed 004). */
export const agendaSetWithCommunity = (context: AuditContext): boolean | undefined => agendaReaches(context, GENUINE_FROM);

/** Decisions were shared with the community where the agenda was set. */
export const agendaDecidedWithCommunity = (context: AuditContext): boolean | undefined => agendaReaches(context, SHARED_DECISIONS_FROM);

/** At least one activity's evidence shows decisions shared with, or made by, the community. */
export function sharedDecisionsSomewhere(context: AuditContext): boolean | undefined {
  if (context.placements.some((p) => p.lowest >= SHARED_DECISIONS_FROM)) return true;
  if (context.placements.length > 0 && context.placements.every((p) => p.highest < SHARED_DECISIONS_FROM)) return false;
  return undefined;
}

/** At least half the activities share decisions: power shared "at all times", not in one designated session (seed 001). */
export function sharedDecisionsMostly(context: AuditContext): boolean | undefined {
  const n = context.placements.length;
  if (n === 0) return undefined;
  const surely = context.placements.filter((p) => p.lowest >= SHARED_DECISIONS_FROM).length;
  const possibly = context.placements.filter((p) => p.highest >= SHARED_DECISIONS_FROM).length;
  if (surely * 2 >= n) return true;
  if (possibly * 2 < n) return false;
  return undefined;
}

/** No activity's evidence puts it in non-participation. */
export function noNonParticipation(context: AuditContext): boolean | undefined {
  if (context.placements.some((p) => p.highest < GENUINE_FROM)) return false;
  if (context.placements.every((p) => p.lowest >= GENUINE_FROM)) return context.placements.length > 0 ? true : undefined;
  return undefined;
}

/** Where people gave their views, they were told what became of them. */
export function feedbackGiven(context: AuditContext): boolean | undefined {
  const asked = context.project.activities.filter((a) => a.own_view === 'yes' || a.own_view === 'limited');
  return groupsOrUnknown(asked.map((a) => yes(a.feedback)));
}

/** What people said was written down, so it could be acted on and reported back. */
export function viewsRecorded(context: AuditContext): boolean | undefined {
  return groupsOrUnknown(context.project.activities.map((a) => yes(a.recorded)).filter((v) => v !== undefined));
}

/** Some of what people said was acted on, or the project records changes it made. */
export function insightTurnedIntoChange(context: AuditContext): boolean | undefined {
  const changes = context.project.practice.learning?.changes;
  return any([...(changes ? [changes.length > 0] : []), ...context.project.activities.map((a) => (a.views_acted_on === undefined ? undefined : a.views_acted_on !== 'no'))]);
}

export function claimsSupported(context: AuditContext): boolean | undefined {
  const claimed = context.project.activities.map((a, i) => ({ a, p: context.placements[i]! })).filter(({ a }) => a.claimed_rung !== undefined);
  if (claimed.length === 0) return undefined;
  if (claimed.some(({ a, p }) => a.claimed_rung! > p.highest)) return false;
  return claimed.every(({ a, p }) => a.claimed_rung! <= p.lowest) ? true : undefined;
}

const groups = (context: AuditContext, read: (g: Group) => boolean | undefined): boolean | undefined => groupsOrUnknown(context.livedExperienceGroups.map(read));

/** People with lived experience are paid for their time and expertise (seed 001, seed 002, seed 004). */
export const paid = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.payment?.paid));
export const expensesCovered = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.expenses_covered));
export const accessSupport = (context: AuditContext): boolean | undefined => groups(context, (g) => (g.support === undefined ? undefined : g.support.length > 0));
export const peerSupport = (context: AuditContext): boolean | undefined =>
  any(context.livedExperienceGroups.map((g) => (g.support === undefined ? undefined : g.support.some((s) => s === 'peer_support' || s === 'buddy' || s === 'one_to_one'))));
export const participantsTrained = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.training));
export const developmentConversations = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.development_conversations));

/** Paid people are offered benefits advice and a choice of how, or whether, to be paid (seed 002). */
export function paymentHandledSafely(context: AuditContext): boolean | undefined {
  const paidGroups = context.livedExperienceGroups.filter((g) => g.payment?.paid === 'yes');
  if (paidGroups.length === 0) return undefined;
  return all(paidGroups.flatMap((g) => [yes(g.payment?.benefits_advice), yes(g.payment?.choice_of_how)]));
}

/** Some people in the work have direct lived experience of the issue it is about (seed 002: Targeted). */
export function directExperience(context: AuditContext): boolean | undefined {
  const people = context.project.people;
  if (people.some((g) => g.experience_of_issue === 'direct')) return true;
  if (people.length > 0 && people.every((g) => g.experience_of_issue !== undefined)) return false;
  return undefined;
}

/** Recruitment reached beyond the usual voices, through more than one channel (seeds 000 and 004). */
export function recruitmentReachesWidely(context: AuditContext): boolean | undefined {
  return groups(context, (g) => {
    const r = g.recruitment;
    if (!r) return undefined;
    const beyond = yes(r.reached_beyond_usual);
    if (beyond === false) return false;
    if (r.channels.length === 1) return false;
    if (beyond === true && r.channels.length !== 1) return r.channels.length >= 2 || undefined;
    return r.channels.length >= 2 ? beyond : undefined;
  });
}

export function rangeOfExperience(context: AuditContext): boolean | undefined {
  return groups(context, (g) => (g.range_of_experience === undefined ? undefined : g.range_of_experience !== 'narrow'));
}

export function participationBudget(context: AuditContext): boolean | undefined {
  const amount = context.project.project.budget?.participation;
  return amount === undefined ? undefined : amount > 0;
}

export function staffTrainedIn(context: AuditContext, topics: string[]): boolean | undefined {
  const training = context.project.practice.staff_training;
  if (training === undefined) return undefined;
  return topics.some((t) => (training as string[]).includes(t));
}

export function nonEmpty(list: readonly string[] | undefined): boolean | undefined {
  return list === undefined ? undefined : list.length > 0;
}

export function timingSuited(context: AuditContext): boolean | undefined {
  const known = context.project.activities.map((a) => a.timing).filter((t) => t !== undefined);
  return groupsOrUnknown(known.flatMap((t) => [yes(t!.suited_participants), yes(t!.papers_in_time)]).filter((v) => v !== undefined));
}
