/**
 * A placement in plain words, the same in every rule and every format:
 * "rung 5 (Consulted and informed)", "at least rung 4 …; rung 6 … if …",
 * "not enough evidence to tell genuine participation from non-participation",
 * and the provisos it holds on.
 */
import type { FactKey } from './facts.js';
import type { Change, Placement } from './placeActivity.js';
import { rungLabel } from './rungs.js';

/** What a fact reaching a value would mean, as the end of "rung 6 if …". */
const IF_WORDS: Readonly<Record<FactKey, Readonly<Record<string, string>>>> = {
  started_by: { community: 'the community started it' },
  understood_purpose: { partly: 'people at least partly understood what it was for', yes: 'people understood what it was for' },
  chose_to_take_part: { yes: 'people chose freely to take part' },
  meaningful_role: { yes: 'people had a real job to do' },
  own_view: { limited: 'people could at least say something', yes: 'people could form and give their own view' },
  views_acted_on: { partly: 'their views were acted on', yes: 'their views were acted on' },
  feedback: { yes: 'people were told what became of what they said' },
  decisions: { community: 'the decisions were shared with, or made by, people with lived experience', shared: 'the community chose to share its decisions with the organisation' },
  presented_as_theirs: { no: "the work was not presented as the community's own" },
  seats: { minority: 'lived-experience members were briefed in time and could shape the agenda', equal: 'lived-experience members held at least half the seats, or could not be outvoted' },
};

/** "people understood what it was for and the decisions were shared …" */
export function ifWords(changes: readonly Change[]): string {
  const words = changes.map((c) => IF_WORDS[c.fact][c.to] ?? `${c.fact} were ${c.to}`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** Where the activity stands, as a phrase to follow "is" or "places it": "on rung 5 (…)", "at least on rung 4 (…)", "somewhere from rung 2 to rung 5". */
export function whereWords(p: Placement): string {
  switch (p.verdict) {
    case 'no_community':
      return 'not on the ladder (nobody with lived experience takes part)';
    case 'placed':
      return `on ${rungLabel(p.rung!)}`;
    case 'at_least':
      return `at least on ${rungLabel(p.rung!)}`;
    case 'not_enough_evidence':
      return p.rung === null ? `not shown to be on the ladder (at most rung ${p.ceiling})` : `somewhere from rung ${p.rung} to rung ${p.ceiling}`;
  }
}

/** The whole verdict, as one or two sentences. */
export function verdictSentence(p: Placement): string {
  switch (p.verdict) {
    case 'no_community':
      return 'Not on the ladder: nobody with lived experience of the issue takes part in it.';
    case 'placed':
      return `${capitalise(rungLabel(p.rung!))}.`;
    case 'at_least':
      // Below rung 4 at best, nothing in the file says what would lift it: the range is all there is to say.
      if (p.ceiling_if.length === 0) return `At least ${rungLabel(p.rung!)}, and at most ${rungLabel(p.ceiling!)}.`;
      return `At least ${rungLabel(p.rung!)}; ${rungLabel(p.ceiling!)} if ${ifWords(p.ceiling_if)}.`;
    case 'not_enough_evidence':
      if (p.rung === null) return `Not shown to involve anyone with lived experience of the issue; if it does, the facts allow up to ${rungLabel(p.ceiling!)}.`;
      return `Not enough evidence to tell genuine participation from non-participation: the facts allow ${rungLabel(p.rung)} to ${rungLabel(p.ceiling!)}.`;
  }
}

/** "Provided nobody was pressed into taking part and … (not recorded)." or '' when there is none. */
export function provisoSentence(p: Placement): string {
  if (p.provisos.length === 0) return '';
  const texts = p.provisos.map((x) => x.text);
  const list = texts.length === 1 ? texts[0]! : `${texts.slice(0, -1).join('; ')}; and ${texts[texts.length - 1]}`;
  return `Provided ${list} (${texts.length === 1 ? 'the file does not say' : 'the file says none of these'}).`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
