import { TRPCError } from '@trpc/server';
import type { ImportRowReport } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { importInSlices } from '../csv-import';
import { type CreatedRow, insertPlannedStakeholders } from './import-insert';
import { isNewRef, type PlannedRow, type Progress } from './import-plan';
import { insertStakeholder, writeStakeholder } from './stakeholders';

/**
 * Stakeholders the import creates in one go (one identity check, a few inserts). Each statement runs on the event
 * loop: at 200 a unit held it for 100–450 ms under load (bench (g)), at 50 a quarter of that.
 */
const CREATED_PER_UNIT = 50;

type Written = Exclude<PlannedRow, { status: 'error' }>;

/** The row's write, in its own savepoint; its report. */
async function writeRow(
  db: DbOrTx,
  orgId: string,
  p: Written,
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

/** Each row's write on its own; a refusal (TRPCError) is that row's error. */
async function writeEach(db: DbOrTx, orgId: string, unit: PlannedRow[], createdIds: Map<string, string>, now: number) {
  const reports: ImportRowReport[] = [];
  for (const p of unit) {
    if (p.status === 'error') {
      reports.push({ row: p.line, status: 'error', message: p.message, stakeholderId: null });
      continue;
    }
    try {
      reports.push(await writeRow(db, orgId, p, createdIds, now));
    } catch (e) {
      if (!(e instanceof TRPCError)) throw e;
      reports.push({ row: p.line, status: 'error', message: e.message, stakeholderId: null });
    }
  }
  return reports;
}

/** A run of rows that create stakeholders, written together; one by one when the run's identities clash. */
async function writeCreated(
  db: DbOrTx,
  orgId: string,
  unit: CreatedRow[],
  createdIds: Map<string, string>,
  now: number,
) {
  try {
    const ids = await db.transaction((sp) => insertPlannedStakeholders(sp, orgId, unit, now));
    for (const [ref, id] of ids) createdIds.set(ref, id);
  } catch (e) {
    if (e instanceof TRPCError && e.code === 'CONFLICT') return writeEach(db, orgId, unit, createdIds, now);
    throw e;
  }
  return unit.map((p): ImportRowReport => {
    const stakeholderId = createdIds.get(p.ref)!;
    return { row: p.line, status: 'created', message: `created ${p.input.name}`, stakeholderId };
  });
}

/** The rows in units of work: runs of up to CREATED_PER_UNIT created rows, every other row on its own. */
function unitsOf(planned: PlannedRow[]): PlannedRow[][] {
  const units: PlannedRow[][] = [];
  for (const p of planned) {
    const last = units.at(-1);
    if (p.status === 'created' && last?.[0]?.status === 'created' && last.length < CREATED_PER_UNIT) last.push(p);
    else units.push([p]);
  }
  return units;
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
  await importInSlices(db, unitsOf(planned), async (tx, unit) => {
    const created = unit.every((p) => p.status === 'created') && unit.length > 1;
    const reports = created
      ? await writeCreated(tx, orgId, unit as CreatedRow[], createdIds, now)
      : await writeEach(tx, orgId, unit, createdIds, now);
    rows.push(...reports);
    progress('writing', rows.length, planned.length);
  });
  return rows;
}
