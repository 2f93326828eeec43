/**
 * `coprod init [file]`: an interview that writes a project file;
 * `coprod init --from file`: asks only for what the file does not record yet;
 * `coprod add-activity file`: appends an activity.
 *
 * Nothing is ever lost: an existing file is replaced only after a yes at the
 * terminal or with --force; every file is checked as a project file before it
 * is written, and written whole or not at all; Ctrl-C or Ctrl-D writes
 * nothing. Without a terminal, the answers come from --answers.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { auditProject } from '../../audit/auditProject.js';
import { readAnswers, type AnswersFile } from '../../init/answers.js';
import { appendActivity, documentText, newDocument, schemaRef, setValue } from '../../init/document.js';
import { interviewActivities, interviewGaps, interviewNew, type Asker, type RunOptions } from '../../init/interview.js';
import { formatPreview, shellWord } from '../../init/preview.js';
import { Interrupted, terminalAsker, type Terminal } from '../../init/prompter.js';
import { loadProject } from '../../load/index.js';
import type { LoadedProject } from '../../project.js';
import { EXIT, UsageError, type Io } from '../io.js';
import type { Style } from '../style.js';
import { writeFileAtomic } from '../write-file.js';
import { formatProblem } from './validate.js';

export interface InitOptions {
  /** Fill in the gaps of this existing project file. */
  from?: string;
  /** Read the answers from this file instead of asking. */
  answers?: string;
  /** Take the default for every question that steers the interview. */
  yes: boolean;
  /** Replace an existing file without asking. */
  force: boolean;
}

export const DEFAULT_FILE = 'project.yaml';
const STOPPED = 'Stopped; nothing was written.';

const NEEDS_TERMINAL = (command: string): string =>
  `\`coprod ${command}\` asks questions, so it needs a terminal. To run it without one, write the answers in a file and give it with --answers (see "Describing a project with \`coprod init\`" in the README).`;

interface Session {
  io: Io;
  style: Style;
  options: RunOptions;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

function today(io: Io): string {
  const fixed = io.env['COPROD_TODAY'];
  return fixed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}

async function readText(io: Io, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${what} \`${file}\` does not exist.`);
    if (code === 'EISDIR') throw new UsageError(`${what} \`${file}\` is a folder, not a file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${what} \`${file}\` could not be read: permission denied.`);
    throw error;
  }
}

async function startSession(command: string, options: InitOptions, io: Io, style: Style, terminal?: Terminal): Promise<Session> {
  let answers: AnswersFile | undefined;
  if (options.answers !== undefined) answers = readAnswers(options.answers, await readText(io, options.answers, 'The answers file'));
  if (!answers && !io.stdinIsTTY) throw new UsageError(NEEDS_TERMINAL(command));
  const run: RunOptions = { yes: options.yes };
  if (answers) run.answers = answers;
  // The questions go to the terminal: standard output, unless that is redirected to a file.
  if (io.stdinIsTTY) run.asker = await terminalAsker(terminal ?? { input: process.stdin, output: io.stdout.isTTY ? process.stdout : process.stderr }, style);
  return { io, style, options: run };
}

/** Asks at the terminal whether to replace an existing file, or for another name. Returns the file to write and whether it may be replaced. */
async function settleTarget(session: Session, shown: string, force: boolean, moreAdvice: string): Promise<{ shown: string; overwrite: boolean }> {
  const { io } = session;
  if (force || !(await exists(resolve(io.cwd, shown)))) return { shown, overwrite: force };
  const asker = interactive(session);
  if (!asker) throw new UsageError(`\`${shown}\` already exists; use --force to replace it${moreAdvice}.`);
  if (await asker.confirm(`${shown} already exists. Replace it with the new file when the interview is done?`, false)) return { shown, overwrite: true };
  return { shown: await askNewName(asker, io, DEFAULT_FILE === shown ? 'project-2.yaml' : undefined), overwrite: false };
}

function interactive(session: Session): Asker | undefined {
  return session.options.yes ? undefined : session.options.asker;
}

