/**
 * The HTML report's stylesheet (formatters/html.css) and its SHA-256 hash,
 * both made at build time by scripts/build-stylesheet.mjs. Its hash goes into
 * the Content-Security-Policy, so the page must carry exactly these bytes.
 * Colours meet WCAG 2.2 AA contrast on their backgrounds; symbols and words
 * carry every meaning.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// The path resolves the same from src/report (tests), dist/report (the library) and dist/bundle (the CLI).
export const REPORT_STYLESHEET = require('../../dist/generated/html-stylesheet.cjs') as { style: string; hash: string };
