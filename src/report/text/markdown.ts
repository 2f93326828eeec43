/**
 * Text from a project file, made safe for Markdown: the same escaping for
 * every Markdown coprod writes (`audit --format markdown` and `diff --format
 * markdown`), so a value shows as itself wherever it lands. Markup (emphasis,
 * code, links, HTML, entities, tables, strikethrough, maths, headings) is
 * escaped; a line break cannot start a new line, list item or heading;
 * control characters are shown visibly, as in a terminal; and on GitHub, where
 * these reports become pull-request comments, an `@name` cannot mention a
 * person or team and an address cannot become a link: a zero-width space
 * (written `&#8203;`) goes after each `@` and before each `://` and `www.`,
 * which breaks what GitHub looks for and changes nothing a reader sees.
 */
import { controlsVisible, visible } from './terminal.js';

/**
 * Characters with a meaning in CommonMark or GitHub Markdown inside a line:
 * emphasis, code, links (with `[` and `]` escaped, `(` and `!` are harmless),
 * HTML, entities, table cells, strikethrough, maths and the closing marks of
 * headings. Each is escaped with a backslash, which CommonMark allows before
 * any ASCII punctuation.
 */
const SPECIAL = /[\\`*_[\]<>#|~&$]/g;

const LINE_BREAK = /\r\n|\r|\n/g;

/** Mentions, and the addresses GitHub turns into links by itself, broken up without a visible change. */
function unlinked(escaped: string): string {
  return escaped
    .replace(/@/g, '@&#8203;')
    .replace(/:\/\//g, '&#8203;://')
    .replace(/\b(www)\./gi, '$1&#8203;.');
}

/** One line of a value: controls visible, markup escaped, mentions and links broken. */
function escapeLine(value: string): string {
  return unlinked(controlsVisible(value).replace(SPECIAL, '\\$&'));
}

/** Inline text from a file: escaped, on one line (line breaks become spaces). */
export function inlineText(value: string): string {
  return escapeLine(value.replace(LINE_BREAK, ' '));
}

/** A table cell from a file: escaped, with line breaks kept as <br>. */
export function tableCell(value: string): string {
  return value.split(LINE_BREAK).map(escapeLine).join('<br>');
}

/** A paragraph from a file: escaped, on one line, and unable to start a list, quote or heading. */
export function paragraph(value: string): string {
  const line = inlineText(value.trim());
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A code span that holds any text: the fence is longer than any run of
 * backticks inside it. In a table, pipes are escaped too (GitHub splits cells
 * on `|` before it reads code spans). Code spans are never linked or
 * mentioned from, so nothing else needs escaping; control characters are
 * shown visibly.
 */
export function codeSpan(value: string, inTable = false): string {
  let body = visible(value.replace(LINE_BREAK, ' '));
  if (inTable) body = body.replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
