import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Channel, Direction, StakeholderType } from '@comms-log/shared';
import { ms, orgs } from '../schema';

/*
 * Roll-ups kept on write (docs/metrics.md "Roll-ups"). SQLite knows no time zones, so the UTC offsets of the
 * org's calendar zone are kept here for the triggers on `interactions` to find a row's local day; the day counts
 * are maintained by those triggers (migration 0009's custom part) whoever writes. Conventions as in ../schema.ts.
 */

/** The org's calendar zone as UTC offsets: `offset_ms` is in force from `start_ms` until the next row's start. */
export const orgZoneOffsets = sqliteTable(
  'org_zone_offsets',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    startMs: ms('start_ms').notNull(),
    offsetMs: integer('offset_ms').notNull(),
    /** The IANA zone the offsets were computed from: the roll-up answers only while it is the plan's. */
    timeZone: text('time_zone').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.startMs] })],
);

/**
 * Interactions not deleted, counted per org × local day × stakeholder type × channel × user × direction ×
 * purpose. No foreign key: the triggers on `interactions` remove an org's counts as its rows go.
 */
export const interactionDayCounts = sqliteTable(
  'interaction_day_counts',
  {
    orgId: text('org_id').notNull(),
    /** The local day in the org's zone, as days since 1970-01-01. */
    day: integer('day').notNull(),
    stakeholderType: text('stakeholder_type').$type<StakeholderType>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    userId: text('user_id').notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    /** The purpose's id, '' for none (a key column cannot be null). */
    purpose: text('purpose').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.day, t.stakeholderType, t.channel, t.userId, t.direction, t.purpose] })],
);
