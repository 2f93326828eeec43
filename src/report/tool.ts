/**
 * coprod's own version, named in every report. This module sits two folders
 * below the package root, as the bundle does, so the path to package.json is
 * the same from either.
 */
import { readFileSync } from 'node:fs';

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
