/** `coprod print-config` and `coprod init-config`. */
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { configTemplate } from '../../config/config.js';
import { effectiveConfig, type ConfigFlags } from '../effective-config.js';
import { EXIT, type Io } from '../io.js';
import { writeFileAtomic } from '../write-file.js';

/**
 * The settings in force, written as a configuration file that its own schema
 * accepts: saved as .coprodrc.yaml, it gives the same settings. (The folder
 * the `ignore` globs are read from is where that file is, so it is not a setting.)
 */
export async function printConfigCommand(flags: ConfigFlags, io: Io): Promise<number> {
  const { file, config } = await effectiveConfig(flags, io);
  const { base: _base, ...settings } = config;
  io.stdout.write(`# The settings in force${file ? `, from ${file}` : ' (no configuration file found; these are the defaults)'}, with any command-line flags over them.\n`);
  io.stdout.write(stringify(settings));
  return EXIT.clean;
}

export async function initConfigCommand(file: string, force: boolean, io: Io): Promise<number> {
  await writeFileAtomic(resolve(io.cwd, file), configTemplate(), { overwrite: force, shownAs: file });
  io.stdout.write(`Wrote ${file}. Edit it, then check it with \`coprod print-config\`.\n`);
  return EXIT.clean;
}
