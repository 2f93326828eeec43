/** What every rule and every principle check sees: the project and where each activity was placed. */
import type { Placement } from '../ladder/placeActivity.js';
import type { Activity, Group, Project, YesNo, YesPartlyNo } from '../project.js';
import type { Perspective } from '../perspectives/perspectives.js';

export interface AuditContext {
  project: Project;
  /** One placement per activity, in the file's order. */
  placements: readonly Placement[];
  /** The groups with lived experience of the issue (direct or close), or every group when none says. */
  livedExperienceGroups: readonly Group[];
  /** The date waivers are judged against, YYYY-MM-DD. */
  today: string;
  /** Participants' own view of each activity, by activity id, when perspectives were given. */
  perspectives: ReadonlyMap<string, Perspective>;
}

export function makeContext(project: Project, placements: readonly Placement[], today: string, perspectives: ReadonlyMap<string, Perspective> = new Map()): AuditContext {
  const withExperience = project.people.filter((g) => g.experience_of_issue === 'direct' || g.experience_of_issue === 'close');
  const unknown = project.people.filter((g) => g.experience_of_issue === undefined);
  return { project, placements, today, perspectives, livedExperienceGroups: withExperience.length > 0 ? [...withExperience, ...unknown] : project.people.filter((g) => g.experience_of_issue !== 'none') };
}

/** yes → true, no → false, unknown → undefined. */
export function yes(value: YesNo | YesPartlyNo | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : value === 'partly' ? false : undefined;
}


/** Each activity with its placement. */
export function activitiesWithPlacements(context: AuditContext): Array<{ activity: Activity; placement: Placement }> {
  return context.project.activities.map((activity, i) => ({ activity, placement: context.placements[i]! }));
}
