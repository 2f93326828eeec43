/**
 * The layers of src/ point one way, down the pipeline: dependency-cruiser
 * checks every import against the rules in .dependency-cruiser.cjs.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli.js';

const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', join(cwd, '.dependency-cruiser.cjs'), '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('layers', () => {
  it('no module imports from a later layer, report/ never imports load/, and nothing is circular', () => {
    const { code, output } = cruise(ROOT);
    expect(output).toContain('no dependency violations found');
    expect(code).toBe(0);
  });

  // The rules must be able to fail: the same configuration over a tree with an import pointing back up.
  const scratch = mkdtempSync(join(tmpdir(), 'coprod-layers-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };

  it('an import from a later layer, from cli/, from load/ into report/, or in a circle, is each reported', () => {
    copyFileSync(join(ROOT, '.dependency-cruiser.cjs'), join(scratch, '.dependency-cruiser.cjs'));
    copyFileSync(join(ROOT, 'tsconfig.json'), join(scratch, 'tsconfig.json'));
    write('src/load/index.ts', "import { RULES } from '../rules/index.js';\nexport const loaded = RULES.length;\n");
    write('src/rules/index.ts', 'export const RULES = [1, 2];\n');
    write('src/report/stylish.ts', "import { where } from '../load/where.js';\nimport type { Style } from '../cli/style.js';\nexport const text = (s: Style): string => s.bold(where());\n");
    write('src/load/where.ts', "export const where = (): string => 'here';\n");
    write('src/cli/style.ts', 'export interface Style { bold(text: string): string }\n');
    write('src/audit/a.ts', "import { b } from './b.js';\nexport const a = (): number => b() + 1;\n");
    write('src/audit/b.ts', "import { a } from './a.js';\nexport const b = (): number => a() - 1;\n");
    const { code, output } = cruise(scratch);
    expect(code).not.toBe(0);
    expect(output).toContain('load-imports-a-later-layer: src/load/index.ts → src/rules/index.ts');
    expect(output).toContain('report-imports-a-later-layer: src/report/stylish.ts → src/cli/style.ts');
    expect(output).toContain('report-imports-load: src/report/stylish.ts → src/load/where.ts');
    expect(output).toMatch(/no-circular: src\/audit\/(a|b)\.ts/);
  });
});
