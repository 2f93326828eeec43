/** Words and orderings that several formats share, so they never disagree. */
import type { AuditRun, ProjectBrief, ProjectSummary } from '../../audit/result.js';
import { plural } from '../../plain-english.js';
import type { Stage } from '../../project.js';
import { byText } from '../../text-order.js';

export const STAGE_WORDS: Record<Stage, string> = {
  agenda_setting: 'Setting the agenda',
  design: 'Design',
  commissioning: 'Commissioning',
  delivery: 'Delivery',
  evaluation: 'Evaluation',
};

export function stageWords(stage: Stage): string {
  return STAGE_WORDS[stage];
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export const SORT_KEYS = ['score', 'name', 'errors', 'shared', 'highest', 'lowest', 'file'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * Ranks projects for a side-by-side review. Unknown scores go last. Ties are
 * broken by file path so the order never depends on the order files were read.
 */
export function compareProjects<T extends ProjectBrief>(projects: readonly T[], sort: SortKey = 'score'): T[] {
  const key = (p: T): number | string => {
    const s = p.summary;
    switch (sort) {
      case 'name':
        return p.name.toLowerCase();
      case 'file':
        return p.file;
      case 'errors':
        return s.findings.error;
      case 'shared':
        return -(s.shared_decisions_share ?? -1);
      case 'highest':
        return -(s.highest_rung ?? 0);
      case 'lowest':
        return -(s.lowest_rung ?? 0);
      case 'score':
        return -(s.score ?? -1);
    }
  };
  return [...projects].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const primary = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : byText(String(ka), String(kb));
    return primary || byText(a.file, b.file);
  });
}

/** "3 projects audited; 1 file could not be audited (listed at the end)." */
export function overview(run: AuditRun): string {
  if (run.projects.length === 0 && run.invalid.length === 0) return 'No project files were audited.';
  const parts = [plural(run.projects.length, 'project') + ' audited'];
  if (run.invalid.length > 0) parts.push(`${plural(run.invalid.length, 'file')} could not be audited (listed at the end)`);
  return parts.join('; ') + '.';
}

/** "5 (3 placed, 1 at least on a rung, 1 not enough evidence; 1 with nobody with lived experience)" */
export function activityCounts(s: ProjectSummary): string {
  const parts = [`${s.placed} placed`];
  if (s.at_least > 0) parts.push(`${s.at_least} at least on a rung`);
  if (s.not_enough_evidence > 0) parts.push(`${s.not_enough_evidence} with not enough evidence`);
  const off = s.without_community > 0 ? `; ${s.without_community} with nobody with lived experience, not on the ladder` : '';
  return `${s.activities} (${parts.join(', ')}${off})`;
}

/**
 * "1", or "0 shown, 2 more may be" when some activities cannot yet be told from non-participation: the
 * lowest evidenced rung counts those activities at their floor, so a bare 0 beside "lowest 1" would read
 * as a contradiction.
 */
export function nonParticipation(s: ProjectSummary): string {
  return s.not_enough_evidence > 0 ? `${s.non_participation} shown, ${s.not_enough_evidence} more may be` : `${s.non_participation}`;
}

/**
 * "62 out of 100, good (resting on 85% of what the score weighs)"; "12 out of 100, not rated: what is known
 * covers only 30% of what the score weighs"; or "no score: …" for a plan with no activities or nobody with
 * lived experience.
 */
export function scoreWords(s: ProjectSummary): string {
  const covers = Math.round(s.score_rests_on * 100);
  if (s.score === null) return s.activities === 0 ? 'no score: the plan has no activities' : 'no score: no group with lived experience of the issue is shown to take part';
  if (s.rating === 'not enough evidence') return `${s.score} out of 100, not rated: not enough evidence (what is known covers only ${covers}% of what the score weighs, and everything unknown counts against it)`;
  return `${s.score} out of 100, ${s.rating} (resting on ${covers}% of what the score weighs)`;
}
