import { DEFAULT_PURPOSES, type Channel, type Source, type StakeholderType } from '@comms-log/shared';
import { DAY, H, inboundTime, nextWorking } from './clock';
import { channelWeights, inboundLines, outboundLines, subjects } from './data';
import type { Rng } from './seeded-random';
import type { SeedStakeholder } from './stakeholders';

/** An interaction to push as user `userIndex`. */
export type SeedItem = { userIndex: number; data: Record<string, unknown> };
/** A last inbound message left unanswered. */
export type OpenWait = { userIndex: number; id: string; at: number };

/** What the generator draws from and writes to. */
interface ThreadGen {
  rng: Rng;
  ulid: (at: number) => string;
  users: { name: string; email: string }[];
  staffIdx: number[];
  managerIdx: number;
  now: number;
  items: SeedItem[];
  openWaits: OpenWait[];
}

/** A thread drawn: with whom, on which channel, logged by which user, its id, the day it starts and what for. */
interface ThreadStart {
  s: SeedStakeholder;
  channel: Channel;
  userIndex: number;
  threadId: string;
  day: number;
  purpose: string | null;
}

/** Most conversations are sorted by one of the default purposes of their stakeholder's type (complaints often). */
function purposeOf(rng: Rng, type: StakeholderType): string | null {
  const offered = DEFAULT_PURPOSES.filter((p) => p.stakeholderType === type);
  if (!offered.length || rng.chance(0.15)) return null;
  return rng.weighted(offered.map((p): [string, number] => [p.id, p.id === 'complaint' ? 3 : 2]));
}

/** A call, video meeting or visit: one logged event. */
function liveEvent(g: ThreadGen, t: ThreadStart): void {
  const { rng } = g;
  const { s, channel, userIndex, threadId, day } = t;
  const at = nextWorking(inboundTime(day, rng), rng);
  if (at > g.now) return;
  const who = channel === 'in_person' && rng.chance(0.3) ? g.managerIdx : userIndex;
  g.items.push({
    userIndex: who,
    data: {
      id: g.ulid(at),
      source: 'manual' satisfies Source,
      externalId: null,
      threadKey: `manual:${threadId}`,
      channel,
      direction: channel === 'phone' && rng.chance(0.4) ? 'inbound' : 'outbound',
      occurredAt: new Date(at).toISOString(),
      stakeholderId: s.id,
      stakeholderType: s.type,
      author: { name: g.users[who]!.name, handle: null },
      title:
        channel === 'phone'
          ? `Call with ${s.name}`
          : channel === 'video'
            ? `Video meeting: ${rng.pick(subjects[s.type])}`
            : `Meeting at ${s.name}`,
      snippet: null,
      durationMin: channel === 'phone' ? rng.int(3, 40) : rng.int(30, 120),
      note: rng.chance(0.5) ? 'Discussed open points; next steps agreed.' : null,
      purpose: t.purpose,
    },
  });
}

function sourceOf(rng: Rng, channel: Channel, s: SeedStakeholder): Source {
  if (channel === 'email')
    return rng.weighted<Source>([
      ['gmail', 3],
      ['outlook', 2],
    ]);
  if (channel === 'social') return 'weibo';
  if (channel === 'project') return s.type === 'partner' ? 'trello' : 'jira';
  return 'manual';
}

/** How many messages a thread has (an automated one: one). */
function threadLength(rng: Rng, automated: boolean): number {
  if (automated) return 1;
  return rng.weighted([
    [1, 2],
    [2, 5],
    [3, 4],
    [4, 3],
    [5, 2],
    [6, 1],
    [8, 1],
  ] as [number, number][]);
}

/** How long our answer takes: usually within hours, sometimes late. */
function answerDelay(rng: Rng, at: number): number {
  const delay = rng.weighted<[number, number]>([
    [[0.1, 1], 35],
    [[1, 3], 35],
    [[3, 6], 15],
    [[6, 24], 10],
    [[24, 72], 5],
  ]);
  return nextWorking(Math.round(at + (delay[0] + rng.next() * (delay[1] - delay[0])) * H), rng);
}

