/** Reads the one project file (the plan) that a command about participants works from. */
import { resolve } from 'node:path';
import { loadProject } from '../load/index.js';
import { RULE_IDS } from '../rules/index.js';
import type { Problem } from '../problem.js';
import { readSource } from '../load/sources.js';
import type { LoadedProject } from '../project.js';
import { CLI_LIMITS } from './limit-options.js';
import type { Io } from './io.js';

export async function readPlan(path: string, io: Io): Promise<{ ok: true; loaded: LoadedProject } | { ok: false; problems: Problem[] }> {
  const source = await readSource({ file: path, path: path === '-' ? '-' : resolve(io.cwd, path) }, CLI_LIMITS, io.readStdin);
  if ('kind' in source) return { ok: false, problems: [source] };
  const loaded = loadProject(source.file, source.text, CLI_LIMITS, RULE_IDS);
  return loaded.ok ? { ok: true, loaded: loaded.loaded } : { ok: false, problems: loaded.problems };
}
