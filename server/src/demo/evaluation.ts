import {
  mediaCoverageInputSchema,
  surveyResponseInputSchema,
  type CoverageTone,
  type PushItem,
  type SurveyInstrument,
} from '@comms-log/shared';
import type { Db } from '../db/client';
import { saveCoverage } from '../services/evaluations/coverage';
import { storeSurvey, surveyEnv } from '../services/evaluations/surveys';
import type { ServiceUser } from '../services/service-ctx';
import { push } from '../services/sync';
import { DAY, H } from './clock';
import type { Rng } from './seeded-random';
import type { SeedStakeholder } from './stakeholders';
import type { SeedItem } from './threads';

/*
 * The demo org's evaluation records: complaint threads resolved (some reopened and resolved again, a few left
 * open), ~120 survey responses and ~40 media reports. Drawn from the seed's PRNG after the interactions, and stored
 * through the same services as the procedures, so every record is one the API would accept.
 */

/** What the generators draw from: the PRNG, seeded ids, the users (by index), the clock. */
export interface EvaluationGen {
  rng: Rng;
  ulid: (at: number) => string;
  users: { user: ServiceUser }[];
  managerIdx: number;
  now: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The complaint conversations among the pushed items: who logged them, and their first and last message. */
function complaintThreads(items: SeedItem[]) {
  const threads = new Map<string, { threadKey: string; userIndex: number; lastAt: number }>();
  for (const { userIndex, data } of items) {
    if (data.purpose !== 'complaint') continue;
    const threadKey = data.threadKey as string;
    const at = Date.parse(data.occurredAt as string);
    const known = threads.get(threadKey);
    if (!known) threads.set(threadKey, { threadKey, userIndex, lastAt: at });
    else known.lastAt = Math.max(known.lastAt, at);
  }
  return [...threads.values()];
}

/** A thread's outcomes: resolved after its last message; a quarter reopened, most of those resolved again. */
function outcomesOf(g: EvaluationGen, t: { threadKey: string; lastAt: number }) {
  const { rng, now } = g;
  const events: { event: 'resolved' | 'reopened'; at: number; note?: string }[] = [];
  const resolvedAt = Math.min(now, t.lastAt + rng.int(1, 48) * H);
  events.push({
    event: 'resolved',
    at: resolvedAt,
    note: rng.pick(['Refund issued', 'Replacement sent', 'Explained']),
  });
  if (rng.chance(0.25) && resolvedAt + DAY < now) {
    const reopenedAt = Math.min(now, resolvedAt + rng.int(24, 120) * H);
    events.push({ event: 'reopened', at: reopenedAt });
    if (rng.chance(0.7)) events.push({ event: 'resolved', at: Math.min(now, reopenedAt + rng.int(2, 72) * H) });
  }
  return events;
}

/** Resolve most complaint threads (a fifth stay open), pushed as their loggers' `thread_outcome` items. */
export async function seedOutcomes(db: Db, g: EvaluationGen, items: SeedItem[]): Promise<number> {
  const byUser = new Map<number, PushItem[]>();
  for (const t of complaintThreads(items)) {
    if (g.rng.chance(0.2)) continue;
    const list = byUser.get(t.userIndex) ?? [];
    for (const { event, at, note } of outcomesOf(g, t)) {
      const id = g.ulid(at);
      list.push({
        op: 'upsert',
        entity: 'thread_outcome',
        id,
        data: { threadKey: t.threadKey, event, at: iso(at), note },
      });
    }
    byUser.set(t.userIndex, list);
  }
  let stored = 0;
  for (const [userIndex, list] of byUser) {
    for (let i = 0; i < list.length; i += 500) {
      const res = await push({ db, user: g.users[userIndex]!.user, now: g.now }, { items: list.slice(i, i + 500) });
      if (res.rejected.length)
        throw new Error(`demo outcome rejected: ${res.rejected[0]!.id}: ${res.rejected[0]!.reason}`);
      stored += res.applied.length;
    }
  }
  return stored;
}

const csatDimensions = ['usability', 'service attitude', 'project delivery'] as const;

/** Mostly satisfied, a few low scores (which become follow-ups). */
const csatScores: [number, number][] = [
  [5, 42],
  [4, 36],
  [3, 12],
  [2, 6],
  [1, 4],
];
const npsScores: [number, number][] = [
  [10, 28],
  [9, 26],
  [8, 18],
  [7, 10],
  [6, 7],
  [5, 5],
  [3, 4],
  [1, 2],
];

/** The `i`-th response: every 15th a partner's 0–100 score, every 5th an NPS, the rest CSAT; a fifth anonymous. */
function drawSurvey(g: EvaluationGen, i: number, by: { customer: SeedStakeholder[]; partner: SeedStakeholder[] }) {
  const { rng, now } = g;
  const instrument: SurveyInstrument = i % 15 === 0 ? 'score100' : i % 5 === 1 ? 'nps' : 'csat';
  const dimension = instrument === 'csat' ? rng.pick(csatDimensions) : undefined;
  const type = instrument === 'score100' || dimension === 'project delivery' ? 'partner' : 'customer';
  const s = instrument !== 'score100' && rng.chance(0.2) ? null : rng.pick(by[type]);
  const score =
    instrument === 'csat' ? rng.weighted(csatScores) : instrument === 'nps' ? rng.weighted(npsScores) : rng.int(55, 95);
  const answeredAt = now - rng.int(1, 180) * DAY - rng.int(0, 10) * H;
  const data = surveyResponseInputSchema.parse({
    id: g.ulid(answeredAt),
    instrument,
    score,
    stakeholderId: s?.id,
    stakeholderType: type,
    dimension,
    answeredAt: iso(answeredAt),
    comment: score <= 2 && instrument === 'csat' ? 'Waited too long for an answer.' : undefined,
  });
  return { data, recorder: s ? s.ownerIndex : g.managerIdx };
}

/** ~`count` survey responses over the last six months, recorded by the stakeholder's owner (anonymous: the manager). */
export async function seedSurveys(db: Db, g: EvaluationGen, stakeholders: SeedStakeholder[], count = 120) {
  const by = {
    customer: stakeholders.filter((s) => s.type === 'customer'),
    partner: stakeholders.filter((s) => s.type === 'partner'),
  };
  const orgId = g.users[g.managerIdx]!.user.orgId;
  return db.transaction(async (tx) => {
    const env = await surveyEnv(tx, orgId, g.now);
    let followups = 0;
    for (let i = 0; i < count; i++) {
      const { data, recorder } = drawSurvey(g, i, by);
      if ((await storeSurvey(tx, g.users[recorder]!.user, data, env)).followupId) followups++;
    }
    return { surveys: count, followups };
  });
}

const headlines: Record<CoverageTone, string[]> = {
  positive: ['launches a well-received product line', 'named a top employer', 'posts record quarter'],
  neutral: ['announces new regional office', 'joins industry association', 'updates its pricing'],
  negative: ['customers report delivery delays', 'faces questions over a recall', 'service outage hits users'],
};
const eventTags = ['product launch', 'annual report', 'service outage', 'partnership'];

/** ~`count` media reports from the media outlets, with tones; most negative ones clarified within days. */
export async function seedCoverage(db: Db, g: EvaluationGen, stakeholders: SeedStakeholder[], count = 40) {
  const { rng, now } = g;
  const outlets = stakeholders.filter((s) => s.type === 'media');
  return db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const outlet = rng.pick(outlets);
      const tone = rng.weighted<CoverageTone | null>([
        ['positive', 50],
        ['neutral', 25],
        ['negative', 20],
        [null, 5],
      ]);
      const publishedAt = now - rng.int(1, 180) * DAY - rng.int(0, 12) * H;
      const clarified = tone === 'negative' && rng.chance(0.7);
      const data = mediaCoverageInputSchema.parse({
        id: g.ulid(publishedAt),
        outletStakeholderId: outlet.id,
        title: `Demo Co ${rng.pick(headlines[tone ?? 'neutral'])}`,
        url: `https://news.example.cn/${outlet.id.toLowerCase()}/${i + 1}`,
        publishedAt: iso(publishedAt),
        tone,
        reach: rng.chance(0.7) ? rng.int(2_000, 800_000) : undefined,
        eventTag: rng.chance(0.6) ? rng.pick(eventTags) : undefined,
        clarifiedAt: clarified ? iso(Math.min(now, publishedAt + rng.int(2, 72) * H)) : undefined,
      });
      await saveCoverage(tx, g.users[outlet.ownerIndex]!.user, data, undefined, now);
    }
    return count;
  });
}
