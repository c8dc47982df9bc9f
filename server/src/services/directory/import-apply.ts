import { TRPCError } from '@trpc/server';
import type { ImportRowReport } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { importInSlices } from '../csv-import';
import { isNewRef, type PlannedRow, type Progress } from './import-plan';
import { insertStakeholder, writeStakeholder } from './stakeholders';

/** The row's write, in its own savepoint; its report. */
async function writeRow(
  db: DbOrTx,
  orgId: string,
  p: Exclude<PlannedRow, { status: 'error' }>,
  createdIds: Map<string, string>,
  now: number,
): Promise<ImportRowReport> {
  if (p.status === 'created') {
    const s = await db.transaction((sp) =>
      insertStakeholder(sp, orgId, { ...p.input, cadenceOverride: null, active: true }, now),
    );
    createdIds.set(p.ref, s.id);
    return { row: p.line, status: 'created', message: `created ${s.name}`, stakeholderId: s.id };
  }
  const id = isNewRef(p.ref) ? createdIds.get(p.ref) : p.ref;
  if (id === undefined) {
    const message = `the stakeholder it updates (line ${p.ref.slice(4)}) was not written`;
    return { row: p.line, status: 'error', message, stakeholderId: null };
  }
  const change = { mode: 'add' as const, list: p.identities };
  const s = await db.transaction((sp) => writeStakeholder(sp, orgId, id, { ...p.patch, active: true }, change, now));
  return { row: p.line, status: 'updated', message: `updated ${s.name}`, stakeholderId: s.id };
}

/**
 * Write the planned rows, committing in slices (importInSlices), and report each. A row refused here that the plan
 * accepted (the directory changed by someone else meanwhile) is reported with the refusal; the others still apply.
 */
export async function applyPlan(
  db: DbOrTx,
  orgId: string,
  planned: PlannedRow[],
  now: number,
  progress: Progress,
): Promise<ImportRowReport[]> {
  const rows: ImportRowReport[] = [];
  const createdIds = new Map<string, string>();
  await importInSlices(db, false, planned, async (tx, p) => {
    if (p.status === 'error') rows.push({ row: p.line, status: 'error', message: p.message, stakeholderId: null });
    else {
      try {
        rows.push(await writeRow(tx, orgId, p, createdIds, now));
      } catch (e) {
        if (!(e instanceof TRPCError)) throw e;
        rows.push({ row: p.line, status: 'error', message: e.message, stakeholderId: null });
      }
    }
    if (rows.length % 100 === 0 || rows.length === planned.length) progress('writing', rows.length, planned.length);
  });
  return rows;
}