/** A conversation of messages on a site (or logged by hand), theirs and ours in turn. */
function messageThread(g: ThreadGen, t: ThreadStart): void {
  const { rng } = g;
  const { s, channel, userIndex, threadId, day } = t;
  const source = sourceOf(rng, channel, s);
  const threadKey = `${source}:${threadId}`;
  const title = rng.pick(subjects[s.type]);
  const staffHandle = g.users[userIndex]!.email;
  const theirHandle = channel === 'social' ? (s.weibo ?? s.email) : s.email;
  const automated = channel === 'email' && rng.chance(0.03);
  let at = inboundTime(day, rng);
  let direction: 'inbound' | 'outbound' =
    channel === 'social' && rng.chance(0.3) ? 'outbound' : rng.chance(0.75) ? 'inbound' : 'outbound';
  let length = threadLength(rng, automated);
  for (let m = 0; m < length && at <= g.now; m++) {
    const inbound = direction === 'inbound';
    g.items.push({
      userIndex,
      data: {
        id: g.ulid(at),
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
          : { name: g.users[userIndex]!.name, handle: staffHandle },
        title: m === 0 ? title : `Re: ${title}`,
        snippet: inbound ? rng.pick(inboundLines) : rng.pick(outboundLines),
        url:
          source === 'gmail'
            ? `https://mail.google.com/mail/u/0/#inbox/${threadId}`
            : source === 'jira'
              ? `https://demo.atlassian.net/browse/CS-${rng.int(100, 999)}`
              : null,
        automated,
        purpose: t.purpose,
      },
    });
    if (automated) break;
    // Next message: our reply (usually within hours, sometimes late), or their follow-up.
    if (!inbound) {
      at = at + rng.int(2, 72) * H;
      direction = 'inbound';
      continue;
    }
    if (m === length - 1) {
      // Most conversations end with our answer; a few are left unanswered (the backlog the demo shows).
      if (rng.chance(0.1)) {
        g.openWaits.push({ userIndex, id: g.items[g.items.length - 1]!.data.id as string, at });
        break;
      }
      length++;
    }
    const answerAt = answerDelay(rng, at);
    // A second inbound before we answer (they chase us) joins the same wait.
    if (rng.chance(0.12) && m < length - 1) {
      at = at + rng.int(20, 240) * 60_000;
      direction = 'inbound';
      continue;
    }
    at = answerAt;
    direction = 'outbound';
  }
}

/**
 * Threads over the six months before `now`, with the stakeholders weighted by activity, until there are
 * `target` interactions (the last thread is trimmed; what is left of it is still a valid conversation).
 */
export function generateThreads(
  from: Omit<ThreadGen, 'items' | 'openWaits'>,
  stakeholders: SeedStakeholder[],
  target: number,
): { items: SeedItem[]; openWaits: OpenWait[] } {
  const g: ThreadGen = { ...from, items: [], openWaits: [] };
  const { rng, now } = g;
  const start = now - 182 * DAY;
  const weights: [SeedStakeholder, number][] = stakeholders.map((s) => [s, s.activity]);
  let threadNo = 0;
  while (g.items.length < target) {
    const s = rng.weighted(weights);
    const latest = now - s.quietDays * DAY - 2 * H;
    const day = start + rng.next() * (latest - start);
    if (day >= latest) continue;
    const channel = rng.weighted(channelWeights(s.type));
    const userIndex = rng.chance(0.8) ? s.ownerIndex : rng.pick(g.staffIdx);
    const threadId = `t${(threadNo++).toString(36)}${rng.int(1000, 9999)}`;
    const thread = { s, channel, userIndex, threadId, day, purpose: purposeOf(rng, s.type) };
    if (channel === 'phone' || channel === 'video' || channel === 'in_person') liveEvent(g, thread);
    else messageThread(g, thread);
  }
  g.items.length = Math.min(g.items.length, target);
  const kept = new Set(g.items.map((x) => x.data.id as string));
  return { items: g.items, openWaits: g.openWaits.filter((w) => kept.has(w.id)) };
}
