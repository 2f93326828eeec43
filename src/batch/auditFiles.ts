/**
 * The engine under `audit`, `validate` and `diff`: finds the files the paths
 * name, reads each, loads it, audits it, and gives back one result per file in
 * file order, on worker threads when the batch is large. One bad file never
 * stops the others; a fault in the engine itself stops every worker.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { AuditConfig } from '../audit/auditProject.js';
import { briefOf, RESULT_FORMAT_VERSION, type AuditRun, type ProjectAudit } from '../audit/result.js';
import { UsageError } from '../errors.js';
import { DEFAULT_LIMITS, loadProject, type Limits } from '../load/index.js';
import { parseProjectText } from '../load/parse.js';
import { schemaProblems } from '../load/validate.js';
import { findProjectFiles, readSource, skipNote, type Ignore, type Source, type StdinReader, type Target } from '../load/sources.js';
import type { LoadedPerspectives } from '../perspectives/perspectives.js';
import { listPending, type Problem } from '../problem.js';
import type { LoadedProject } from '../project.js';
import { RULE_IDS } from '../rules/index.js';
import { auditSource, auditTarget, gateOf, type Gate, type TargetOutcome } from './audit-target.js';
import { openStream, type StreamSetup } from './stream.js';
import { auditInWorkers, type PoolOptions } from './worker-pool.js';
import { byFile } from '../text-order.js';

export interface AuditFilesOptions {
  /** The folder relative paths start from (default: the process's working folder). */
  cwd?: string;
  limits?: Limits;
  /** How to audit. Without it, files are only read and loaded, as `coprod validate` does. */
  config?: AuditConfig;
  /** false: each path is read as named, never searched or expanded as a glob (as `coprod diff` does). */
  search?: boolean;
  /** What a folder search skips. */
  ignore?: Ignore;
  /** Results in the order of their file names, however the paths were given. */
  sorted?: boolean;
  /** Standard input, for the path `-`. */
  readStdin?: StdinReader;
  /** The name shown for standard input, in file names and problems alike. */
  stdinFilename?: string;
  /** Participants' own answers, matched to each project by its name. */
  perspectives?: readonly LoadedPerspectives[];
  /** The thresholds counted for each project (default: none). */
  gate?: Gate;
  /** Leave out everything but errors from each project (`--quiet`); the gate still counts them. */
  quiet?: boolean;
  /** Give each project's text in this format, when it can be written as it goes, instead of its whole audit. */
  stream?: StreamSetup;
  /** A saved `coprod audit --format json` result of one project stands in for its project file. */
  savedResults?: boolean;
  /** How many worker threads (0 or 1: none); by default, some only for a large batch. */
  workers?: number;
  /** Told how many files were found, before any is read; what it throws stops the run. */
  found?: (count: number) => void;
  /** Another module standing in for the worker thread's, to test how the engine meets a fault. */
  workerModule?: URL;
}

/** One file's result: audited, loaded (without a config), invalid, or passed over as clearly not a project file. */
export type FileResult = TargetOutcome | { kind: 'loaded'; file: string; loaded: LoadedProject };

/**
 * Worker threads pay for themselves only on large batches: each costs a fresh
 * start-up. They are never used for standard input, which only this thread
 * can read, nor with perspectives or saved results.
 */
function workerCount(targets: readonly Target[], options: AuditFilesOptions): number {
  if (!options.config || options.savedResults || (options.perspectives?.length ?? 0) > 0 || targets.some((t) => t.path === '-')) return 0;
  if (options.workers !== undefined) return Math.min(options.workers, targets.length);
  return targets.length >= 200 ? Math.min(availableParallelism(), 8) : 0;
}

