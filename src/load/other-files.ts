/**
 * YAML files that are clearly not project files: a CI workflow, a
 * participants' perspectives file, coprod's own configuration, and the other
 * YAML a repository holds. Found while searching a folder, such a file is
 * passed over with a note; named on the command line, it gets one clear error
 * instead of a pile of schema problems.
 *
 * A file is recognised only when it has none of a project file's own keys,
 * nor a misspelling of one, and has the keys that mark the other kind: a
 * project file with a typo is never taken for something else.
 */
import { suggest } from './suggest.js';

type Data = Record<string, unknown>;

export interface OtherFile {
  /** What the file looks like, as "a GitHub Actions workflow". */
  what: string;
  /** What shows it, as "it has `on:` and `jobs:`". */
  why: string;
  /** What to do with it instead, when there is something. */
  instead?: string;
}

/** The keys only a project file has at its top level (`version` is in many kinds of file). */
const PROJECT_KEYS = ['project', 'activities', 'people', 'practice', 'waivers'];

/** The settings of a coprod configuration file (schemas/config.schema.json). */
const SETTINGS = ['fail_on', 'min_rung', 'min_shared_decisions', 'rules', 'only', 'ignore'];

const isMapping = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);
const has = (data: Data, ...keys: string[]): boolean => keys.every((key) => Object.prototype.hasOwnProperty.call(data, key));
/** Some value at the second level (a job, a stage) has this key, as CI pipelines' jobs have `script`. */
const someChildHas = (data: Data, key: string): boolean => Object.values(data).some((value) => isMapping(value) && has(value, key));

/** The kinds of file recognised, each by the keys that mark it, in the order they are tried. */
export const OTHER_FILES: ReadonlyArray<Omit<OtherFile, 'why'> & { why: string | ((data: Data) => string); test: (data: Data) => boolean }> = [
  { what: 'a GitHub Actions workflow', why: 'it has `on:` and `jobs:`', test: (d) => has(d, 'on', 'jobs') && isMapping(d['jobs']) },
  { what: "a GitHub Action's definition", why: 'it has `runs:` with `using:`', test: (d) => isMapping(d['runs']) && has(d['runs'], 'using') },
  {
    what: 'a perspectives file',
    why: 'it has `groups:` with `respondents`',
    instead: 'A perspectives file holds participants\u2019 own answers: give it to `coprod audit` with --perspectives, beside the project file it is about.',
    test: (d) => Array.isArray(d['groups']) && d['groups'].some((g) => isMapping(g) && has(g, 'respondents')),
  },
  {
    what: 'a coprod configuration file',
    why: (d) => `it has only settings: ${Object.keys(d).map((key) => `\`${key}\``).join(', ')}`,
    instead: 'coprod reads it by itself when it is named .coprodrc.yaml or coprod.config.yaml, or with --config.',
    test: (d) => Object.keys(d).length > 0 && Object.keys(d).every((key) => SETTINGS.includes(key)),
  },
  { what: 'a CircleCI configuration', why: 'it has `jobs:` and `workflows:`', test: (d) => has(d, 'jobs', 'workflows') },
  { what: 'a GitLab CI pipeline', why: 'its jobs have `script:`', test: (d) => (has(d, 'stages') && Array.isArray(d['stages'])) || someChildHas(d, 'script') },
  { what: 'an Azure Pipelines pipeline', why: 'it has `trigger:` or `pool:`, and `steps:`, `jobs:` or `stages:`', test: (d) => (has(d, 'trigger') || has(d, 'pool')) && (has(d, 'steps') || has(d, 'jobs') || has(d, 'stages')) },
  { what: 'a CI pipeline', why: 'it has `jobs:`', test: (d) => has(d, 'jobs') || has(d, 'pipelines') },
  { what: 'a Docker Compose file', why: 'it has `services:`', test: (d) => isMapping(d['services']) },
  { what: 'a Kubernetes manifest', why: 'it has `apiVersion:` and `kind:`', test: (d) => has(d, 'apiVersion', 'kind') },
  { what: 'an OpenAPI description', why: 'it has `openapi:`', test: (d) => has(d, 'openapi') || has(d, 'swagger') },
  { what: 'a Dependabot configuration', why: 'it has `updates:`', test: (d) => Array.isArray(d['updates']) },
  { what: 'a pre-commit configuration', why: 'it has `repos:`', test: (d) => Array.isArray(d['repos']) },
  { what: 'a MkDocs configuration', why: 'it has `site_name:`', test: (d) => has(d, 'site_name') },
];

/**
 * Whether any top-level key is a project file's own, or close to one
 * (`Activities`, `activites`, `participants`): such a file is a project file,
 * however broken. `project` counts only as a mapping: a perspectives file names
 * its project in a line of text.
 */
function looksLikeProject(data: Data): boolean {
  if (isMapping(data['project']) || data['project'] === null) return true;
  const keys = Object.keys(data).filter((key) => key !== 'project');
  if (keys.some((key) => PROJECT_KEYS.includes(key))) return true;
  // A project file has a handful of top-level keys; the search for misspellings costs a little each, so it looks at the first hundred.
  return keys.slice(0, MISSPELLINGS_SOUGHT).some((key) => suggest(key, PROJECT_KEYS) !== undefined);
}

/** How many top-level keys are looked at for a misspelling of a project file's own. */
const MISSPELLINGS_SOUGHT = 100;

/** What the file is, when it is clearly another kind of YAML file; undefined when it may be a project file. */
export function otherFileOf(data: Data): OtherFile | undefined {
  if (looksLikeProject(data)) return undefined;
  const found = OTHER_FILES.find((kind) => kind.test(data));
  if (!found) return undefined;
  const why = typeof found.why === 'string' ? found.why : found.why(data);
  return found.instead ? { what: found.what, why, instead: found.instead } : { what: found.what, why };
}

/** The one error for such a file named on the command line. */
export function notAProjectFile(other: OtherFile): string {
  return `This looks like ${other.what} (${other.why}), not a coprod project file, so it was not checked.${other.instead ? ` ${other.instead}` : ''}`;
}

/** The note for such a file found while searching a folder. */
export function skippedNote(other: OtherFile): string {
  return `This looks like ${other.what} (${other.why}), not a coprod project file, so it was skipped.`;
}