async function askNewName(asker: Asker, io: Io, suggestion: string | undefined): Promise<string> {
  const options: { default?: string; validate: (value: string) => string | true } = {
    validate: (value) => (value.trim() === '' ? 'Give a file name, such as my-project.yaml.' : true),
  };
  if (suggestion !== undefined) options.default = suggestion;
  for (;;) {
    const name = (await asker.text('Save it as (a new file name):', options)).trim();
    if (!(await exists(resolve(io.cwd, name)))) return name;
    asker.say(`${name} already exists too; choose another name.`);
  }
}

/** Checks the text is a valid project file, writes it atomically, and prints the preview. */
async function save(session: Session, shown: string, text: string, overwrite: boolean, verb: string): Promise<number> {
  const { io, style } = session;
  const checked = loadProject(shown, text);
  if (!checked.ok) {
    for (const found of checked.problems) io.stderr.write(formatProblem(found, style) + '\n');
    io.stderr.write('coprod: those answers would not make a valid project file, so nothing was written.\n');
    return EXIT.invalid;
  }
  await writeSafely(resolve(io.cwd, shown), shown, text, overwrite);
  io.stdout.write(`${verb} ${shown}.\n`);
  io.stdout.write(preview(checked.loaded, shown, session));
  return EXIT.clean;
}

function preview(loaded: LoadedProject, shown: string, session: Session): string {
  return formatPreview(auditProject(loaded, { today: today(session.io) }), shown, session.style);
}

/** writeFileAtomic, saying too that a failed write changed nothing (it leaves the original untouched and no temporary file). */
async function writeSafely(path: string, shown: string, text: string, overwrite: boolean): Promise<void> {
  try {
    await writeFileAtomic(path, text, { overwrite, shownAs: shown });
  } catch (error) {
    if (error instanceof UsageError && error.message.startsWith('Could not write')) throw new UsageError(`${error.message} Nothing was changed.`);
    throw error;
  }
}

async function guard(io: Io, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Interrupted) {
      io.stderr.write(`\n${STOPPED}\n`);
      return EXIT.interrupted;
    }
    throw error;
  }
}

/** Loads an existing project file to edit; its problems stop the command. */
async function openExisting(io: Io, style: Style, file: string, command: string): Promise<{ text: string; doc: Document; loaded: LoadedProject; bom: string } | number> {
  const raw = await readText(io, file, 'The project file');
  const result = loadProject(file, raw);
  if (!result.ok) {
    for (const found of result.problems) io.stderr.write(formatProblem(found, style) + '\n');
    io.stderr.write(`coprod: \`${command}\` works on a valid project file; fix the problems above first (\`coprod validate ${shellWord(file)}\` checks it).\n`);
    return EXIT.invalid;
  }
  const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = raw.slice(bom.length);
  return { text, doc: parseDocument(text, { version: '1.2' }), loaded: result.loaded, bom };
}

/** For commands that change a file in place: ask before saving (or need --force); a no offers another name. */
async function settleInPlace(session: Session, file: string, question: string): Promise<{ shown: string; overwrite: boolean } | undefined> {
  const asker = interactive(session);
  if (!asker) return { shown: file, overwrite: true };
  if (await asker.confirm(question, true)) return { shown: file, overwrite: true };
  const other = (await asker.text('Save to another file instead? Give its name, or leave blank to stop without saving:', {})).trim();
  if (other === '') return undefined;
  if (await exists(resolve(session.io.cwd, other))) {
    if (!(await asker.confirm(`${other} already exists. Replace it?`, false))) return undefined;
    return { shown: other, overwrite: true };
  }
  return { shown: other, overwrite: false };
}

export async function initCommand(file: string | undefined, options: InitOptions, io: Io, style: Style, terminal?: Terminal): Promise<number> {
  return guard(io, async () => {
    const session = await startSession('init', options, io, style, terminal);
    if (options.from !== undefined) return fillGaps(session, options.from, file, options.force);

    const asker = interactive(session);
    let shown = file ?? DEFAULT_FILE;
    if (file === undefined && asker) {
      shown = (await asker.text('Where shall I save the project file?', { default: DEFAULT_FILE, validate: (v) => (v.trim() === '' ? 'Give a file name.' : true) })).trim();
    }
    const target = await settleTarget(session, shown, options.force, `, or \`coprod init --from ${shellWord(shown)}\` to fill in its gaps`);
    session.options.asker?.say(`I will ask about the project, the people who take part, and each activity. Answer "Don't know" whenever you are not sure: coprod never guesses, and says what is missing.`);
    const result = await interviewNew(session.options);
    const doc = newDocument(result, schemaRef(resolve(io.cwd, target.shown)));
    return save(session, target.shown, documentText(doc), target.overwrite, 'Wrote');
  });
}

