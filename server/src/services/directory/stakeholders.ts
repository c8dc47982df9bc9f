import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { ulid } from 'ulid';
import type {
  addIdentityInputSchema,
  directoryIdInputSchema,
  directoryListInputSchema,
  directoryUpdateInputSchema,
  IdentityInput,
  Stakeholder,
  stakeholderInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { identities, stakeholders, users, type IdentityRow, type StakeholderRow } from '../../db/schema';
import { fromIso, toIso } from '../../iso';
import { record } from '../audit/record';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { assertIdentitiesFree, normalizeIdentities } from './identities';

/** Stakeholder fields as the services take them (identities handled apart). */
export type StakeholderFields = Omit<z.output<typeof stakeholderInputSchema>, 'identities'>;

/** A change of a stakeholder's identities: `replace` sets the list exactly, `add` adds to it (CSV import). */
export type IdentityChange = { mode: 'replace' | 'add'; list: IdentityInput[] };

function toStakeholder(row: StakeholderRow, ids: IdentityRow[]): Stakeholder {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    tier: row.tier,
    organization: row.organization,
    ownerUserId: row.ownerUserId,
    cadenceOverride:
      row.cadenceIdealDays !== null && row.cadenceMaxDays !== null
        ? { idealDays: row.cadenceIdealDays, maxDays: row.cadenceMaxDays }
        : null,
    active: row.active,
    identities: ids.map((i) => ({ id: i.id, stakeholderId: i.stakeholderId, kind: i.kind, value: i.value })),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

/** Stakeholder rows with their identities, in the order of `rows`. */
export async function withIdentities(db: DbOrTx, orgId: string, rows: StakeholderRow[]): Promise<Stakeholder[]> {
  if (rows.length === 0) return [];
  const byStakeholder = new Map<string, IdentityRow[]>();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .select()
      .from(identities)
      // `+org_id` keeps SQLite off the (org, kind, value) index, which it picked to skip the sort and then read every
      // identity of the org; by stakeholder it reads only theirs.
      .where(and(sql`+${identities.orgId} = ${orgId}`, inArray(identities.stakeholderId, ids.slice(i, i + 500))))
      .orderBy(asc(identities.kind), asc(identities.value));
    for (const row of found) {
      const list = byStakeholder.get(row.stakeholderId) ?? [];
      list.push(row);
      byStakeholder.set(row.stakeholderId, list);
    }
  }
  return rows.map((r) => toStakeholder(r, byStakeholder.get(r.id) ?? []));
}

/** The org's stakeholder `id` with its identities; NOT_FOUND when the org has none such. */
export async function readStakeholder(db: DbOrTx, orgId: string, id: string): Promise<Stakeholder> {
  const [row] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
  const [s] = await withIdentities(db, orgId, [row]);
  return s!;
}

export function getStakeholder(ctx: ServiceCtx, input: z.output<typeof directoryIdInputSchema>): Promise<Stakeholder> {
  return readStakeholder(ctx.db, ctx.user.orgId, input.id);
}

async function assertOwnerInOrg(db: DbOrTx, orgId: string, ownerUserId: string | null) {
  if (ownerUserId === null) return;
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerUserId)));
  if (!owner)
    throw new TRPCError({ code: 'BAD_REQUEST', message: `The owner ${ownerUserId} is not a user of your org.` });
}

/** The stored row of a new stakeholder: the directory's fields as given, a new id, `seq` and times. */
export function newStakeholderRow(
  orgId: string,
  input: Pick<
    z.output<typeof stakeholderInputSchema>,
    'name' | 'type' | 'tier' | 'organization' | 'ownerUserId' | 'cadenceOverride' | 'active'
  >,
  at: { createdAt: number; seq: number; now: number },
): StakeholderRow {
  return {
    id: ulid(at.now),
    orgId,
    name: input.name,
    type: input.type,
    tier: input.tier,
    organization: input.organization,
    ownerUserId: input.ownerUserId,
    cadenceIdealDays: input.cadenceOverride?.idealDays ?? null,
    cadenceMaxDays: input.cadenceOverride?.maxDays ?? null,
    active: input.active,
    createdAt: at.createdAt,
    updatedAt: at.now,
    seq: at.seq,
  };
}

/** Add a stakeholder with its identities (call inside a transaction), with a new change sequence number. */
export async function insertStakeholder(
  db: DbOrTx,
  orgId: string,
  input: z.output<typeof stakeholderInputSchema>,
  now: number,
): Promise<Stakeholder> {
  const createdAt = input.createdAt === undefined ? now : fromIso(input.createdAt);
  if (createdAt > now)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `createdAt: ${input.createdAt} is in the future; give when the stakeholder entered your records.`,
    });
  const normalized = normalizeIdentities(input.identities);
  await assertOwnerInOrg(db, orgId, input.ownerUserId);
  await assertIdentitiesFree(db, orgId, normalized, null);
  const seq = await reserveSeq(db, orgId, 1);
  const row = newStakeholderRow(orgId, input, { createdAt, seq, now });
  await db.insert(stakeholders).values(row);
  if (normalized.length) {
    await db
      .insert(identities)
      .values(normalized.map((i) => ({ id: ulid(now), orgId, stakeholderId: row.id, kind: i.kind, value: i.value })));
  }
  return readStakeholder(db, orgId, row.id);
}

/** Anyone may add a stakeholder (staff meet new contacts while logging). */
export function createStakeholder(
  ctx: ServiceCtx,
  input: z.output<typeof stakeholderInputSchema>,
): Promise<Stakeholder> {
  const now = nowOf(ctx);
  return ctx.db.transaction((tx) => insertStakeholder(tx, ctx.user.orgId, input, now));
}

