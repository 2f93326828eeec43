/**
 * One self-contained HTML page: no scripts, nothing loaded from elsewhere, and
 * a Content-Security-Policy that allows only the page's own stylesheet, by its
 * SHA-256 hash (as the HTML report does). Used for the pages made for the
 * people who took part: the questionnaire, the tally sheet and the Easy Read
 * report. The caller escapes everything that comes from a file.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './html-text.js';

export interface PageParts {
  title: string;
  /** The whole stylesheet; its exact bytes are hashed into the policy. */
  style: string;
  /** Its SHA-256 hash in base64, when it was worked out at build time. */
  styleHash?: string;
  /** The markup inside <body>. */
  body: string;
  generator: string;
}

export function policyFor(style: string, hash = createHash('sha256').update(style, 'utf8').digest('base64')): string {
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

export function selfContainedPage(parts: PageParts): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policyFor(parts.style, parts.styleHash))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(parts.generator)}">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${parts.style}</style>`,
    '</head>',
    '<body>',
    parts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
