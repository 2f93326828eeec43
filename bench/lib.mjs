// Shared by the benchmarks: run a command, time it, measure its peak memory,
// take medians, and print and save the figures.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'coprod.cjs');
export const RESULTS = join(ROOT, 'bench', 'results');

/** Runs a command once under /usr/bin/time; returns wall seconds and peak RSS in MB. */
export function measure(command, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const lines = result.stderr.trim().split('\n');
  const kb = Number(lines[lines.length - 1]);
  return { seconds, peakMB: kb / 1024, status: result.status, stdout: result.stdout };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Alternates the runs of several commands (A B C, A B C, …) so that noise on
 * this shared machine falls on all of them alike, and returns each median.
 */
export function alternate(entries, repetitions) {
  const times = entries.map(() => []);
  const peaks = entries.map(() => []);
  for (let r = 0; r < repetitions; r++) {
    entries.forEach((entry, i) => {
      const m = measure(entry.command, entry.args, entry.options);
      if (m.status !== entry.expectStatus && entry.expectStatus !== undefined) throw new Error(`${entry.name} exited ${m.status}, expected ${entry.expectStatus}`);
      times[i].push(m.seconds);
      peaks[i].push(m.peakMB);
    });
  }
  return entries.map((entry, i) => ({ name: entry.name, seconds: median(times[i]), peakMB: median(peaks[i]), runs: times[i].length }));
}

export function machine() {
  return { date: new Date().toISOString().slice(0, 10), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1024 ** 3) };
}

/** Prints a table and writes bench/results/<name>.json. */
export function report(name, rows, extra = {}) {
  const columns = Object.keys(rows[0]);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
  const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log(`\n${name}`);
  console.log(line(columns));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(columns.map((c) => row[c])));
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `${name}.json`);
  writeFileSync(file, JSON.stringify({ benchmark: name, machine: machine(), rows, ...extra }, null, 2) + '\n');
  console.log(`(saved to ${file.slice(ROOT.length + 1)})`);
}

export const fmt = (n, digits = 2) => Number(n.toFixed(digits));