/** The columns `patch` sets (undefined fields are left alone). */
function stakeholderSet(patch: Partial<StakeholderFields>): Partial<StakeholderRow> {
  const set: Partial<StakeholderRow> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.type !== undefined) set.type = patch.type;
  if (patch.tier !== undefined) set.tier = patch.tier;
  if (patch.organization !== undefined) set.organization = patch.organization;
  if (patch.ownerUserId !== undefined) set.ownerUserId = patch.ownerUserId;
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.cadenceOverride !== undefined) {
    set.cadenceIdealDays = patch.cadenceOverride?.idealDays ?? null;
    set.cadenceMaxDays = patch.cadenceOverride?.maxDays ?? null;
  }
  return set;
}

async function changeIdentities(db: DbOrTx, orgId: string, id: string, change: IdentityChange, now: number) {
  const normalized = normalizeIdentities(change.list);
  await assertIdentitiesFree(db, orgId, normalized, id);
  if (change.mode === 'replace') {
    await db.delete(identities).where(and(eq(identities.orgId, orgId), eq(identities.stakeholderId, id)));
  }
  if (normalized.length) {
    await db
      .insert(identities)
      .values(normalized.map((i) => ({ id: ulid(now), orgId, stakeholderId: id, kind: i.kind, value: i.value })))
      .onConflictDoNothing();
  }
}

/**
 * Change a stakeholder (call inside a transaction); `identityChange` undefined leaves its identities alone. Takes
 * a new change sequence number so pulls see the change.
 */
export async function writeStakeholder(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<StakeholderFields>,
  identityChange: IdentityChange | undefined,
  now: number,
): Promise<Stakeholder> {
  const [existing] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!existing) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
  if (patch.ownerUserId !== undefined) await assertOwnerInOrg(db, orgId, patch.ownerUserId);
  const set = stakeholderSet(patch);
  if (identityChange) await changeIdentities(db, orgId, id, identityChange, now);
  set.seq = await reserveSeq(db, orgId, 1);
  set.updatedAt = now;
  await db
    .update(stakeholders)
    .set(set)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  return readStakeholder(db, orgId, id);
}

/** Change the fields given; `identities`, when given, replaces the whole list. */
export function updateStakeholder(
  ctx: ServiceCtx,
  input: z.output<typeof directoryUpdateInputSchema>,
): Promise<Stakeholder> {
  const { id, identities: list, ...patch } = input;
  const now = nowOf(ctx);
  return ctx.db.transaction((tx) =>
    writeStakeholder(tx, ctx.user.orgId, id, patch, list ? { mode: 'replace', list } : undefined, now),
  );
}

/** Soft delete: the stakeholder becomes inactive (history keeps pointing at it). */
export function deactivateStakeholder(
  ctx: ServiceCtx,
  input: z.output<typeof directoryIdInputSchema>,
): Promise<Stakeholder> {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const stakeholder = await writeStakeholder(tx, ctx.user.orgId, input.id, { active: false }, undefined, now);
    await record({ ...ctx, db: tx }, { action: 'stakeholder.deactivate', target: input.id });
    return stakeholder;
  });
}

/** Link a handle to a stakeholder (e.g. a new address of a known customer). */
export function addIdentity(ctx: ServiceCtx, input: z.output<typeof addIdentityInputSchema>): Promise<Stakeholder> {
  const now = nowOf(ctx);
  return ctx.db.transaction((tx) =>
    writeStakeholder(tx, ctx.user.orgId, input.stakeholderId, {}, { mode: 'add', list: [input.identity] }, now),
  );
}

export function removeIdentity(ctx: ServiceCtx, input: z.output<typeof directoryIdInputSchema>): Promise<Stakeholder> {
  const orgId = ctx.user.orgId;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(identities)
      .where(and(eq(identities.orgId, orgId), eq(identities.id, input.id)));
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No identity with id ${input.id} in your org.` });
    await tx.delete(identities).where(eq(identities.id, input.id));
    return writeStakeholder(tx, orgId, row.stakeholderId, {}, undefined, now);
  });
}

/** `LIKE` pattern matching `text` anywhere, with `\` as the escape character. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A page of the directory by name, filtered, with the number of matching stakeholders. */
export async function listStakeholders(
  ctx: ServiceCtx,
  input: z.output<typeof directoryListInputSchema>,
): Promise<{ items: Stakeholder[]; total: number }> {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const conds: (SQL | undefined)[] = [eq(stakeholders.orgId, orgId)];
  if (input.type?.length) conds.push(inArray(stakeholders.type, input.type));
  if (input.active !== undefined) conds.push(eq(stakeholders.active, input.active));
  if (input.ownerUserId) conds.push(eq(stakeholders.ownerUserId, input.ownerUserId));
  if (input.search) {
    const pattern = containsPattern(input.search.toLowerCase());
    conds.push(
      sql`(lower(${stakeholders.name}) LIKE ${pattern} ESCAPE '\\' OR lower(coalesce(${stakeholders.organization}, '')) LIKE ${pattern} ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM identities i WHERE i.stakeholder_id = ${stakeholders.id} AND i.value LIKE ${pattern} ESCAPE '\\'))`,
    );
  }
  const where = and(...conds);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)` }).from(stakeholders).where(where);
  const rows = await db
    .select()
    .from(stakeholders)
    .where(where)
    .orderBy(asc(sql`lower(${stakeholders.name})`), asc(stakeholders.id))
    .limit(input.limit)
    .offset(input.offset);
  return { items: await withIdentities(db, orgId, rows), total };
}
