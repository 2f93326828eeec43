/**
 * GitHub Actions workflow commands: a notice per project with where each
 * activity stands and the questions that would settle the audit; then each
 * finding that is not waived, as an annotation on its line of the project
 * file (error, warning or notice),
 * and each problem with a file that could not be audited an error. Values are
 * escaped by the workflow-command rules, so a name holding a newline, `:` or
 * `,` cannot end the command early or forge another one. The last line is a
 * plain summary.
 */
import type { AuditRun, Finding, InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { provisoSentence, verdictSentence } from '../../ladder/verdict.js';
import { streamWhole, type ProjectStream } from './format.js';
import type { Problem } from '../../problem.js';
import type { Severity } from '../../rules/rule.js';
import { plural } from '../../plain-english.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(run: AuditRun): string {
  return streamWhole(streamGithub(), run);
}

/** One command line per finding as each project is audited; problems and the summary at the end. */
export function streamGithub(): ProjectStream {
  return {
    begin: () => '',
    separator: '',
    project: (project) => placementCommand(project) + project.findings.filter((f) => !f.waived).map((f) => findingCommand(f) + '\n').join(''),
    end: (briefs, invalid) => [...invalid.flatMap((file) => file.problems.map((found) => problemCommand(found, file.file))), summary(briefs, invalid)].join('\n') + '\n',
  };
}

/**
 * One notice per project, on the file: where each activity stands (its
 * evidenced rung, how high it could be, and any proviso), then the questions
 * that would settle the audit. One, not one per activity, so it never crowds
 * out the findings in the runner's limit on annotations.
 */
function placementCommand(project: ProjectAudit): string {
  const lines = ['Where each activity stands:', ...project.activities.map((a) => `- ${a.name} (${a.id}): ${verdictSentence(a.placement)}${a.placement.provisos.length > 0 ? ` ${provisoSentence(a.placement)}` : ''}`)];
  if (project.questions.length > 0) lines.push('Questions to settle this audit:', ...project.questions.map((q) => `- ${q.activity ?? q.group ?? 'the project'}: ${q.question} (${q.key})`));
  return `::notice ${[`file=${property(project.file)}`, `title=${property('coprod: where each activity stands')}`].join(',')}::${data(lines.join('\n'))}\n`;
}

function findingCommand(f: Finding): string {
  const properties = [`file=${property(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${property(`coprod ${f.rule}`)}`];
  return `::${COMMAND[f.severity]} ${properties.join(',')}::${data(`${f.message}\nWhat to do: ${f.advice}`)}`;
}

function problemCommand(found: Problem, file: string): string {
  const properties = [`file=${property(file)}`];
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

