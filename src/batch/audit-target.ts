/**
 * Audits one file, from reading it to the text it contributes to the report:
 * the same work whether it runs on the main thread or in a worker thread.
 */
import { visible } from '../report/text/terminal.js';
import { auditProject, type AuditConfig } from '../audit/auditProject.js';
import { briefOf, type ProjectAudit, type ProjectBrief } from '../audit/result.js';
import type { FailOn } from '../config/config.js';
import { whereWords } from '../ladder/verdict.js';
import { loadProject } from '../load/index.js';
import { RULE_IDS } from '../rules/index.js';
import type { Problem } from '../problem.js';
import { readSource, skipNote, type Note, type Source, type StdinReader, type Target } from '../load/sources.js';
import { gatherViews, type LoadedPerspectives } from '../perspectives/perspectives.js';
import type { ProjectStream } from '../report/formatters/format.js';
import { SEVERITY_RANK, type Severity } from '../rules/rule.js';
import type { Limits } from '../load/index.js';

/** The thresholds that decide exit code 1. */
export interface Gate {
  failOn: FailOn;
  minRung?: number;
  minShared?: number;
  minScore?: number;
  /** Where --min-rung, --min-shared and --min-score came from, when it was the configuration file: named in the reasons. */
  from?: { minRung?: string; minShared?: string; minScore?: string };
}

export type TargetOutcome =
  | {
      kind: 'project';
      /**
       * The project's text, when the format is written as it goes: as UTF-8 bytes when a worker thread made it, so that
       * it is handed over without a copy and never lands on this thread's heap.
       */
      chunk?: string | Uint8Array;
      brief: ProjectBrief;
      /** Findings at or above --fail-on that are not waived. */
      over: number;
      /** Why the project fails --min-rung or --min-shared, one line each. */
      reasons: string[];
      /** The whole audit, when the format needs every project at the end. */
      project?: ProjectAudit;
    }
  | { kind: 'invalid'; file: string; problems: Problem[] }
  /** Found by a search, and clearly not a project file: passed over with a note. */
  | { kind: 'skipped'; note: Note };


export function gateOf(project: ProjectAudit, gate: Gate): { over: number; reasons: string[] } {
  const over = gate.failOn === 'never' ? 0 : project.findings.filter((f) => !f.waived && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[gate.failOn as Severity]).length;
  const reasons: string[] = [];
  // A gate needs evidence: an activity not shown to reach the rung, or a plan with nothing on the ladder, does not pass it.
  const ladder = project.activities.filter((a) => a.placement.verdict !== 'no_community');
  if (gate.minRung !== undefined) {
    const none = project.activities.length === 0 ? 'the plan has no activities' : 'nobody with lived experience takes part in any activity';
    if (ladder.length === 0) reasons.push(`${project.file}: no activity is shown to reach rung ${gate.minRung} (${gate.from?.minRung ?? `--min-rung ${gate.minRung}`}): ${none}.`);
    for (const a of ladder) {
      if (a.placement.rung === null || a.placement.rung < gate.minRung) {
        reasons.push(`${project.file}:${a.line}:${a.column}: "${visible(a.name)}" is ${whereWords(a.placement)}, below ${gate.from?.minRung ?? `--min-rung ${gate.minRung}`}.`);
      }
    }
  }
  const share = project.summary.shared_decisions_share;
  if (gate.minShared !== undefined && (share === null || share < gate.minShared)) {
    const now = share === null ? 'no activity on the ladder shares them' : `decisions are shown to be shared (rung 6 or above) in ${Math.round(share * 100)}% of activities`;
    reasons.push(`${project.file}: ${now}, below the ${Math.round(gate.minShared * 100)}% asked for (${gate.from?.minShared ?? '--min-shared'}).`);
  }
  const score = project.summary.score;
  if (gate.minScore !== undefined && (score === null || score < gate.minScore)) {
    const why = project.activities.length === 0 ? 'the plan has no activities' : 'no group with lived experience of the issue is shown to take part';
    reasons.push(`${project.file}: the overall score is ${score === null ? `not given (${why})` : `${score} out of 100`}, below the ${gate.minScore} asked for (${gate.from?.minScore ?? '--min-score'}).`);
  }
  return { over, reasons };
}

export interface TargetSetup {
  limits: Limits;
  config: AuditConfig;
  gate: Gate;
  /** Report errors only (`--quiet`); warnings and notes still count for the gate. */
  quiet?: boolean;
}

export async function auditTarget(
  target: Target,
  setup: TargetSetup,
  stream: ProjectStream | undefined,
  readStdin?: StdinReader,
  perspectives: readonly LoadedPerspectives[] = [],
): Promise<TargetOutcome> {
  const source = await readSource(target, setup.limits, readStdin);
  if ('kind' in source) return { kind: 'invalid', file: target.file, problems: [source] };
  return auditSource(target, source, setup, stream, perspectives);
}

/** Audits one file's text, once it has been read. */
export function auditSource(target: Target, source: Source, setup: TargetSetup, stream: ProjectStream | undefined, perspectives: readonly LoadedPerspectives[] = []): TargetOutcome {
  const loaded = loadProject(source.file, source.text, setup.limits, RULE_IDS);
  const skipped = skipNote(target, loaded);
  if (skipped) return { kind: 'skipped', note: skipped };
  if (!loaded.ok) return { kind: 'invalid', file: target.file, problems: detached(loaded.problems) };
  let config = setup.config;
  if (perspectives.length > 0) {
    const mine = perspectives.filter((f) => f.project === undefined || f.project === loaded.loaded.project.project.name);
    const gathered = gatherViews(mine, loaded.loaded.project);
    if (!gathered.ok) return { kind: 'invalid', file: gathered.problems[0]!.file, problems: gathered.problems };
    config = { ...config, views: gathered.views };
  }
  const audited = auditProject(loaded.loaded, config);
  const gate = gateOf(audited, setup.gate);
  const project = setup.quiet ? { ...audited, findings: audited.findings.filter((f) => f.severity === 'error') } : audited;
  return stream ? { kind: 'project', chunk: stream.project(project), brief: detached(briefOf(project)), ...gate } : { kind: 'project', brief: briefOf(project), project, ...gate };
}

/**
 * A copy made of new strings. A value read from a file is a slice of the file's whole text, and keeping the slice
 * keeps the text: a batch keeps each project's brief and each invalid file's problems to the end, and with them
 * every file it read (about 5 KB a file: 250 MB more at 50,000 files, bench/README.md).
 */
function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
