/**
 * Text in HTML: everything that comes from a project file is escaped for
 * where it lands (element content, quoted attributes, SVG text), and ids are
 * made from slugs, never copied from a file. Used by every HTML page coprod
 * writes.
 */
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Control characters other than tab and line feed, noncharacters and lone surrogates: not allowed in HTML text. */
// eslint-disable-next-line no-control-regex
const NOT_ALLOWED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Noncharacter_Code_Point}|\p{Cs}/gu;

/** Makes any string safe as HTML or SVG text and in a quoted attribute value. */
function clean(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(NOT_ALLOWED, '\uFFFD');
}

/** Text from anywhere, escaped for element content and for double- or single-quoted attributes alike. */
export function escapeHtml(value: string | number): string {
  return clean(String(value)).replace(/[&<>"']/g, (c) => ENTITY[c]!);
}
export const h = escapeHtml;

/** A name from a file inside a table: it may break anywhere, so one very long word cannot push the table off the page. */
export function name(value: string): string {
  return `<span class="name">${h(value)}</span>`;
}

/**
 * A sentence written by coprod that may quote a file's values or keys in
 * backticks (as the terminal report does): escaped first, then each quoted
 * part set as code. The escaped text holds no markup, so adding <code> is safe.
 */
export function prose(value: string): string {
  return h(value).replace(/`([^`\n]+)`/g, '<code>$1</code>');
}

/** A sanitised slug for building ids: lower-case ASCII letters, digits and hyphens only. */
export function slug(value: string, max = 40): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

/** Cuts text to a number of characters (whole code points), with an ellipsis when cut. */
export function truncate(value: string, max: number): string {
  const chars = Array.from(value.replace(/\s+/g, ' ').trim());
  const room = Math.max(2, max);
  return chars.length <= room ? chars.join('') : chars.slice(0, room - 1).join('').trimEnd() + '…';
}
