import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  liveChannels,
  type CaptureLevel,
  type Channel,
  type Direction,
  type FollowupStatus,
  type IdentityKind,
  type Role,
  type Source,
  type StakeholderType,
} from '@comms-log/shared';

/*
 * Every instant is INTEGER epoch milliseconds (converted to ISO-8601 at the API edge), every id is TEXT (ULID).
 * Booleans are INTEGER 0/1 (drizzle `mode: 'boolean'`). Every org-owned row carries `org_id`, and every query
 * filters by the org of the caller's token. The evaluation records (thread outcomes, surveys, media coverage) have
 * their tables in tables/evaluation.ts.
 */

export const ms = (name: string) => integer(name, { mode: 'number' });
export const bool = (name: string) => integer(name, { mode: 'boolean' });

export const orgs = sqliteTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  captureLevel: text('capture_level').$type<CaptureLevel>().notNull().default('subject'),
  createdAt: ms('created_at').notNull(),
});

/** The org's change sequence: every row that changes takes the next value (pull cursors are these numbers). */
export const orgSeq = sqliteTable('org_seq', {
  orgId: text('org_id')
    .primaryKey()
    .references(() => orgs.id, { onDelete: 'cascade' }),
  seq: integer('seq').notNull().default(0),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role').$type<Role>().notNull(),
    active: bool('active').notNull().default(true),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_org_email').on(t.orgId, t.email)],
);

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Hex SHA-256 of the whole token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    /** The first characters of the token, so people can tell their tokens apart. */
    hint: text('hint').notNull(),
    createdAt: ms('created_at').notNull(),
    lastUsedAt: ms('last_used_at'),
    revokedAt: ms('revoked_at'),
    /** Refused from this instant on; null: never expires. */
    expiresAt: ms('expires_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_org_user').on(t.orgId, t.userId)],
);

