import { TRPCError } from '@trpc/server';
import type { CsvRecord, IdentityInput, JobPhase } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { fromIso } from '../../iso';
import { eventLoopSlices } from '../event-loop-slices';
import { type IdentityKey, normalizeIdentities } from './identities';
import { ImportDirectory } from './import-directory';
import { CsvRow, rowInput, type StakeholderIn } from './import-row';
import type { StakeholderFields } from './stakeholders';

/** What one row of a stakeholder import does: refused with its message, creates a stakeholder, or updates one. */
export type PlannedRow =
  | { line: number; status: 'error'; message: string }
  | { line: number; status: 'created'; ref: string; input: StakeholderIn; keys: IdentityKey[] }
  | {
      line: number;
      status: 'updated';
      ref: string;
      name: string;
      patch: Partial<StakeholderFields>;
      identities: IdentityInput[];
    };

/** How a long job reports where it is. */
export type Progress = (phase: JobPhase, done: number, total: number) => void;

/** What the rows are checked against: the org's users by e-mail, its plan's time zone, the import's clock. */
export interface PlanSetting {
  header: string[];
  owners: Map<string, string>;
  timeZone: string;
  now: number;
}

/** The ref of a stakeholder that the row on `line` creates (ids are ULIDs, which never hold a colon). */
const newRef = (line: number) => `new:${line}`;
export const isNewRef = (ref: string) => ref.startsWith('new:');

type Checked = { row: CsvRow; input: StakeholderIn; keys: IdentityKey[] } | { row: CsvRow; message: string };

/** The row's cells as a stakeholder and its normalised identities, or what is wrong with them. */
function checkRow(row: CsvRow, setting: PlanSetting): Checked {
  const input = rowInput(row, setting.owners, setting.timeZone);
  if (typeof input === 'string') return { row, message: input };
  try {
    return { row, input, keys: normalizeIdentities(input.identities) };
  } catch (e) {
    if (e instanceof TRPCError) return { row, message: e.message };
    throw e;
  }
}

/**
 * Decide the row against the directory as the rows before it left it, and record its effect: it updates the
 * stakeholder that already holds one of its identities (or, without one held, has the same name and organization),
 * else it creates one. The same checks as the writes make (insertStakeholder, writeStakeholder).
 */
function planRow(directory: ImportDirectory, checked: Checked, now: number): PlannedRow {
  const line = checked.row.record.line;
  if ('message' in checked) return { line, status: 'error', message: checked.message };
  const { row, input, keys } = checked;
  const holders = directory.holdersOf(keys);
  if (holders.length > 1) return { line, status: 'error', message: 'its identities belong to different stakeholders' };
  const existing = holders[0] ?? directory.findByName(input.name, input.organization ?? null);
  if (existing) {
    // Only the columns present in the file change; owner and tier are kept when their cell is empty.
    const patch: Partial<StakeholderFields> = { name: input.name, type: input.type };
    if (row.has('organization')) patch.organization = input.organization;
    if (row.cell('tier')) patch.tier = input.tier;
    if (row.cell('owner_email')) patch.ownerUserId = input.ownerUserId;
    const organization = row.has('organization') ? input.organization : directory.organizationOf(existing);
    directory.record(existing, input.name, organization, keys);
    return { line, status: 'updated', ref: existing, name: input.name, patch, identities: input.identities };
  }
  if (input.createdAt !== undefined && fromIso(input.createdAt) > now) {
    const message = `createdAt: ${input.createdAt} is in the future; give when the stakeholder entered your records.`;
    return { line, status: 'error', message };
  }
  directory.record(newRef(line), input.name, input.organization, keys);
  return { line, status: 'created', ref: newRef(line), input, keys };
}

/**
 * What each row of a stakeholder import does, worked out without writing: the rows are checked, the directory they
 * name is read in a few queries, and each row is matched in memory in file order. The preview shows this plan and
 * the apply writes it, so the two cannot disagree.
 */
export async function planImport(
  db: DbOrTx,
  orgId: string,
  records: CsvRecord[],
  setting: PlanSetting,
  progress: Progress,
): Promise<PlannedRow[]> {
  const nextSlice = eventLoopSlices();
  const total = records.length;
  const checked: Checked[] = [];
  for (const record of records) {
    await nextSlice();
    checked.push(checkRow(new CsvRow(setting.header, record), setting));
    if (checked.length % 500 === 0) progress('reading', checked.length, total);
  }
  const directory = await ImportDirectory.read(
    db,
    orgId,
    checked.flatMap((c) => ('keys' in c ? c.keys : [])),
  );
  const planned: PlannedRow[] = [];
  for (const c of checked) {
    await nextSlice();
    planned.push(planRow(directory, c, setting.now));
    if (planned.length % 500 === 0) progress('checking', planned.length, total);
  }
  progress('checking', total, total);
  return planned;
}
