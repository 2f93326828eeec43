/**
 * JSON text that is exact for programs and inert on a terminal or in a log:
 * JSON.stringify already writes control characters U+0000 to U+001F as
 * escapes; this writes DEL, the C1 controls, the Unicode line and paragraph
 * separators and the bidirectional controls as `\uXXXX` escapes too. A JSON
 * parser reads back exactly the same strings.
 */
const INERT = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `value` as JSON indented by two spaces, with every such character escaped; no final newline. */
export function jsonBody(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(INERT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A whole JSON document: `jsonBody` and a final newline. */
export function jsonText(value: unknown): string {
  return jsonBody(value) + '\n';
}
