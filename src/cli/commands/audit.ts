/** `coprod audit [paths...]`: places every activity, checks principles and criteria, and prints a report. */
import { resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import type { AuditConfig } from '../../audit/auditProject.js';
import type { InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { formatResult, makeRun } from '../../report/formatResult.js';
import { STREAMS, type FormatName } from '../../report/formatters/index.js';
import type { SortKey } from '../../report/formatters/shared.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPerspectives, type LoadedPerspectives } from '../../perspectives/perspectives.js';
import { byPath, findProjectFiles, readSource, type Target } from '../../load/sources.js';
import { problem, type Problem } from '../../problem.js';
import { checkPaths } from '../inputs.js';
import type { Limits } from '../../load/index.js';
import type { Ignore } from '../../load/sources.js';
import { PLAIN, type Style } from '../../report/style.js';
import { version } from '../../report/tool.js';
import type { Sink } from '../write-stream.js';
import { auditTarget, type TargetOutcome, type TargetSetup } from '../../batch/audit-target.js';
import { auditInWorkers } from '../../batch/worker-pool.js';
import { formatProblem } from './validate.js';
import { reportSink, stdinNamed } from './output.js';

import type { FailOn } from '../../config/config.js';

/** Where a threshold came from, for the message when it is not met: its flag, or the configuration file. */
export interface SettingOrigins {
  failOn?: string;
  minRung?: string;
  minShared?: string;
  minScore?: string;
}

export interface AuditOptions {
  format: FormatName;
  output?: string;
  force: boolean;
  failOn: FailOn;
  minRung?: number;
  minShared?: number;
  minScore?: number;
  sort: SortKey;
  csvActivities: boolean;
  limits: Limits;
  config: AuditConfig;
  ignore?: Ignore;
  /** Perspectives files: participants' own answers. */
  perspectives?: string[];
  /** Exit 1 when there are more warnings than this, in all (`--max-warnings`). */
  maxWarnings?: number;
  /** Report errors only (`--quiet`). */
  quiet?: boolean;
  /** Where the thresholds came from, when it was the configuration file. */
  origins?: SettingOrigins;
  /** The name shown for standard input (`--stdin-filename`). */
  stdinFilename?: string;
}

export async function auditCommand(paths: string[], options: AuditOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  checkPaths(paths, 'audit');
  const views = await readPerspectives(options.perspectives ?? [], options.limits, io);
  if (!views.ok) {
    for (const found of views.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');
    return EXIT.invalid;
  }
  const found = await findProjectFiles(paths, io.cwd, options.ignore);
  const named = stdinNamed(options.stdinFilename);
  const targets = found.targets.map((t) => (t.path === '-' ? { ...t, file: named.file(t.file) } : t));
  const pathProblems = found.problems;
  // One order for the whole report, however the paths were given: output never depends on it.
  targets.sort((a, b) => byPath(a.file, b.file));
  if (targets.length > 1 && views.files.some((f) => f.project === undefined)) {
    throw new UsageError("With several project files, each perspectives file must say which project it is about (`project:` with the project's name).");
  }

  // A report written to a file is read later, away from the terminal: no colour codes in it.
  const colour = options.output ? false : styles.stdout !== PLAIN;
  const style = options.output ? PLAIN : styles.stdout;
  const context = { sort: options.sort, csvActivities: options.csvActivities };
  const tool = { name: 'coprod', version: version() };
  const factory = STREAMS[options.format];
  const stream = factory ? (await factory())({ ...context, style }, tool) : undefined;
  const sink: Sink = reportSink(io, options.output);

  const setup: TargetSetup = {
    limits: options.limits,
    config: options.config,
    gate: {
      failOn: options.failOn,
      minRung: options.minRung,
      minShared: options.minShared,
      ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
      from: {
        ...(options.origins?.minRung ? { minRung: options.origins.minRung } : {}),
        ...(options.origins?.minShared ? { minShared: options.origins.minShared } : {}),
        ...(options.origins?.minScore ? { minScore: options.origins.minScore } : {}),
      },
    },
    ...(options.quiet ? { quiet: true } : {}),
  };
  const briefs: ProjectBrief[] = [];
  const projects: ProjectAudit[] = [];
  const invalid: InvalidFile[] = pathProblems.map((found) => ({ file: found.file, problems: [found] }));
  const reasons: string[] = [];
  let over = 0;
  let warnings = 0;
  let written = 0;
  const take = (outcome: TargetOutcome): void => {
    if (outcome.kind === 'skipped') return void options.ignore?.note?.(outcome.note);
    if (outcome.kind === 'invalid') {
      invalid.push({ file: outcome.file, problems: outcome.problems.map(named.problem) });
      return;
    }
    briefs.push(outcome.brief);
    over += outcome.over;
    warnings += outcome.brief.summary.findings.warning;
    reasons.push(...outcome.reasons);
    if (outcome.project) projects.push(outcome.project);
    if (stream && outcome.chunk !== undefined) sink.write((written++ > 0 ? stream.separator : '') + outcome.chunk);
  };

  try {
    if (stream) sink.write(stream.begin());
    const progress = progressBar(io);
    progress.start(targets.length);
    const workers = workerCount(targets, views.files.length > 0, io);
    if (workers > 1) {
      await auditInWorkers(targets, workers, { ...setup, format: options.format, colour, context, tool }, (outcome) => {
        take(outcome);
        progress.tick();
      });
    } else {
      for (const target of targets) {
        take(await auditTarget(target, setup, stream, io.readStdin, views.files));
        progress.tick();
      }
    }
    progress.done();
    const unmatched = views.files.filter((f) => f.project !== undefined && !briefs.some((p) => p.name === f.project));
    for (const f of unmatched) invalid.push({ file: f.file, problems: [problem(f.file, 'unknown-reference', `This perspectives file is about the project "${f.project}", but no project file audited has that name.`, f.locate(['project']))] });
    invalid.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    // Problems go to standard error, so standard output stays a clean report for pipes and parsers.
    for (const file of invalid) for (const found of file.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');

    if (stream) sink.write(stream.end(briefs, invalid));
    else sink.write(await formatResult(makeRun(projects, invalid, tool.version), options.format, { style, sort: options.sort, csvActivities: options.csvActivities }));
    sink.commit();
  } catch (error) {
    sink.abort();
    throw error;
  }

  if (invalid.length > 0) return EXIT.invalid;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    reasons.unshift(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than the ${options.maxWarnings} allowed (--max-warnings ${options.maxWarnings}).`);
  }
  if (over > 0) reasons.unshift(`${over} ${over === 1 ? 'finding' : 'findings'} at or above "${options.failOn}" (${options.origins?.failOn ?? `--fail-on ${options.failOn}`}).`);
  for (const reason of reasons) io.stderr.write(`coprod: ${reason}\n`);
  return reasons.length > 0 ? EXIT.findings : EXIT.clean;
}

/**
 * Worker threads pay for themselves only on large batches: each costs a
 * fresh start-up. COPROD_WORKERS sets the number (0 or 1: none).
 */
function workerCount(targets: readonly Target[], perspectives: boolean, io: Io): number {
  const asked = io.env['COPROD_WORKERS'];
  if (perspectives || targets.some((t) => t.path === '-')) return 0;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), targets.length);
  return targets.length >= 200 ? Math.min(availableParallelism(), 8) : 0;
}

/**
 * A progress line on standard error for long runs, only when a person is
 * watching a terminal: never on a pipe, in a file, or in CI.
 */
function progressBar(io: Io): { start: (total: number) => void; tick: () => void; done: () => void } {
  const shown = io.stderr.isTTY && !io.env['CI'];
  let total = 0;
  let count = 0;
  let active = false;
  return {
    start: (n) => {
      total = n;
      active = shown && total >= 50;
    },
    tick: () => {
      count++;
      if (!active || (count % 10 !== 0 && count !== total)) return;
      const width = 30;
      const filled = Math.round((count / total) * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] audited ${count} of ${total} files`);
    },
    done: () => {
      if (active) io.stderr.write('\r' + ' '.repeat(70) + '\r');
    },
  };
}

async function readPerspectives(paths: string[], limits: Limits, io: Io): Promise<{ ok: true; files: LoadedPerspectives[] } | { ok: false; problems: Problem[] }> {
  const files: LoadedPerspectives[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const source = await readSource({ file: path, path: path === '-' ? '-' : resolve(io.cwd, path) }, limits, io.readStdin);
    if ('kind' in source) {
      problems.push(source);
      continue;
    }
    const loaded = loadPerspectives(path, source.text);
    if (loaded.ok) files.push(loaded.loaded);
    else problems.push(...loaded.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}


