/**
 * Every command, in the order `coprod --help` lists them. A command is one
 * file here (its name, arguments, options, help and `run`); what it does is
 * in ../actions/, imported by its `run` only when it runs.
 */
import type { CommandDescriptor } from '../command.js';
import { audit } from './audit.js';
import { initConfig, printConfig } from './config.js';
import { diff } from './diff.js';
import { explain } from './explain.js';
import { addActivity, init } from './init.js';
import { ladder } from './ladder.js';
import { perspectives } from './perspectives.js';
import { questionnaire } from './questionnaire.js';
import { rules } from './rules.js';
import { validate } from './validate.js';

export const COMMANDS: readonly CommandDescriptor[] = [validate, audit, diff, printConfig, initConfig, init, addActivity, ladder, rules, explain, questionnaire, perspectives];
