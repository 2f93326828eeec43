// Compiles each JSON Schema in schemas/ into a standalone CommonJS validator
// in dist/generated/, so the CLI never compiles a schema at run time
// (compiling costs about 260 ms at start-up; loading the generated code about 50 ms).
// CommonJS because ajv's ESM standalone output still calls require() when formats are used.
import { mkdirSync, readFileSync, writeFileSync, renameSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule.default ?? addFormatsModule;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'generated');
mkdirSync(outDir, { recursive: true });

/** Each validator: its name, and the schema it checks. */
const targets = readdirSync(join(root, 'schemas'))
  .filter((f) => f.endsWith('.schema.json'))
  .sort()
  .map((file) => ({ name: file.replace('.schema.json', ''), schema: JSON.parse(readFileSync(join(root, 'schemas', file), 'utf8')) }));
// A saved `coprod audit --format json` result, which `coprod diff` checks before it reads one: the first form the
// result schema allows, on its own, so a malformed file gets that form's problems and not every form's.
const result = targets.find((t) => t.name === 'result').schema;
targets.push({ name: 'saved-audit', schema: { $schema: result.$schema, ...result.anyOf[0] } });

for (const { name, schema } of targets) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true, code: { source: true, esm: false } });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(schema);
  const code = (standaloneCode.default ?? standaloneCode)(ajv, validate);
  const target = join(outDir, `${name}.validator.cjs`);
  writeFileSync(target + '.tmp', code);
  renameSync(target + '.tmp', target);
}
