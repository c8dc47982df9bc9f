import type { Channel, Direction, Source, StakeholderType } from '@comms-log/shared';
import { Random, ulidAt } from './random';

/*
 * Realistic interactions, made as a stream: threads of 1–6 messages (inbound/outbound mix, replies after a
 * log-normal delay, mostly in working hours of Asia/Shanghai), several stakeholders of every type with a few
 * much more active than the rest, and email (Gmail/Outlook), social (Weibo), project (Jira/Trello) and phone
 * (logged by hand; a call answers the stakeholder's open waits in any channel). Every site message carries
 * its site id (externalId), so the server's merge-by-external-id path is exercised. Threads come out in the
 * order they start, as an extension would push them; nothing is held beyond the current batch.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year (no DST): working hours 09:00–18:00 local are 01:00–10:00 UTC. */
const ORG_OFFSET_MS = 8 * HOUR;

export interface BenchStakeholder {
  name: string;
  type: StakeholderType;
  tier: string;
  organization: string;
  email: string;
  weiboUid: string;
  jiraAccount: string;
  phone: string;
}

export interface BenchUser {
  name: string;
  email: string;
  role: 'staff' | 'manager';
}

export interface BenchDirectory {
  stakeholders: BenchStakeholder[];
  users: BenchUser[];
}

/** One generated interaction; `stakeholder` and `user` index the directory (ids are assigned by the caller). */
export interface GenInteraction {
  id: string;
  source: Source;
  externalId: string | null;
  threadKey: string;
  channel: Channel;
  direction: Direction;
  occurredAt: number;
  stakeholder: number;
  stakeholderType: StakeholderType;
  user: number;
  authorName: string;
  authorHandle: string | null;
  title: string | null;
  url: string | null;
  durationMin: number | null;
  automated: boolean;
  internal: boolean;
}

const stakeholderTypeWeights = [
  ['customer', 55],
  ['partner', 18],
  ['media', 10],
  ['investor', 3],
  ['government', 4],
  ['supplier', 6],
  ['other', 4],
] as const satisfies readonly (readonly [StakeholderType, number])[];

const surnames = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'Lin',
  'He',
  'Gao',
  'Luo',
];
const givenNames = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Qiang',
  'Yan',
  'Jun',
  'Tao',
  'Ming',
  'Hui',
  'Xin',
  'Ying',
  'Hao',
  'Lan',
  'Bo',
  'Rui',
  'Yu',
  'Kai',
];
const companies = [
  'Huaxin',
  'Bluepeak',
  'Jinlong',
  'Northwind',
  'Tianyuan',
  'Redwood',
  'Kunlun',
  'Silverline',
  'Dongfang',
  'Brightway',
  'Yangtze',
  'Summit',
];
const suffixes = ['Trading', 'Media', 'Capital', 'Logistics', 'Tech', 'Foods', 'Press', 'Group', 'Bureau', 'Partners'];

/** The org's directory: `stakeholderCount` stakeholders of every type and `userCount` users (the first a manager). */
export function makeDirectory(seed: number, stakeholderCount: number, userCount: number): BenchDirectory {
  const r = new Random(seed ^ 0x5eed);
  const stakeholders: BenchStakeholder[] = [];
  for (let i = 0; i < stakeholderCount; i++) {
    const type = r.weighted(stakeholderTypeWeights);
    const person = `${r.pick(surnames)} ${r.pick(givenNames)}`;
    const company = `${r.pick(companies)} ${r.pick(suffixes)}`;
    const domain = `${company.toLowerCase().replace(/\s+/g, '-')}-${i}.example.com`;
    const tier = type === 'partner' && r.chance(0.3) ? 'core' : type === 'media' && r.chance(0.4) ? 'key' : 'standard';
    stakeholders.push({
      name: `${person} (${company})`,
      type,
      tier,
      organization: company,
      email: `${person.toLowerCase().replace(/\s+/g, '.')}@${domain}`,
      weiboUid: r.digits(10),
      jiraAccount: `5f${r.hex(22)}`,
      phone: `+86 138 ${r.digits(4)} ${r.digits(4)}`,
    });
  }
  const users: BenchUser[] = [];
  for (let i = 0; i < userCount; i++) {
    const person = `${r.pick(givenNames)} ${r.pick(surnames)}`;
    users.push({
      name: person,
      email: `${person.toLowerCase().replace(/\s+/g, '.')}.${i}@our-team.example.com`,
      role: i === 0 ? 'manager' : 'staff',
    });
  }
  return { stakeholders, users };
}

