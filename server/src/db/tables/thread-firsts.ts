import { index, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms } from '../schema';

/*
 * A roll-up kept on write (docs/metrics.md "Roll-ups"): each thread's first live message, so that the threads
 * opened in a period are read from an index instead of testing every message of the period for an earlier one in
 * its thread. Triggers on `interactions` keep it (migration 0014's custom part), whoever writes. Conventions as in
 * ../schema.ts.
 */

/**
 * One row per org × thread with a live (not deleted) interaction: its first one by `occurred_at`, then `id`. No
 * foreign key: the triggers on `interactions` remove a thread's row as its last live message goes.
 */
export const threadFirsts = sqliteTable(
  'thread_firsts',
  {
    orgId: text('org_id').notNull(),
    threadKey: text('thread_key').notNull(),
    /** The first live interaction's id and `occurred_at`. */
    firstId: text('first_id').notNull(),
    firstAt: ms('first_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.threadKey] }),
    index('thread_firsts_org_first').on(t.orgId, t.firstAt, t.firstId),
  ],
);
