/**
 * GitHub Actions workflow commands: a notice per project with where each
 * activity stands and the questions that would settle the audit; then each
 * finding that is not waived, as an annotation on its line of the project
 * file (error, warning or notice),
 * and each problem with a file that could not be audited an error. Values are
 * escaped by the workflow-command rules, so a name holding a newline, `:` or
 * `,` cannot end the command early or forge another one. Files are named from
 * the repository root, as GitHub needs to place an annotation. The runner
 * keeps only ten annotations of each level in a step: past that, findings are
 * plain log lines, and one annotation says how many were not annotated. The
 * last line is a plain summary.
 */
import type { AuditRun, Finding, InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { provisoSentence, verdictSentence } from '../../ladder/verdict.js';
import type { FormatContext, ProjectStream } from './format.js';
import { where, type Problem } from '../../problem.js';
import { byText } from '../../text-order.js';
import type { Severity } from '../../rules/rule.js';
import { plural } from '../../plain-english.js';
import { inertLines, visibleAll } from '../text/terminal.js';
import { fromRoot, type PathBase } from '../text/sarif-uri.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
type Level = 'error' | 'warning' | 'notice';

/**
 * The runner makes at most this many annotations of each level (error,
 * warning, notice) in one step and drops the rest without a word. The last
 * is kept for a summary that says how many were not shown.
 */
export const ANNOTATIONS_PER_LEVEL = 10;

export function formatGithub(run: AuditRun, context?: Partial<FormatContext>): string {
  const base = context?.base;
  const commands: Array<{ level: Level; line: string; plain: string }> = [];
  // In the order of the names from the root, so the annotations are the same from any folder.
  const byShown = <T extends { file: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => byText(fromRoot(a.file, base), fromRoot(b.file, base)));
  for (const raw of byShown(run.projects)) {
    // Values from files are shown with their controls made visible, as on a terminal; the command escaping below then keeps each on its line.
    const project = visibleAll(raw);
    commands.push({ level: 'notice', line: placementCommand(project, base), plain: inertLines(`${fromRoot(project.file, base)}: notice: ${placementLines(project).join('\n  ')}`) });
    for (const f of project.findings.filter((x) => !x.waived)) commands.push({ level: COMMAND[f.severity] as Level, line: findingCommand(f, base), plain: plainLine(f.file, f, f.severity, `${f.message} (${f.rule})`, base) });
  }
  const invalid = visibleAll(byShown(run.invalid));
  for (const file of invalid) for (const found of file.problems) commands.push({ level: 'error', line: problemCommand(found, file.file, base), plain: plainLine(file.file, found.position, 'error', `${found.message} (${found.kind})`, base) });

  const shown: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const total: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  for (const c of commands) total[c.level]++;
  const over = (level: Level): boolean => total[level] > ANNOTATIONS_PER_LEVEL;
  const lines: string[] = [];
  for (const c of commands) {
    // Past the limit, a finding is still in the log, as a plain line, but not sent as an annotation the runner would drop.
    if (over(c.level) && shown[c.level] >= ANNOTATIONS_PER_LEVEL - 1) {
      if (c.plain) lines.push(c.plain);
      continue;
    }
    shown[c.level]++;
    lines.push(c.line);
  }
  const hidden = (['error', 'warning', 'notice'] as Level[]).filter(over);
  if (hidden.length > 0) {
    const counts = hidden.map((level) => plural(total[level] - shown[level], level === 'notice' ? 'note' : level));
    const one = hidden.reduce((sum, level) => sum + total[level] - shown[level], 0) === 1;
    const message = `GitHub shows at most ${ANNOTATIONS_PER_LEVEL} annotations of each kind in one step, so ${listWords(counts)} ${one ? 'is' : 'are'} not annotated here: ${one ? 'it is' : 'they are'} listed in this step's log. To see every finding on its line, upload coprod's SARIF report (--format sarif) to code scanning.`;
    lines.push(`::${hidden[0]} ${`title=${property('coprod: more findings than GitHub annotates')}`}::${data(message)}`);
  }
  lines.push(summary(run.projects, run.invalid));
  return lines.join('\n') + '\n';
}

/**
 * Not written as it goes: the runner's limit on annotations means the
 * format must count them all before it knows which to send.
 */
export function streamGithub(): ProjectStream | undefined {
  return undefined;
}

/** A finding or problem past the limit: `file:line:column: severity: message`, as a plain log line that cannot read as a command. */
function plainLine(file: string, position: { line: number; column: number } | undefined, severity: string, message: string, base: PathBase | undefined): string {
  return inertLines(`${where(fromRoot(file, base), position)}: ${severity}: ${message}`.replace(/[\r\n]+/g, ' '));
}

function listWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One notice per project, on the file: where each activity stands (its
 * evidenced rung, how high it could be, and any proviso), then the questions
 * that would settle the audit. One, not one per activity, so it never crowds
 * out the findings in the runner's limit on annotations.
 */
function placementLines(project: ProjectAudit): string[] {
  const lines = ['Where each activity stands:', ...project.activities.map((a) => `- ${a.name} (${a.id}): ${verdictSentence(a.placement)}${a.placement.provisos.length > 0 ? ` ${provisoSentence(a.placement)}` : ''}`)];
  if (project.questions.length > 0) lines.push('Questions to settle this audit:', ...project.questions.map((q) => `- ${q.activity ?? q.group ?? 'the project'}: ${q.question} (${q.key})`));
  return lines;
}

function placementCommand(project: ProjectAudit, base: PathBase | undefined): string {
  const lines = placementLines(project);
  return `::notice ${[`file=${property(fromRoot(project.file, base))}`, `title=${property('coprod: where each activity stands')}`].join(',')}::${data(lines.join('\n'))}`;
}

function findingCommand(f: Finding, base: PathBase | undefined): string {
  const properties = [`file=${property(fromRoot(f.file, base))}`, `line=${f.line}`, `col=${f.column}`, `title=${property(`coprod ${f.rule}`)}`];
  return `::${COMMAND[f.severity]} ${properties.join(',')}::${data(`${f.message}\nWhat to do: ${f.advice}`)}`;
}

function problemCommand(found: Problem, file: string, base: PathBase | undefined): string {
  const properties = [`file=${property(fromRoot(file, base))}`];
  if (found.position) properties.push(`line=${found.position.line}`, `col=${found.position.column}`);
  properties.push(`title=${property(`coprod ${found.kind}`)}`);
  return `::error ${properties.join(',')}::${data(found.message)}`;
}

function summary(briefs: readonly ProjectBrief[], invalid: readonly InvalidFile[]): string {
  const total = { error: 0, warning: 0, info: 0, waived: 0 };
  for (const p of briefs) {
    total.error += p.summary.findings.error;
    total.warning += p.summary.findings.warning;
    total.info += p.summary.findings.info;
    total.waived += p.summary.findings.waived;
  }
  const counts = `${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${plural(total.info, 'note')}${total.waived > 0 ? ` (${total.waived} waived)` : ''}`;
  const notAudited = invalid.length > 0 ? `; ${plural(invalid.length, 'file')} could not be audited` : '';
  return `coprod: ${plural(briefs.length, 'project')} audited: ${counts}${notAudited}.`;
}

/** The message after `::`: %, CR and LF escaped. */
function data(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as the message, and `:` and `,` too, which would otherwise end it. */
function property(value: string): string {
  return data(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

