/** `coprod diff OLD NEW`: what changed between two versions of a project file, or two saved JSON results. */
import type { AuditConfig } from '../../audit/auditProject.js';
import type { ProjectAudit } from '../../audit/result.js';
import { diffAudits, type ProjectDiff } from '../../diff/diffAudits.js';
import { auditFiles } from '../../batch/auditFiles.js';
import { formatDiff, type DiffFormat } from '../../report/diff-formatters.js';
import { SEVERITY_RANK } from '../../rules/rule.js';
import type { FailOn } from '../../config/config.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import type { Limits } from '../../load/index.js';
import type { Style } from '../../report/style.js';
import { formatProblem } from './validate.js';
import { version } from '../../report/tool.js';

export interface DiffOptions {
  format: DiffFormat;
  failOn: FailOn;
  limits: Limits;
  config: AuditConfig;
  /** The name shown for standard input (`--stdin-filename`). */
  stdinFilename?: string;
}


export async function diffCommand(oldPath: string, newPath: string, options: DiffOptions, io: Io, styles: { stdout: Style; stderr: Style }): Promise<number> {
  if (oldPath === '-' && newPath === '-') throw new UsageError('Only one of OLD and NEW can be standard input (`-`).');
  const audits: ProjectAudit[] = [];
  let failed = false;
  const results = auditFiles([oldPath, newPath], {
    cwd: io.cwd,
    limits: options.limits,
    config: options.config,
    // Each is read as named; a saved `coprod audit --format json` result can stand in for a project file.
    search: false,
    savedResults: true,
    readStdin: io.readStdin,
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
  });
  for await (const outcome of results) {
    if (outcome.kind === 'project' && outcome.project) audits.push(outcome.project);
    else if (outcome.kind === 'invalid') {
      failed = true;
      for (const p of outcome.problems) io.stderr.write(formatProblem(p, styles.stderr) + '\n');
    }
  }
  const [before, after] = audits;
  if (failed || !before || !after) return EXIT.invalid;
  const diff = diffAudits(before, after);
  io.stdout.write(formatDiff(diff, options.format, styles.stdout, { name: 'coprod', version: version() }));
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
