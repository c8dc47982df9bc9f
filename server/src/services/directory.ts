import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import { ulid } from 'ulid';
import type {
  HandleRef,
  IdentityInput,
  IdentityKind,
  MatchResult,
  Stakeholder,
  StakeholderType,
} from '@comms-log/shared';
import type { DbOrTx } from '../db/client';
import { identities, stakeholders, users, type IdentityRow, type StakeholderRow } from '../db/schema';
import { toIso } from '../iso';
import { reserveSeq } from './seq';
import { isFreeMailDomain } from './free-mail';
import { domainAndParents, emailDomain, IdentityFormatError, normalizeIdentity } from './identities';

/** Stakeholder fields as the services take them (identities handled apart). */
export interface StakeholderFields {
  name: string;
  type: StakeholderType;
  tier: string;
  organization: string | null;
  ownerUserId: string | null;
  cadenceOverride: { idealDays: number; maxDays: number } | null;
  active: boolean;
}

export function toStakeholder(row: StakeholderRow, ids: IdentityRow[]): Stakeholder {
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
      .where(and(eq(identities.orgId, orgId), inArray(identities.stakeholderId, ids.slice(i, i + 500))))
      .orderBy(asc(identities.kind), asc(identities.value));
    for (const row of found) {
      const list = byStakeholder.get(row.stakeholderId) ?? [];
      list.push(row);
      byStakeholder.set(row.stakeholderId, list);
    }
  }
  return rows.map((r) => toStakeholder(r, byStakeholder.get(r.id) ?? []));
}

export async function getStakeholder(db: DbOrTx, orgId: string, id: string): Promise<Stakeholder> {
  const [row] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
  const [s] = await withIdentities(db, orgId, [row]);
  return s!;
}

/** Normalise identities, refusing malformed values and free-mail domains (they would identify everyone). */
export function normalizeIdentities(list: IdentityInput[]): { kind: IdentityKind; value: string }[] {
  const seen = new Set<string>();
  const out: { kind: IdentityKind; value: string }[] = [];
  for (const identity of list) {
    let value: string;
    try {
      value = normalizeIdentity(identity.kind, identity.value);
    } catch (e) {
      if (e instanceof IdentityFormatError)
        throw new TRPCError({ code: 'BAD_REQUEST', message: `Identity ${identity.kind}: ${e.message}.` });
      throw e;
    }
    if (identity.kind === 'domain' && isFreeMailDomain(value)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `${value} is a public email provider: it cannot identify an organisation. Add the person's address as an email identity instead.`,
      });
    }
    const key = `${identity.kind}:${value}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ kind: identity.kind, value });
    }
  }
  return out;
}

/** Refuse identities that already belong to another stakeholder of the org, naming it. */
async function assertIdentitiesFree(
  db: DbOrTx,
  orgId: string,
  list: { kind: IdentityKind; value: string }[],
  stakeholderId: string | null,
) {
  if (list.length === 0) return;
  const conditions = list.map((i) => and(eq(identities.kind, i.kind), eq(identities.value, i.value))) as SQL[];
  const clashes = await db
    .select({ kind: identities.kind, value: identities.value, name: stakeholders.name })
    .from(identities)
    .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
    .where(
      and(
        eq(identities.orgId, orgId),
        or(...conditions),
        stakeholderId ? ne(identities.stakeholderId, stakeholderId) : undefined,
      ),
    )
    .limit(1);
  const clash = clashes[0];
  if (clash) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The ${clash.kind} ${clash.value} already belongs to the stakeholder "${clash.name}".`,
    });
  }
}

export async function assertOwnerInOrg(db: DbOrTx, orgId: string, ownerUserId: string | null) {
  if (ownerUserId === null) return;
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerUserId)));
  if (!owner)
    throw new TRPCError({ code: 'BAD_REQUEST', message: `The owner ${ownerUserId} is not a user of your org.` });
}

export async function createStakeholder(
  db: DbOrTx,
  orgId: string,
  fields: StakeholderFields,
  identityList: IdentityInput[],
  now = Date.now(),
): Promise<Stakeholder> {
  const normalized = normalizeIdentities(identityList);
  await assertOwnerInOrg(db, orgId, fields.ownerUserId);
  await assertIdentitiesFree(db, orgId, normalized, null);
  const seq = await reserveSeq(db, orgId, 1);
  const row: StakeholderRow = {
    id: ulid(now),
    orgId,
    name: fields.name,
    type: fields.type,
    tier: fields.tier,
    organization: fields.organization,
    ownerUserId: fields.ownerUserId,
    cadenceIdealDays: fields.cadenceOverride?.idealDays ?? null,
    cadenceMaxDays: fields.cadenceOverride?.maxDays ?? null,
    active: fields.active,
    createdAt: now,
    updatedAt: now,
    seq,
  };
  await db.insert(stakeholders).values(row);
  if (normalized.length) {
    await db
      .insert(identities)
      .values(normalized.map((i) => ({ id: ulid(now), orgId, stakeholderId: row.id, kind: i.kind, value: i.value })));
  }
  return getStakeholder(db, orgId, row.id);
}

/**
 * Change a stakeholder. `identities`: `replace` sets the list exactly, `add` adds to it (CSV import), and
 * undefined leaves it alone. Takes a new change sequence number so pulls see the change.
 */
