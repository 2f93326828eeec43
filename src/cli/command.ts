/**
 * What a command is, as data: its name, what it says it does, its arguments
 * and options, what its help adds, and what it runs. main.ts registers each
 * with commander; the command reads its values back, each typed by the
 * argument or option it belongs to. A command's module holds only this, so
 * loading every command to parse a call stays cheap: what a command does is
 * imported inside its `run`, when it runs.
 */
import type { Io } from './io.js';
import type { Style } from '../report/style.js';

/** An argument or option, and how its value is read once commander has parsed and checked it. */
export interface Parameter<T> {
  /** The value commander parsed (undefined when none was given), as the type the command reads. */
  read(parsed: unknown): T;
}

export interface ArgumentSpec<T> extends Parameter<T> {
  /** As commander writes it: `<file>` (needed), `[file]` (may be left out), `<paths...>` (one or more). */
  name: string;
  description: string;
  /** The value when it is left out, shown in the help. */
  default?: string;
}

export interface OptionSpec<T> extends Parameter<T> {
  /** As commander writes them: `-f, --format <format>`, `--strict`, `--no-bom`. */
  flags: string;
  description: string;
  /** The only values accepted, listed in the help. */
  choices?: readonly string[];
  /** The value when the option is not given, shown in the help. */
  default?: string;
  /** Given more than once, every value is kept, in order. */
  repeatable?: boolean;
  /** The command cannot run without it. */
  mandatory?: boolean;
}

/** What a command's `run` is handed: the outside world, and its values. */
export interface Invocation {
  io: Io;
  /** The value of one of this command's arguments or options. */
  value<T>(parameter: Parameter<T>): T;
  /** How to colour what is written to standard output or standard error (--no-color, NO_COLOR, a terminal or not). */
  style(stream: 'stdout' | 'stderr'): Promise<Style>;
}

export interface CommandDescriptor {
  name: string;
  /** What it does, in one sentence: the first line of its help, and its line in `coprod --help`. */
  description: string;
  arguments?: ReadonlyArray<ArgumentSpec<unknown>>;
  /** In the order the help lists them. */
  options?: ReadonlyArray<OptionSpec<unknown>>;
  /** Printed after the help: what each exit code means, and any example. */
  helpAfter?: string;
  /** Commands under this one, such as `perspectives import`. */
  subcommands?: readonly CommandDescriptor[];
  /** Runs the command and returns its exit code. A command with only subcommands has none. */
  run?(invocation: Invocation): Promise<number>;
}

/** A value commander should have checked already is not what it should be: a mistake in coprod, not in the call. */
function unexpected(what: string, parsed: unknown): Error {
  return new Error(`${what} has the value ${JSON.stringify(parsed)}, which commander should not have let through`);
}

function textOf(what: string, parsed: unknown): string {
  if (typeof parsed !== 'string') throw unexpected(what, parsed);
  return parsed;
}

function textsOf(what: string, parsed: unknown): string[] {
  if (parsed === undefined) return [];
  if (!Array.isArray(parsed)) throw unexpected(what, parsed);
  return parsed.map((item: unknown) => textOf(what, item));
}

/** `<name>`: one value, always given. */
export function argument(name: string, description: string): ArgumentSpec<string> {
  return { name, description, read: (parsed) => textOf(name, parsed) };
}

/** `[name]`: one value that may be left out; with a default, that is its value then. */
export function optionalArgument(name: string, description: string): ArgumentSpec<string | undefined>;
export function optionalArgument(name: string, description: string, defaultValue: string): ArgumentSpec<string>;
export function optionalArgument(name: string, description: string, defaultValue?: string): ArgumentSpec<string | undefined> {
  return { name, description, ...(defaultValue !== undefined ? { default: defaultValue } : {}), read: (parsed) => (parsed === undefined ? defaultValue : textOf(name, parsed)) };
}

/** `<name...>`: one value or more. */
export function variadicArgument(name: string, description: string): ArgumentSpec<string[]> {
  return { name, description, read: (parsed) => textsOf(name, parsed) };
}

/** An option with a value (`--output <file>`): the text given, or undefined; with a default, that when it is not given. */
export function textOption(flags: string, description: string): OptionSpec<string | undefined>;
export function textOption(flags: string, description: string, defaultValue: string): OptionSpec<string>;
export function textOption(flags: string, description: string, defaultValue?: string): OptionSpec<string | undefined> {
  return { flags, description, ...(defaultValue !== undefined ? { default: defaultValue } : {}), read: (parsed) => (parsed === undefined ? defaultValue : textOf(flags, parsed)) };
}

/** An option the command cannot run without (`--plan <file>`). */
export function mandatoryOption(flags: string, description: string): OptionSpec<string> {
  return { flags, description, mandatory: true, read: (parsed) => textOf(flags, parsed) };
}

/** An option with one of a list of values: the one given, or undefined; with a default, that when it is not given. */
export function choiceOption<const C extends string>(flags: string, description: string, choices: readonly C[]): OptionSpec<C | undefined>;
export function choiceOption<const C extends string>(flags: string, description: string, choices: readonly C[], defaultValue: NoInfer<C>): OptionSpec<C>;
export function choiceOption<const C extends string>(flags: string, description: string, choices: readonly C[], defaultValue?: C): OptionSpec<C | undefined> {
  return {
    flags,
    description,
    choices,
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    read: (parsed) => {
      if (parsed === undefined) return defaultValue;
      const found = choices.find((choice) => choice === parsed);
      if (found === undefined) throw unexpected(flags, parsed);
      return found;
    },
  };
}

/**
 * A switch: `--strict` is true when given; `--no-bom` is false when given
 * and true when not (commander makes it so).
 */
export function switchOption(flags: string, description: string): OptionSpec<boolean> {
  const negated = /(^|\s)--no-/.test(flags);
  return {
    flags,
    description,
    read: (parsed) => {
      if (parsed === undefined) return negated;
      if (typeof parsed !== 'boolean') throw unexpected(flags, parsed);
      return parsed;
    },
  };
}

/** An option that may be given more than once (`--rule a --rule b`): every value, in order; none, when it is not given. */
export function repeatableOption(flags: string, description: string): OptionSpec<string[]> {
  return { flags, description, repeatable: true, read: (parsed) => textsOf(flags, parsed) };
}

/** An option that takes a list (`--perspectives <files...>`): the values, or undefined when it is not given. */
export function listOption(flags: string, description: string): OptionSpec<string[] | undefined> {
  return { flags, description, read: (parsed) => (parsed === undefined ? undefined : textsOf(flags, parsed)) };
}
