/**
 * Where a file is, as code-scanning dashboards and CI annotations need it:
 * relative to the repository root, whatever folder coprod was run from, and
 * written as a URI that names exactly that file.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/** The folder coprod ran in and the repository root, both absolute; the paths in a run are relative to the first. */
export interface PathBase {
  cwd: string;
  root: string;
}

/**
 * A file's path from the repository root, with the platform's separators; a
 * file outside the root keeps its absolute path. Without a base (a run made
 * in code), the path is as the run holds it.
 */
export function fromRoot(file: string, base: PathBase | undefined): string {
  if (!base) return file;
  const absolute = resolve(base.cwd, file);
  const inside = relative(base.root, absolute);
  return inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside) ? absolute : inside;
}

/**
 * A file as a URI reference: relative paths stay relative, absolute paths
 * become file: URIs. Only the platform's own separator divides segments: on
 * Linux and macOS a backslash is part of a name (`x\..\victim.yaml` is one
 * file), so it is percent-encoded like every other character that could
 * change the meaning (spaces, `#`, `?`, `:`, `%`).
 */
export function fileUri(file: string, separator: string = sep): string {
  const segments = file.split(separator === '\\' ? /[\\/]/ : '/');
  const encode = (parts: string[]): string => parts.map((part) => encodeURIComponent(part)).join('/');
  const drive = separator === '\\' ? /^([A-Za-z]):$/.exec(segments[0] ?? '') : null;
  if (drive) return `file:///${drive[1]}:/${encode(segments.slice(1))}`;
  if (file.startsWith('/') || (separator === '\\' && file.startsWith('\\'))) return `file://${encode(segments)}`;
  return encode(segments);
}

/**
 * SARIF message text: a plain-text message may hold embedded links written
 * `[text](target)`, so a literal `[` or `]` from a file is escaped with a
 * backslash, as are backslashes just before them (SARIF 2.1.0, 3.11.6).
 */
export function sarifText(text: string): string {
  return text.replace(/\\(?=[[\]])/g, '\\\\').replace(/[[\]]/g, '\\$&');
}