export async function updateStakeholder(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Partial<StakeholderFields>,
  identityChange?: { mode: 'replace' | 'add'; list: IdentityInput[] },
  now = Date.now(),
): Promise<Stakeholder> {
  const [existing] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!existing) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
  if (patch.ownerUserId !== undefined) await assertOwnerInOrg(db, orgId, patch.ownerUserId);
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
  if (identityChange) {
    const normalized = normalizeIdentities(identityChange.list);
    await assertIdentitiesFree(db, orgId, normalized, id);
    if (identityChange.mode === 'replace') {
      await db.delete(identities).where(and(eq(identities.orgId, orgId), eq(identities.stakeholderId, id)));
    }
    if (normalized.length) {
      await db
        .insert(identities)
        .values(normalized.map((i) => ({ id: ulid(now), orgId, stakeholderId: id, kind: i.kind, value: i.value })))
        .onConflictDoNothing();
    }
  }
  set.seq = await reserveSeq(db, orgId, 1);
  set.updatedAt = now;
  await db
    .update(stakeholders)
    .set(set)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  return getStakeholder(db, orgId, id);
}

export async function addIdentity(
  db: DbOrTx,
  orgId: string,
  stakeholderId: string,
  identity: IdentityInput,
  now = Date.now(),
) {
  return updateStakeholder(db, orgId, stakeholderId, {}, { mode: 'add', list: [identity] }, now);
}

export async function removeIdentity(
  db: DbOrTx,
  orgId: string,
  identityId: string,
  now = Date.now(),
): Promise<Stakeholder> {
  const [row] = await db
    .select()
    .from(identities)
    .where(and(eq(identities.orgId, orgId), eq(identities.id, identityId)));
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `No identity with id ${identityId} in your org.` });
  await db.delete(identities).where(eq(identities.id, identityId));
  return updateStakeholder(db, orgId, row.stakeholderId, {}, undefined, now);
}

/**
 * Resolve handles seen on a page to active stakeholders: the exact identity first; for an email, then its
 * domain (or a parent domain) against a `domain` identity — never for free-mail domains.
 */
export async function matchHandles(db: DbOrTx, orgId: string, handles: HandleRef[]): Promise<MatchResult> {
  const normalized = handles.map((h) => {
    try {
      return { ...h, norm: normalizeIdentity(h.kind, h.value) };
    } catch {
      return { ...h, norm: null };
    }
  });
  const exactKeys = normalized.filter((h) => h.norm !== null).map((h) => ({ kind: h.kind, value: h.norm! }));
  const domainCandidates = new Set<string>();
  for (const h of normalized) {
    if (h.kind !== 'email' || h.norm === null) continue;
    const domain = emailDomain(h.norm);
    if (domain && !isFreeMailDomain(domain)) for (const d of domainAndParents(domain)) domainCandidates.add(d);
  }
  const lookups = [...exactKeys, ...[...domainCandidates].map((value) => ({ kind: 'domain' as const, value }))];
  const found = new Map<string, string>();
  for (let i = 0; i < lookups.length; i += 200) {
    const chunk = lookups.slice(i, i + 200);
    const rows = await db
      .select({ kind: identities.kind, value: identities.value, stakeholderId: identities.stakeholderId })
      .from(identities)
      .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
      .where(
        and(
          eq(identities.orgId, orgId),
          eq(stakeholders.active, true),
          or(...(chunk.map((k) => and(eq(identities.kind, k.kind), eq(identities.value, k.value))) as SQL[])),
        ),
      );
    for (const r of rows) found.set(`${r.kind}:${r.value}`, r.stakeholderId);
  }
  return normalized.map((h) => {
    if (h.norm === null) return { kind: h.kind, value: h.value, stakeholderId: null, via: null };
    const exact = found.get(`${h.kind}:${h.norm}`);
    if (exact) return { kind: h.kind, value: h.value, stakeholderId: exact, via: 'exact' as const };
    if (h.kind === 'email') {
      const domain = emailDomain(h.norm);
      if (domain && !isFreeMailDomain(domain)) {
        for (const d of domainAndParents(domain)) {
          const viaDomain = found.get(`domain:${d}`);
          if (viaDomain) return { kind: h.kind, value: h.value, stakeholderId: viaDomain, via: 'domain' as const };
        }
      }
    }
    return { kind: h.kind, value: h.value, stakeholderId: null, via: null };
  });
}

/** `LIKE` pattern matching `text` anywhere, with `\` as the escape character. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface ListFilter {
  search?: string;
  type?: StakeholderType[];
  active?: boolean;
  ownerUserId?: string;
  offset: number;
  limit: number;
}

export async function listStakeholders(
  db: DbOrTx,
  orgId: string,
  filter: ListFilter,
): Promise<{ items: Stakeholder[]; total: number }> {
  const conds: (SQL | undefined)[] = [eq(stakeholders.orgId, orgId)];
  if (filter.type?.length) conds.push(inArray(stakeholders.type, filter.type));
  if (filter.active !== undefined) conds.push(eq(stakeholders.active, filter.active));
  if (filter.ownerUserId) conds.push(eq(stakeholders.ownerUserId, filter.ownerUserId));
  if (filter.search) {
    const pattern = containsPattern(filter.search.toLowerCase());
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
    .limit(filter.limit)
    .offset(filter.offset);
  return { items: await withIdentities(db, orgId, rows), total };
}
