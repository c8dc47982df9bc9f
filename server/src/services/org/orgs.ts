import { count, eq } from 'drizzle-orm';
import { ulid } from 'ulid';
import type { CaptureLevel } from '@comms-log/shared';
import type { Db, DbOrTx } from '../../db/client';
import { interactions, orgSeq, orgs, type UserRow } from '../../db/schema';
import { issueToken, type IssuedToken } from '../../auth/tokens';
import { currentPlan, savePlan, seedPlan } from '../plans';
import { createUser } from './users';

export interface NewOrg {
  name: string;
  timeZone: string;
  captureLevel?: CaptureLevel;
  /** Preload the public holidays of the time zone's country into the plan (default: yes). */
  publicHolidays?: boolean;
}

/** Create an org with its change sequence and the default plan (calendar on the org's time zone). */
export async function createOrg(db: DbOrTx, input: NewOrg, now = Date.now()) {
  const org = {
    id: ulid(now),
    name: input.name,
    timeZone: input.timeZone,
    captureLevel: input.captureLevel ?? 'subject',
    createdAt: now,
  };
  await db.insert(orgs).values(org);
  await db.insert(orgSeq).values({ orgId: org.id, seq: 0 });
  await savePlan(db, org.id, await seedPlan(input.timeZone, { holidays: input.publicHolidays, now }), null, now);
  return org;
}

export interface OrgChanges {
  name?: string | undefined;
  /** Also the plan calendar's zone (a new plan version); stored response figures are not recomputed here. */
  timeZone?: string | undefined;
  /** A lower level also removes what it no longer allows from stored interactions. */
  captureLevel?: CaptureLevel | undefined;
}

const captureRank: Record<CaptureLevel, number> = { metadata: 0, subject: 1, snippet: 2 };

/**
 * Change an org's name, time zone or capture level (call inside a transaction). Returns what actually changed:
 * `timeZone` true means a new plan version with the calendar in the new zone was saved.
 */
export async function updateOrg(
  db: DbOrTx,
  orgId: string,
  changes: OrgChanges,
  byUserId: string | null,
  now = Date.now(),
): Promise<{ name: boolean; timeZone: boolean; captureLevel: boolean } | null> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) return null;
  const set: Partial<typeof orgs.$inferInsert> = {};
  if (changes.name !== undefined && changes.name !== org.name) set.name = changes.name;
  if (changes.timeZone !== undefined && changes.timeZone !== org.timeZone) {
    set.timeZone = changes.timeZone;
    const { plan } = await currentPlan(db, orgId);
    await savePlan(db, orgId, { ...plan, calendar: { ...plan.calendar, timeZone: changes.timeZone } }, byUserId, now);
  }
  if (changes.captureLevel !== undefined && changes.captureLevel !== org.captureLevel) {
    set.captureLevel = changes.captureLevel;
    if (captureRank[changes.captureLevel] < captureRank[org.captureLevel]) {
      // Privacy: what the new level does not allow is removed from stored interactions too.
      const strip = changes.captureLevel === 'metadata' ? { title: null, snippet: null } : { snippet: null };
      await db.update(interactions).set(strip).where(eq(interactions.orgId, orgId));
    }
  }
  if (Object.keys(set).length) await db.update(orgs).set(set).where(eq(orgs.id, orgId));
  return {
    name: set.name !== undefined,
    timeZone: set.timeZone !== undefined,
    captureLevel: set.captureLevel !== undefined,
  };
}

/**
 * On the very first start (no org at all) create an org and its admin, and issue the admin a token. Returns
 * null when the database already has an org.
 */
export async function ensureFirstOrg(
  db: Db,
  opts: { orgName: string; timeZone: string; adminEmail: string; adminName: string },
): Promise<{ orgId: string; timeZone: string; admin: UserRow; token: IssuedToken } | null> {
  return db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(orgs);
    if (n > 0) return null;
    const org = await createOrg(tx, { name: opts.orgName, timeZone: opts.timeZone });
    const admin = await createUser(tx, { orgId: org.id, name: opts.adminName, email: opts.adminEmail, role: 'admin' });
    const token = await issueToken(tx, { orgId: org.id, userId: admin.id, name: 'first admin token' });
    return { orgId: org.id, timeZone: org.timeZone, admin, token };
  });
}
