/** `coprod explain <id>`: a rule, a rung, a principle, a criterion, or the rating method, in full. */
import { CRITERIA } from '../../framework/criteria.js';
import { PRINCIPLES } from '../../framework/principles.js';
import { FACT_KEYS, FACTS } from '../../ladder/facts.js';
import { RED_FLAGS, RUNGS } from '../../ladder/rungs.js';
import { IMPLICATIONS } from '../../ladder/implications.js';
import { CLAIM_WORDS } from '../../ladder/claims.js';
import { suggest } from '../../load/suggest.js';
import { BANDS, ENOUGH_KNOWN, WEIGHTS } from '../../audit/rating.js';
import { RULES } from '../../rules/index.js';
import { SCALES, scaleById } from '../../scales/scales.js';
import { fullReference, LADDER_CITATION, sourceById, sourcesCitedIn } from '../../sources.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import type { Style } from '../../report/style.js';

/** Where the citation is the source, then the full reference of each source it names (docs/sources.md). */
export function citation(source: string): string[] {
  return [`Source: ${source}`, ...sourcesCitedIn(source).map((s) => `  ${fullReference(s)}`)];
}

export function explainText(id: string, style: Style): string | undefined {
  const rule = RULES.find((r) => r.id === id);
  if (rule) {
    const concerns = rule.concerns.map((c) => [...PRINCIPLES, ...CRITERIA].find((s) => s.id === c)?.name ?? c);
    return [
      style.heading(`Rule ${rule.id}`) + `  (${rule.severity})`,
      rule.description,
      '',
      style.bold('Why it matters'),
      rule.why,
      ...citation(rule.source),
      ...(concerns.length > 0 ? [`Concerns: ${concerns.join('; ')}`] : []),
      '',
      style.bold('How coprod decides'),
      rule.howDecided,
      '',
      style.bold('What to do'),
      rule.advice,
      '',
      style.bold('Example that triggers it'),
      ...rule.example.split('\n').map((l) => `  ${l}`),
      '',
      `Change its severity or turn it off in .coprodrc.yaml (rules: { ${rule.id}: off }), or waive it in the project file with a reason.`,
    ].join('\n');
  }

  const rungMatch = /^rung-?([1-8])$/.exec(id);
  if (rungMatch) {
    const r = RUNGS[Number(rungMatch[1]) - 1]!;
    const conditions =
      r.conditions.length === 0
        ? ["  (none: this is where an activity stands when no higher rung's credits hold, and no red flag holds it lower)"]
        : r.conditions.map((c) => `  • ${FACTS[c.fact].says[c.atLeast]}  (${c.fact}: ${c.atLeast}${FACTS[c.fact].values.indexOf(c.atLeast) < FACTS[c.fact].values.length - 1 ? ' or better' : ''})`);
    const flags = RED_FLAGS.filter((f) => f.cap < r.number).map((f) => `  • ${f.holds} (holds it at rung ${f.cap} or below)`);
    return [
      style.heading(`Rung ${r.number}: ${r.name}`) + (r.nonParticipation ? '  (non-participation)' : '  (genuine participation)'),
      r.short + '.',
      '',
      r.long,
      '',
      style.bold('What sets it apart from the rung below'),
      r.aboveBelow,
      '',
      style.bold('How coprod decides'),
      'An activity stands on the highest rung whose credits all hold, unless a red flag holds it lower. For this rung, the credits:',
      ...conditions,
      ...(flags.length > 0 ? ['and none of these red flags:', ...flags] : []),
      '',
      'How facts are read (what follows from what, and what is taken when the file is silent): coprod explain placement.',
      ...citation(LADDER_CITATION),
    ].join('\n');
  }

  if (id === 'placement') return placementText(style);
  if (id === 'claims') {
    return [
      style.heading('Words are claims'),
      'How an activity is described claims a rung, whether or not the file gives a `claimed_rung`. coprod checks the claim against the facts as it checks any claimed rung: a claim above the highest rung the facts allow is `claim-exceeds-evidence` (or `co-production-in-name-only`, for words that promise shared decisions); a claim the facts do not yet show is `claim-not-evidenced`. A `claimed_rung` in the file is used instead of the words when both are given.',
      '',
      ...CLAIM_WORDS.flatMap((row) => [style.bold(`Rung ${row.rung} (${RUNGS[row.rung - 1]!.name})`), `  ${row.words}`, `  ${row.why}`, '']),
      'The highest rung any words in `described_as` claim is the claim.',
    ].join('\n');
  }

  const standard = [...PRINCIPLES, ...CRITERIA].find((s) => s.id === id);
  if (standard) {
    const kind = PRINCIPLES.includes(standard) ? 'Principle' : 'Criterion';
    return [
      style.heading(`${kind}: ${standard.name}`) + `  (${standard.id})`,
      standard.description,
      ...citation(standard.source),
      '',
      style.bold('How coprod judges it'),
      standard.howJudged,
      'Each check is shown, not shown, or unknown. Met: all shown. Not met: every known check fails. Partly met: some shown, some not. Not enough evidence: nothing fails, but something is unknown.',
    ].join('\n');
  }

  const scaleMatch = /^scale-([a-z0-9]+)$/.exec(id);
  const scale = scaleMatch ? scaleById(scaleMatch[1]!) : undefined;
  if (scale) {
    const width = Math.max(...RUNGS.map((r) => `${r.number} ${r.name}`.length));
    const levelName = (level: string | null): string => (level === null ? 'no equivalent' : scale.levels.find((l) => l.id === level)!.name);
    const source = sourceById(SCALE_SOURCES[scale.id] ?? '');
    return [
      style.heading(scale.name),
      scale.attribution,
      ...(source ? [`  ${fullReference(source)}`] : []),
      '',
      scale.note,
      '',
      style.bold('Nearest equivalents (approximate: each framework draws its lines for its own purpose)'),
      ...RUNGS.map((r, i) => {
        const e = scale.equivalents[i]!;
        return `  ${`${r.number} ${r.name}`.padEnd(width)}  →  ${levelName(e.level)}\n  ${' '.repeat(width)}     ${e.reason}`;
      }),
      '',
      `Show these in an audit with \`coprod audit FILES --scale ${scale.id}\`.`,
    ].join('\n');
  }

  if (id === 'rating') {
    return [
      style.heading('How the overall rating is worked out'),
      'Four parts, each a share from 0 to 1 of what the file shows, weighted as written here and nowhere else:',
      ...Object.entries(WEIGHTS).map(([k, w]) => `  ${k.replace('_', ' ').padEnd(18)} ${String(w).padStart(3)}`),
      '',
      '  participation     share of activities on the ladder whose evidenced rung is 4 or above (genuine participation)',
      '  shared decisions  share of activities on the ladder whose evidenced rung is 6 or above',
      "  principles        the nine principles: the share of each one's checks shown to hold, averaged",
      '  criteria          Safe, Expert, Targeted/diverse, Valuable: the same',
      '',
      'The evidenced rung is what the facts prove (the floor), so an activity that cannot be shown to be genuine participation counts against the first part, and a check the file does not answer counts against its principle: leaving a fact out never raises the score.',
      `A part with less than ${Math.round(ENOUGH_KNOWN * 100)}% of it known (activities on either side of its line, checks answered yes or no) is marked as resting on too little, and counts only what it shows: recording a failure never raises the score.`,
      'The score says how much of its weight rests on known evidence. Below half, the score is given but not rated ("not enough evidence"): everything unknown already counts against it.',
      'A plan with no activities, or no group with lived experience of the issue, has no score. A plan whose activities all involve nobody with lived experience scores 0 on the two ladder parts.',
      'Activities where nobody with lived experience takes part are not on the ladder, and are left out of the first two parts.',
      `Bands: ${BANDS.map(([floor, name]) => `${floor}+ ${name}`).join(', ')}.`,
      'Findings do not change the score; they are counted beside it. With --strict, problems the file does not record count as possible, so the evidenced rungs, and the score, can only be lower.',
    ].join('\n');
  }
  return undefined;
}

