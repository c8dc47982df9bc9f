import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MailCadence, MailRecipient } from '@comms-log/shared';
import { ms, orgs } from '../schema';

/*
 * The period report by e-mail (docs/web-view.md "Scheduled e-mail"): one schedule per org, and one row per org,
 * period and recipient, claimed before the message is sent, so that no scheduled period is sent twice to anyone
 * whatever restarts or other server processes do. Conventions as in ../schema.ts.
 */
export const mailSchedules = sqliteTable('mail_schedules', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  cadence: text('cadence').$type<MailCadence>().notNull(),
  /** JSON: `[{ email, language }]`. */
  recipients: text('recipients', { mode: 'json' }).$type<MailRecipient[]>().notNull(),
  /** The report is made as this user (an admin's whole-org view). No foreign key: a removed admin leaves it set. */
  updatedBy: text('updated_by').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const mailSendStatuses = ['sending', 'sent', 'failed'] as const;
export type MailSendStatus = (typeof mailSendStatuses)[number];

export const mailSends = sqliteTable(
  'mail_sends',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** `2026-W11` or `2026-03`: the period the report covers. */
    period: text('period').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    language: text('language').$type<MailRecipient['language']>().notNull(),
    /** `schedule` or `cli`. */
    trigger: text('trigger').$type<'schedule' | 'cli'>().notNull(),
    status: text('status').$type<MailSendStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    /** When a failed send may be tried again; null once sent or given up. */
    retryAt: ms('retry_at'),
    lastError: text('last_error'),
    claimedAt: ms('claimed_at').notNull(),
    sentAt: ms('sent_at'),
  },
  // The claim: a scheduled send of a period to an address can be inserted once. `pnpm cli report:send` is asked for
  // by a person and may repeat one.
  (t) => [
    uniqueIndex('mail_sends_scheduled').on(t.orgId, t.period, t.email).where(sql`"trigger" = 'schedule'`),
    index('mail_sends_org_claimed').on(t.orgId, t.claimedAt),
  ],
);

export type MailSendRow = typeof mailSends.$inferSelect;
