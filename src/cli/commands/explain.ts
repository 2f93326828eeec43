/** `coprod explain <id>`: a rule, a rung, a principle, a criterion, or the rating method, in full. */
import { CRITERIA } from '../../framework/criteria.js';
import { PRINCIPLES } from '../../framework/principles.js';
import { FACTS } from '../../ladder/facts.js';
import { RUNGS } from '../../ladder/rungs.js';
import { suggest } from '../../load/suggest.js';
import { BANDS, WEIGHTS } from '../../audit/rating.js';
import { RULES } from '../../rules/index.js';
import { SCALES, scaleById } from '../../scales/scales.js';
import { fullReference, LADDER_CITATION, sourceById, sourcesCitedIn } from '../../sources.js';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Style } from '../style.js';

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
    const conditions = r.conditions.length === 0 ? ['  (none: this is where an activity stands when no higher rung\'s conditions hold)'] : r.conditions.map((c) => `  • ${FACTS[c.fact].says[c.atLeast]}  (${c.fact}: ${c.atLeast}${FACTS[c.fact].values.indexOf(c.atLeast) < FACTS[c.fact].values.length - 1 ? ' or better' : ''})`);
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
      'An activity stands on the highest rung whose conditions all hold. For this rung:',
      ...conditions,
      '',
      ...citation(LADDER_CITATION),
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
      'Four parts, each a share from 0 to 1, weighted as written here and nowhere else:',
      ...Object.entries(WEIGHTS).map(([k, w]) => `  ${k.replace('_', ' ').padEnd(18)} ${String(w).padStart(3)}`),
      '',
      '  participation     share of activities evidenced at rung 4 or above (genuine participation)',
      '  shared decisions  share of activities evidenced at rung 6 or above',
      '  principles        the nine principles: met 1, partly 0.5, not met 0',
      '  criteria          Safe, Expert, Targeted/diverse, Valuable: the same',
      '',
      'Unknowns weigh nothing: they are left out of their part, and a part with nothing known is left out of the score.',
      'If what is left carries less than half the weight, there is no score: "not enough evidence".',
      `Bands: ${BANDS.map(([floor, name]) => `${floor}+ ${name}`).join(', ')}.`,
      'Findings do not change the score; they are counted beside it.',
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
  return [...RULES.map((r) => r.id), ...RUNGS.map((r) => `rung-${r.number}`), ...PRINCIPLES.map((p) => p.id), ...CRITERIA.map((c) => c.id), ...SCALES.map((s) => `scale-${s.id}`), 'rating'];
}

export function explainCommand(typed: string, io: Io, style: Style): number {
  const id = resolveTopic(typed);
  const text = id === undefined ? undefined : explainText(id, style);
  if (text === undefined) {
    const hint = suggest(slug(typed), allTopics());
    throw new UsageError(`There is nothing called \`${typed}\` to explain.${hint ? ` Did you mean \`${hint}\`?` : ''} Try a rule id (\`coprod rules\`), rung-1 to rung-8, a principle or criterion id, scale-hart, scale-arnstein, scale-iap2, scale-tlap, scale-partos, or rating.`);
  }
  io.stdout.write(text + '\n');
  return EXIT.clean;
}
