/** Today's date, for judging waivers and the preview after `coprod init`: one answer for the whole CLI. */
import { isCalendarDate } from '../calendar-date.js';
import { type Io } from './io.js';
import { UsageError } from '../errors.js';

/** COPROD_TODAY (YYYY-MM-DD) fixes the date for reproducible runs; it must be a real date. */
export function today(io: Pick<Io, 'env'>): string {
  const fixed = io.env['COPROD_TODAY'];
  if (fixed === undefined) return new Date().toISOString().slice(0, 10);
  if (!isCalendarDate(fixed)) throw new UsageError(`COPROD_TODAY must be a real date written as YYYY-MM-DD, such as 2026-01-31, not \`${fixed}\`.`);
  return fixed;
}
