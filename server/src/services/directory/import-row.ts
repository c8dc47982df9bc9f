import {
  isoDateSchema,
  isoDateTimeSchema,
  stakeholderCsvColumns,
  stakeholderInputSchema,
  type CsvRecord,
  type IdentityInput,
  type IdentityKind,
} from '@comms-log/shared';
import type { z } from 'zod';
import { describeZodError } from '../../trpc';
import { dateOrInstantMs } from '../evaluations/surveys';

export const importColumns = stakeholderCsvColumns;
type Column = (typeof importColumns)[number];

export type StakeholderIn = z.output<typeof stakeholderInputSchema>;

const identityColumns: [Column, IdentityKind][] = [
  ['emails', 'email'],
  ['domains', 'domain'],
  ['weibo', 'weibo'],
  ['jira', 'jira'],
  ['trello', 'trello'],
  ['phones', 'phone'],
];

/** One row of the file: its cells by column, and whether the header has a column. */
export class CsvRow {
  constructor(
    readonly names: string[],
    readonly record: CsvRecord,
  ) {}

  cell(c: Column): string {
    const idx = this.names.indexOf(c);
    return idx < 0 ? '' : (this.record.fields[idx] ?? '').trim();
  }

  has(c: Column): boolean {
    return this.names.includes(c);
  }
}

/** The row's `created_at` as an instant (a bare date is midnight in the org's zone), or what is wrong with it. */
function createdAtOf(row: CsvRow, timeZone: string): { createdAt?: string } | string {
  const cell = row.cell('created_at');
  if (!cell) return {};
  if (!isoDateSchema.safeParse(cell).success && !isoDateTimeSchema.safeParse(cell).success)
    return `created_at: "${cell}" must be a date (2026-03-10) or a date-time with an offset (2026-03-10T09:12:00+08:00)`;
  return { createdAt: new Date(dateOrInstantMs(cell, timeZone)).toISOString() };
}

/** The row as a stakeholder input, or what is wrong with it. `owners` are the org's user ids by e-mail. */
export function rowInput(row: CsvRow, owners: Map<string, string>, timeZone: string): StakeholderIn | string {
  const created = createdAtOf(row, timeZone);
  if (typeof created === 'string') return created;
  const ownerEmail = row.cell('owner_email').toLowerCase();
  const ownerUserId = ownerEmail ? owners.get(ownerEmail) : null;
  if (ownerUserId === undefined) return `owner_email: no user ${ownerEmail} in this org`;
  const identityList: IdentityInput[] = identityColumns.flatMap(([column, kind]) =>
    row
      .cell(column)
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean)
      .map((value) => ({ kind, value })),
  );
  const parsed = stakeholderInputSchema.safeParse({
    name: row.cell('name'),
    type: row.cell('type').toLowerCase(),
    tier: row.cell('tier') || undefined,
    organization: row.cell('organization') || null,
    ownerUserId,
    identities: identityList,
    ...created,
  });
  return parsed.success ? parsed.data : describeZodError(parsed.error);
}
