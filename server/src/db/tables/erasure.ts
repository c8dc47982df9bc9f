import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ms, orgs } from '../schema';

/*
 * Erasure tombstones (docs/sync.md "Erasure"): a stakeholder erased on request, with the ids of the rows removed
 * with them, so that sync.pull tells every extension to drop its local copies. Ids only: no name, handle or text
 * of the person survives. Conventions as in ../schema.ts; the row takes the org's change sequence.
 */
export const erasures = sqliteTable(
  'erasures',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    stakeholderId: text('stakeholder_id').notNull(),
    /** JSON arrays of the removed interactions' and follow-ups' ids. */
    interactionIds: text('interaction_ids', { mode: 'json' }).$type<string[]>().notNull(),
    followupIds: text('followup_ids', { mode: 'json' }).$type<string[]>().notNull(),
    erasedAt: ms('erased_at').notNull(),
    erasedBy: text('erased_by'),
    seq: integer('seq').notNull(),
  },
  (t) => [index('erasures_org_seq').on(t.orgId, t.seq)],
);

export type ErasureRow = typeof erasures.$inferSelect;
