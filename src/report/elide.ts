/**
 * A value from a project file, shortened for a report. Files are written by
 * other people, and one name or reason can run to megabytes: a report must
 * still be readable, and laying out a table or wrapping text must not take
 * time that grows faster than the report. The middle is left out, because
 * the start and the end of a name are what tell it apart.
 */

/** The longest a single value is shown, in characters, before its middle is left out. */
export const MAX_VALUE_LENGTH = 200;

export function elide(text: string, max: number = MAX_VALUE_LENGTH): string {
  if (text.length <= max) return text;
  let head = Math.ceil(max / 2);
  let tail = Math.floor(max / 2);
  // Never cut a character written as two UTF-16 units (an emoji, say) in half.
  if (isHighSurrogate(text.charCodeAt(head - 1))) head--;
  if (isLowSurrogate(text.charCodeAt(text.length - tail))) tail--;
  const left = text.length - head - tail;
  return `${text.slice(0, head)} … (${left.toLocaleString('en-GB')} characters left out) … ${text.slice(text.length - tail)}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
