import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CoverageTone, StakeholderType, SurveyInstrument, ThreadOutcomeKind } from '@comms-log/shared';
import { bool, ms, orgs, users } from '../schema';

/*
 * How conversations, surveys and media coverage turned out: the records the evaluation figures read
 * (docs/architecture.md "Data model"). Conventions as in ../schema.ts; every row takes the org's change sequence.
 */

/** A conversation marked resolved, or reopened, at `at` (an event log: the thread's state is its last event). */
export const threadOutcomes = sqliteTable(
  'thread_outcomes',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    threadKey: text('thread_key').notNull(),
    event: text('event').$type<ThreadOutcomeKind>().notNull(),
    /** When it was resolved or reopened (may be backdated, never before the thread's first message). */
    at: ms('at').notNull(),
    /** Who marked it. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    createdAt: ms('created_at').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [index('thread_outcomes_org_thread').on(t.orgId, t.threadKey)],
);

/** One survey answer, recorded by `user_id`; anonymous without a stakeholder. */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    /** Client-generated ULID. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    instrument: text('instrument').$type<SurveyInstrument>().notNull(),
    score: real('score').notNull(),
    /** The CSAT scale (5 unless declared); null for NPS and 0–100 scores. */
    scale: integer('scale'),
    stakeholderId: text('stakeholder_id'),
    stakeholderType: text('stakeholder_type').$type<StakeholderType>().notNull(),
    dimension: text('dimension'),
    /** A bare answer date is stored as midnight in the org's time zone. */
    answeredAt: ms('answered_at').notNull(),
    comment: text('comment'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    seq: integer('seq').notNull(),
    deleted: bool('deleted').notNull().default(false),
  },
  (t) => [
    index('survey_responses_org_answered').on(t.orgId, t.answeredAt),
    index('survey_responses_org_user_answered').on(t.orgId, t.userId, t.answeredAt),
  ],
);

/** One media report about the organisation, from a media stakeholder (the outlet). */
export const mediaCoverage = sqliteTable(
  'media_coverage',
  {
    /** Client-generated ULID. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    outletStakeholderId: text('outlet_stakeholder_id').notNull(),
    title: text('title').notNull(),
    url: text('url').notNull(),
    publishedAt: ms('published_at').notNull(),
    tone: text('tone').$type<CoverageTone>(),
    reach: integer('reach'),
    eventTag: text('event_tag'),
    /** When a negative report was answered with a clarification. */
    clarifiedAt: ms('clarified_at'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    seq: integer('seq').notNull(),
    deleted: bool('deleted').notNull().default(false),
  },
  (t) => [
    index('media_coverage_org_published').on(t.orgId, t.publishedAt),
    index('media_coverage_org_user_published').on(t.orgId, t.userId, t.publishedAt),
  ],
);

export type ThreadOutcomeRow = typeof threadOutcomes.$inferSelect;
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;
export type MediaCoverageRow = typeof mediaCoverage.$inferSelect;
