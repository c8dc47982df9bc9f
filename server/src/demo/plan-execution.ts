import type { ActivityInput, PushItem } from '@comms-log/shared';
import { activityInputSchema } from '@comms-log/shared';
import type { Db } from '../db/client';
import { createActivity, updateActivity } from '../services/activities/activities';
import { recordCost, setRevenue } from '../services/evaluations/costs';
import type { ServiceUser } from '../services/service-ctx';
import { push } from '../services/sync';
import { DAY, H } from './clock';
import type { EvaluationGen } from './evaluation';
import type { SeedItem } from './threads';

/*
 * The demo org's execution and reach records (docs/metrics.md "Goals"): partner project items with due and done
 * dates, our own Weibo posts with their counts, the weekly cross-department meeting with its headcounts, the
 * communication calendar (one-off and recurring activities, held, not held and overdue) and six months of cost and
 * revenue. Drawn after the other records, through the same services as the procedures.
 */

const iso = (ms: number) => new Date(ms).toISOString();
const WEEK = 7 * DAY;
export const CROSS_DEPARTMENT = 'weekly cross-department meeting';

/** Push `items` as `user`, 500 at a time; throws on any refusal (the demo must be what the API accepts). */
async function pushAll(db: Db, user: ServiceUser, now: number, items: PushItem[]): Promise<number> {
  let stored = 0;
  for (let i = 0; i < items.length; i += 500) {
    const res = await push({ db, user, now }, { items: items.slice(i, i + 500) });
    if (res.rejected.length)
      throw new Error(`demo record rejected: ${res.rejected[0]!.id}: ${res.rejected[0]!.reason}`);
    stored += res.applied.length;
  }
  return stored;
}

const upsert = (data: Record<string, unknown>): PushItem =>
  ({ op: 'upsert', entity: 'interaction', id: data.id as string, data }) as PushItem;

/**
 * The partners' project threads (Trello cards) logged again with a status and due date: most done by it, some
 * late, a few still open; one in ten without a due date. Returns how many items got dates.
 */
async function datePartnerProjects(db: Db, g: EvaluationGen, items: SeedItem[]): Promise<number> {
  const { rng, now } = g;
  const byThread = new Map<string, SeedItem[]>();
  for (const item of items) {
    if (item.data.channel !== 'project' || item.data.stakeholderType !== 'partner') continue;
    const key = item.data.threadKey as string;
    byThread.set(key, [...(byThread.get(key) ?? []), item]);
  }
  const byUser = new Map<number, PushItem[]>();
  for (const thread of byThread.values()) {
    const opened = Math.min(...thread.map((i) => Date.parse(i.data.occurredAt as string)));
    const due = rng.chance(0.1) ? null : opened + rng.int(5, 30) * DAY;
    const fate = rng.weighted<'on_time' | 'late' | 'open'>([
      ['on_time', 85],
      ['late', 10],
      ['open', 5],
    ]);
    const doneAt =
      due === null || fate === 'open' ? null : fate === 'late' ? due + rng.int(1, 10) * DAY : due - rng.int(0, 4) * DAY;
    const done = doneAt !== null && doneAt <= now ? doneAt : null;
    const fields = {
      projectStatus: done !== null ? 'Done' : rng.pick(['To do', 'Doing', 'Review']),
      dueAt: due === null ? null : iso(due),
      doneAt: done === null ? null : iso(done),
    };
    for (const item of thread)
      byUser.set(item.userIndex, [...(byUser.get(item.userIndex) ?? []), upsert({ ...item.data, ...fields })]);
  }
  let stored = 0;
  for (const [userIndex, list] of byUser) stored += await pushAll(db, g.users[userIndex]!.user, now, list);
  return stored;
}

