import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ActivityStatus, Channel, Milestone, Recurrence, StakeholderType } from '@comms-log/shared';
import { ms, orgs, users } from '../schema';

/*
 * The plan's execution side and its cost (docs/architecture.md "Data model"): planned activities, cost entries
 * and the org's revenue per month. Conventions as in ../schema.ts.
 */

/** A planned communication activity; a recurring one stands for every repetition (docs/metrics.md "Goals"). */
export const activities = sqliteTable(
  'activities',
  {
    /** Client-generated ULID. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** Null: any stakeholder type. */
    stakeholderType: text('stakeholder_type').$type<StakeholderType>(),
    /** JSON array of stakeholder ids. */
    stakeholderIds: text('stakeholder_ids', { mode: 'json' }).$type<string[]>().notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    ownerUserId: text('owner_user_id')
      .notNull()
      .references(() => users.id),
    startAt: ms('start_at').notNull(),
    endAt: ms('end_at').notNull(),
    /** JSON array of `{ title, dueAt }`. */
    milestones: text('milestones', { mode: 'json' }).$type<Milestone[]>().notNull(),
    recurrence: text('recurrence').$type<Recurrence>().notNull(),
    status: text('status').$type<ActivityStatus>().notNull(),
    /** The interaction logged for it once held; its headcounts are copied when it is linked. */
    heldInteractionId: text('held_interaction_id'),
    invited: integer('invited'),
    attended: integer('attended'),
    heldAt: ms('held_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    index('activities_org_start').on(t.orgId, t.startAt),
    index('activities_org_owner_start').on(t.orgId, t.ownerUserId, t.startAt),
  ],
);

/** One external-communication cost of a month. Managers and admins only. */
export const costEntries = sqliteTable(
  'cost_entries',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** YYYY-MM. */
    month: text('month').notNull(),
    category: text('category').notNull(),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    recordedBy: text('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('cost_entries_org_month').on(t.orgId, t.month)],
);

/** The org's revenue of a month: one row per month, the latest figure set. Managers and admins only. */
export const revenues = sqliteTable(
  'revenues',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    amount: real('amount').notNull(),
    currency: text('currency').notNull(),
    updatedBy: text('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('revenues_org_month').on(t.orgId, t.month)],
);

export type ActivityRow = typeof activities.$inferSelect;
export type CostEntryRow = typeof costEntries.$inferSelect;
export type RevenueRow = typeof revenues.$inferSelect;
