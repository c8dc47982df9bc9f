import type { Channel, IdentityInput, Role, Source, StakeholderType } from '@comms-log/shared';
import type { Db } from '../db/client';
import { waitClosures } from '../db/schema';
import { issueToken } from '../auth/tokens';
import type { AuthUser } from '../auth/tokens';
import { createOrg, createUser } from './orgs';
import { createStakeholder } from './directory';
import { currentPlan } from './plans';
import { recomputeOrg } from './derive';
import { push } from './sync';
import { createRng, seededUlid, type Rng } from './seeded-random';

/*
 * A realistic demo org (Asia/Shanghai, Mon–Fri 09:00–18:00): a manager, an admin, six staff, ~60 stakeholders of
 * every type and tier, ~5,000 interactions over the last six months in every channel, with real thread shapes
 * (most enquiries answered within hours, some late, a few never), follow-ups and "no reply needed" closures.
 * Everything comes from one seeded PRNG, so a seed gives the same org (relative to `now`).
 */

const H = 3_600_000;
const DAY = 24 * H;
/** Asia/Shanghai has no DST: local time is UTC+8 all year. */
const OFFSET = 8 * H;

const localDayStart = (ms: number) => Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET;
const isoWeekday = (ms: number) => ((Math.floor((ms + OFFSET) / DAY) + 3) % 7) + 1;
const isWorking = (ms: number) => {
  const hour = ((ms + OFFSET) % DAY) / H;
  return isoWeekday(ms) <= 5 && hour >= 9 && hour < 18;
};
/** The next working-hours instant at or after `ms`, plus a little settling time (people reply after arriving). */
function nextWorking(ms: number, rng: Rng): number {
  if (isWorking(ms)) return ms;
  let day = localDayStart(ms);
  if (((ms + OFFSET) % DAY) / H >= 18) day += DAY;
  while (isoWeekday(day + 12 * H) > 5) day += DAY;
  return day + 9 * H + rng.int(5, 90) * 60_000;
}
/** An inbound message's time: mostly office hours on weekdays, sometimes evenings and weekends. */
function inboundTime(dayMs: number, rng: Rng): number {
  const hour = rng.weighted<[number, number]>([
    [[9, 18], 80],
    [[18, 23], 15],
    [[6, 9], 5],
  ]);
  return localDayStart(dayMs) + rng.int(hour[0] * 60, hour[1] * 60 - 1) * 60_000;
}

interface DemoUser {
  name: string;
  email: string;
  role: Role;
}

const demoUsers: DemoUser[] = [
  { name: 'Admin Chen', email: 'admin@demo.example', role: 'admin' },
  { name: 'Zhou Min (Manager)', email: 'zhou.min@demo.example', role: 'manager' },
  { name: 'Li Na', email: 'li.na@demo.example', role: 'staff' },
  { name: 'Wang Fang', email: 'wang.fang@demo.example', role: 'staff' },
  { name: 'Zhang Wei', email: 'zhang.wei@demo.example', role: 'staff' },
  { name: 'Liu Yang', email: 'liu.yang@demo.example', role: 'staff' },
  { name: 'Emma Clarke', email: 'emma.clarke@demo.example', role: 'staff' },
  { name: 'Chen Jie', email: 'chen.jie@demo.example', role: 'staff' },
];