/** About four posts a month on the official Weibo account over six months, each with the counts it showed. */
function ownPosts(g: EvaluationGen): Record<string, unknown>[] {
  const { rng, now } = g;
  const posts = [];
  for (let k = 0; k < 24; k++) {
    const at = now - (k * 7.5 + rng.int(0, 3)) * DAY - rng.int(1, 8) * H;
    const reads = rng.int(4_000, 40_000);
    const rate = rng.int(4, 12) / 100;
    const engagements = Math.round(reads * rate);
    const likes = Math.round(engagements * 0.6);
    const comments = Math.round(engagements * 0.25);
    const id = g.ulid(at);
    posts.push({
      id,
      source: 'weibo',
      externalId: `demo-post-${k + 1}`,
      threadKey: `weibo:demo-post-${k + 1}`,
      channel: 'social',
      direction: 'outbound',
      occurredAt: iso(at),
      stakeholderId: null,
      stakeholderType: 'other',
      author: { name: 'Demo Co 官方微博', handle: '@democo' },
      title: rng.pick(['新品发布会回顾', '客户故事', '行业洞察', '招聘季开启', '服务升级公告']),
      reposts: engagements - likes - comments,
      comments,
      likes,
      // Older posts were read on a page that did not show reads: the rate falls back to followers.
      reads: k % 8 === 7 ? null : reads,
      followers: 120_000 + (24 - k) * 800,
    });
  }
  return posts;
}

/** The weekly cross-department meeting of the last 26 weeks (Monday 10:00), with invited and attended. */
function weeklyMeetings(g: EvaluationGen): Record<string, unknown>[] {
  const { rng, now } = g;
  const mondayTen = (ms: number) => {
    const local = new Date(ms + 8 * H);
    const back = (local.getUTCDay() + 6) % 7;
    return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - back, 2, 0, 0);
  };
  const meetings = [];
  for (let k = 1; k <= 26; k++) {
    const at = mondayTen(now - k * WEEK);
    const invited = 12;
    meetings.push({
      id: g.ulid(at),
      source: 'manual',
      externalId: null,
      threadKey: `manual:cross-department-${k}`,
      channel: 'in_person',
      direction: 'outbound',
      occurredAt: iso(at),
      stakeholderId: null,
      stakeholderType: 'other',
      author: { name: 'Demo manager', handle: null },
      title: '每周跨部门沟通会',
      durationMin: 60,
      internal: true,
      invited,
      attended:
        invited -
        rng.weighted([
          [0, 30],
          [1, 35],
          [2, 20],
          [3, 15],
        ]),
      series: CROSS_DEPARTMENT,
    });
  }
  return meetings;
}

/** Plan `a` as the manager for its owner, then mark it as it went. */
async function planActivity(
  db: Db,
  g: EvaluationGen,
  a: Omit<ActivityInput, 'id'>,
  outcome?: { status: 'held' | 'not_held' | 'cancelled'; heldInteractionId?: string },
): Promise<void> {
  const ctx = { db, user: g.users[g.managerIdx]!.user, now: g.now };
  const data = activityInputSchema.parse({ id: g.ulid(Date.parse(a.startAt)), ...a });
  await createActivity(ctx, data);
  if (outcome) await updateActivity(ctx, { id: data.id, ...outcome });
}

/**
 * The communication calendar: the weekly cross-department meeting (recurring, held), quarterly partner reviews
 * and half-yearly training (recurring), and one-off activities over the last three months and the next one —
 * most held by their date and linked to a logged meeting, some not held, a few past and still planned (overdue
 * in their owners' follow-ups). Returns how many were planned.
 */
