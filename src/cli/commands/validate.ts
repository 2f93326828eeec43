/** `coprod validate [paths...]`: checks files against the project-file format, reporting every problem with its position. */
import { where, type Problem } from '../../problem.js';
import { EXIT, type Io } from '../io.js';
import { checkPaths } from '../inputs.js';
import { auditFiles } from '../../batch/auditFiles.js';
import type { Limits } from '../../load/index.js';
import type { Ignore } from '../../load/sources.js';
import { PLAIN, type Style } from '../../report/style.js';
import type { Sink } from '../write-stream.js';
import { reportSink } from './output.js';

export interface ValidateOptions {
  quiet: boolean;
  format: 'text' | 'json';
  limits: Limits;
  ignore?: Ignore;
  /** Write the result to this file instead of standard output. */
  output?: string;
  /** The name shown for standard input (`--stdin-filename`). */
  stdinFilename?: string;
}

export async function validateCommand(paths: string[], options: ValidateOptions, io: Io, style: Style): Promise<number> {
  const out = reportSink(io, options.output);
  try {
    const code = await validateInto(out, paths, options, io, options.output === undefined ? style : PLAIN);
    out.commit();
    return code;
  } catch (error) {
    out.abort();
    throw error;
  }
}

async function validateInto(out: Sink, paths: string[], options: ValidateOptions, io: Io, style: Style): Promise<number> {
  let valid = 0;
  const invalid: Array<{ file: string; problems: Problem[] }> = [];
  checkPaths(paths, 'validate');
  const results = auditFiles(paths, {
    cwd: io.cwd,
    limits: options.limits,
    readStdin: io.readStdin,
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.stdinFilename !== undefined ? { stdinFilename: options.stdinFilename } : {}),
  });
  for await (const outcome of results) {
    if (outcome.kind === 'skipped') {
      options.ignore?.note?.(outcome.note);
      continue;
    }
    if (outcome.kind === 'loaded') {
      valid++;
      if (!options.quiet && options.format === 'text') out.write(`${style.good('✔')} ${outcome.file}: valid\n`);
    } else if (outcome.kind === 'invalid') {
      invalid.push(outcome);
      if (options.format === 'text') for (const found of outcome.problems) out.write(formatProblem(found, style) + '\n');
    }
  }
  const problemCount = invalid.reduce((sum, f) => sum + f.problems.length, 0);
  if (options.format === 'json') {
    out.write(JSON.stringify({ valid, invalid: invalid.length, problems: invalid.flatMap((f) => f.problems) }, null, 2) + '\n');
  } else {
    const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;
    const summary =
      invalid.length === 0
        ? style.good(`✔ ${files(valid)} checked: all valid.`)
        : style.error(`✖ ${problemCount} ${problemCount === 1 ? 'problem' : 'problems'} in ${files(invalid.length)}`) + (valid > 0 ? ` (${files(valid)} valid).` : '.');
    out.write(`\n${summary}\n`);
  }
  return invalid.length > 0 ? EXIT.invalid : EXIT.clean;
}

/** `file:line:column: message`, the form terminals and editors turn into a link. */
export function formatProblem(found: Problem, style: Style): string {
  return `${style.bold(where(found.file, found.position))}: ${style.error('error')}: ${found.message}`;
}
