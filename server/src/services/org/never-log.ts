import { TRPCError } from '@trpc/server';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { NeverLogEntryInput } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { neverLog } from '../../db/schema';
import { domainAndParents, emailDomain, normalizeIdentity } from '../directory/identities';

/*
 * The never-log lists (docs/architecture.md "Data model"): addresses and domains whose messages are never stored,
 * org-wide (set by an admin) and per user.
 */

export interface NeverLogList {
  emails: Set<string>;
  domains: Set<string>;
}

/** The org's list and `userId`'s own, merged: what a push by that user refuses. */
export async function loadNeverLog(db: DbOrTx, orgId: string, userId: string): Promise<NeverLogList> {
  const rows = await db
    .select({ kind: neverLog.kind, value: neverLog.value })
    .from(neverLog)
    .where(and(eq(neverLog.orgId, orgId), or(isNull(neverLog.userId), eq(neverLog.userId, userId))));
  return {
    emails: new Set(rows.filter((r) => r.kind === 'email').map((r) => r.value)),
    domains: new Set(rows.filter((r) => r.kind === 'domain').map((r) => r.value)),
  };
}

/** Whether a handle is on the never-log list: the exact address, or its domain or a parent domain. */
export function isNeverLogged(list: NeverLogList, handle: string | null): boolean {
  if (!handle) return false;
  const h = handle
    .trim()
    .toLowerCase()
    .replace(/^mailto:/, '');
  if (list.emails.has(h)) return true;
  const domain = emailDomain(h);
  return domain !== null && domainAndParents(domain).some((d) => list.domains.has(d));
}

/** The org's list and `userId`'s own, as the settings show them (by kind, then value). */
export async function neverLogEntries(db: DbOrTx, orgId: string, userId: string) {
  const entries = await db
    .select({ id: neverLog.id, userId: neverLog.userId, kind: neverLog.kind, value: neverLog.value })
    .from(neverLog)
    .where(and(eq(neverLog.orgId, orgId), or(isNull(neverLog.userId), eq(neverLog.userId, userId))))
    .orderBy(asc(neverLog.kind), asc(neverLog.value));
  const strip = ({ id, kind, value }: (typeof entries)[number]) => ({ id, kind, value });
  return {
    org: entries.filter((e) => e.userId === null).map(strip),
    mine: entries.filter((e) => e.userId !== null).map(strip),
  };
}

function normalizeEntries(list: NeverLogEntryInput[]) {
  const out = new Map<string, { kind: 'email' | 'domain'; value: string }>();
  for (const e of list) {
    let value: string;
    try {
      value = normalizeIdentity(e.kind, e.value);
    } catch (err) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Never-log ${e.kind}: ${(err as Error).message}.` });
    }
    out.set(`${e.kind}:${value}`, { kind: e.kind, value });
  }
  return [...out.values()];
}

/** Replace the org's list (`userId` null) or a user's own with `list`. */
export async function replaceNeverLog(
  db: DbOrTx,
  orgId: string,
  userId: string | null,
  list: NeverLogEntryInput[],
  now: number,
) {
  const entries = normalizeEntries(list);
  await db
    .delete(neverLog)
    .where(and(eq(neverLog.orgId, orgId), userId === null ? isNull(neverLog.userId) : eq(neverLog.userId, userId)));
  if (entries.length)
    await db
      .insert(neverLog)
      .values(entries.map((e) => ({ id: ulid(now), orgId, userId, kind: e.kind, value: e.value, createdAt: now })));
}