async function seedActivities(
  db: Db,
  g: EvaluationGen,
  staffIdx: readonly number[],
  meetings: Record<string, unknown>[],
): Promise<number> {
  const { rng, now } = g;
  const manager = g.users[g.managerIdx]!.user.id;
  const first = meetings[meetings.length - 1]!;
  const firstAt = Date.parse(first.occurredAt as string);
  const recurring: [Omit<ActivityInput, 'id'>, { status: 'held'; heldInteractionId: string }?][] = [
    [
      {
        title: '每周跨部门沟通会 Weekly cross-department meeting',
        stakeholderType: null,
        channel: 'in_person',
        ownerUserId: manager,
        startAt: iso(firstAt),
        endAt: iso(firstAt + H),
        recurrence: 'weekly',
      },
      { status: 'held', heldInteractionId: first.id as string },
    ],
    [
      {
        title: '合作伙伴季度回顾 Quarterly partner review',
        stakeholderType: 'partner',
        channel: 'video',
        ownerUserId: g.users[staffIdx[0]!]!.user.id,
        startAt: iso(now - 170 * DAY),
        endAt: iso(now - 170 * DAY + 2 * H),
        recurrence: 'quarterly',
        milestones: [{ title: 'Send the agenda', dueAt: iso(now - 177 * DAY) }],
      },
    ],
    [
      {
        title: '对外沟通培训 Half-yearly communication training',
        stakeholderType: null,
        channel: 'in_person',
        ownerUserId: manager,
        startAt: iso(now - 150 * DAY),
        endAt: iso(now - 150 * DAY + 4 * H),
        recurrence: 'half_yearly',
      },
    ],
  ];
  for (const [a, outcome] of recurring) await planActivity(db, g, a, outcome);
  const titles = [
    '新品媒体沟通会 Press briefing',
    '客户回访 Customer visit',
    '行业展会 Trade fair',
    '合作伙伴工作坊 Partner workshop',
  ];
  const held = meetings.slice(0, 12);
  let count = recurring.length;
  for (let k = 0; k < 16; k++, count++) {
    const start = now + rng.int(-90, 30) * DAY;
    const owner = g.users[rng.pick(staffIdx)]!.user.id;
    const a = {
      title: rng.pick(titles),
      stakeholderType: rng.pick(['customer', 'partner', 'media'] as const),
      channel: rng.pick(['in_person', 'video'] as const),
      ownerUserId: owner,
      startAt: iso(start),
      endAt: iso(start + 2 * H),
    };
    if (start > now) await planActivity(db, g, a);
    else if (k % 5 === 4) await planActivity(db, g, a, { status: 'not_held' });
    else if (k % 7 === 3)
      await planActivity(db, g, a); // past and still planned: overdue
    else await planActivity(db, g, a, { status: 'held', heldInteractionId: held[k % held.length]!.id as string });
  }
  return count;
}

/** Six months of cost entries (agency fee, events, advertising) and revenue, in CNY; cost near 1.2–1.8%. */
async function seedCosts(db: Db, g: EvaluationGen): Promise<{ costEntries: number; revenueMonths: number }> {
  const { rng, now } = g;
  const ctx = { db, user: g.users[g.managerIdx]!.user, now };
  const local = new Date(now + 8 * H);
  let costEntries = 0;
  for (let back = 6; back >= 1; back--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    const revenue = rng.int(80, 120) * 100_000;
    await setRevenue(ctx, { month, amount: revenue, currency: 'CNY' });
    const share = rng.int(12, 18) / 1000;
    const parts: [string, number][] = [
      ['Agency fee', 0.5],
      ['Events', 0.3],
      ['Advertising', 0.2],
    ];
    for (const [category, part] of parts) {
      await recordCost(ctx, {
        id: g.ulid(d.getTime()),
        month,
        category,
        amount: Math.round(revenue * share * part),
        currency: 'CNY',
      });
      costEntries++;
    }
  }
  return { costEntries, revenueMonths: 6 };
}

/** Every record kind of the plan's execution side. Returns what was stored, by kind. */
export async function seedPlanExecution(db: Db, g: EvaluationGen, staffIdx: readonly number[], items: SeedItem[]) {
  const manager = g.users[g.managerIdx]!.user;
  const projectItems = await datePartnerProjects(db, g, items);
  const posts = ownPosts(g);
  const meetings = weeklyMeetings(g);
  await pushAll(db, manager, g.now, [...posts, ...meetings].map(upsert));
  const activities = await seedActivities(db, g, staffIdx, meetings);
  return { projectItems, ownPosts: posts.length, meetings: meetings.length, activities, ...(await seedCosts(db, g)) };
}
