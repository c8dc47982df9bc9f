import { and, eq, inArray, lte } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { MailRecipient } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { mailSends, type MailSendRow } from '../../db/tables/mail';

/*
 * The send log is also the lock: a scheduled send is a row claimed (inserted, or a failed one taken back) before
 * the message goes out, so two ticks, a restart or a second server process never send one period twice.
 */

/** Attempts before a send is given up; the waits between them. */
export const MAX_ATTEMPTS = 5;
const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];

type SendClaim = { orgId: string; period: string; recipient: MailRecipient; now: number };

/** The row of a send about to go out, claimed by whoever inserts it. */
function sendingRow(input: SendClaim, trigger: 'schedule' | 'cli') {
  return {
    id: ulid(input.now),
    orgId: input.orgId,
    period: input.period,
    email: input.recipient.email,
    language: input.recipient.language,
    trigger,
    status: 'sending' as const,
    claimedAt: input.now,
  };
}

/** Claims the scheduled send of `period` to `recipient`; null when it was claimed before (sent, failed or sending). */
export async function claimScheduled(db: DbOrTx, input: SendClaim): Promise<MailSendRow | null> {
  const [row] = await db.insert(mailSends).values(sendingRow(input, 'schedule')).onConflictDoNothing().returning();
  return row ?? null;
}

/** A send asked for by a person (`pnpm cli report:send`): always a new row. */
export async function claimManual(db: DbOrTx, input: SendClaim): Promise<MailSendRow> {
  const [row] = await db.insert(mailSends).values(sendingRow(input, 'cli')).returning();
  return row!;
}

/**
 * Failed sends of the org to addresses still on its list (`emails`) whose retry time has come, each taken back for
 * one more attempt.
 */
export async function claimRetries(db: DbOrTx, orgId: string, emails: string[], now: number): Promise<MailSendRow[]> {
  if (emails.length === 0) return [];
  return db
    .update(mailSends)
    .set({ status: 'sending', retryAt: null })
    .where(
      and(
        eq(mailSends.orgId, orgId),
        eq(mailSends.status, 'failed'),
        lte(mailSends.retryAt, now),
        inArray(mailSends.email, emails),
      ),
    )
    .returning();
}

export async function markSent(db: DbOrTx, row: MailSendRow, now: number): Promise<void> {
  await db
    .update(mailSends)
    .set({ status: 'sent', attempts: row.attempts + 1, sentAt: now, lastError: null, retryAt: null })
    .where(eq(mailSends.id, row.id));
}

/** A failed attempt: tried again later, or given up after MAX_ATTEMPTS (retry_at null). */
export async function markFailed(db: DbOrTx, row: MailSendRow, error: string, now: number): Promise<void> {
  const attempts = row.attempts + 1;
  const wait = row.trigger === 'schedule' && attempts < MAX_ATTEMPTS ? RETRY_AFTER_MS[attempts - 1] : undefined;
  await db
    .update(mailSends)
    .set({
      status: 'failed',
      attempts,
      lastError: error.slice(0, 500),
      retryAt: wait === undefined ? null : now + wait,
    })
    .where(eq(mailSends.id, row.id));
}
