import type { InValue } from '@libsql/client';
import { MAX_PARAMS } from '../chunks';
import { jsonList, rawExecutor, selectArrays, selectValues, type DbOrTx } from '../client';
import type { InteractionRow } from '../schema';
import { derivedFromArray, pushDerivedValues } from './derive';

/*
 * The raw statements of `sync.push` (docs/sync.md): whole interaction rows read as JSON arrays and written by
 * multi-row upserts, where drizzle's SQL builder and row objects cost more than the queries.
 */

/** The meeting, project and own-post columns (docs/metrics.md "Goals"), in `evaluationValues` order. */
const evaluationColumnNames = [
  'invited',
  'attended',
  'series',
  'project_status',
  'due_at',
  'done_at',
  'reposts',
  'comments',
  'likes',
  'reads',
  'followers',
];

const evaluationValues = (r: InteractionRow) => [
  r.invited,
  r.attended,
  r.series,
  r.projectStatus,
  r.dueAt,
  r.doneAt,
  r.reposts,
  r.comments,
  r.likes,
  r.reads,
  r.followers,
];

/** The columns a push may change on an existing interaction (id, org, source, external id and created_at never change). */
const interactionUpdateColumns = [
  'user_id',
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
  'purpose',
  ...evaluationColumnNames,
  'deleted',
  'updated_at',
  'seq',
  'wait_start',
  'first_response',
  'replied_at',
  'replied_by',
  'reply_id',
  'response_ms',
  'response_work_ms',
  'deadline_at',
  'on_time',
];

const interactionInsertColumns = ['id', 'org_id', 'source', 'external_id', 'created_at', ...interactionUpdateColumns];

/** Push `r`'s values in `interactionInsertColumns` order, with its change sequence number and update time. */
function pushInteractionValues(args: InValue[], r: InteractionRow, seq: number, updatedAt: number) {
  args.push(
    r.id,
    r.orgId,
    r.source,
    r.externalId,
    r.createdAt,
    r.userId,
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
    r.purpose,
    ...evaluationValues(r),
    r.deleted ? 1 : 0,
    updatedAt,
    seq,
  );
  pushDerivedValues(args, r);
}

/** A row of `interactionInsertColumns`. */
function interactionFromSql(r: readonly unknown[]): InteractionRow {
  return {
    id: r[0] as string,
    orgId: r[1] as string,
    source: r[2] as InteractionRow['source'],
    externalId: r[3] as string | null,
    createdAt: r[4] as number,
    userId: r[5] as string,
    threadKey: r[6] as string,
    channel: r[7] as InteractionRow['channel'],
    direction: r[8] as InteractionRow['direction'],
    occurredAt: r[9] as number,
    stakeholderId: r[10] as string | null,
    stakeholderType: r[11] as InteractionRow['stakeholderType'],
    authorName: r[12] as string,
    authorHandle: r[13] as string | null,
    title: r[14] as string | null,
    snippet: r[15] as string | null,
    url: r[16] as string | null,
    durationMin: r[17] as number | null,
    note: r[18] as string | null,
    automated: r[19] === 1,
    internal: r[20] === 1,
    purpose: r[21] as string | null,
    invited: r[22] as number | null,
    attended: r[23] as number | null,
    series: r[24] as string | null,
    projectStatus: r[25] as string | null,
    dueAt: r[26] as number | null,
    doneAt: r[27] as number | null,
    reposts: r[28] as number | null,
    comments: r[29] as number | null,
    likes: r[30] as number | null,
    reads: r[31] as number | null,
    followers: r[32] as number | null,
    deleted: r[33] === 1,
    updatedAt: r[34] as number,
    seq: r[35] as number,
    ...derivedFromArray(r, 36),
  };
}

/**
 * Multi-row INSERT … ON CONFLICT(id) DO UPDATE of whole rows, split at SQLite's parameter limit; the rows take
 * consecutive change sequence numbers from `firstSeq`.
 */
export async function upsertInteractions(db: DbOrTx, rows: InteractionRow[], firstSeq: number, now: number) {
  const execute = rawExecutor(db);
  const perRow = interactionInsertColumns.length;
  const size = Math.floor(MAX_PARAMS / perRow);
  const tuple = `(${new Array(perRow).fill('?').join(', ')})`;
  const head = `INSERT INTO interactions (${interactionInsertColumns.join(', ')}) VALUES `;
  const tail = ` ON CONFLICT(id) DO UPDATE SET ${interactionUpdateColumns.map((c) => `${c} = excluded.${c}`).join(', ')}`;
  for (let i = 0; i < rows.length; i += size) {
    const group = rows.slice(i, i + size);
    const args: InValue[] = [];
    for (let k = 0; k < group.length; k++) pushInteractionValues(args, group[k]!, firstSeq + i + k, now);
    await execute({ sql: head + new Array(group.length).fill(tuple).join(', ') + tail, args });
  }
}

/** Whole interaction rows matching `where`, read as JSON arrays in `interactionInsertColumns` order. */
async function selectInteractions(db: DbOrTx, where: string, args: InValue[]): Promise<InteractionRow[]> {
  const rows = await selectArrays(db, {
    columns: interactionInsertColumns.join(', '),
    from: `FROM interactions WHERE ${where}`,
    args,
  });
  return rows.map(interactionFromSql);
}

/** The interactions with these ids, whichever org they belong to (an id is unique across orgs). */
export function interactionsByIds(db: DbOrTx, ids: string[]): Promise<InteractionRow[]> {
  return selectInteractions(db, 'id IN (SELECT value FROM json_each(?))', [jsonList(ids)]);
}

/** The org's interactions of `source` with these site message ids. */
export function interactionsByExternalIds(
  db: DbOrTx,
  orgId: string,
  source: string,
  externalIds: string[],
): Promise<InteractionRow[]> {
  return selectInteractions(
    db,
    'org_id = ? AND source = ? AND external_id IS NOT NULL AND external_id IN (SELECT value FROM json_each(?))',
    [orgId, source, jsonList(externalIds)],
  );
}

/** Which of `ids` are stakeholders of the org. */
export async function orgStakeholderIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  const found = await selectValues(db, {
    value: 'id',
    from: 'FROM stakeholders WHERE org_id = ? AND id IN (SELECT value FROM json_each(?))',
    args: [orgId, jsonList(ids)],
  });
  return new Set(found as string[]);
}