/** `coprod init --from FILE [OUT]`: asks only for what the file does not say yet; writes FILE in place, or OUT. */
async function fillGaps(session: Session, from: string, out: string | undefined, force: boolean): Promise<number> {
  const { io, style } = session;
  const opened = await openExisting(io, style, from, 'coprod init --from');
  if (typeof opened === 'number') return opened;
  const inPlace = out === undefined || resolve(io.cwd, out) === resolve(io.cwd, from);
  const asker = interactive(session);
  let target: { shown: string; overwrite: boolean } | undefined;
  if (inPlace) {
    if (!force && !asker) throw new UsageError(`Filling in the gaps rewrites \`${from}\` (keeping everything in it); use --force to let it, or name a new file: \`coprod init NEW.yaml --from ${shellWord(from)}\`.`);
    target = force ? { shown: from, overwrite: true } : undefined;
  } else {
    target = await settleTarget(session, out ?? from, force, '');
  }

  const data = opened.doc.toJS() as Record<string, unknown>;
  session.options.asker?.say(`I will ask only about what ${from} does not record yet. Answer "Don't know" to leave a fact as it is.`);
  const edits = await interviewGaps(session.options, data, (note) => io.stderr.write(`coprod: ${note}\n`));
  if (edits.length === 0) {
    io.stdout.write(`Nothing new to record, so nothing was written.\n`);
    io.stdout.write(preview(opened.loaded, from, session));
    return EXIT.clean;
  }
  for (const edit of edits) setValue(opened.doc, edit.path, edit.value);
  const text = opened.bom + documentText(opened.doc, opened.text);
  if (!target) {
    target = await settleInPlace(session, from, `Save ${edits.length === 1 ? 'this answer' : `these ${edits.length} answers`} into ${from}? Everything else in it, comments included, stays as it is.`);
    if (!target) {
      io.stderr.write(`${STOPPED}\n`);
      return EXIT.clean;
    }
  }
  return save(session, target.shown, text, target.overwrite, target.shown === from ? 'Updated' : 'Wrote');
}

/** `coprod add-activity FILE`: the activity questions, appended to the file, keeping everything in it. */
export async function addActivityCommand(file: string, options: Omit<InitOptions, 'from'>, io: Io, style: Style, terminal?: Terminal): Promise<number> {
  return guard(io, async () => {
    const session = await startSession('add-activity', options, io, style, terminal);
    const opened = await openExisting(io, style, file, 'coprod add-activity');
    if (typeof opened === 'number') return opened;
    const asker = interactive(session);
    if (!options.force && !asker) throw new UsageError(`Adding an activity rewrites \`${file}\` (keeping everything in it); use --force to let it.`);
    if (session.options.answers && (session.options.answers.activities ?? []).length === 0 && !asker) {
      throw new UsageError('The answers file has no `activities` to add.');
    }
    const project = opened.loaded.project;
    const activities = await interviewActivities(session.options, {
      groups: project.people.map((g) => (g.who ? { id: g.id, who: g.who } : { id: g.id })),
      activityIds: project.activities.map((a) => a.id),
      askFirst: true,
    });
    if (activities.length === 0) {
      io.stdout.write('No activity was added, so nothing was written.\n');
      return EXIT.clean;
    }
    for (const activity of activities) appendActivity(opened.doc, activity);
    const text = opened.bom + documentText(opened.doc, opened.text);
    const target = options.force
      ? { shown: file, overwrite: true }
      : await settleInPlace(session, file, `Add ${activities.length === 1 ? 'this activity' : `these ${activities.length} activities`} to ${file}? Everything else in it, comments included, stays as it is.`);
    if (!target) {
      io.stderr.write(`${STOPPED}\n`);
      return EXIT.clean;
    }
    return save(session, target.shown, text, target.overwrite, target.shown === file ? 'Updated' : 'Wrote');
  });
}
