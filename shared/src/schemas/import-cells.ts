import { z } from 'zod';
import { INSTANT_MAX, INSTANT_MIN, isoDateSchema, isoDateTimeSchema } from './common';

/* What the record imports (survey responses, media coverage) share: how a cell is read, and how a row is reported. */

/** A cell without its surrounding blanks. */
export const trimmedCell = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
/** A cell naming one of a fixed list, in any case. */
export const lowerTrimmedCell = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
/** An empty cell is an absent value. */
export const blankAsAbsent = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmedCell(v));
/** A number cell; empty is absent. */
export const numberCell = (v: unknown) => {
  const s = blankAsAbsent(v);
  return typeof s === 'string' ? Number(s) : s;
};

/** A day (YYYY-MM-DD, midnight in the org's zone) or an instant: records often give only the day. */
export const dateOrInstantSchema = z.union([isoDateSchema, isoDateTimeSchema], {
  error: `must be a date (YYYY-MM-DD) or a date-time with an offset (2026-03-10T09:12:00+08:00), from ${INSTANT_MIN} to ${INSTANT_MAX}`,
});

/** One row of a record import, as `directory.importCsv` reports its rows; each import adds the ids it names. */
export const importedRowSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  row: z.number().int(),
  status: z.enum(['created', 'error']),
  message: z.string(),
});

/** The counts of a record import's report. */
export const importedCountsShape = {
  created: z.number().int(),
  errors: z.number().int(),
  /** True when nothing was written. */
  dryRun: z.boolean(),
};
