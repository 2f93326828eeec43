/**
 * Text from a project file, made safe for a terminal or a CI log. Files come
 * from other people, and what coprod prints lands in terminals and in logs
 * that programs read: a raw line break in a name would start a line of its
 * own, an escape sequence could retitle the window, clear the screen, hide a
 * link (OSC 8) or write to the clipboard (OSC 52), a carriage return or
 * backspace could overwrite what was printed, and a bidirectional control
 * could reorder what a reader sees. Each such character is shown instead as
 * a visible escape (`\n`, `\e`, `<U+202E>`), so the reader sees exactly what
 * the file holds and nothing in it acts.
 */

/** Control characters (C0 but tab, DEL, C1), bidirectional controls and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const COMMAND_START = /^([^\S\r\n]*[\u00AD\u200B-\u200D\u2060\uFEFF]*):(?=[\u00AD\u200B-\u200D\u2060\uFEFF]*:)/gm;
const OLD_COMMAND = /#([\u00AD\u200B-\u200D\u2060\uFEFF]*)#([\u00AD\u200B-\u200D\u2060\uFEFF]*)\[/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\u001b': '\\e', '\b': '\\b', '\f': '\\f', '\v': '\\v', '\0': '\\0', '\u0007': '\\a' };

function shown(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * One value from a file, with every character that could act on a terminal or
 * a log shown visibly, and any `##[` (which a CI runner reads as a command
 * wherever it is in a line) written `##\[`, before the value is laid out in a
 * table or wrapped, so the layout stays true.
 */
export function visible(text: string): string {
  return controlsVisible(text).replace(OLD_COMMAND, '#$1#$2\\[');
}

/** Only the characters that could act shown visibly: for formats with escaping of their own for the rest. */
export function controlsVisible(text: string): string {
  return text.replace(UNSAFE, shown);
}

/** A copy of a value in which every string, however deep, is `visible`: for a whole project before a terminal report is laid out. */
export function visibleAll<T>(value: T): T {
  if (typeof value === 'string') return visible(value) as T;
  if (Array.isArray(value)) return value.map(visibleAll) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = visibleAll(inner);
    return copy as T;
  }
  return value;
}

/**
 * The GitHub Actions runner reads every line a step prints, on standard output
 * and standard error alike, as a possible workflow command: a line that starts
 * (after spaces) with `::`, or that holds `##[` anywhere. Text from a file can
 * hold either without any control character at all, and a report wraps long
 * lines, so any word can come to start one. Lines of a report that coprod does
 * not mean as commands are kept from being read as one: a backslash goes
 * before such a line's leading `::`, and between `##` and `[`. The runner
 * compares text as .NET does, which can pass over zero-width characters, so
 * those do not hide either mark. Nothing else changes.
 */
export function inertLines(text: string): string {
  return text.replace(COMMAND_START, '$1\\:').replace(OLD_COMMAND, '#$1#$2\\[');
}

/**
 * A whole chunk written to standard error, as the last guard for messages
 * that quote a file name or a value coprod did not make visible itself:
 * line breaks and tabs stay, colour (SGR) sequences stay, a carriage return
 * stays only at the start or end of a chunk (a progress line redrawing
 * itself), and every other character that could act is shown visibly.
 */
export function terminalChunk(text: string): string {
  // eslint-disable-next-line no-control-regex
  const body = text.replace(/(\u001b\[[0-9;]*m)|(^\r|\r$)|[\n]|[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (char, sgr: string | undefined, edge: string | undefined) =>
    sgr ?? edge ?? (char === '\n' ? char : shown(char)),
  );
  return inertLines(body);
}
