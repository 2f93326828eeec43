/**
 * Colour for terminal output. Colour only ever repeats what the words and
 * symbols already say, so plain text loses nothing.
 */
export interface Style {
  error(text: string): string;
  warning(text: string): string;
  info(text: string): string;
  good(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  heading(text: string): string;
}

const plain = (text: string): string => text;

export const PLAIN: Style = { error: plain, warning: plain, info: plain, good: plain, dim: plain, bold: plain, heading: plain };

/**
 * Whether to colour: `--no-color`, `NO_COLOR` (any value, https://no-color.org)
 * and output that is not a terminal all mean no; `FORCE_COLOR` means yes.
 */
export function wantsColour(option: boolean | undefined, isTTY: boolean, env: Record<string, string | undefined>): boolean {
  if (option === false) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined && env['FORCE_COLOR'] !== '0' && env['FORCE_COLOR'] !== 'false') return true;
  if (option === true) return true;
  if (env['TERM'] === 'dumb') return false;
  return isTTY;
}

/** Loads chalk only when colour is wanted. */
export async function makeStyle(colour: boolean): Promise<Style> {
  if (!colour) return PLAIN;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return {
    error: chalk.red,
    warning: chalk.yellow,
    info: chalk.cyan,
    good: chalk.green,
    dim: chalk.dim,
    bold: chalk.bold,
    heading: (text) => chalk.bold.underline(text),
  };
}
