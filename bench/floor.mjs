// The floor for a batch audit: only read and parse the same files with yaml
// (parseDocument with a LineCounter, then toJS), in one thread, as the audit must.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.ya?ml$/.test(name)) yield path;
  }
}

let count = 0;
for (const path of files(process.argv[2])) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter, prettyErrors: false });
  doc.toJS();
  count++;
}
console.error(`${count} files parsed`);
