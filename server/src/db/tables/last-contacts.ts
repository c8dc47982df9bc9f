import { primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Channel } from '@comms-log/shared';
import { ms } from '../schema';

/*
 * A roll-up kept on write (docs/metrics.md "Roll-ups"): each stakeholder's last contact of ours per channel, so that
 * cadence reads one row per (stakeholder, channel) with a contact instead of seeking every pair in the interactions.
 * Triggers on `interactions` keep it (migration 0017, custom), whoever writes. Conventions as in ../schema.ts.
 */

/**
 * One row per org × stakeholder × channel with a contact of ours ever (docs/metrics.md "Cadence", "Our contact",
 * an inbound counting once answered at any time): the latest such interaction's `occurred_at` (`at`) and the instant
 * from which it counts (`counts_from`: its `replied_at` for an answered inbound, else `at`). As of an instant past
 * both, the last contact is `at`; before, the reader seeks the interactions. No foreign key: the triggers remove a
 * pair's row as its last contact goes.
 */
export const lastContacts = sqliteTable(
  'last_contacts',
  {
    orgId: text('org_id').notNull(),
    stakeholderId: text('stakeholder_id').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    at: ms('at').notNull(),
    countsFrom: ms('counts_from').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.stakeholderId, t.channel] })],
);