/** The entry in docs/sources.md for each framework `--scale` offers. */
const SCALE_SOURCES: Readonly<Record<string, string>> = { hart: 'hart-1992', arnstein: 'arnstein-1969', iap2: 'iap2-spectrum', tlap: 'tlap-ladder', partos: 'partos-2020' };

/** Lower-case words joined by hyphens: "Assigned but informed" and "assigned, but informed" both read assigned-but-informed. */
const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The topic a person means, however they wrote it: any case; a rung as
 * `rung-5`, `rung 5`, `5` or its name (`tokenism`); a principle or criterion
 * by id or by name (`Targeted/diverse`); a scale as `scale-iap2` or `iap2`.
 */
export function resolveTopic(typed: string): string | undefined {
  const topics = allTopics();
  const plain = slug(typed);
  if (topics.includes(plain)) return plain;
  const rungNumber = /^(?:rung-?)?([1-8])$/.exec(plain);
  if (rungNumber) return `rung-${rungNumber[1]}`;
  const rung = RUNGS.find((r) => slug(r.name) === plain);
  if (rung) return `rung-${rung.number}`;
  const standard = [...PRINCIPLES, ...CRITERIA].find((s) => slug(s.name) === plain);
  if (standard) return standard.id;
  if (topics.includes(`scale-${plain}`)) return `scale-${plain}`;
  return undefined;
}

