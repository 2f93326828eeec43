/** `coprod audit [paths...]`: places every activity, checks principles and criteria, and prints a report. */
import { dirname, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { repositoryRoot } from '../../config/config.js';
import type { AuditConfig } from '../../audit/auditProject.js';
import type { InvalidFile, ProjectAudit, ProjectBrief } from '../../audit/result.js';
import { formatResult, makeRun } from '../../report/formatResult.js';
import type { FormatName } from '../../report/formatters/index.js';
import type { SortKey } from '../../report/formatters/shared.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import { loadPerspectives, type LoadedPerspectives } from '../../perspectives/perspectives.js';
import { readSource } from '../../load/sources.js';
import { problem, type Problem } from '../../problem.js';
import { checkPaths } from '../inputs.js';
import type { Limits } from '../../load/index.js';
import type { Ignore } from '../../load/sources.js';
import { PLAIN, type Style } from '../../report/style.js';
import { version } from '../../report/tool.js';
import type { Sink } from '../write-stream.js';
import type { Gate } from '../../batch/audit-target.js';
import { auditFiles, type FileResult } from '../../batch/auditFiles.js';
import { openStream, type StreamSetup } from '../../batch/stream.js';
import { formatProblem } from './validate.js';
import { reportSink } from './output.js';
import { CLI_LIMITS } from '../limit-options.js';

import type { FailOn } from '../../config/config.js';
import { byFile } from '../../text-order.js';

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
  failOn: FailOn;
  minRung?: number;
  minShared?: number;
  minScore?: number;
  sort: SortKey;
  csvActivities: boolean;
  /** For csv: the byte-order mark (true unless `--no-bom`). */
  bom?: boolean;
  /** For markdown: false for the whole report, however long (`--no-length-limit`). */
  lengthLimit?: false;
  /** The folder sarif and github output name files from (`--root`). */
  root?: string;
  /** The configuration file in force, whose folder is the root outside a repository. */
  configFile?: string;
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
  /** How many worker threads (COPROD_WORKERS); by default, some only for a large batch. */
  workers?: number;
}

export async function auditCommand(paths: string[], options: AuditOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  checkPaths(paths, 'audit');
  const views = await readPerspectives(options.perspectives ?? [], options.limits, io);
  if (!views.ok) {
    for (const found of views.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');
    return EXIT.invalid;
  }

  // A report written to a file is read later, away from the terminal: no colour codes in it.
  const colour = options.output ? false : styles.stdout !== PLAIN;
  const style = options.output ? PLAIN : styles.stdout;
  const base = { cwd: resolve(io.cwd), root: await rootFolder(paths, options, io) };
  const context = {
    sort: options.sort,
    csvActivities: options.csvActivities,
    bom: options.bom !== false,
    base,
    failOn: options.failOn,
    ...(options.lengthLimit === false ? { lengthLimit: false as const } : {}),
    ...(options.config.rules ? { rules: options.config.rules } : {}),
    ...(options.config.only ? { only: options.config.only } : {}),
  };
  const tool = { name: 'coprod', version: version() };
  const setup: StreamSetup = { format: options.format, context, colour, tool };
  const stream = await openStream(setup);
  const gate: Gate = {
    failOn: options.failOn,
    minRung: options.minRung,
    minShared: options.minShared,
    ...(options.minScore !== undefined ? { minScore: options.minScore } : {}),
    from: {
      ...(options.origins?.minRung ? { minRung: options.origins.minRung } : {}),
      ...(options.origins?.minShared ? { minShared: options.origins.minShared } : {}),
      ...(options.origins?.minScore ? { minScore: options.origins.minScore } : {}),
    },
  };
  const briefs: ProjectBrief[] = [];
  const projects: ProjectAudit[] = [];
  const invalid: InvalidFile[] = [];
  const reasons: string[] = [];
  let over = 0;
  let warnings = 0;
  let written = 0;
  const progress = progressBar(io);
  // Made once the files are known, so a mistake in how coprod was called leaves nothing behind.
  let sink: Sink | undefined;
  const take = (outcome: FileResult): void => {
    if (sink) progress.tick();
    if (outcome.kind === 'skipped') return void options.ignore?.note?.(outcome.note);
    if (outcome.kind === 'invalid') {
      invalid.push({ file: outcome.file, problems: outcome.problems });
      return;
    }
    if (outcome.kind !== 'project') return;
    briefs.push(outcome.brief);
    over += outcome.over;
    warnings += outcome.brief.summary.findings.warning;
    reasons.push(...outcome.reasons);
    if (outcome.project) projects.push(outcome.project);
    if (stream && outcome.chunk !== undefined) {
      if (written++ > 0) sink!.write(stream.separator);
      sink!.write(outcome.chunk);
    }
  };

  try {
    const results = auditFiles(paths, {
      cwd: io.cwd,
      limits: options.limits,
      config: options.config,
      // One order for the whole report, however the paths were given: output never depends on it.
      sorted: true,
      readStdin: io.readStdin,
      perspectives: views.files,
      gate,
      stream: setup,
      ...(options.ignore ? { ignore: options.ignore } : {}),
      ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
      ...(options.quiet ? { quiet: true } : {}),
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      found: (count) => {
        if (count > 1 && views.files.some((f) => f.project === undefined)) {
          throw new UsageError("With several project files, each perspectives file must say which project it is about (`project:` with the project's name).");
        }
        sink = reportSink(io, options.output);
        if (stream) sink.write(stream.begin());
        progress.start(count);
      },
    });
    for await (const outcome of results) take(outcome);
    progress.done();
    const unmatched = views.files.filter((f) => f.project !== undefined && !briefs.some((p) => p.name === f.project));
    for (const f of unmatched) invalid.push({ file: f.file, problems: [problem(f.file, 'unknown-reference', `This perspectives file is about the project "${f.project}", but no project file audited has that name.`, f.locate(['project']))] });
    invalid.sort(byFile);
    // Problems go to standard error, so standard output stays a clean report for pipes and parsers.
    for (const file of invalid) for (const found of file.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');

    if (stream) sink!.write(stream.end(briefs, invalid));
    else sink!.write(await formatResult(makeRun(projects, invalid, tool.version), options.format, { style, ...context }));
    sink!.commit();
  } catch (error) {
    sink?.abort();
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
 * The folder that sarif and github output name files from, so a location is
 * the same whatever folder coprod runs in: `--root`; else the git repository
 * the first path is in (or the working folder is in); else the configuration
 * file's folder; else the working folder.
 */
async function rootFolder(paths: string[], options: AuditOptions, io: Io): Promise<string> {
  if (options.root !== undefined) return resolve(io.cwd, options.root);
  const first = paths.find((p) => p !== '-');
  if (first !== undefined) {
    const at = resolve(io.cwd, first);
    const folder = await stat(at).then((s) => (s.isDirectory() ? at : dirname(at)), () => dirname(at));
    const repository = await repositoryRoot(folder);
    if (repository) return repository;
  }
  const here = await repositoryRoot(resolve(io.cwd));
  if (here) return here;
  if (options.configFile !== undefined) return dirname(resolve(io.cwd, options.configFile));
  return resolve(io.cwd);
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
    const loaded = loadPerspectives(path, source.text, CLI_LIMITS);
    if (loaded.ok) files.push(loaded.loaded);
    else problems.push(...loaded.problems);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, files };
}


