/** Words and orderings that several formats share, so they never disagree. */
import type { AuditRun, ProjectBrief } from '../../audit/result.js';
import { plural } from '../../plain-english.js';
import type { Stage } from '../../project.js';

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

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

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