export async function* auditFiles(paths: readonly string[], options: AuditFilesOptions = {}): AsyncGenerator<FileResult> {
  const cwd = options.cwd ?? process.cwd();
  const limits = options.limits ?? DEFAULT_LIMITS;
  const stdinName = options.stdinFilename;
  const named = (found: Problem): Problem => (found.file === '-' && stdinName !== undefined ? { ...found, file: stdinName } : found);
  const renamed = (outcome: FileResult): FileResult => (outcome.kind === 'invalid' ? { ...outcome, problems: outcome.problems.map(named) } : outcome);
  const found =
    options.search === false
      ? { targets: paths.map((path): Target => ({ file: path, path: path === '-' ? '-' : resolve(cwd, path) })), problems: [] }
      : await findProjectFiles([...paths], cwd, options.ignore);
  const targets = found.targets.map((t) => (t.path === '-' && stdinName !== undefined ? { ...t, file: stdinName } : t));
  if (options.sorted) targets.sort(byFile);
  for (const problem of found.problems) yield { kind: 'invalid', file: problem.file, problems: [named(problem)] };
  options.found?.(targets.length);

  const config = options.config;
  if (!config) {
    for (const target of targets) yield renamed(await loadTarget(target, limits, options.readStdin));
    return;
  }
  const setup = { limits, config, gate: options.gate ?? { failOn: 'never' as const }, ...(options.quiet ? { quiet: true } : {}) };
  const workers = workerCount(targets, options);
  if (workers > 1) {
    // The pool hands back outcomes through a callback, in file order; they queue here until asked for.
    const ready: FileResult[] = [];
    let wake: (() => void) | undefined;
    let settled = false;
    let failure: { error: unknown } | undefined;
    const stop = new AbortController();
    const pool: PoolOptions = { signal: stop.signal, ...(options.workerModule ? { worker: options.workerModule } : {}) };
    const take = (outcome: TargetOutcome): void => {
      ready.push(outcome);
      wake?.();
    };
    void auditInWorkers(targets, workers, { ...setup, ...(options.stream ? { stream: options.stream } : {}) }, take, pool)
      .catch((error: unknown) => (failure = { error }))
      .finally(() => {
        settled = true;
        wake?.();
      });
    try {
      for (;;) {
        if (ready.length > 0) {
          yield renamed(ready.shift()!);
          continue;
        }
        if (failure) throw failure.error;
        if (settled) return;
        await new Promise<void>((done) => (wake = done));
        wake = undefined;
      }
    } finally {
      // A caller that stops reading, or fails, stops every worker with it.
      stop.abort();
    }
  }

  const stream = options.stream ? await openStream(options.stream) : undefined;
  for (const target of targets) {
    if (!options.savedResults) {
      yield renamed(await auditTarget(target, setup, stream, options.readStdin, options.perspectives));
      continue;
    }
    const source = await readSource(target, limits, options.readStdin);
    if ('kind' in source) {
      yield renamed({ kind: 'invalid', file: target.file, problems: [source] });
      continue;
    }
    const saved = savedResult(target, source, limits);
    if (Array.isArray(saved)) yield renamed({ kind: 'invalid', file: target.file, problems: saved });
    else yield saved ? { kind: 'project', brief: briefOf(saved), project: saved, ...gateOf(saved, setup.gate) } : renamed(auditSource(target, source, setup, stream, options.perspectives));
  }
}

async function loadTarget(target: Target, limits: Limits, readStdin?: StdinReader): Promise<FileResult> {
  const source = await readSource(target, limits, readStdin);
  if ('kind' in source) return { kind: 'invalid', file: target.file, problems: [source] };
  const result = loadProject(source.file, source.text, limits, RULE_IDS);
  const skipped = skipNote(target, result);
  if (skipped) return { kind: 'skipped', note: skipped };
  return result.ok ? { kind: 'loaded', file: target.file, loaded: result.loaded } : { kind: 'invalid', file: target.file, problems: result.problems };
}

/**
 * A saved `coprod audit --format json` result, when the file is one: it can stand in for a project file. It is
 * untrusted (SECURITY.md), so it is checked against the audit form of the published result schema first, each
 * problem placed in the file; a result saved in another format version is refused.
 */
function savedResult(target: Target, source: Source, limits: Limits): ProjectAudit | Problem[] | undefined {
  if (!/^\s*\{/.test(source.text)) return undefined;
  let run: Partial<AuditRun> | undefined;
  try {
    run = JSON.parse(source.text) as Partial<AuditRun>;
  } catch {
    // Not JSON after all: read it as YAML (JSON is YAML too).
    return undefined;
  }
  if (run === null || typeof run !== 'object' || !('format_version' in run) || !('projects' in run)) return undefined;
  const named = target.path === '-' ? '-' : target.file;
  if (run.format_version !== RESULT_FORMAT_VERSION) {
    throw new UsageError(`\`${named}\` is a saved result in format ${String(run.format_version)}; this coprod reads format ${RESULT_FORMAT_VERSION}. Audit the project file again, or compare the project files themselves.`);
  }
  const parsed = parseProjectText(source.file, source.text, limits);
  const problems = Array.isArray(parsed) ? parsed : listPending(source.file, schemaProblems(parsed, 'saved-audit'));
  if (problems.length > 0) return problems;
  const projects = run.projects as ProjectAudit[];
  if (projects.length !== 1) throw new UsageError(`\`${named}\` holds ${projects.length} projects; coprod diff compares one project at a time.`);
  return projects[0]!;
}
