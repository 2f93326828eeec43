/**
 * coprod's SARIF checked by Microsoft's own SARIF multitool, with the rule kinds
 * GitHub code scanning and GitHub Advanced Security for Azure DevOps apply
 * (`Sarif;Gh;Ghas`), beyond the JSON schema the formats test validates against.
 * The multitool is the Linux build from npm, a self-contained program.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './cli.js';

const MULTITOOL = join(ROOT, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
const tmp = mkdtempSync(join(tmpdir(), 'coprod-multitool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Verdict {
  level: string;
  ruleId: string;
  text: string;
}

/** What the multitool's validate finds in one SARIF file, as its own SARIF log of results. */
function validate(sarif: string, name: string): Verdict[] {
  // npm does not keep the executable bit of files in a package's tarball.
  if ((statSync(MULTITOOL).mode & 0o111) === 0) chmodSync(MULTITOOL, 0o755);
  const input = join(tmp, `${name}.sarif`);
  const output = join(tmp, `${name}.validation.sarif`);
  writeFileSync(input, sarif);
  const run = spawnSync(MULTITOOL, ['validate', input, '--rule-kind', 'Sarif;Gh;Ghas', '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8')) as { runs: Array<{ results?: Array<{ level: string; ruleId: string; message: { text?: string; arguments?: string[] } }> }> };
  return (log.runs[0]?.results ?? []).map((r) => ({ level: r.level, ruleId: r.ruleId, text: r.message.text ?? (r.message.arguments ?? []).join(' ') }));
}

function sarifOf(args: string[]): string {
  const result = runCli(['audit', ...args, '--format', 'sarif', '--fail-on', 'never'], { env: { COPROD_TODAY: '2026-06-01' } });
  expect(result.stdout.length, result.stderr).toBeGreaterThan(0);
  return result.stdout;
}

describe("Microsoft's SARIF multitool, with GitHub's and Azure DevOps' rules", () => {
  it('finds nothing to fault in the SARIF for every example', () => {
    expect(validate(sarifOf(['examples/']), 'examples')).toEqual([]);
  }, 240_000);

  it('finds nothing to fault with hostile names, files that cannot be audited, and --strict', () => {
    const sarif = sarifOf(['tests/fixtures/formats/tricky.yaml', 'tests/fixtures/html/hostile.yaml', 'tests/fixtures/invalid/dup-ids.yaml', 'tests/fixtures/invalid/broken-json.yaml', '--strict']);
    expect(JSON.parse(sarif).runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'file-not-audited')).toBe(true);
    expect(validate(sarif, 'hostile')).toEqual([]);
  }, 240_000);

  it('does fault a log with an absolute location and a message without text, so the check can fail', () => {
    const log = JSON.parse(sarifOf(['examples/poor-consultation-as-co-production.yaml']));
    const [first, second] = log.runs[0].results;
    first.locations[0].physicalLocation.artifactLocation = { uri: 'file:///somewhere/else.yaml' };
    delete second.message.text;
    second.message.id = 'missing';
    const rules = validate(JSON.stringify(log), 'broken').map((v) => v.ruleId);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.some((id) => id.startsWith('GH'))).toBe(true);
  }, 240_000);
});
