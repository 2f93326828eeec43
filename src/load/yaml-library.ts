/**
 * The yaml library, loaded the first time it is needed. Most files are read
 * the quick way (compose-plain.ts); yaml, which explains every mistake, is
 * needed only for the rest, and loading it on every run cost a one-file audit
 * about 3 ms (bench/README.md).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

export function yamlLibrary(): typeof Yaml {
  // A require() the bundler can see, so the bundle holds yaml and runs it only when this is called; where there is no
  // require (the ES modules the tests run), one made for this module.
  yaml ??= typeof require === 'function' ? (require('yaml') as typeof Yaml) : (createRequire(import.meta.url)('yaml') as typeof Yaml);
  return yaml;
}