export const stakeholders = sqliteTable(
  'stakeholders',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').$type<StakeholderType>().notNull(),
    tier: text('tier').notNull().default('standard'),
    organization: text('organization'),
    ownerUserId: text('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Cadence override (both set or both null): replaces the plan's rule for this stakeholder. */
    cadenceIdealDays: integer('cadence_ideal_days'),
    cadenceMaxDays: integer('cadence_max_days'),
    active: bool('active').notNull().default(true),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [index('stakeholders_org_seq').on(t.orgId, t.seq), index('stakeholders_org_name').on(t.orgId, t.name)],
);

export const identities = sqliteTable(
  'identities',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    stakeholderId: text('stakeholder_id')
      .notNull()
      .references(() => stakeholders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<IdentityKind>().notNull(),
    /** Normalised: lower-case; phones keep digits and a leading +; domains without `@`/`www.`. */
    value: text('value').notNull(),
  },
  (t) => [
    uniqueIndex('identities_org_kind_value').on(t.orgId, t.kind, t.value),
    index('identities_stakeholder').on(t.stakeholderId),
  ],
);

/**
 * SQL for "this row is a live event that takes part in pairing" (a call, video or face-to-face meeting that is not
 * deleted, automated or internal), on the columns of `table` (an alias, or none). The partial index
 * `interactions_live` is defined by it: a query's WHERE must repeat it word for word for SQLite to use that index.
 */
export const answeringLiveSql = (table?: string) => {
  const t = table ? `${table}.` : '';
  return `${t}channel IN (${liveChannels.map((c) => `'${c}'`).join(', ')}) AND ${t}deleted = 0 AND ${t}automated = 0 AND ${t}internal = 0`;
};

export const onTimeStates = ['on_time', 'late', 'pending', 'closed'] as const;
export type OnTimeState = (typeof onTimeStates)[number];

export const interactions = sqliteTable(
  'interactions',
  {
    /** Client-generated ULID. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** Who logged it (the first logger when two people logged the same message). */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    source: text('source').$type<Source>().notNull(),
    /** The site's message id; one row per (org, source, external_id). */
    externalId: text('external_id'),
    threadKey: text('thread_key').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    occurredAt: ms('occurred_at').notNull(),
    stakeholderId: text('stakeholder_id'),
    stakeholderType: text('stakeholder_type').$type<StakeholderType>().notNull(),
    authorName: text('author_name').notNull(),
    authorHandle: text('author_handle'),
    /** Kept only when the org's capture level allows (subject, snippet). */
    title: text('title'),
    /** Kept only at capture level `snippet`. */
    snippet: text('snippet'),
    url: text('url'),
    durationMin: integer('duration_min'),
    note: text('note'),
    automated: bool('automated').notNull().default(false),
    internal: bool('internal').notNull().default(false),
    /** Why it happened: an id of the plan's purposes (a retired one stays), or null. */
    purpose: text('purpose'),
    /* Evaluation fields (null unless captured): a meeting's headcounts and series, a project item's latest status
     * and due/done times, an own post's latest counts (docs/metrics.md "Goals"). */
    invited: integer('invited'),
    attended: integer('attended'),
    series: text('series'),
    projectStatus: text('project_status'),
    dueAt: ms('due_at'),
    doneAt: ms('done_at'),
    reposts: integer('reposts'),
    comments: integer('comments'),
    likes: integer('likes'),
    reads: integer('reads'),
    followers: integer('followers'),
    /** Tombstone: deleted rows stay so that pull can tell other devices. */
    deleted: bool('deleted').notNull().default(false),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    seq: integer('seq').notNull(),

    /*
     * Derived on write by the shared pairing rules (never sent by clients). Set on the inbound message that
     * starts a wait (the oldest unanswered inbound of a wait block); null/false on every other row.
     */
    waitStart: bool('wait_start').notNull().default(false),
    /** The first message of its conversation (first-response time is measured on these waits). */
    firstResponse: bool('first_response').notNull().default(false),
    repliedAt: ms('replied_at'),
    /** User id credited with the reply (the reply's logger). */
    repliedBy: text('replied_by'),
    /** The interaction that answered the wait. */
    replyId: text('reply_id'),
    responseMs: integer('response_ms'),
    responseWorkMs: integer('response_work_ms'),
    /** When the plan's SLA for this wait runs out (null when no SLA applies). */
    deadlineAt: ms('deadline_at'),
    /**
     * on_time | late for answered waits, closed for "no reply needed", pending for unanswered ones (an
     * unanswered wait is late once `deadline_at` has passed: evaluate at query time).
     */
    onTime: text('on_time').$type<OnTimeState>(),
  },
  (t) => [
    uniqueIndex('interactions_org_source_external')
      .on(t.orgId, t.source, t.externalId)
      .where(sql`external_id IS NOT NULL`),
    index('interactions_org_occurred').on(t.orgId, t.occurredAt),
    index('interactions_org_thread').on(t.orgId, t.threadKey),
    index('interactions_org_stakeholder').on(t.orgId, t.stakeholderId, t.occurredAt),
    index('interactions_org_seq').on(t.orgId, t.seq),
    index('interactions_org_user_seq').on(t.orgId, t.userId, t.seq),
    index('interactions_org_user_occurred').on(t.orgId, t.userId, t.occurredAt),
    // The live events of a stakeholder in time order (about 5% of rows): a push looks up those that can answer the
    // waits it touches without reading the stakeholder's messages in between.
    index('interactions_live').on(t.orgId, t.stakeholderId, t.occurredAt).where(sql.raw(answeringLiveSql())),
    index('interactions_unanswered')
      .on(t.orgId, t.deadlineAt)
      .where(sql`wait_start = 1 AND replied_at IS NULL AND deleted = 0 AND on_time = 'pending'`),
    // The report's reads (docs/report.md "Speed"). Each partial index holds only the rows a figure reads (meetings,
    // own posts with counts, project items, rows with a purpose), so a period without them costs a seek, not a scan;
    // their queries repeat the WHERE as one term for SQLite to use them.
    index('interactions_meetings').on(t.orgId, t.occurredAt).where(sql`invited IS NOT NULL`),
    index('interactions_post_counts')
      .on(t.orgId, t.occurredAt)
      .where(
        sql`(reads IS NOT NULL OR followers IS NOT NULL OR reposts IS NOT NULL OR comments IS NOT NULL OR likes IS NOT NULL)`,
      ),
    index('interactions_project_items')
      .on(t.orgId, t.occurredAt)
      .where(sql`(project_status IS NOT NULL OR due_at IS NOT NULL OR done_at IS NOT NULL)`),
    index('interactions_purpose').on(t.orgId, t.purpose, t.occurredAt).where(sql`purpose IS NOT NULL`),
    // A stakeholder's last contact per channel is one backward seek each (cadence, docs/metrics.md "Cadence").
    index('interactions_stakeholder_channel')
      .on(t.orgId, t.stakeholderId, t.channel, t.occurredAt)
      .where(sql`deleted = 0 AND automated = 0 AND internal = 0`),
    // The waits of a period without the other rows (about half of them): the response figures' reads. It holds
    // every column they filter on and read, so a period's waits are read from the index alone, not from the rows
    // (docs/metrics.md "Roll-ups").
    index('interactions_waits')
      .on(
        t.orgId,
        t.occurredAt,
        t.deleted,
        t.stakeholderType,
        t.channel,
        t.userId,
        t.direction,
        t.purpose,
        t.firstResponse,
        t.stakeholderId,
        t.onTime,
        t.repliedAt,
        t.responseWorkMs,
        t.responseMs,
        t.deadlineAt,
        t.id,
      )
      .where(sql`wait_start = 1`),
    // A period's rows of one stakeholder type: the figures of a goal scoped to a type (its resolution threads).
    index('interactions_org_type_occurred').on(t.orgId, t.stakeholderType, t.occurredAt),
  ],
);

export const followups = sqliteTable(
  'followups',
  {
    /** Client-generated ULID. */
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    dueAt: ms('due_at').notNull(),
    note: text('note').notNull().default(''),
    stakeholderId: text('stakeholder_id'),
    threadKey: text('thread_key'),
    url: text('url'),
    status: text('status').$type<FollowupStatus>().notNull().default('open'),
    snoozedUntil: ms('snoozed_until'),
    deleted: bool('deleted').notNull().default(false),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [
    index('followups_org_seq').on(t.orgId, t.seq),
    index('followups_org_user_seq').on(t.orgId, t.userId, t.seq),
    index('followups_open_due').on(t.orgId, t.userId, t.dueAt).where(sql`status = 'open' AND deleted = 0`),
  ],
);

/** "No reply needed": closes the wait started by `interaction_id` without counting as a reply. */
export const waitClosures = sqliteTable(
  'wait_closures',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    interactionId: text('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    closedBy: text('closed_by')
      .notNull()
      .references(() => users.id),
    closedAt: ms('closed_at').notNull(),
  },
  (t) => [uniqueIndex('wait_closures_org_interaction').on(t.orgId, t.interactionId)],
);

/** A user hides a wait, a follow-up or a stakeholder's cadence warning from their list until a time. */
export const snoozes = sqliteTable(
  'snoozes',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'followup' | 'wait' | 'cadence'>().notNull(),
    targetId: text('target_id').notNull(),
    until: ms('until').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('snoozes_org_user_target').on(t.orgId, t.userId, t.kind, t.targetId)],
);

/** The org's communication plan; every change is a new version (the highest version is current). */
export const plans = sqliteTable(
  'plans',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** JSON of the shared `Plan`. */
    plan: text('plan', { mode: 'json' }).notNull(),
    createdAt: ms('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/** Addresses and domains never to capture: org-wide (`user_id` null) or one user's own list. */
export const neverLog = sqliteTable(
  'never_log',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<'email' | 'domain'>().notNull(),
    /** Lower-cased address, or a domain without `@`. */
    value: text('value').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('never_log_org_kind_value').on(t.orgId, t.kind, t.value).where(sql`user_id IS NULL`),
    uniqueIndex('never_log_org_user_kind_value').on(t.orgId, t.userId, t.kind, t.value).where(sql`user_id IS NOT NULL`),
  ],
);

/**
 * Handles a manager took out of the unknown-counterparts queue (`directory.dismissHandle`), org-wide. `value` is
 * lower-cased as the queue shows it.
 */
export const dismissedHandles = sqliteTable(
  'dismissed_handles',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<IdentityKind>().notNull(),
    value: text('value').notNull(),
    dismissedBy: text('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: ms('dismissed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.value] })],
);

export type OrgRow = typeof orgs.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type StakeholderRow = typeof stakeholders.$inferSelect;
export type IdentityRow = typeof identities.$inferSelect;
export type InteractionRow = typeof interactions.$inferSelect;
export type FollowupRow = typeof followups.$inferSelect;
