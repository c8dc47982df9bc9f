import type { Role } from '@comms-log/shared';
import type { AuthUser } from '../auth/tokens';
import { issueToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { waitClosures } from '../db/schema';
import { recomputeOrg } from '../services/derive';
import { createOrg } from '../services/org/orgs';
import { createUser } from '../services/org/users';
import { currentPlan } from '../services/plans';
import { push } from '../services/sync';
import { DAY, H } from './clock';
import { closureReasons, demoUsers, type DemoUser } from './data';
import { seedCoverage, seedOutcomes, seedSurveys } from './evaluation';
import { seedPlanExecution } from './plan-execution';
import { createRng, seededUlid, type Rng } from './seeded-random';
import { seedStakeholders, type SeedStakeholder } from './stakeholders';
import { generateThreads, type OpenWait, type SeedItem } from './threads';

/*
 * A realistic demo org (Asia/Shanghai, Mon–Fri 09:00–18:00): a manager, an admin, six staff, ~60 stakeholders of
 * every type and tier, ~5,000 interactions over the last six months in every channel, with real thread shapes
 * (most enquiries answered within hours, some late, a few never), follow-ups and "no reply needed" closures, and the
 * evaluation records: resolved complaints, survey responses and media coverage (evaluation.ts), and the plan's
 * execution side: dated partner projects, own posts, the weekly meeting, activities, cost (plan-execution.ts).
 * Everything comes from one seeded PRNG, so a seed gives the same org (relative to `now`).
 */

export interface DemoSeedResult {
  orgId: string;
  orgName: string;
  users: { name: string; email: string; role: Role; token: string }[];
  counts: {
    stakeholders: number;
    interactions: number;
    followups: number;
    closures: number;
    threadOutcomes: number;
    surveys: number;
    coverage: number;
    /** Partner project items given due and done dates, our own posts, weekly meetings (plan-execution.ts). */
    projectItems: number;
    ownPosts: number;
    meetings: number;
    activities: number;
    costEntries: number;
    revenueMonths: number;
  };
}

type SeededUser = DemoUser & { user: AuthUser; token: string };

/** The demo users, each with a token. */
async function seedUsers(db: Db, orgId: string, now: number): Promise<SeededUser[]> {
  const users: SeededUser[] = [];
  for (const u of demoUsers) {
    const row = await createUser(db, { orgId, ...u }, now);
    const issued = await issueToken(db, { orgId, userId: row.id, name: 'demo' }, now);
    users.push({
      ...u,
      user: { id: row.id, orgId, name: row.name, email: row.email, role: row.role, tokenId: issued.id },
      token: issued.token,
    });
  }
  return users;
}

/**
 * Push the interactions through the real sync path, per user, in batches of 500: derived fields are computed as
 * in production. Returns how many were stored.
 */
async function pushInteractions(db: Db, users: SeededUser[], items: SeedItem[], now: number): Promise<number> {
  const byUser = new Map<number, SeedItem[]>();
  for (const item of items) byUser.set(item.userIndex, [...(byUser.get(item.userIndex) ?? []), item]);
  let stored = 0;
  for (const [userIndex, list] of byUser) {
    for (let i = 0; i < list.length; i += 500) {
      const batch = list
        .slice(i, i + 500)
        .map((x) => ({ op: 'upsert' as const, entity: 'interaction' as const, id: x.data.id as string, data: x.data }));
      const res = await push({ db, user: users[userIndex]!.user, now }, { items: batch });
      if (res.rejected.length)
        throw new Error(`demo data rejected: ${res.rejected[0]!.id}: ${res.rejected[0]!.reason}`);
      stored += res.applied.length;
    }
  }
  return stored;
}

/** Close some open waits as "no reply needed", then recompute the org. Returns how many were closed. */
async function closeSomeWaits(
  db: Db,
  orgId: string,
  g: { rng: Rng; ulid: (at: number) => string; users: SeededUser[] },
  openWaits: OpenWait[],
  now: number,
): Promise<number> {
  const { rng } = g;
  const closures = openWaits.filter(() => rng.chance(0.2)).slice(0, 40);
  for (const w of closures) {
    await db.insert(waitClosures).values({
      id: g.ulid(now),
      orgId,
      interactionId: w.id,
      reason: rng.pick(closureReasons),
      closedBy: g.users[w.userIndex]!.user.id,
      closedAt: Math.min(now, w.at + rng.int(1, 48) * H),
    });
  }
  const { plan } = await currentPlan(db, orgId);
  await db.transaction((tx) => recomputeOrg(tx, orgId, plan, { dryRun: false }, now));
  return closures.length;
}

/** Follow-up reminders for each of `userIdx`: some overdue, some upcoming. Returns how many were stored. */
async function seedFollowups(
  db: Db,
  g: { rng: Rng; ulid: (at: number) => string; users: SeededUser[] },
  userIdx: number[],
  stakeholders: SeedStakeholder[],
  now: number,
): Promise<number> {
  const { rng } = g;
  let count = 0;
  for (const userIndex of userIdx) {
    const batch = [];
    for (let k = 0; k < 6; k++) {
      const s = rng.pick(stakeholders);
      const due = now + rng.int(-10 * 24, 14 * 24) * H;
      const id = g.ulid(now - rng.int(1, 1000) * 60_000);
      batch.push({
        op: 'upsert' as const,
        entity: 'followup' as const,
        id,
        data: {
          id,
          dueAt: new Date(due).toISOString(),
          note: rng.pick([
            `Send ${s.name} the revised quote`,
            `Check in with ${s.name}`,
            `Confirm meeting time with ${s.name}`,
            `Share press kit with ${s.name}`,
          ]),
          stakeholderId: s.id,
          status: due < now - 5 * DAY && rng.chance(0.5) ? 'done' : 'open',
        },
      });
    }
    const res = await push({ db, user: g.users[userIndex]!.user, now }, { items: batch });
    count += res.applied.length;
  }
  return count;
}

/**
 * Create the demo org (provisioning: no user exists yet). `seed` makes it reproducible; `now` anchors the six
 * months of history.
 */
export async function seedDemo(
  db: Db,
  opts: { orgName?: string; seed?: number; now?: number; interactions?: number } = {},
): Promise<DemoSeedResult> {
  const rng = createRng(opts.seed ?? 42);
  /** ULIDs from the seeded PRNG, so a seed gives the same interaction ids. */
  const ulid = (at: number) => seededUlid(at, rng);
  const now = opts.now ?? Date.now();
  const orgName = opts.orgName ?? 'Demo Co';

  const org = await createOrg(db, { name: orgName, timeZone: 'Asia/Shanghai', captureLevel: 'snippet' }, now);
  const users = await seedUsers(db, org.id, now);
  const staffIdx = users.map((u, i) => (u.role === 'staff' ? i : -1)).filter((i) => i >= 0);
  const managerIdx = users.findIndex((u) => u.role === 'manager');
  const owners = { staff: staffIdx, userIds: users.map((u) => u.user.id) };
  const stakeholders = await seedStakeholders(db, org.id, rng, owners, now);

  const gen = { rng, ulid, users, staffIdx, managerIdx, now };
  const { items, openWaits } = generateThreads(gen, stakeholders, opts.interactions ?? 5000);
  const stored = await pushInteractions(db, users, items, now);
  const closures = await closeSomeWaits(db, org.id, gen, openWaits, now);
  const followups = await seedFollowups(db, gen, [...staffIdx, managerIdx], stakeholders, now);
  const threadOutcomes = await seedOutcomes(db, gen, items);
  const surveys = await seedSurveys(db, gen, stakeholders);
  const coverage = await seedCoverage(db, gen, stakeholders);
  const execution = await seedPlanExecution(db, gen, staffIdx, items);

  return {
    orgId: org.id,
    orgName,
    users: users.map((u) => ({ name: u.name, email: u.email, role: u.role, token: u.token })),
    counts: {
      stakeholders: stakeholders.length,
      interactions: stored,
      followups: followups + surveys.followups,
      closures,
      threadOutcomes,
      surveys: surveys.surveys,
      coverage,
      ...execution,
    },
  };
}
