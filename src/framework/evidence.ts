/**
 * Project-wide facts read from the file, each true, false or unknown. The
 * principles, the criteria and the rules all read them here, so the same
 * question always gets the same answer.
 */
import { GENUINE_FROM, SHARED_DECISIONS_FROM } from '../ladder/rungs.js';
import type { Group } from '../project.js';
import { all, any } from './judgement.js';
import { groupExperience } from './community.js';
import { activitiesWithPlacements, onLadder, yes, type AuditContext } from './context.js';
import { claimOf } from '../ladder/claims.js';

const groupsOrUnknown = (values: Array<boolean | undefined>): boolean | undefined => (values.length === 0 ? undefined : all(values));

/**
 * Whether the activities where the problem is defined and the agenda set reach
 * a rung: true if one surely does; false if none can (an agenda-setting
 * activity with nobody with lived experience in it reaches nothing), or, with
 * every stage recorded, there is none; unknown otherwise.
 */
function agendaReaches(context: AuditContext, line: number): boolean | undefined {
  const { activities } = context.project;
  const agenda = activitiesWithPlacements(context).filter(({ activity }) => activity.stage === 'agenda_setting');
  if (agenda.some(({ placement }) => placement.rung !== null && placement.rung >= line)) return true;
  if (agenda.length > 0 && agenda.every(({ placement }) => placement.ceiling === null || placement.ceiling < line)) return false;
  if (agenda.length === 0 && activities.length > 0 && activities.every((a) => a.stage !== undefined)) return false;
  return undefined;
}

/** People with lived experience took part, for real, in defining the problem and setting the agenda (Sherwood (c. 2012); Guerilla Policy (c. 2012)). */
export const agendaSetWithCommunity = (context: AuditContext): boolean | undefined => agendaReaches(context, GENUINE_FROM);

/** Decisions were shared with the community where the agenda was set. */
export const agendaDecidedWithCommunity = (context: AuditContext): boolean | undefined => agendaReaches(context, SHARED_DECISIONS_FROM);

/** At least one activity's evidence shows decisions shared with, or made by, the community. */
export function sharedDecisionsSomewhere(context: AuditContext): boolean | undefined {
  const placed = onLadder(context).map((a) => a.placement);
  if (placed.some((p) => p.rung !== null && p.rung >= SHARED_DECISIONS_FROM)) return true;
  if (placed.every((p) => p.ceiling! < SHARED_DECISIONS_FROM)) return false;
  return undefined;
}

/** At least half the activities on the ladder share decisions: power shared "at all times", not in one designated session (Boing Boing Foundation (n.d.)). */
export function sharedDecisionsMostly(context: AuditContext): boolean | undefined {
  const placed = onLadder(context).map((a) => a.placement);
  const n = placed.length;
  if (n === 0) return false;
  const surely = placed.filter((p) => p.rung !== null && p.rung >= SHARED_DECISIONS_FROM).length;
  const possibly = placed.filter((p) => p.ceiling! >= SHARED_DECISIONS_FROM).length;
  if (surely * 2 >= n) return true;
  if (possibly * 2 < n) return false;
  return undefined;
}

/** No activity's evidence puts it in non-participation. */
export function noNonParticipation(context: AuditContext): boolean | undefined {
  const placed = onLadder(context).map((a) => a.placement);
  if (placed.some((p) => p.ceiling! < GENUINE_FROM)) return false;
  if (placed.length > 0 && placed.every((p) => p.rung !== null && p.rung >= GENUINE_FROM)) return true;
  return undefined;
}

/** Some of what people said was acted on, or the project records changes it made. */
export function insightTurnedIntoChange(context: AuditContext): boolean | undefined {
  const changes = context.project.practice.learning?.changes;
  return any([...(changes ? [changes.length > 0] : []), ...context.project.activities.map((a) => (a.views_acted_on === undefined ? undefined : a.views_acted_on !== 'no'))]);
}

/** Every claim, in a claimed rung or in the words an activity is described in, is supported by the evidence. */
export function claimsSupported(context: AuditContext): boolean | undefined {
  const claimed = onLadder(context)
    .map(({ activity, placement }) => ({ claim: claimOf(activity), placement }))
    .filter((c) => c.claim !== undefined);
  if (claimed.length === 0) return undefined;
  if (claimed.some(({ claim, placement }) => claim!.rung > placement.ceiling!)) return false;
  return claimed.every(({ claim, placement }) => placement.rung !== null && claim!.rung <= placement.rung) ? true : undefined;
}

const groups = (context: AuditContext, read: (g: Group) => boolean | undefined): boolean | undefined => groupsOrUnknown(context.livedExperienceGroups.map(read));

/** People with lived experience are paid for their time and expertise (Boing Boing Foundation (n.d.); Meadows and Bain-Burnett (2022); Mansour (2012)). */
export const paid = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.payment?.paid));
export const expensesCovered = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.expenses_covered));
export const accessSupport = (context: AuditContext): boolean | undefined => groups(context, (g) => (g.support === undefined ? undefined : g.support.length > 0));
/**
 * Some group with lived experience has peer, buddy or one-to-one support. Shown only by a group known to
 * have lived experience, so that leaving out `experience_of_issue: none` never lets a staff group's support
 * count; ruled out when every group that may have it records support without any of these.
 */
export function peerSupport(context: AuditContext): boolean | undefined {
  const peer = (g: Group): boolean | undefined => (g.support === undefined ? undefined : g.support.some((s) => s === 'peer_support' || s === 'buddy' || s === 'one_to_one'));
  if (context.livedExperienceGroups.some((g) => groupExperience(g, context.strict) === 'yes' && peer(g) === true)) return true;
  return context.livedExperienceGroups.length > 0 && context.livedExperienceGroups.every((g) => peer(g) === false) ? false : undefined;
}
export const participantsTrained = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.training));
export const developmentConversations = (context: AuditContext): boolean | undefined => groups(context, (g) => yes(g.development_conversations));

/**
 * Paid people are offered benefits advice and a choice of how, or whether, to
 * be paid (Meadows and Bain-Burnett (2022)). A group not known to be paid counts only when its advice
 * and choice are both shown, so leaving out `paid` never makes this hold.
 */
export function paymentHandledSafely(context: AuditContext): boolean | undefined {
  // A group recorded as unpaid is read as one not known to be paid, so that leaving out `paid: no` changes nothing.
  const safe = context.livedExperienceGroups
    .map((g) => {
      const offered = all([yes(g.payment?.benefits_advice), yes(g.payment?.choice_of_how)]);
      return g.payment?.paid === 'yes' ? offered : offered === true ? true : undefined;
    });
  return safe.length === 0 ? undefined : all(safe);
}

/** Some people in the work have direct lived experience of the issue it is about (Meadows and Bain-Burnett (2022): Targeted). */
export function directExperience(context: AuditContext): boolean | undefined {
  const people = context.project.people;
  if (people.some((g) => g.experience_of_issue === 'direct')) return true;
  if (people.length > 0 && people.every((g) => g.experience_of_issue !== undefined)) return false;
  return undefined;
}

/** Recruitment reached beyond the usual voices, through more than one channel (Campbell (JRF, n.d.); Guerilla Policy (c. 2012)). */
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

/** Times, places and papers suit the people taking part, in every activity (an activity that does not say leaves it unknown). */
export function timingSuited(context: AuditContext): boolean | undefined {
  return groupsOrUnknown(context.project.activities.flatMap((a) => [yes(a.timing?.suited_participants), yes(a.timing?.papers_in_time)]));
}