const companyStems = [
  'Huaxin',
  'Bluewave',
  'Jinghong',
  'Northstar',
  'Tianyu',
  'Redwood',
  'Kaiyuan',
  'Silverline',
  'Mingda',
  'Harbor',
  'Longteng',
  'Brightpath',
  'Xinhe',
  'Evergreen',
  'Ruifeng',
  'Summit',
  'Haitian',
  'Cloudpeak',
  'Zhongyi',
  'Lakeside',
  'Fengshang',
  'Orbit',
  'Yuanda',
  'Keystone',
  'Baisheng',
  'Meridian',
  'Dongfang',
  'Pinecrest',
  'Shengshi',
  'Westgate',
  'Jiahe',
  'Crescent',
  'Hongtu',
  'Falcon',
  'Anxin',
  'Riverview',
];
const suffixByType: Record<StakeholderType, string[]> = {
  customer: ['Trading', 'Retail', 'Logistics', 'Foods', 'Electronics', 'Textiles'],
  partner: ['Systems', 'Consulting', 'Solutions', 'Channel Partners'],
  media: ['Daily', 'Tech Review', 'Business Weekly', 'News', 'Finance Times'],
  investor: ['Capital', 'Ventures'],
  government: ['District Commerce Bureau', 'Industry Park Office', 'Trade Office'],
  supplier: ['Packaging', 'Components', 'Printing'],
  other: ['Association', 'University Lab'],
};
const people = [
  'Li Lei',
  'Han Meimei',
  'Sun Hao',
  'Zhao Li',
  'Qian Yu',
  'Zhou Jun',
  'Wu Ting',
  'Zheng Kai',
  'Feng Xue',
  'Xu Bo',
  'He Lin',
  'Gao Yan',
  'Lin Tao',
  'Ma Rui',
  'Huang Qi',
  'Peter Miller',
  'Anna Schmidt',
  'Yuki Tanaka',
  'Carlos Ruiz',
  'Sara Jones',
];
const freeMail = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com', 'sina.com'];

const subjects: Record<StakeholderType, string[]> = {
  customer: [
    'Order status',
    'Invoice question',
    'Delivery delayed?',
    'Price quote request',
    'Return and refund',
    'Bulk order for Q3',
    'Product defect report',
    'Contract renewal',
  ],
  partner: [
    'Joint campaign plan',
    'Integration milestone',
    'Co-marketing budget',
    'Quarterly business review',
    'API access issue',
    'Channel pricing update',
  ],
  media: [
    'Interview request',
    'Comment on industry report',
    'Press release follow-up',
    'Event invitation',
    'Fact check before publication',
  ],
  investor: ['Quarterly update', 'Board meeting materials', 'Funding round questions'],
  government: ['Subsidy application', 'Compliance filing', 'Park visit arrangement'],
  supplier: ['Shipment schedule', 'Price adjustment', 'Quality inspection report'],
  other: ['Research collaboration', 'Membership renewal', 'Conference speaker slot'],
};
const inboundLines = [
  'Could you please confirm by this week?',
  'We have not received an update yet.',
  'Attached are the documents you asked for.',
  'Is there any progress on this?',
  'Thanks, one more question below.',
  'Please advise at your earliest convenience.',
];
const outboundLines = [
  'Thanks for reaching out — here is the update.',
  'We have checked with the team and confirm.',
  'Sorry for the delay, the answer is below.',
  'Happy to arrange a call this week.',
  'Please find the revised quote attached.',
];

interface SeedStakeholder {
  id: string;
  name: string;
  type: StakeholderType;
  tier: string;
  ownerIndex: number;
  email: string;
  domain: string | null;
  weibo: string | null;
  /** How active the relationship is: some go quiet for months (cadence overdue in the demo). */
  activity: number;
  /** Activity stops this many days ago (0 = still active). */
  quietDays: number;
}

export interface DemoSeedResult {
  orgId: string;
  orgName: string;
  users: { name: string; email: string; role: Role; token: string }[];
  counts: { stakeholders: number; interactions: number; followups: number; closures: number };
}