const subjects: Record<StakeholderType, string[]> = {
  customer: [
    'Order {n} delivery date',
    'Invoice {n} question',
    'Cannot log in to the portal',
    'Refund request for order {n}',
    'Product question: model {n}',
    'Service outage at our site',
  ],
  partner: [
    'Q{q} joint campaign plan',
    'Contract renewal {n}',
    'Co-marketing assets',
    'Integration API keys',
    'Quarterly business review',
  ],
  media: [
    'Interview request: {n}',
    'Comment on the product launch',
    'Press kit for the annual report',
    'Fact check before publication',
  ],
  investor: ['Board pack {n}', 'Quarterly numbers follow-up'],
  government: ['Licence renewal {n}', 'Compliance filing reminder'],
  supplier: ['Shipment {n} delay', 'Price update for {n}', 'Quality report batch {n}'],
  other: ['Event invitation', 'Sponsorship request {n}'],
};

type ThreadKind = 'gmail' | 'outlook' | 'weibo' | 'jira' | 'trello' | 'phone';
const threadKindWeights = [
  ['gmail', 36],
  ['outlook', 16],
  ['weibo', 18],
  ['jira', 11],
  ['trello', 7],
  ['phone', 12],
] as const satisfies readonly (readonly [ThreadKind, number])[];

const channelOf: Record<ThreadKind, Channel> = {
  gmail: 'email',
  outlook: 'email',
  weibo: 'social',
  jira: 'project',
  trello: 'project',
  phone: 'phone',
};
const messageCountWeights = [
  [1, 25],
  [2, 30],
  [3, 18],
  [4, 12],
  [5, 8],
  [6, 7],
] as const satisfies readonly (readonly [number, number])[];

export interface GenerateOptions {
  seed: number;
  /** How many interactions in all. */
  count: number;
  /** Threads start between these instants (epoch ms); no message lands at or after `endMs`. */
  startMs: number;
  endMs: number;
  directory: BenchDirectory;
  /** Users who log and answer (indexes into directory.users); default all. */
  activeUsers?: number[];
}

/** A start instant near `ms`, moved into working hours 85% of the time (so working-time figures are real). */
function placeInDay(ms: number, r: Random): number {
  const localDay = Math.floor((ms + ORG_OFFSET_MS) / DAY);
  const weekday = (localDay + 3) % 7; // 1970-01-01 was a Thursday: 0 = Monday
  const inHours = r.chance(0.85);
  let day = localDay;
  if (inHours && weekday >= 5) day += 7 - weekday; // a weekend start moves to Monday
  const minute = inHours ? r.int(9 * 60, 18 * 60 - 1) : r.pick([r.int(0, 9 * 60 - 1), r.int(18 * 60, 24 * 60 - 1)]);
  return day * DAY - ORG_OFFSET_MS + minute * 60_000 + r.int(0, 59) * 1000;
}

/** Cumulative weights for a Zipf-like pick: a few stakeholders are far more active than the rest. */
function activityTable(n: number): Float64Array {
  const cum = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1) ** 0.8;
    cum[i] = sum;
  }
  return cum;
}

