import { ulid } from 'ulid';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { identities, stakeholders, type StakeholderRow } from '../../db/schema';
import { fromIso } from '../../iso';
import { assertIdentitiesFree } from './identities';
import { newStakeholderRow } from './stakeholders';
import type { PlannedRow } from './import-plan';

export type CreatedRow = Extract<PlannedRow, { status: 'created' }>;

/** Rows per insert statement: 13 columns each, well under SQLite's 32,766 parameters. */
const ROWS_PER_INSERT = 500;

/** The stored row of a stakeholder the import creates (as insertStakeholder writes one: active, no cadence override). */
function stakeholderRow(orgId: string, p: CreatedRow, seq: number, now: number): StakeholderRow {
  const createdAt = p.input.createdAt === undefined ? now : fromIso(p.input.createdAt);
  return newStakeholderRow(orgId, { ...p.input, active: true, cadenceOverride: null }, { createdAt, seq, now });
}

/**
 * Create the stakeholders of `rows` in a few statements (call inside a transaction), returning their ids by ref.
 * The plan has checked each row against the directory as it was read; the one check that can have changed since,
 * that no other stakeholder took one of their identities, is made again for all of them at once: CONFLICT when
 * one did, so that the caller writes these rows one by one and learns which.
 */
export async function insertPlannedStakeholders(
  db: DbOrTx,
  orgId: string,
  rows: CreatedRow[],
  now: number,
): Promise<Map<string, string>> {
  await assertIdentitiesFree(
    db,
    orgId,
    rows.flatMap((p) => p.keys),
    null,
  );
  const first = await reserveSeq(db, orgId, rows.length);
  const stored = rows.map((p, i) => stakeholderRow(orgId, p, first + i, now));
  const identityRows = rows.flatMap((p, i) =>
    p.keys.map((k) => ({ id: ulid(now), orgId, stakeholderId: stored[i]!.id, kind: k.kind, value: k.value })),
  );
  for (let i = 0; i < stored.length; i += ROWS_PER_INSERT)
    await db.insert(stakeholders).values(stored.slice(i, i + ROWS_PER_INSERT));
  for (let i = 0; i < identityRows.length; i += ROWS_PER_INSERT * 2)
    await db.insert(identities).values(identityRows.slice(i, i + ROWS_PER_INSERT * 2));
  return new Map(rows.map((p, i) => [p.ref, stored[i]!.id]));
}
