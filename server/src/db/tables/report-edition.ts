import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { ReportLanguage } from '@comms-log/shared';
import { ms, orgs, users } from '../schema';

/*
 * A saved edition of a period report: the figures as computed when it was saved and the manager's texts, kept as
 * they were (docs/report.md "Editions"). Rows are only ever inserted; conventions as in ../schema.ts.
 */
export const reportEditions = sqliteTable(
  'report_editions',
  {
    /** ULID: editions of one org sort by id in the order they were saved. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The report's period, `from` inclusive, `to` exclusive. */
    from: ms('period_from').notNull(),
    to: ms('period_to').notNull(),
    language: text('language').$type<ReportLanguage>().notNull(),
    /** JSON of the shared `PeriodReport` as computed at `created_at`. */
    figures: text('figures', { mode: 'json' }).notNull(),
    /** JSON of the shared `ReportTexts`: the manager's analysis, suggestions and summary. */
    texts: text('texts', { mode: 'json' }).notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('report_editions_org_period').on(t.orgId, t.from, t.to, t.id)],
);

export type ReportEditionRow = typeof reportEditions.$inferSelect;
