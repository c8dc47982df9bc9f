import type { InteractionInput, PushItem } from '@comms-log/shared';
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
export const updatableColumns = baseColumns.filter((c) => !['id', 'org_id', 'source', 'external_id', 'created_at'].includes(c));

/**
 * The row as the server stores it at the default capture level (`subject`: title kept, no snippet), in
 * `baseColumns` order.
 */
export function rowValues(g: GenInteraction, ids: OrgIds, seq: number, now: number): (string | number | null)[] {
  return [
    g.id,
    ids.orgId,
    ids.userIds[g.user]!,
    g.source,
    g.externalId,
    g.threadKey,
    g.channel,
    g.direction,
    g.occurredAt,
    ids.stakeholderIds[g.stakeholder]!,
    g.stakeholderType,
    g.authorName,
    g.authorHandle,
    g.title,
    null,
    g.url,
    g.durationMin,
    null,
    g.automated ? 1 : 0,
    g.internal ? 1 : 0,
    0,
    now,
    now,
    seq,
  ];
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
    id: g.id,
    source: g.source,
    externalId: g.externalId,
    threadKey: g.threadKey,
    channel: g.channel,
    direction: g.direction,
    occurredAt: new Date(g.occurredAt).toISOString(),
    stakeholderId: ids.stakeholderIds[g.stakeholder]!,
    stakeholderType: g.stakeholderType,
    author: { name: g.authorName, handle: g.authorHandle },
    title: g.title,
    snippet: null,
    url: g.url,
    durationMin: g.durationMin,
    note: null,
    automated: g.automated,
    internal: g.internal,
  };
  return { op: 'upsert', entity: 'interaction', id: g.id, data };
}
