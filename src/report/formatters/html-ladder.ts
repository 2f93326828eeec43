/**
 * The ladder drawn as inline SVG for the HTML report: each rung a band, each
 * activity a marker on the rung its facts prove, claims with an arrow down to
 * the evidence, and participants' own placement beside it.
 */
import type { ProjectAudit } from '../../audit/result.js';
import { GENUINE_FROM, RUNGS, rungLabel } from '../../ladder/rungs.js';
import { verdictSentence, whereWords } from '../../ladder/verdict.js';
import { h, name, truncate } from '../html-text.js';
import { LINE, NAME_X, RAIL_LEFT, RAIL_RIGHT, STRIP, SVG_WIDTH, claimsAbove, ladderLayout, participantsDiffer } from './ladder-layout.js';

const COLOUR = {
  text: '#1b1b1b',
  muted: '#4a4a4a',
  rail: '#5c4326',
  participation: ['#f2f6fb', '#ffffff'],
  nonParticipation: '#fbe9e7',
  nonParticipationText: '#8b1a10',
  unplaced: '#f1f1f1',
  marker: '#0b4f9c',
  claim: '#a4262c',
  // Dark enough against every band for WCAG AA non-text contrast.
  participants: '#5b2a86',
};

/**
 * The ladder as inline SVG, in two passes: first the layout (ladderLayout:
 * the bands, each rung as tall as the markers on it need, and where each
 * marker sits), then the drawing here. A claim above the evidence is a hollow marker on the claimed
 * rung, with an arrow down to the activity's evidenced marker; arrows are
 * nested (the longest outermost) so they never cross one another.
 */
