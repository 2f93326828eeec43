/** A format written as the audit goes, made the same way on the main thread and in each worker thread. */
import type { AuditRun } from '../audit/result.js';
import type { ProjectStream } from '../report/formatters/format.js';
import { formatContext, type FormatOptions } from '../report/formatResult.js';
import { FORMATS, type FormatName } from '../report/formatters/index.js';
import { makeStyle } from '../report/style.js';

/** How each project's text is made as it is audited. */
export interface StreamSetup {
  format: FormatName;
  /** The options: plain data, so that it can be handed to a worker thread. */
  context: Omit<FormatOptions, 'style'>;
  colour: boolean;
  tool: AuditRun['tool'];
}

/** The stream a format is written with, or undefined when it cannot be written as it goes. */
export async function openStream(setup: StreamSetup): Promise<ProjectStream | undefined> {
  const factory = (await FORMATS[setup.format]()).stream;
  return factory ? factory(formatContext({ ...setup.context, style: await makeStyle(setup.colour) }), setup.tool) : undefined;
}