function pickCumulative(cum: Float64Array, r: Random): number {
  const x = r.next() * cum[cum.length - 1]!;
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A thread's subject: a call's is who it was with, the others a subject line of the stakeholder's type. */
function threadTitle(kind: ThreadKind, s: BenchStakeholder, r: Random): string {
  return kind === 'phone'
    ? `Call with ${s.name}`
    : r
        .pick(subjects[s.type])
        .replace('{n}', String(r.int(1000, 99999)))
        .replace('{q}', String(r.int(1, 4)));
}

/** Where the thread lives on its site (a call logged by hand has no page). */
function threadUrl(kind: ThreadKind, tid: string, threadNo: number, s: BenchStakeholder): string | null {
  switch (kind) {
    case 'gmail':
      return `https://mail.google.com/mail/u/0/#inbox/${tid}`;
    case 'outlook':
      return `https://outlook.office.com/mail/inbox/id/AAQk${tid}`;
    case 'weibo':
      return `https://weibo.com/${s.weiboUid}/${tid}`;
    case 'jira':
      return `https://bench.atlassian.net/browse/BEN-${threadNo}`;
    case 'trello':
      return `https://trello.com/c/${tid}`;
    case 'phone':
      return null;
  }
}

/** The next message's direction (usually the other side's turn) and its delay after the previous one. */
function nextMessage(previous: Direction, r: Random): { direction: Direction; delayMs: number } {
  const direction = r.chance(0.78) ? (previous === 'inbound' ? 'outbound' : 'inbound') : previous;
  const delay =
    previous === 'inbound' && direction === 'outbound'
      ? r.logNormal(2 * HOUR, 1.4)
      : previous === 'outbound' && direction === 'inbound'
        ? r.logNormal(20 * HOUR, 1.1)
        : r.logNormal(3 * HOUR, 1.2);
  return { direction, delayMs: Math.round(Math.min(Math.max(delay, 2 * 60_000), 8 * DAY)) };
}

/** The author's handle on the thread's site: theirs when inbound, ours when outbound (none for our calls or Jira). */
function authorHandle(kind: ThreadKind, inbound: boolean, s: BenchStakeholder, u: BenchUser): string | null {
  if (kind === 'phone') return inbound ? s.phone : null;
  if (channelOf[kind] === 'email') return inbound ? s.email : u.email;
  if (kind === 'weibo') return inbound ? s.weiboUid : '7000000001';
  return inbound ? s.jiraAccount : null;
}

/** Every interaction of `options`, thread by thread, in the order threads start. */
export function* generateInteractions(options: GenerateOptions): Generator<GenInteraction> {
  const { count, startMs, endMs, directory } = options;
  const r = new Random(options.seed);
  const users = options.activeUsers ?? directory.users.map((_, i) => i);
  const activity = activityTable(directory.stakeholders.length);
  const span = endMs - startMs;
  // Site ids carry a per-stream prefix and a counter: unique within the org by construction.
  const prefix = r.hex(6);
  let threadNo = 0;
  let emitted = 0;
  let cursor = startMs;

  while (emitted < count) {
    threadNo++;
    const kind = r.weighted(threadKindWeights);
    const channel = channelOf[kind];
    const si = pickCumulative(activity, r);
    const s = directory.stakeholders[si]!;
    const ui = r.pick(users);
    const u = directory.users[ui]!;
    const wanted = Math.min(kind === 'phone' ? 1 : r.weighted(messageCountWeights), count - emitted);
    // Advance the clock by this thread's share of the span, so the stream covers [startMs, endMs) evenly.
    cursor += (span * wanted) / count;
    let at = placeInDay(Math.min(cursor, endMs - HOUR), r);
    if (at >= endMs) at = endMs - r.int(1, 3600) * 1000;

    const title = threadTitle(kind, s, r);
    const internal = channel === 'email' && r.chance(0.01);
    let direction: Direction =
      kind === 'phone' ? (r.chance(0.5) ? 'inbound' : 'outbound') : r.chance(0.72) ? 'inbound' : 'outbound';
    const tid = `${prefix}${threadNo.toString(16).padStart(8, '0')}`;
    const threadKey =
      kind === 'phone' ? `manual:${ulidAt(at, r)}` : kind === 'jira' ? `jira:BEN-${threadNo}` : `${kind}:${tid}`;
    const url = threadUrl(kind, tid, threadNo, s);

    for (let m = 0; m < wanted; m++) {
      if (m > 0) {
        const next = nextMessage(direction, r);
        direction = next.direction;
        at += next.delayMs;
        if (at >= endMs) break;
      }
      const inbound = direction === 'inbound';
      const id = ulidAt(at, r);
      emitted++;
      yield {
        id,
        source: kind === 'phone' ? 'manual' : kind,
        externalId: kind === 'phone' ? null : kind === 'jira' ? `BEN-${threadNo}#${m + 1}` : `${tid}-${m + 1}`,
        threadKey,
        channel,
        direction,
        occurredAt: at,
        stakeholder: si,
        stakeholderType: s.type,
        user: ui,
        authorName: inbound ? s.name : u.name,
        authorHandle: authorHandle(kind, inbound, s, u),
        title: m === 0 || kind === 'phone' ? title : channel === 'email' ? `Re: ${title}` : title,
        url,
        durationMin: kind === 'phone' ? r.int(3, 45) : null,
        // Notifications and auto-replies: not reply-eligible (they neither start nor answer a wait).
        automated: inbound && channel === 'email' && r.chance(0.02),
        internal,
      };
    }
  }
}

/** Group a stream into arrays of `size` (the last may be shorter). */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