export function allTopics(): string[] {
  return [...RULES.map((r) => r.id), ...RUNGS.map((r) => `rung-${r.number}`), ...PRINCIPLES.map((p) => p.id), ...CRITERIA.map((c) => c.id), ...SCALES.map((s) => `scale-${s.id}`), 'rating', 'placement', 'claims'];
}

/** The whole placement method, written from the data the audit uses: facts and their parts, implications, red flags. */
export function placementText(style: Style): string {
  const lines = [
    style.heading('How an activity is placed on the ladder'),
    'Every rung is worked out from the facts the file records, never from what it claims. In order:',
    '',
    style.bold('1. Facts that follow from other facts are filled in'),
    'A fact the file leaves unknown is filled in when other facts imply it, and shown as "implied by …". Where the file records a value that the other facts rule out, the two disagree: that is a finding of its own (facts-disagree), and the placement goes by the implication, so leaving the contradicting fact out could never place it higher.',
    ...IMPLICATIONS.map((i) => `  • ${i.when.map((w) => (w.fact === 'seats' ? 'a seats block (a board or panel)' : `${w.fact}: ${w.atLeast}${FACTS[w.fact].values.indexOf(w.atLeast) < FACTS[w.fact].values.length - 1 ? ' or better' : ''}`)).join(' and ')}  ⇒  ${i.then.fact}: ${i.then.atLeast}${FACTS[i.then.fact].values.indexOf(i.then.atLeast) < FACTS[i.then.fact].values.length - 1 ? ' or better' : ''}\n      ${i.reason} (${i.source})`),
    '  • On a board or panel, a minority of seats with no veto recorded can be outvoted.',
    '',
    style.bold('2. Credits and red flags'),
    'Each fact credits a rung, marks a lower one, or both. A credit counts only when it is recorded or implied. A red flag counts only when it is recorded or implied; when it is not recorded, the placement holds "provided that" it is absent, and the report says so wherever the rung is shown.',
    ...FACT_KEYS.map((k) => `  • ${k} (${FACTS[k].role}): ${FACTS[k].reasoning}`),
    '',
    'The red flags, and the rung each holds an activity at, at most:',
    ...RED_FLAGS.map((f) => `  • ${f.holds} (rung ${f.cap}; ${f.source})`),
    '',
    style.bold('3. The evidenced rung (floor) and the highest it could reach (ceiling)'),
    "The rung of any one reading of the facts is the highest whose credits all hold, held down by any red flag. The floor reads every unknown credit at its worst; the ceiling reads every unknown at its best. Leaving a credit out can only lower the floor. Summaries, the score, --min-rung, --min-shared, ranking, CSV and diff all use the floor.",
    '  • "Rung N" when floor and ceiling meet.',
    '  • "At least rung N; rung M if …" when the floor is genuine participation (rung 4 or above), or when even the ceiling is non-participation.',
    '  • "Not enough evidence to tell genuine participation from non-participation (rungs L to M)" otherwise, with the one fact that would settle it.',
    '',
    style.bold('4. No community, no rung'),
    'An activity where nobody with lived experience of the issue takes part (every group it names records experience_of_issue: none) is not on the ladder. It still counts where the agenda is set. A group with lived experience is one that records experience_of_issue: direct or close, or, where that is not recorded, describes its lived_experience (not in words such as "none"; and with --strict only experience_of_issue shows it). Where the file does not say, the placement holds provided the people taking part have lived experience.',
    '',
    style.bold('5. Questions'),
    'Each placement lists only the unknown facts whose answer could change it, the one that would settle it first; each project gets a short list of "questions to settle this audit" that a funder can send to whoever wrote the file.',
    '',
    style.bold('6. --strict'),
    'With --strict (or strict: true in .coprodrc.yaml), a red flag the file does not record counts as possible instead of absent, so only what is recorded or implied places an activity, and there are no provisos: leaving any fact out, or setting it unknown, can never raise a rung or the score, nor pass a gate that the full file fails. An activity not shown to be genuine participation is an error (non-participation), a claim the facts do not prove is an error (claim-exceeds-evidence), and a group whose costs are not recorded as covered is an error (costs-not-covered). Use it for files you did not write: submissions to a fund, plans from outside.',
  ];
  return lines.join('\n');
}

export function explainCommand(typed: string, io: Io, style: Style): number {
  const id = resolveTopic(typed);
  const text = id === undefined ? undefined : explainText(id, style);
  if (text === undefined) {
    const hint = suggest(slug(typed), allTopics());
    throw new UsageError(`There is nothing called \`${typed}\` to explain.${hint ? ` Did you mean \`${hint}\`?` : ''} Try a rule id (\`coprod rules\`), rung-1 to rung-8, a principle or criterion id, scale-hart, scale-arnstein, scale-iap2, scale-tlap, scale-partos, rating, placement or claims.`);
  }
  io.stdout.write(text + '\n');
  return EXIT.clean;
}