export function ladderFigure(project: ProjectAudit, pid: string): string[] {
  const { activities, claimants, unplaced, markerX, labelX, labelChars, bands, evidenceY, claimY, participantsY, lanes, laneX, railsBottom, unplacedTop, totalHeight } = ladderLayout(project);

  // Pass 2: the drawing.
  const parts: string[] = [];
  const strip = (top: number, label: string, note: string, fill: string, colour: string, name: string): void => {
    parts.push(
      `<g data-region="${name}">`,
      `<rect x="0" y="${top}" width="${SVG_WIDTH}" height="${STRIP}" fill="${fill}"/>`,
      `<text x="${NAME_X}" y="${top + 20}" font-size="14" font-weight="700" fill="${colour}">${h(label)}</text>`,
      `<text x="${SVG_WIDTH - 10}" y="${top + 20}" font-size="12" text-anchor="end" fill="${colour}">${h(note)}</text>`,
      '</g>',
    );
  };
  strip(0, 'Participation (rungs 4 to 8)', 'All genuine participation.', '#e3ebf5', COLOUR.text, 'participation');
  for (const band of bands) {
    const r = RUNGS[band.rung - 1]!;
    if (band.rung === GENUINE_FROM - 1) {
      // The line between participation and non-participation, drawn and said.
      const top = band.top - STRIP;
      strip(top, 'Non-participation (rungs 1 to 3)', 'People are present but do not really take part.', COLOUR.nonParticipation, COLOUR.nonParticipationText, 'non-participation');
      parts.push(`<line x1="0" y1="${top}" x2="${SVG_WIDTH}" y2="${top}" stroke="${COLOUR.nonParticipationText}" stroke-width="3" stroke-dasharray="10 6"/>`);
    }
    const fill = r.nonParticipation ? COLOUR.nonParticipation : COLOUR.participation[r.number % 2]!;
    const mid = band.top + band.height / 2;
    const firstLine = mid - ((band.names.length - 1) * LINE) / 2 + 5;
    parts.push(
      `<rect class="rung-band" data-band-rung="${r.number}" x="0" y="${band.top}" width="${SVG_WIDTH}" height="${band.height}" fill="${fill}"/>`,
      `<line x1="0" y1="${band.top + band.height}" x2="${SVG_WIDTH}" y2="${band.top + band.height}" stroke="#b8b8b8" stroke-width="1"/>`,
      // The rung itself: a bar between the rails, with its number.
      `<rect x="${RAIL_LEFT}" y="${mid - 3}" width="${RAIL_RIGHT - RAIL_LEFT}" height="6" fill="${COLOUR.rail}"/>`,
      `<circle cx="${(RAIL_LEFT + RAIL_RIGHT) / 2}" cy="${mid}" r="12" fill="#ffffff" stroke="${COLOUR.rail}" stroke-width="2"/>`,
      `<text x="${(RAIL_LEFT + RAIL_RIGHT) / 2}" y="${mid + 5}" font-size="14" font-weight="700" text-anchor="middle" fill="${COLOUR.text}">${r.number}</text>`,
      `<text x="${NAME_X}" y="${firstLine}" font-size="13" fill="${r.nonParticipation ? COLOUR.nonParticipationText : COLOUR.text}">` +
        band.names.map((line, i) => `<tspan x="${NAME_X}" dy="${i === 0 ? 0 : LINE}">${h(line)}</tspan>`).join('') +
        '</text>',
    );
  }
  parts.push(
    `<rect x="${RAIL_LEFT - 5}" y="${STRIP}" width="5" height="${railsBottom - STRIP}" fill="${COLOUR.rail}"/>`,
    `<rect x="${RAIL_RIGHT}" y="${STRIP}" width="5" height="${railsBottom - STRIP}" fill="${COLOUR.rail}"/>`,
  );
  if (unplaced.length > 0) {
    parts.push(
      `<rect class="unplaced-band" data-band="unplaced" x="0" y="${unplacedTop}" width="${SVG_WIDTH}" height="${totalHeight - 1 - unplacedTop}" fill="${COLOUR.unplaced}" stroke="#767676" stroke-dasharray="6 4"/>`,
      `<text x="${RAIL_LEFT}" y="${unplacedTop + 20}" font-size="14" font-weight="700" fill="${COLOUR.text}">Not enough evidence to place</text>`,
      `<text x="${SVG_WIDTH - 10}" y="${unplacedTop + 20}" font-size="12" text-anchor="end" fill="${COLOUR.text}">The facts recorded allow a range of rungs.</text>`,
    );
  }

  // Arrows from a claimed rung down to the evidence, each in its own lane.
  lanes.forEach((a) => {
    const from = claimY.get(a)!;
    const to = evidenceY.get(a)!;
    const x = laneX.get(a)!;
    const tip = Math.round(markerX - 11);
    parts.push(
      `<g class="claim-arrow" data-arrow-for="${h(a.id)}" data-from="${a.claim!.rung}" data-to="${a.placement.verdict === 'not_enough_evidence' ? 'unplaced' : a.placement.rung}">`,
      `<path d="M ${markerX - 9} ${from} H ${x} V ${to} H ${tip - 6}" fill="none" stroke="${COLOUR.claim}" stroke-width="2" stroke-dasharray="5 3"/>`,
      `<path d="M ${tip - 8} ${to - 5} L ${tip} ${to} L ${tip - 8} ${to + 5} Z" fill="${COLOUR.claim}"/>`,
      '</g>',
    );
  });

  for (const a of activities) {
    const p = a.placement;
    const at = evidenceY.get(a);
    if (at === undefined) continue;
    if (p.verdict !== 'not_enough_evidence') {
      const claimNote = claimsAbove(a) ? ` (claims rung ${a.claim!.rung})` : '';
      const range = p.verdict === 'at_least' ? ` (at least; up to rung ${p.ceiling})` : '';
      const proviso = p.provisos.length > 0 ? ' †' : '';
      const label = truncate(a.name, Math.max(8, labelChars - claimNote.length - range.length - proviso.length)) + range + proviso + claimNote;
      const said = `${a.name}: ${p.verdict === 'at_least' ? `at least on ${rungLabel(p.rung!)}, perhaps up to rung ${p.ceiling}` : `evidenced on ${rungLabel(p.rung!)}`}${p.provisos.length > 0 ? `, provided ${p.provisos.map((x) => x.text).join('; ')}` : ''}${claimNote}`;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="evidenced" data-verdict="${p.verdict}" data-rung="${p.rung}">`,
        `<title>${h(said)}</title>`,
        p.verdict === 'at_least'
          ? `<path d="M ${markerX} ${at - 9} L ${markerX + 9} ${at + 7} L ${markerX - 9} ${at + 7} Z" fill="${COLOUR.marker}" stroke="#ffffff" stroke-width="2"/>`
          : `<circle cx="${markerX}" cy="${at}" r="8" fill="${COLOUR.marker}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    } else {
      const range = p.rung === null ? ` (could be up to rung ${p.ceiling})` : ` (could be rung ${p.rung} to ${p.ceiling})`;
      const label = truncate(a.name, Math.max(8, labelChars - range.length)) + range;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="unplaced" data-floor="${p.rung ?? 0}" data-ceiling="${p.ceiling}">`,
        `<title>${h(`${a.name}: ${verdictSentence(p)}`)}</title>`,
        `<rect x="${markerX - 8}" y="${at - 8}" width="16" height="16" fill="#ffffff" stroke="${COLOUR.muted}" stroke-width="2"/>`,
        `<text x="${markerX}" y="${at + 5}" font-size="13" font-weight="700" text-anchor="middle" fill="${COLOUR.text}">?</text>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    }
  }
  // Participants' own placement: a diamond on the rung their answers give, below the claims.
  for (const band of bands) {
    band.theirs.forEach((a) => {
      const at = participantsY.get(a)!;
      const label = `${truncate(a.name, labelChars - 26)}: participants place it here`;
      parts.push(
        `<g class="marker" data-activity="${h(a.id)}" data-kind="participants" data-rung="${band.rung}">`,
        `<title>${h(`${a.name}: participants' own answers place it on ${rungLabel(band.rung)}`)}</title>`,
        `<path d="M ${markerX} ${at - 9} L ${markerX + 9} ${at} L ${markerX} ${at + 9} L ${markerX - 9} ${at} Z" fill="${COLOUR.participants}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${labelX}" y="${at + 5}" font-size="13" fill="${COLOUR.text}">${h(label)}</text>`,
        '</g>',
      );
    });
  }
  for (const a of claimants) {
    const at = claimY.get(a)!;
    const label = `${truncate(a.name, labelChars - 18)} claims this rung`;
    parts.push(
      `<g class="marker" data-activity="${h(a.id)}" data-kind="claimed" data-rung="${a.claim!.rung}">`,
      `<title>${h(`${a.name} claims ${rungLabel(a.claim!.rung)}${a.claim!.by === 'described_as' ? ` (in the words "${a.claim!.word}")` : ''}; the evidence does not allow it`)}</title>`,
      `<circle cx="${markerX}" cy="${at}" r="7" fill="#ffffff" stroke="${COLOUR.claim}" stroke-width="2" stroke-dasharray="3 2"/>`,
      `<text x="${labelX}" y="${at + 5}" font-size="13" font-style="italic" fill="${COLOUR.claim}">${h(label)}</text>`,
      '</g>',
    );
  }

  const titleId = `${pid}-ladder-title`;
  const descId = `${pid}-ladder-desc`;
  return [
    '<figure>',
    `<svg class="ladder" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SVG_WIDTH} ${totalHeight}" width="${SVG_WIDTH}" height="${totalHeight}" role="img" aria-labelledby="${titleId} ${descId}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`,
    `<title id="${titleId}">${h(`The ladder of participation for ${project.name}`)}</title>`,
    `<desc id="${descId}">${h(ladderDescription(project))}</desc>`,
    ...parts,
    '</svg>',
    '<figcaption>',
    '<ul class="legend">',
    '<li><span aria-hidden="true">●</span> Filled circle: the rung the evidence proves.</li>',
    '<li><span aria-hidden="true">▲</span> Triangle: at least this rung; the facts allow higher.</li>',
    '<li><span aria-hidden="true">†</span> Placed provided a problem the file does not record is absent.</li>',
    '<li><span aria-hidden="true">○</span> Dashed circle, with an arrow down to the evidence: a claimed rung the evidence does not allow.</li>',
    '<li><span aria-hidden="true">?</span> Square: not enough evidence to tell genuine participation from non-participation yet.</li>',
    ...(activities.some((a) => a.placement.verdict === 'no_community') ? [`<li>Not drawn: ${activities.filter((a) => a.placement.verdict === 'no_community').map((a) => name(a.name)).join(', ')}, where nobody with lived experience takes part.</li>`] : []),
    ...(activities.some(participantsDiffer) ? ["<li><span aria-hidden=\"true\">◆</span> Diamond: where participants' own answers place the activity, when that differs from the organisation's facts.</li>"] : []),
    '<li>Below the dashed line, shaded: rungs 1 to 3, non-participation.</li>',
    '</ul>',
    `<p>The same placements are in <a href="#${pid}-ladder-table">the table after the drawing</a>.</p>`,
    '</figcaption>',
    '</figure>',
  ];
}


function ladderDescription(project: ProjectAudit): string {
  const parts = ['Eight rungs, rung 8 at the top and rung 1 at the bottom; rungs 1 to 3 are non-participation.'];
  if (project.activities.length === 0) parts.push('No activities are recorded.');
  for (const a of project.activities) {
    const theirs = participantsDiffer(a) ? `, participants' own answers: rung ${a.perspective!.placement.rung}` : '';
    parts.push(`${a.name}: ${whereWords(a.placement)}${claimsAbove(a) ? `, claims rung ${a.claim!.rung}` : ''}${theirs}.`);
  }
  return parts.join(' ');
}

/** The text equivalent of the drawing: the same placements, rung by rung. */
