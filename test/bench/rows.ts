import type { InteractionInput, Plan, PushItem } from '@comms-log/shared';
import type { InteractionRow } from '../../server/src/db/schema';
import { deriveFields, type DerivedFields, type DeriveRow, noDerived } from '../../server/src/services/derive';
import type { GenInteraction } from './generate';

/** Ids the generator's directory indexes map to, in one org. */
export interface OrgIds {
  orgId: string;
  userIds: string[];
  stakeholderIds: string[];
}

/** The columns a client-given interaction fills (the derived ones keep their defaults). */
export const baseColumns = [
  'id',
  'org_id',
  'user_id',
  'source',
  'external_id',
  'thread_key',
  'channel',
  'direction',
  'occurred_at',
  'stakeholder_id',
  'stakeholder_type',
  'author_name',
  'author_handle',
  'title',
  'snippet',
  'url',
  'duration_min',
  'note',
  'automated',
  'internal',
  'deleted',
  'created_at',
  'updated_at',
  'seq',
] as const;

/** What an upsert may change on an existing row: everything but id, org, source, external id and created_at. */
export const updatable = (columns: readonly string[]) =>
  columns.filter((c) => !['id', 'org_id', 'source', 'external_id', 'created_at'].includes(c));

type Values = (string | number | null)[];

/** A row's client-given columns: everything but the derived response fields. */
type ClientRow = Omit<InteractionRow, keyof DerivedFields>;

/** What a generated interaction says, in the fields a pushed item and a stored row name alike (no snippet or note). */
function content(g: GenInteraction) {
  return {
    source: g.source,
    externalId: g.externalId,
    threadKey: g.threadKey,
    channel: g.channel,
    direction: g.direction,
    stakeholderType: g.stakeholderType,
    title: g.title,
    snippet: null,
    url: g.url,
    durationMin: g.durationMin,
    note: null,
    automated: g.automated,
    internal: g.internal,
    purpose: null,
    // The bench generates plain messages: no meeting, project or own-post fields.
    invited: null,
    attended: null,
    series: null,
    projectStatus: null,
    dueAt: null,
    doneAt: null,
    reposts: null,
    comments: null,
    likes: null,
    reads: null,
    followers: null,
  };
}

/** A generated interaction as a client's upsert stores it, created and updated `at`. */
function clientRow(g: GenInteraction, ids: OrgIds, seq: number, at: number): ClientRow {
  return {
    ...content(g),
    id: g.id,
    orgId: ids.orgId,
    userId: ids.userIds[g.user]!,
    occurredAt: g.occurredAt,
    stakeholderId: ids.stakeholderIds[g.stakeholder]!,
    authorName: g.authorName,
    authorHandle: g.authorHandle,
    deleted: false,
    createdAt: at,
    updatedAt: at,
    seq,
  };
}

/** A row's client-given values in `baseColumns` order. */
function clientValues(r: ClientRow): Values {
  return [
    r.id,
    r.orgId,
    r.userId,
    r.source,
    r.externalId,
    r.threadKey,
    r.channel,
    r.direction,
    r.occurredAt,
    r.stakeholderId,
    r.stakeholderType,
    r.authorName,
    r.authorHandle,
    r.title,
    r.snippet,
    r.url,
    r.durationMin,
    r.note,
    r.automated ? 1 : 0,
    r.internal ? 1 : 0,
    r.deleted ? 1 : 0,
    r.createdAt,
    r.updatedAt,
    r.seq,
  ];
}

/**
 * The row as the server stores it at the default capture level (`subject`: title kept, no snippet), in
 * `baseColumns` order.
 */
export function rowValues(g: GenInteraction, ids: OrgIds, seq: number, now: number): Values {
  return clientValues(clientRow(g, ids, seq, now));
}

/** `INSERT … VALUES (…)×rows ON CONFLICT(id) DO UPDATE` of `columns`, with `?` placeholders. */
export function upsertSql(rows: number, columns: readonly string[], update: readonly string[]): string {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  return (
    `INSERT INTO interactions (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')} ` +
    `ON CONFLICT(id) DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')}`
  );
}

/** The interaction as the extension pushes it. */
export function pushItem(g: GenInteraction, ids: Pick<OrgIds, 'stakeholderIds'>): PushItem {
  const data: InteractionInput = {
    ...content(g),
    id: g.id,
    occurredAt: new Date(g.occurredAt).toISOString(),
    stakeholderId: ids.stakeholderIds[g.stakeholder]!,
    author: { name: g.authorName, handle: g.authorHandle },
  };
  return { op: 'upsert', entity: 'interaction', id: g.id, data };
}

/** Every column of `interactions`, client-given and derived, in `storedValues` order. */
export const storedColumns = [
  ...baseColumns,
  'wait_start',
  'first_response',
  'replied_at',
  'replied_by',
  'reply_id',
  'response_ms',
  'response_work_ms',
  'deadline_at',
  'on_time',
] as const;

/** A whole stored row's values in `storedColumns` order. */
export function storedValues(r: InteractionRow): Values {
  return [
    ...clientValues(r),
    r.waitStart ? 1 : 0,
    r.firstResponse ? 1 : 0,
    r.repliedAt,
    r.repliedBy,
    r.replyId,
    r.responseMs,
    r.responseWorkMs,
    r.deadlineAt,
    r.onTime,
  ];
}

/**
 * The rows as sync.push leaves them at the default capture level (`subject`): client-given columns plus the response
 * fields the server's own `deriveFields` (the shared `pairWaits` under `plan`) gives the whole set. `seq` counts
 * from `firstSeq`; `createdAt`/`updatedAt` are `now`, or each row's own instant when `now` is null.
 */
export function storedRows(
  gens: readonly GenInteraction[],
  ids: OrgIds,
  plan: Plan,
  opts: { firstSeq: number; now: number | null },
): InteractionRow[] {
  let seq = opts.firstSeq;
  const rows: DeriveRow[] = gens.map((g) => ({
    ...clientRow(g, ids, seq++, opts.now ?? g.occurredAt),
    ...noDerived,
    closure: null,
  }));
  const derived = deriveFields(rows, new Set(rows.map((row) => row.threadKey)), plan);
  return rows.map(({ closure: _closure, ...row }) => ({ ...row, ...derived.get(row.id)! }));
}
