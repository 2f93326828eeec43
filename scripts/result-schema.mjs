// Writes schemas/result.schema.json, the schema of every JSON output coprod
// prints (audit, diff and validate), from the TypeScript types that make it
// (src/report/json-output.ts), so the two cannot drift apart. Every object
// allows only its own fields. With --check, exits 1 if the file is not up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}schemas/result.schema.json`;
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

const generated = createGenerator({
  path: `${root}src/report/json-output.ts`,
  tsconfig: `${root}tsconfig.json`,
  type: 'CoprodJson',
  // Two types share the name Disagreement, so every type is written in place rather than by name.
  expose: 'none',
  topRef: false,
  additionalProperties: false,
  skipTypeCheck: true,
}).createSchema('CoprodJson');

const { $schema: _draft, definitions: _none, ...body } = generated;
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: `https://cdn.jsdelivr.net/npm/coprod-audit@${version}/schemas/result.schema.json`,
  title: 'coprod JSON output',
  ...body,
  description: 'What `coprod audit --format json`, `coprod diff --format json` and `coprod validate --format json` print. Generated from src/report/json-output.ts by scripts/result-schema.mjs.',
};
const text = JSON.stringify(schema, null, 2) + '\n';

if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== text) {
    console.error('schemas/result.schema.json is not up to date: run `node scripts/result-schema.mjs`.');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
}
