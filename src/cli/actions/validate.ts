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
import { inertLines, visible } from '../../report/text/terminal.js';
import { jsonText } from '../../report/text/json.js';
import type { ValidateOutput } from '../../report/json-output.js';
import { RESULT_FORMAT_VERSION } from '../../audit/result.js';
import { version } from '../../report/tool.js';

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
  const files: ValidateOutput['files'] = [];
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
    if (outcome.kind === 'loaded' || outcome.kind === 'invalid') files.push({ file: outcome.file, valid: outcome.kind === 'loaded' });
    if (outcome.kind === 'loaded') {
      valid++;
      if (!options.quiet && options.format === 'text') out.write(inertLines(`${style.good('✔')} ${visible(outcome.file)}: valid\n`));
    } else if (outcome.kind === 'invalid') {
      invalid.push(outcome);
      if (options.format === 'text') for (const found of outcome.problems) out.write(formatProblem(found, style) + '\n');
    }
  }
  const problemCount = invalid.reduce((sum, f) => sum + f.problems.length, 0);
  if (options.format === 'json') {
    const result: ValidateOutput = { format_version: RESULT_FORMAT_VERSION, tool: { name: 'coprod', version: version() }, valid, invalid: invalid.length, files, problems: invalid.flatMap((f) => f.problems) };
    out.write(jsonText(result));
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
  // The file name and the message can both quote a file's text: shown visibly, on one line that cannot read as a CI command.
  return inertLines(`${style.bold(where(visible(found.file), found.position))}: ${style.error('error')}: ${visible(found.message)}`);
}
