/**
 * The GitHub Actions runner's reading of workflow commands, ported from
 * actions/runner (src/Runner.Worker/ActionCommandManager.cs and
 * src/Runner.Common/ActionCommand.cs) so a test can ask of any output what
 * the runner would do with it. Each line (split as .NET's ReadLine does, on
 * CR, LF or CRLF) is tried as a `::command props::data` command after leading
 * white space is trimmed, and then as an old `##[command props]data` command
 * found anywhere in the line. The runner compares text as .NET culture-aware
 * comparison does, which passes over zero-width characters; the port strips
 * them first, so it finds at least every command the runner would.
 */

/** The commands the runner registers (case-insensitive); any other name is not a command. */
export const REGISTERED = ['stop-commands', 'set-env', 'set-output', 'save-state', 'add-mask', 'add-path', 'add-matcher', 'remove-matcher', 'warning', 'error', 'notice', 'debug', 'group', 'endgroup', 'echo'];

export interface RunnerCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  line: string;
}

const registered = new Set(REGISTERED);
const IGNORABLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

function unescape(value: string, mappings: Array<[string, string]>): string {
  let text = value;
  for (const [token, replacement] of mappings) text = text.split(replacement).join(token);
  return text;
}
const DATA: Array<[string, string]> = [['\r', '%0D'], ['\n', '%0A'], ['%', '%25']];
const PROPERTY: Array<[string, string]> = [['\r', '%0D'], ['\n', '%0A'], [':', '%3A'], [',', '%2C'], ['%', '%25']];
const OLD: Array<[string, string]> = [[';', '%3B'], ['\r', '%0D'], ['\n', '%0A'], [']', '%5D'], ['%', '%25']];

function parseV2(raw: string): RunnerCommand | undefined {
  // .NET's TrimStart: Unicode white space.
  const message = raw.replace(/^[\s\u0085]+/, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',').filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), PROPERTY);
    }
  }
  return { command, properties, data: unescape(message.slice(end + 2), DATA), line: raw };
}

function parseV1(message: string): RunnerCommand | undefined {
  const prefix = message.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = message.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = message.slice(prefix + 3, close);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info.slice(space + 1).split(';').filter(Boolean)) {
      const at = pair.indexOf('=');
      if (at > 0 && at < pair.length - 1) properties[pair.slice(0, at)] = unescape(pair.slice(at + 1), OLD);
    }
  }
  return { command, properties, data: unescape(message.slice(close + 1), OLD), line: message };
}

/** Every command the runner would take from this output. */
export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const compared = line.replace(IGNORABLE, '');
    const command = parseV2(compared) ?? parseV1(compared);
    if (command) found.push(command);
  }
  return found;
}
