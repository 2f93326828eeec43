/** `coprod audit [paths...]`: places every activity, checks principles and criteria, and prints a report. */
import { resolve } from 'node:path';
import { auditProject, type AuditConfig } from '../../audit/auditProject.js';
import type { InvalidFile, ProjectAudit } from '../../audit/result.js';
import { rungLabel } from '../../ladder/rungs.js';
import { formatResult, makeRun } from '../../report/formatResult.js';
import type { FormatName } from '../../report/formatters/index.js';
import type { SortKey } from '../../report/formatters/shared.js';
import type { Severity } from '../../rules/rule.js';
import { EXIT, UsageError, type Io } from '../io.js';
import { gatherViews, loadPerspectives, type LoadedPerspectives } from '../../perspectives/perspectives.js';
import { readSource } from '../../load/sources.js';
import { problem, type Problem } from '../../load/problem.js';
import { loadInputs, type Limits } from '../inputs.js';
import type { Ignore } from '../../load/sources.js';
import type { Style } from '../style.js';
import { version } from '../main.js';
import { writeFileAtomic } from '../write-file.js';
import { formatProblem } from './validate.js';

import type { FailOn } from '../../config/config.js';

export interface AuditOptions {
  format: FormatName;
  output?: string;
  force: boolean;
  failOn: FailOn;
  minRung?: number;
  minShared?: number;
  sort: SortKey;
  csvActivities: boolean;
  limits: Limits;
  config: AuditConfig;
  ignore?: Ignore;
  /** Perspectives files: participants' own answers. */
  perspectives?: string[];
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export async function auditCommand(paths: string[], options: AuditOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  const projects: ProjectAudit[] = [];
  const invalid: InvalidFile[] = [];
  const views = await readPerspectives(options.perspectives ?? [], options.limits, io);
  if (!views.ok) {
    for (const found of views.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');
    return EXIT.invalid;
  }
  const progress = progressBar(io);
  let total = 0;
  const start = (n: number): void => {
    total = n;
    progress.start(n);
  };
  for await (const outcome of loadInputs(paths, io, options.limits, options.ignore, start)) {
    if ('loaded' in outcome) {
      const mine = views.files.filter((f) => f.project === undefined || f.project === outcome.loaded.project.project.name);
      if (total > 1 && views.files.some((f) => f.project === undefined)) {
        throw new UsageError('With several project files, each perspectives file must say which project it is about (`project:` with the project\'s name).');
      }
      const gathered = gatherViews(mine, outcome.loaded.project);
      if (gathered.ok) projects.push(auditProject(outcome.loaded, { ...options.config, views: gathered.views }));
      else invalid.push({ file: gathered.problems[0]!.file, problems: gathered.problems });
    } else invalid.push({ file: outcome.file, problems: outcome.problems });
    progress.tick();
  }
  progress.done();
  const unmatched = views.files.filter((f) => f.project !== undefined && !projects.some((p) => p.name === f.project));
  for (const f of unmatched) invalid.push({ file: f.file, problems: [problem(f.file, 'unknown-reference', `This perspectives file is about the project "${f.project}", but no project file audited has that name.`, f.locate(['project']))] });
  const run = makeRun(projects, invalid, version());
  // Problems go to standard error, so standard output stays a clean report for pipes and parsers.
  for (const file of run.invalid) for (const found of file.problems) io.stderr.write(formatProblem(found, styles.stderr) + '\n');

  const text = await formatResult(run, options.format, { style: options.output ? stylesPlain(styles) : styles.stdout, sort: options.sort, csvActivities: options.csvActivities });
  if (options.output) {
    const target = resolve(io.cwd, options.output);
    await writeFileAtomic(target, text, { overwrite: true });
  } else {
    io.stdout.write(text);
  }

  if (run.invalid.length > 0) return EXIT.invalid;
  const reasons = failures(run.projects, options);
  for (const reason of reasons) io.stderr.write(`coprod: ${reason}\n`);
  return reasons.length > 0 ? EXIT.findings : EXIT.clean;
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

function stylesPlain(styles: { stdout: Style }): Style {
  // A report written to a file is read later, away from the terminal: no colour codes in it.
  return { ...styles.stdout, error: id, warning: id, info: id, good: id, dim: id, bold: id, heading: id };
}
const id = (text: string): string => text;

/** Why the run fails its thresholds, one line each; empty when it passes. */
export function failures(projects: readonly ProjectAudit[], options: Pick<AuditOptions, 'failOn' | 'minRung' | 'minShared'>): string[] {
  const reasons: string[] = [];
  if (options.failOn !== 'never') {
    const threshold = RANK[options.failOn];
    const over = projects.flatMap((p) => p.findings).filter((f) => !f.waived && RANK[f.severity] >= threshold);
    if (over.length > 0) reasons.push(`${over.length} ${over.length === 1 ? 'finding' : 'findings'} at or above "${options.failOn}" (--fail-on ${options.failOn}).`);
  }
  if (options.minRung !== undefined) {
    const min = options.minRung;
    for (const p of projects) {
      for (const a of p.activities) {
        // A gate needs evidence: an activity that cannot be shown to reach the rung does not pass it.
        if (a.placement.lowest < min) {
          const now = a.placement.rung !== null ? `is on ${rungLabel(a.placement.rung)}` : `cannot be shown to reach it (rung ${a.placement.lowest} to ${a.placement.highest})`;
          reasons.push(`${p.file}:${a.line}:${a.column}: "${a.name}" ${now}, below --min-rung ${min}.`);
        }
      }
    }
  }
  if (options.minShared !== undefined) {
    for (const p of projects) {
      const share = p.summary.shared_decisions_share;
      if (share !== null && share < options.minShared) {
        reasons.push(`${p.file}: decisions are shared (rung 6 or above) in ${Math.round(share * 100)}% of activities, below the ${Math.round(options.minShared * 100)}% asked for (--min-shared).`);
      }
    }
  }
  return reasons;
}
