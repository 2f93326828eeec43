/**
 * `coprod init [file]`: an interview that writes a project file;
 * `coprod init --from file`: asks only for what the file does not record yet;
 * `coprod add-activity file`: appends an activity.
 *
 * Nothing is ever lost: the file's folder is checked before the first
 * question; an existing file is replaced only after a yes at the terminal or
 * with --force, and a no offers another name; every file is checked as a
 * project file before it is written, and written whole or not at all. At a
 * terminal every answer is kept as it is given, in a draft beside the file
 * (FILE.draft), so Ctrl-C or Ctrl-D loses nothing: the draft is offered on
 * the next run and removed once the file is written. Without a terminal, the
 * answers come from --answers.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { auditProject } from '../../audit/auditProject.js';
import { readAnswers, type AnswersFile } from '../../init/answers.js';
import { documentText, newDocument, schemaRef } from '../../init/document.js';
import { inertLines, visible } from '../../report/text/terminal.js';
import { addActivities, fillIn } from '../../init/file-edits.js';
import { Draft, interviewActivities, interviewGaps, interviewNew, type Asker, type RunOptions } from '../../init/interview.js';
import { formatPreview, shellWord } from '../../init/preview.js';
import { Interrupted, terminalAsker, type Terminal } from '../../init/prompter.js';
import { loadProject } from '../../load/index.js';
import { CLI_LIMITS } from '../limit-options.js';
import { RULE_IDS } from '../../rules/index.js';
import type { LoadedProject } from '../../project.js';
import { EXIT, type Io } from '../io.js';
import { UsageError } from '../../errors.js';
import type { Style } from '../../report/style.js';
import { today } from '../today.js';
import { writeFileAtomic } from '../write-file.js';
import { formatProblem } from './validate.js';
import { codeOf, unreadable } from '../../system-errors.js';

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
  /** The command as typed again to carry on from a draft, such as `coprod init park.yaml`. */
  again?: string;
  /** Where the draft is kept, once the interview has started. */
  draftFile?: string;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readText(io: Io, file: string, what: string): Promise<string> {
  try {
    return await readFile(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = codeOf(error);
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') throw new UsageError(`${what} ${unreadable(error, file)}`);
    throw error;
  }
}

async function startSession(command: string, options: InitOptions, io: Io, style: Style, terminal?: Terminal): Promise<Session> {
  // The preview needs today's date: a COPROD_TODAY that is not one stops the command before anything is asked or written.
  today(io);
  let answers: AnswersFile | undefined;
  if (options.answers !== undefined) answers = readAnswers(options.answers, await readText(io, options.answers, 'The answers file'));
  if (!answers && !io.stdinIsTTY) throw new UsageError(NEEDS_TERMINAL(command));
  const run: RunOptions = { yes: options.yes };
  if (answers) run.answers = answers;
  // The questions go to the terminal: standard output, unless that is redirected to a file.
  if (io.stdinIsTTY) run.asker = await terminalAsker(terminal ?? { input: process.stdin, output: io.stdout.isTTY ? process.stdout : process.stderr }, style);
  return { io, style, options: run };
}

/**
 * Why a file cannot be written where it is named, found before anything is
 * asked: its folder does not exist, or part of its path is a file.
 */
async function folderProblem(io: Io, shown: string): Promise<string | undefined> {
  const folder = dirname(resolve(io.cwd, shown));
  const notFolder = `Could not write \`${shown}\`: part of the path is a file, not a folder.`;
  try {
    return (await stat(folder)).isDirectory() ? undefined : notFolder;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return notFolder;
    if (code === 'ENOENT') return `Could not write \`${shown}\`: the folder does not exist. Make it first (\`mkdir -p ${shellWord(dirname(shown))}\`), or name a file in a folder that exists.`;
    // Anything else (permissions, say) is reported by the write itself, in its own words.
    return undefined;
  }
}

async function checkFolder(io: Io, shown: string): Promise<void> {
  const found = await folderProblem(io, shown);
  if (found) throw new UsageError(`${found} Nothing was changed.`);
}

/** Asks at the terminal whether to replace an existing file, or for another name. Returns the file to write and whether it may be replaced. */
async function settleTarget(session: Session, shown: string, force: boolean, moreAdvice: string): Promise<{ shown: string; overwrite: boolean }> {
  const { io } = session;
  await checkFolder(io, shown);
  if (force || !(await exists(resolve(io.cwd, shown)))) return { shown, overwrite: force };
  const asker = interactive(session);
  if (!asker) throw new UsageError(`\`${shown}\` already exists; use --force to replace it${moreAdvice}.`);
  if (await asker.confirm(`${shown} already exists. Replace it with the new file when the interview is done?`, false)) return { shown, overwrite: true };
  return { shown: await askNewName(asker, io, DEFAULT_FILE === shown ? 'project-2.yaml' : undefined), overwrite: false };
}

function interactive(session: Session): Asker | undefined {
  return session.options.yes ? undefined : session.options.asker;
}

/** A file name typed at the terminal whose folder exists; `taken` says what to do about an existing file. */
async function askFileName(
  asker: Asker,
  io: Io,
  message: string,
  options: { default?: string; blankStops?: boolean; existing: (name: string) => Promise<'take' | 'replace' | 'again'> },
): Promise<{ shown: string; overwrite: boolean } | undefined> {
  const prompt: { default?: string; validate: (value: string) => string | true } = {
    validate: (value) => (value.trim() === '' && !options.blankStops ? 'Give a file name, such as my-project.yaml.' : true),
  };
  if (options.default !== undefined) prompt.default = options.default;
  for (;;) {
    const name = (await asker.text(message, prompt)).trim();
    if (name === '') return undefined;
    const problem = await folderProblem(io, name);
    if (problem) {
      asker.say(problem);
      continue;
    }
    if (!(await exists(resolve(io.cwd, name)))) return { shown: name, overwrite: false };
    const choice = await options.existing(name);
    if (choice === 'replace') return { shown: name, overwrite: true };
    if (choice === 'take') return { shown: name, overwrite: false };
  }
}

async function askNewName(asker: Asker, io: Io, suggestion: string | undefined): Promise<string> {
  const chosen = await askFileName(asker, io, 'Save it as (a new file name):', {
    ...(suggestion !== undefined ? { default: suggestion } : {}),
    existing: async (name) => {
      asker.say(`${name} already exists too; choose another name.`);
      return 'again';
    },
  });
  return chosen!.shown;
}

/** Checks the text is a valid project file, writes it atomically, removes the draft, and prints the preview. */
async function save(session: Session, shown: string, text: string, overwrite: boolean, verb: string): Promise<number> {
  const { io, style } = session;
  const checked = loadProject(shown, text, CLI_LIMITS, RULE_IDS);
  if (!checked.ok) {
    for (const found of checked.problems) io.stderr.write(formatProblem(found, style) + '\n');
    io.stderr.write(`coprod: those answers would not make a valid project file, so nothing was written.${session.draftFile ? ` They are kept in ${session.draftFile}.` : ''}\n`);
    return EXIT.invalid;
  }
  await writeSafely(resolve(io.cwd, shown), shown, text, overwrite);
  await dropDraft(session);
  io.stdout.write(`${verb} ${visible(shown)}.\n`);
  io.stdout.write(preview(checked.loaded, shown, session));
  return EXIT.clean;
}

function preview(loaded: LoadedProject, shown: string, session: Session): string {
  // The project's name and the file name are text from the answers: shown with their controls visible, on lines that cannot read as CI commands.
  const audit = auditProject(loaded, { today: today(session.io) });
  return inertLines(formatPreview({ ...audit, name: visible(audit.name) }, visible(shown), session.style));
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

/** How many answers a draft keeps. */
function answersIn(data: AnswersFile): number {
  const items = [data.project, data.practice, ...(data.groups ?? []), ...(data.activities ?? [])];
  return items.reduce((sum, item) => sum + Object.keys(item ?? {}).length, 0);
}

const draftHeader = (again: string): string =>
  [
    `# The answers given so far to \`${again}\`, kept as they were given, in case it stopped`,
    '# before the end. Run the same command again to carry on from them (it asks first), or use',
    '# this file as an answers file with --answers. It is removed once the project file is written.',
    '',
  ].join('\n');

/**
 * At a terminal, every answer is kept as it is given, in FILE.draft beside the
 * file the interview writes; a draft left by a run that stopped is offered first.
 */
async function keepDraft(session: Session, target: string): Promise<void> {
  const { io, options } = session;
  if (!options.asker || options.answers) return;
  const file = `${target}.draft`;
  const path = resolve(io.cwd, file);
  let kept: AnswersFile | undefined;
  if (await exists(path)) {
    const found = readAnswers(file, await readText(io, file, 'The draft'));
    const count = answersIn(found);
    if (count > 0 && (await options.asker.confirm(`${file} keeps ${count === 1 ? '1 answer' : `${count} answers`} from an interview that stopped before the end. Carry on from there?`, true))) {
      kept = found;
      options.resume = found;
    }
  }
  const again = session.again ?? 'coprod init';
  options.draft = new Draft((data) => {
    // The draft is written whole each time, like every file coprod writes; a failure here must not stop the interview.
    writeFileAtomic(path, draftHeader(again) + stringify(data, { lineWidth: 0 }), { overwrite: true, shownAs: file }).catch(() => undefined);
  }, kept);
  session.draftFile = file;
}

async function dropDraft(session: Session): Promise<void> {
  if (session.draftFile) await rm(resolve(session.io.cwd, session.draftFile), { force: true });
}

/** What to say when the interview stops before the end: where the answers are kept, if any were given. */
async function stopped(session: Session | undefined, what: string): Promise<string> {
  const draft = session?.options.draft;
  if (!session || !draft || answersIn(draft.data) === 0) {
    if (session) await dropDraft(session);
    return STOPPED;
  }
  const count = answersIn(draft.data);
  return `Stopped. ${what} The ${count === 1 ? 'answer' : `${count} answers`} given so far ${count === 1 ? 'is' : 'are'} kept in ${session.draftFile}; run \`${session.again}\` again to carry on from there.`;
}

async function guard(io: Io, run: (hold: (session: Session) => void) => Promise<number>, what: string): Promise<number> {
  let held: Session | undefined;
  try {
    return await run((session) => {
      held = session;
    });
  } catch (error) {
    if (error instanceof Interrupted) {
      io.stderr.write(`\n${await stopped(held, what)}\n`);
      return EXIT.interrupted;
    }
    throw error;
  }
}

/** Loads an existing project file to edit; its problems stop the command. */
async function openExisting(io: Io, style: Style, file: string, command: string): Promise<{ text: string; loaded: LoadedProject; bom: string } | number> {
  const raw = await readText(io, file, 'The project file');
  const result = loadProject(file, raw, CLI_LIMITS, RULE_IDS);
  if (!result.ok) {
    for (const found of result.problems) io.stderr.write(formatProblem(found, style) + '\n');
    io.stderr.write(`coprod: \`${command}\` works on a valid project file; fix the problems above first (\`coprod validate ${shellWord(file)}\` checks it).\n`);
    return EXIT.invalid;
  }
  const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  return { text: raw.slice(bom.length), loaded: result.loaded, bom };
}

/** For commands that change a file in place: ask before saving (or need --force); a no offers another name, until one is given or none. */
async function settleInPlace(session: Session, file: string, question: string): Promise<{ shown: string; overwrite: boolean } | undefined> {
  const asker = interactive(session);
  if (!asker) return { shown: file, overwrite: true };
  if (await asker.confirm(question, true)) return { shown: file, overwrite: true };
  return askFileName(asker, session.io, 'Save to another file instead? Give its name, or leave blank to stop without saving:', {
    blankStops: true,
    existing: async (name) => {
      if (await asker.confirm(`${name} already exists. Replace it?`, false)) return 'replace';
      asker.say('Then give another name, or leave it blank to stop without saving.');
      return 'again';
    },
  });
}

export async function initCommand(file: string | undefined, options: InitOptions, io: Io, style: Style, terminal?: Terminal): Promise<number> {
  return guard(
    io,
    async (hold) => {
      const session = await startSession('init', options, io, style, terminal);
      hold(session);
      if (options.from !== undefined) return fillGaps(session, options.from, file, options.force);

      const asker = interactive(session);
      let shown = file ?? DEFAULT_FILE;
      if (file === undefined && asker) {
        const chosen = await askFileName(asker, io, 'Where shall I save the project file?', { default: DEFAULT_FILE, existing: async () => 'take' });
        shown = chosen!.shown;
      }
      const target = await settleTarget(session, shown, options.force, `, or \`coprod init --from ${shellWord(shown)}\` to fill in its gaps`);
      session.again = `coprod init ${shellWord(target.shown)}`;
      await keepDraft(session, target.shown);
      session.options.asker?.say(`I will ask about the project, how your organisation works, the people who take part, and each activity. Answer "Don't know" whenever you are not sure: coprod never guesses, and says what is missing.`);
      const result = await interviewNew(session.options);
      const doc = newDocument(result, schemaRef(resolve(io.cwd, target.shown)));
      return save(session, target.shown, documentText(doc), target.overwrite, 'Wrote');
    },
    'The project file was not written.',
  );
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
  session.again = inPlace ? `coprod init --from ${shellWord(from)}` : `coprod init ${shellWord(out!)} --from ${shellWord(from)}`;
  await keepDraft(session, target?.shown ?? from);

  const data = parseDocument(opened.text, { version: '1.2' }).toJS() as Record<string, unknown>;
  session.options.asker?.say(`I will ask only about what ${from} does not record yet. Answer "Don't know" to leave a fact as it is.`);
  const edits = await interviewGaps(session.options, data, (note) => io.stderr.write(`coprod: ${note}\n`));
  if (edits.length === 0) {
    await dropDraft(session);
    io.stdout.write(`Nothing new to record, so nothing was written.\n`);
    io.stdout.write(preview(opened.loaded, from, session));
    return EXIT.clean;
  }
  const text = opened.bom + fillIn(opened.text, edits);
  if (!target) {
    target = await settleInPlace(session, from, `Save ${edits.length === 1 ? 'this answer' : `these ${edits.length} answers`} into ${from}? Everything else in it, comments included, stays as it is.`);
    if (!target) {
      io.stderr.write(`${await stopped(session, `${from} was not changed.`)}\n`);
      return EXIT.clean;
    }
  }
  return save(session, target.shown, text, target.overwrite, target.shown === from ? 'Updated' : 'Wrote');
}

/** `coprod add-activity FILE`: the activity questions, appended to the file, keeping everything in it. */
export async function addActivityCommand(file: string, options: Omit<InitOptions, 'from'>, io: Io, style: Style, terminal?: Terminal): Promise<number> {
  return guard(
    io,
    async (hold) => {
      const session = await startSession('add-activity', options, io, style, terminal);
      hold(session);
      const opened = await openExisting(io, style, file, 'coprod add-activity');
      if (typeof opened === 'number') return opened;
      const asker = interactive(session);
      if (!options.force && !asker) throw new UsageError(`Adding an activity rewrites \`${file}\` (keeping everything in it); use --force to let it.`);
      if (session.options.answers && (session.options.answers.activities ?? []).length === 0 && !asker) {
        throw new UsageError('The answers file has no `activities` to add.');
      }
      session.again = `coprod add-activity ${shellWord(file)}`;
      await keepDraft(session, file);
      const project = opened.loaded.project;
      session.options.draft?.began('activities');
      const activities = await interviewActivities(session.options, {
        groups: project.people.map((g) => (g.who ? { id: g.id, who: g.who } : { id: g.id })),
        activityIds: project.activities.map((a) => a.id),
        askFirst: true,
      });
      if (activities.length === 0) {
        await dropDraft(session);
        io.stdout.write('No activity was added, so nothing was written.\n');
        return EXIT.clean;
      }
      const text = opened.bom + addActivities(opened.text, activities);
      const target = options.force
        ? { shown: file, overwrite: true }
        : await settleInPlace(session, file, `Add ${activities.length === 1 ? 'this activity' : `these ${activities.length} activities`} to ${file}? Everything else in it, comments included, stays as it is.`);
      if (!target) {
        io.stderr.write(`${await stopped(session, `${file} was not changed.`)}\n`);
        return EXIT.clean;
      }
      return save(session, target.shown, text, target.overwrite, target.shown === file ? 'Updated' : 'Wrote');
    },
    `${file} was not changed.`,
  );
}
