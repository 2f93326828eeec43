// Gives every schema in schemas/ the $id of its published copy on a public
// npm CDN, for the package's current version, so editors and validators can
// fetch it by that address. Run by `npm version` (the "version" script).
// With --check, exits 1 if any $id is not the one for this version.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
let stale = false;
for (const file of readdirSync(`${root}schemas`).filter((f) => f.endsWith('.schema.json')).sort()) {
  const path = `${root}schemas/${file}`;
  const text = readFileSync(path, 'utf8');
  const id = `https://cdn.jsdelivr.net/npm/coprod-audit@${version}/schemas/${file}`;
  const updated = text.replace(/("\$id":\s*")[^"]*(")/, `$1${id}$2`);
  if (updated === text) continue;
  stale = true;
  if (!process.argv.includes('--check')) writeFileSync(path, updated);
}
if (stale && process.argv.includes('--check')) {
  console.error('A schema $id is not the published address for this version: run `node scripts/schema-ids.mjs`.');
  process.exitCode = 1;
}
