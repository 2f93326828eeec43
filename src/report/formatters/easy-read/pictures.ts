/**
 * The pictures beside each point: an icon (Tabler Icons, MIT licence; see
 * icons.ts), or a small ladder with one step filled in. They are decoration
 * for the words beside them, which say everything, so screen readers skip them.
 */
import { ICONS, type IconName } from './icons.js';
import { TOP_RUNG } from '../../../ladder/rungs.js';

export function icon(name: IconName): string {
  return `<svg class="picture" viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round">${ICONS[name]}</svg>`;
}

/** A ladder of 8 steps, step 1 at the bottom, with `step` filled in (none when unknown). */
export function ladderPicture(step: number | null): string {
  const rungs: string[] = [];
  for (let n = 1; n <= TOP_RUNG; n++) {
    const y = 86 - (n - 1) * 10.5;
    rungs.push(n === step ? `<rect x="14" y="${y - 3.5}" width="28" height="7" rx="1.5" class="here"/>` : `<line x1="16" y1="${y}" x2="40" y2="${y}"/>`);
  }
  const unknown = step === null ? '<text x="28" y="56" text-anchor="middle" class="unknown">?</text>' : '';
  return `<svg class="picture ladder" viewBox="0 0 56 96" width="56" height="96" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"><line x1="14" y1="6" x2="14" y2="92"/><line x1="42" y1="6" x2="42" y2="92"/>${rungs.join('')}${unknown}</svg>`;
}