/** Create the demo org. `seed` makes it reproducible; `now` anchors the six months of history. */
export async function seedDemo(
  db: Db,
  opts: { orgName?: string; seed?: number; now?: number; interactions?: number } = {},
): Promise<DemoSeedResult> {
  const rng = createRng(opts.seed ?? 42);
  /** ULIDs from the seeded PRNG, so a seed gives the same interaction ids. */
  const ulid = (at: number) => seededUlid(at, rng);
  const now = opts.now ?? Date.now();
  const target = opts.interactions ?? 5000;
  const orgName = opts.orgName ?? 'Demo Co';

  const org = await createOrg(db, { name: orgName, timeZone: 'Asia/Shanghai', captureLevel: 'snippet' }, now);
  const users: (DemoUser & { user: AuthUser; token: string })[] = [];
  for (const u of demoUsers) {
    const row = await createUser(db, { orgId: org.id, ...u }, now);
    const issued = await issueToken(db, { orgId: org.id, userId: row.id, name: 'demo' }, now);
    users.push({
      ...u,
      user: { id: row.id, orgId: org.id, name: row.name, email: row.email, role: row.role, tokenId: issued.id },
      token: issued.token,
    });
  }
  const staffIdx = users.map((u, i) => (u.role === 'staff' ? i : -1)).filter((i) => i >= 0);
  const managerIdx = users.findIndex((u) => u.role === 'manager');

  // Stakeholders: every type and tier.
  /** Per type: how many stakeholders, and how many of them are in the top tier. */
  const plan: [StakeholderType, number, string, number][] = [
    ['customer', 24, 'key', 6],
    ['partner', 12, 'core', 4],
    ['media', 10, 'key', 4],
    ['investor', 4, 'key', 1],
    ['government', 3, 'standard', 0],
    ['supplier', 5, 'standard', 0],
    ['other', 3, 'standard', 0],
  ];
  const stakeholders: SeedStakeholder[] = [];
  let stem = 0;
  for (const [type, n, topTier, topCount] of plan) {
    for (let i = 0; i < n; i++) {
      const tier = i < topCount ? topTier : 'standard';
      const company = `${companyStems[stem % companyStems.length]} ${rng.pick(suffixByType[type])}`;
      const slug =
        companyStems[stem % companyStems.length]!.toLowerCase() + (stem >= companyStems.length ? String(stem) : '');
      stem++;
      const person = rng.pick(people);
      const personSlug = person.toLowerCase().replace(/[^a-z]+/g, '.');
      // Media and some small customers write from personal mailboxes: no domain identity.
      const personal = type === 'media' ? rng.chance(0.5) : rng.chance(0.15);
      const domain = personal ? null : `${slug}.${rng.pick(['com.cn', 'cn', 'com'])}`;
      const email = personal ? `${personSlug}${rng.int(1, 99)}@${rng.pick(freeMail)}` : `${personSlug}@${domain}`;
      const weibo =
        type === 'media' || (type === 'customer' && rng.chance(0.3))
          ? String(rng.int(1_000_000_000, 7_999_999_999))
          : null;
      const identities: IdentityInput[] = [{ kind: 'email', value: email }];
      if (domain) identities.push({ kind: 'domain', value: domain });
      if (weibo) identities.push({ kind: 'weibo', value: weibo });
      if ((type === 'customer' || type === 'partner') && rng.chance(0.4))
        identities.push({ kind: type === 'partner' ? 'trello' : 'jira', value: `${slug}-${rng.int(100, 999)}` });
      if (rng.chance(0.6))
        identities.push({
          kind: 'phone',
          value: `+86 1${rng.int(30, 89)} ${rng.int(1000, 9999)} ${rng.int(1000, 9999)}`,
        });
      const ownerIndex = rng.pick(staffIdx);
      const s = await createStakeholder(
        db,
        org.id,
        {
          name: type === 'media' || type === 'investor' ? `${person} (${company})` : company,
          type,
          tier,
          organization: company,
          ownerUserId: users[ownerIndex]!.user.id,
          cadenceOverride: type === 'government' ? { idealDays: 60, maxDays: 90 } : null,
          active: true,
        },
        identities,
        now,
      );
      stakeholders.push({
        id: s.id,
        name: s.name,
        type,
        tier,
        ownerIndex,
        email,
        domain,
        weibo,
        activity: tier === 'key' || tier === 'core' ? 3 : type === 'customer' ? 1.5 : 1,
        quietDays: rng.chance(0.15) ? rng.int(35, 120) : 0,
      });
    }
  }

  // Threads until the target number of interactions.
  type Item = { userIndex: number; data: Record<string, unknown> };
  const items: Item[] = [];
  const openWaits: { userIndex: number; id: string; at: number }[] = [];
  const start = now - 182 * DAY;
  let threadNo = 0;
  const channelsFor = (s: SeedStakeholder): [Channel, number][] => {
    switch (s.type) {
      case 'customer':
        return [
          ['email', 50],
          ['project', 12],
          ['social', 14],
          ['im', 6],
          ['phone', 12],
          ['video', 4],
          ['in_person', 2],
        ];
      case 'partner':
        return [
          ['email', 45],
          ['project', 20],
          ['video', 18],
          ['in_person', 10],
          ['phone', 7],
        ];
      case 'media':
        return [
          ['email', 45],
          ['social', 35],
          ['phone', 15],
          ['in_person', 5],
        ];
      default:
        return [
          ['email', 70],
          ['phone', 15],
          ['video', 10],
          ['in_person', 5],
        ];
    }
  };
  const weights: [SeedStakeholder, number][] = stakeholders.map((s) => [s, s.activity]);

  while (items.length < target) {
    const s = rng.weighted(weights);
    const latest = now - s.quietDays * DAY - 2 * H;
    const day = start + rng.next() * (latest - start);
    if (day >= latest) continue;
    const channel = rng.weighted(channelsFor(s));
    const userIndex = rng.chance(0.8) ? s.ownerIndex : rng.pick(staffIdx);
    const threadId = `t${(threadNo++).toString(36)}${rng.int(1000, 9999)}`;

    if (channel === 'phone' || channel === 'video' || channel === 'in_person') {
      const at = nextWorking(inboundTime(day, rng), rng);
      if (at > now) continue;
      const who = channel === 'in_person' && rng.chance(0.3) ? managerIdx : userIndex;
      items.push({
        userIndex: who,
        data: {
          id: ulid(at),
          source: 'manual' satisfies Source,
          externalId: null,
          threadKey: `manual:${threadId}`,
          channel,
          direction: channel === 'phone' && rng.chance(0.4) ? 'inbound' : 'outbound',
          occurredAt: new Date(at).toISOString(),
          stakeholderId: s.id,
          stakeholderType: s.type,
          author: { name: users[who]!.name, handle: null },
          title:
            channel === 'phone'
              ? `Call with ${s.name}`
              : channel === 'video'
                ? `Video meeting: ${rng.pick(subjects[s.type])}`
                : `Meeting at ${s.name}`,
          snippet: null,
          durationMin: channel === 'phone' ? rng.int(3, 40) : rng.int(30, 120),
          note: rng.chance(0.5) ? 'Discussed open points; next steps agreed.' : null,
        },
      });
      continue;
    }

    const source: Source =
      channel === 'email'
        ? rng.weighted<Source>([
            ['gmail', 3],
            ['outlook', 2],
          ])
        : channel === 'social'
          ? 'weibo'
          : channel === 'project'
            ? s.type === 'partner'
              ? 'trello'
              : 'jira'
            : 'manual';
    const threadKey = `${source}:${threadId}`;
    const title = rng.pick(subjects[s.type]);
    const staffHandle = users[userIndex]!.email;
    const theirHandle = channel === 'social' ? (s.weibo ?? s.email) : s.email;
    const automated = channel === 'email' && rng.chance(0.03);
    let at = inboundTime(day, rng);
    let direction: 'inbound' | 'outbound' =
      channel === 'social' && rng.chance(0.3) ? 'outbound' : rng.chance(0.75) ? 'inbound' : 'outbound';
    let length = automated
      ? 1
      : rng.weighted([
          [1, 2],
          [2, 5],
          [3, 4],
          [4, 3],
          [5, 2],
          [6, 1],
          [8, 1],
        ] as [number, number][]);
    for (let m = 0; m < length && at <= now; m++) {
      const inbound = direction === 'inbound';
      items.push({
        userIndex,
        data: {
          id: ulid(at),
          source,
          externalId: source === 'manual' ? null : `${threadId}-${m}`,
          threadKey,
          channel,
          direction,
          occurredAt: new Date(at).toISOString(),
          stakeholderId: s.id,
          stakeholderType: s.type,
          author: inbound
            ? {
                name: automated ? 'no-reply' : s.name,
                handle: automated ? `no-reply@${s.domain ?? 'notify.example'}` : theirHandle,
              }
            : { name: users[userIndex]!.name, handle: staffHandle },
          title: m === 0 ? title : `Re: ${title}`,
          snippet: inbound ? rng.pick(inboundLines) : rng.pick(outboundLines),
          url:
            source === 'gmail'
              ? `https://mail.google.com/mail/u/0/#inbox/${threadId}`
              : source === 'jira'
                ? `https://demo.atlassian.net/browse/CS-${rng.int(100, 999)}`
                : null,
          automated,
        },
      });
      if (automated) break;
      // Next message: our reply (usually within hours, sometimes late), or their follow-up.
      if (inbound) {
        if (m === length - 1) {
          // Most conversations end with our answer; a few are left unanswered (the backlog the demo shows).
          if (rng.chance(0.1)) {
            openWaits.push({ userIndex, id: items[items.length - 1]!.data.id as string, at });
            break;
          }
          length++;
        }
        const delay = rng.weighted<[number, number]>([
          [[0.1, 1], 35],
          [[1, 3], 35],
          [[3, 6], 15],
          [[6, 24], 10],
          [[24, 72], 5],
        ]);
        const answerAt = nextWorking(Math.round(at + (delay[0] + rng.next() * (delay[1] - delay[0])) * H), rng);
        // A second inbound before we answer (they chase us) joins the same wait.
        if (rng.chance(0.12) && m < length - 1) {
          at = at + rng.int(20, 240) * 60_000;
          direction = 'inbound';
          continue;
        }
        at = answerAt;
        direction = 'outbound';
      } else {
        at = at + rng.int(2, 72) * H;
        direction = 'inbound';
      }
    }
  }

  // The last thread may run past the target: trim it (what is left of it is still a valid conversation).
  items.length = Math.min(items.length, target);
  const kept = new Set(items.map((x) => x.data.id as string));
  for (let i = openWaits.length - 1; i >= 0; i--) if (!kept.has(openWaits[i]!.id)) openWaits.splice(i, 1);

  // Push through the real sync path, per user, in batches of 500: derived fields are computed as in production.
  const byUser = new Map<number, Item[]>();
  for (const item of items) byUser.set(item.userIndex, [...(byUser.get(item.userIndex) ?? []), item]);
  let stored = 0;
  for (const [userIndex, list] of byUser) {
    for (let i = 0; i < list.length; i += 500) {
      const batch = list
        .slice(i, i + 500)
        .map((x) => ({ op: 'upsert' as const, entity: 'interaction' as const, id: x.data.id as string, data: x.data }));
      const res = await push(db, users[userIndex]!.user, { items: batch }, now);
      if (res.rejected.length)
        throw new Error(`demo data rejected: ${res.rejected[0]!.id}: ${res.rejected[0]!.reason}`);
      stored += res.applied.length;
    }
  }

  // Some open waits closed as "no reply needed".
  const reasons = [
    'Newsletter reply, nothing to answer',
    'Answered by phone (not logged)',
    'Duplicate of another thread',
    'Thank-you note only',
  ];
  const closures = openWaits.filter(() => rng.chance(0.2)).slice(0, 40);
  for (const w of closures) {
    await db
      .insert(waitClosures)
      .values({
        id: ulid(now),
        orgId: org.id,
        interactionId: w.id,
        reason: rng.pick(reasons),
        closedBy: users[w.userIndex]!.user.id,
        closedAt: Math.min(now, w.at + rng.int(1, 48) * H),
      });
  }
  const { plan: orgPlan } = await currentPlan(db, org.id);
  await db.transaction((tx) => recomputeOrg(tx, org.id, orgPlan, { dryRun: false }, now));

  // Follow-up reminders: some overdue, some upcoming.
  let followupCount = 0;
  for (const userIndex of [...staffIdx, managerIdx]) {
    const batch = [];
    for (let k = 0; k < 6; k++) {
      const s = rng.pick(stakeholders);
      const due = now + rng.int(-10 * 24, 14 * 24) * H;
      const id = ulid(now - rng.int(1, 1000) * 60_000);
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
    const res = await push(db, users[userIndex]!.user, { items: batch }, now);
    followupCount += res.applied.length;
  }

  return {
    orgId: org.id,
    orgName,
    users: users.map((u) => ({ name: u.name, email: u.email, role: u.role, token: u.token })),
    counts: {
      stakeholders: stakeholders.length,
      interactions: stored,
      followups: followupCount,
      closures: closures.length,
    },
  };
}
