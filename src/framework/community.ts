/**
 * No community, no rung: an activity where nobody with lived experience of the
 * issue takes part is not on the ladder at all, though it still counts for
 * the lifecycle (who defined the problem and set the agenda). A group has
 * lived experience when the file says so (`experience_of_issue: direct` or
 * `close`), or, without --strict, describes the experience it brings
 * (`lived_experience`) and does not say it has none.
 */
import type { Community } from '../ladder/placeActivity.js';
import type { Activity, Group } from '../project.js';

/**
 * yes: the group has lived experience of the issue; no: the file says it has none; unknown: the file does not say.
 * `experience_of_issue`, when recorded, answers the question; a `lived_experience` description answers it only
 * when that is not recorded, and only without --strict: a funder needs the answer itself, since a description
 * may be of other experience (a job, a role), and leaving `experience_of_issue: none` out must never put an
 * activity on the ladder.
 */
export function groupExperience(group: Group, strict = false): Community {
  if (group.experience_of_issue === 'direct' || group.experience_of_issue === 'close') return 'yes';
  if (group.experience_of_issue === 'none') return 'no';
  return !strict && describesExperience(group) ? 'yes' : 'unknown';
}

/** The file describes the lived experience a group brings, and not in words that say it has none ("none", "n/a"). */
function describesExperience(group: Group): boolean {
  const text = group.lived_experience?.trim() ?? '';
  return text.length > 0 && !/^(none|no|n\/?a|not applicable|nil|-+|no lived experience|no direct experience)\b/i.test(text);
}

/** Whether people with lived experience take part in an activity, from the groups it names. */
export function communityOf(activity: Activity, groups: ReadonlyMap<string, Group>, strict = false): Community {
  const named = activity.groups.map((id) => groups.get(id)).filter((g): g is Group => g !== undefined);
  if (named.length === 0) return 'unknown';
  const said = named.map((g) => groupExperience(g, strict));
  if (said.includes('yes')) return 'yes';
  return said.every((s) => s === 'no') ? 'no' : 'unknown';
}
