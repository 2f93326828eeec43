/** `coprod diff OLD NEW`: what changed between two versions of a project file, or two saved JSON results. */
import { auditProject, type AuditConfig } from '../../audit/auditProject.js';
import type { AuditRun, ProjectAudit } from '../../audit/result.js';
import { diffAudits, type ProjectDiff } from '../../diff/diffAudits.js';
import { loadProject } from '../../load/index.js';
import { RULE_IDS } from '../../rules/index.js';
import { readSource } from '../../load/sources.js';
import { formatDiff, type DiffFormat } from '../../report/diff-formatters.js';
import { SEVERITY_RANK } from '../../rules/rule.js';
import type { FailOn } from '../../config/config.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import type { Limits } from '../../load/index.js';
import type { Style } from '../../report/style.js';
import { formatProblem } from './validate.js';
import { stdinNamed } from './output.js';
import { resolve } from 'node:path';

export interface DiffOptions {
  format: DiffFormat;
  failOn: FailOn;
  limits: Limits;
  config: AuditConfig;
  /** The name shown for standard input (`--stdin-filename`). */
  stdinFilename?: string;
}


async function auditOf(path: string, options: DiffOptions, io: Io, style: Style): Promise<ProjectAudit | undefined> {
  const named = stdinNamed(options.stdinFilename);
  const shown = named.file(path);
  const source = await readSource({ file: shown, path: path === '-' ? '-' : resolve(io.cwd, path) }, options.limits, io.readStdin);
  if ('kind' in source) {
    io.stderr.write(formatProblem(named.problem(source), style) + '\n');
    return undefined;
  }
  // A saved `coprod audit --format json` result can stand in for a project file.
  if (/^\s*\{/.test(source.text)) {
    try {
      const run = JSON.parse(source.text) as Partial<AuditRun>;
      if (typeof run.format_version === 'number' && Array.isArray(run.projects)) {
        if (run.projects.length !== 1) throw new UsageError(`\`${path}\` holds ${run.projects.length} projects; coprod diff compares one project at a time.`);
        return run.projects[0]!;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      // Not JSON after all: read it as YAML below (JSON is YAML too).
    }
  }
  const loaded = loadProject(shown, source.text, options.limits, RULE_IDS);
  if (!loaded.ok) {
    for (const p of loaded.problems) io.stderr.write(formatProblem(p, style) + '\n');
    return undefined;
  }
  return auditProject(loaded.loaded, options.config);
}

export async function diffCommand(oldPath: string, newPath: string, options: DiffOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('Only one of OLD and NEW can be standard input (`-`).');
  const before = await auditOf(oldPath, options, io, styles.stderr);
  const after = await auditOf(newPath, options, io, styles.stderr);
  if (!before || !after) return EXIT.invalid;
  const diff = diffAudits(before, after);
  io.stdout.write(formatDiff(diff, options.format, styles.stdout));
  const reasons = regressions(diff, options.failOn);
  for (const reason of reasons) io.stderr.write(`coprod: ${reason}\n`);
  return reasons.length > 0 ? EXIT.findings : EXIT.clean;
}

/** What makes a diff fail: anything moving down, or a new finding at or above --fail-on. */
export function regressions(diff: ProjectDiff, failOn: FailOn): string[] {
  const reasons: string[] = [];
  const down = diff.moved.filter((m) => m.direction === 'down');
  if (down.length > 0) reasons.push(`${down.length} ${down.length === 1 ? 'activity' : 'activities'} moved down the ladder: ${down.map((m) => m.id).join(', ')}.`);
  // Deleting a recorded red flag, or a fact that held an activity where it was, hides where it stands: a regression too.
  const flags = diff.moved.filter((m) => m.direction === 'lost-red-flag');
  if (flags.length > 0) reasons.push(`${flags.length} ${flags.length === 1 ? 'activity no longer records a problem' : 'activities no longer record a problem'} that held ${flags.length === 1 ? 'it' : 'them'} lower, so ${flags.length === 1 ? 'its place now rests' : 'their places now rest'} on a proviso: ${flags.map((m) => m.id).join(', ')}. If the problem was fixed, record what is true now.`);
  const lost = diff.moved.filter((m) => m.direction === 'lost-evidence');
  if (lost.length > 0) reasons.push(`${lost.length} ${lost.length === 1 ? 'activity has' : 'activities have'} lost recorded facts, so less is known of where ${lost.length === 1 ? 'it stands' : 'they stand'}: ${lost.map((m) => m.id).join(', ')}.`);
  if (failOn !== 'never') {
    const worse = diff.introduced.filter((f) => !f.waived && SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
    if (worse.length > 0) reasons.push(`${worse.length} new ${worse.length === 1 ? 'finding' : 'findings'} at or above "${failOn}".`);
  }
  return reasons;
}
