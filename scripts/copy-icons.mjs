// Copies the few pictures the Easy Read report uses from Tabler Icons (MIT
// licence, https://tabler.io/icons) into a committed module, with the licence
// beside them, so the report never depends on the icon package when it runs.
// Run after changing the list: node scripts/copy-icons.mjs
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
// The package's exports map hides package.json, so find its folder from an icon it does export.
const pkgDir = join(dirname(require.resolve('@tabler/icons/outline/users.svg')), '..', '..');
const { version } = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const licence = readFileSync(join(pkgDir, 'LICENSE'), 'utf8').trim();

/** The picture for each point, by what it shows. */
const ICONS = {
  people: 'users',
  organisation: 'building',
  understood: 'bulb',
  chose: 'hand-click',
  role: 'tool',
  voice: 'message',
  actedOn: 'checklist',
  told: 'speakerphone',
  decided: 'heart-handshake',
  unknown: 'help',
  moveUp: 'arrow-big-up',
  next: 'calendar',
  safe: 'lock',
  comments: 'quote',
  differ: 'scale',
  agree: 'check',
  ladder: 'ladder',
};

const body = (name) => {
  const svg = readFileSync(join(pkgDir, 'icons', 'outline', `${name}.svg`), 'utf8');
  // Keep only the drawing: the outer <svg> is written by the report, and the first path is an empty frame.
  return [...svg.matchAll(/<(path|circle|rect|line|polyline|polygon|ellipse)\b[^>]*\/>/g)]
    .map((m) => m[0].replace(/\s+/g, ' ').replace(/ \/>$/, '/>'))
    .filter((element) => !/stroke="none"/.test(element))
    .join('');
};

const lines = [
  '/*! @license',
  ` * Pictures from Tabler Icons ${version} (https://tabler.io/icons), used under the MIT licence:`,
  ...licence.split('\n').map((line) => ` * ${line}`.trimEnd()),
  ' */',
  '// Made by scripts/copy-icons.mjs from @tabler/icons; do not edit by hand.',
  '',
  '/** The inside of each picture: 24 by 24, drawn with lines in the current colour. */',
  'export const ICONS = {',
  ...Object.entries(ICONS).map(([key, name]) => `  /** Tabler Icons "${name}" */\n  ${key}: '${body(name)}',`),
  '} as const;',
  '',
  'export type IconName = keyof typeof ICONS;',
  '',
];
const target = join(root, 'src/report/formatters/easy-read/icons.ts');
writeFileSync(target + '.tmp', lines.join('\n'));
renameSync(target + '.tmp', target);
