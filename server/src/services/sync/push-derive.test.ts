import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Channel, InteractionInput, PushItem, Source } from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import { interactions, waitClosures } from '../../db/schema';
import { createTestDb, createTestOrg, type TestMember, type TestOrg } from '../../testing/test-org';
import { deriveFields, derivedColumns, recomputeOrg, type DeriveRow } from '../derive';
import { closeWait } from '../followups/close-wait';
import { currentPlan, savePlan } from '../plans';
import { push } from './push';
import { createRng, seededUlid } from '../../demo/seeded-random';

/*
 * The derived response fields written by `sync.push` (which recomputes only what a batch can affect) must be
 * exactly what pairing the whole org from scratch gives, whatever order the data arrives in. A seeded mix of
 * threads on every channel, calls and meetings that answer waits in other threads, duplicates logged by two
 * people, messages that arrive long after newer ones, replays, edits, deletions, revivals and "no reply needed"
 * closures is pushed in many small batches; after every step each stored derived field is compared with a
 * from-scratch pairing of all rows, and `recomputeOrg` must find nothing to change. Then a changed plan is
 * recomputed in small chunks of threads and must equal pairing the whole org under it.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-03-02T00:00:00+08:00');

/** The seeded generator of the demo data, plus ids at a given time from the same stream. */
function prng(seed: number) {
  const rng = createRng(seed);
  return { ...rng, ulidAt: (ms: number) => seededUlid(ms, rng) };
}

type By = 'staff' | 'staff2' | 'manager';
interface Item {
  data: InteractionInput & { id: string; occurredAt: string };
  by: By;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The org's interactions and closures as pairing sees them, straight from the tables. */
async function storedRows(handle: DbHandle, orgId: string): Promise<DeriveRow[]> {
  const rows = await handle.db.select().from(interactions).where(eq(interactions.orgId, orgId));
  const closures = new Map(
    (await handle.db.select().from(waitClosures).where(eq(waitClosures.orgId, orgId))).map((c) => [c.interactionId, c]),
  );
  return rows.map((r) => {
    const c = closures.get(r.id);
    return { ...r, closure: c ? { atMs: c.closedAt, reason: c.reason, byUserId: c.closedBy } : null };
  });
}

/** Every stored derived field that differs from pairing the whole org from scratch (empty when consistent). */
async function mismatches(handle: DbHandle, orgId: string): Promise<string[]> {
  const { plan } = await currentPlan(handle.db, orgId);
  const rows = await storedRows(handle, orgId);
  const fresh = deriveFields(rows, new Set(rows.map((r) => r.threadKey)), plan);
  const out: string[] = [];
  for (const row of rows) {
    const want = fresh.get(row.id)!;
    for (const c of derivedColumns)
      if (row[c] !== want[c])
        out.push(`${row.id} ${row.threadKey} ${c}: stored ${String(row[c])}, from scratch ${String(want[c])}`);
  }
  return out;
}

let handle: DbHandle | undefined;
afterEach(() => handle?.close());

async function scenario(seed: number) {
  handle = await createTestDb();
  const t: TestOrg = await createTestOrg(handle);
  const orgId = t.org.id;
  const r = prng(seed);
  const members: Record<By, TestMember> = { staff: t.staff, staff2: t.staff2, manager: t.manager };
  const stakeholders: { id: string; type: 'customer' | 'partner' | 'media' }[] = [];
  for (const [i, type] of (['customer', 'customer', 'partner', 'media', 'customer', 'partner'] as const).entries()) {
    stakeholders.push({ id: (await t.manager.caller.directory.create({ name: `Stakeholder ${i}`, type })).id, type });
  }
  const someStakeholder = () => (r.chance(0.1) ? null : r.pick(stakeholders));

  // Threads on site channels: inbound and outbound with delays from minutes to past the segment gap.
  const items: Item[] = [];
  const threadKeys: string[] = [];
  const kinds: { source: Source; channel: Channel; prefix: string }[] = [
    { source: 'gmail', channel: 'email', prefix: 'gmail' },
    { source: 'weibo', channel: 'social', prefix: 'weibo' },
    { source: 'jira', channel: 'project', prefix: 'jira' },
  ];
  for (let n = 0; n < 70; n++) {
    const kind = r.pick(kinds);
    const threadKey = `${kind.prefix}:t${seed}-${n}`;
    threadKeys.push(threadKey);
    const s = someStakeholder();
    let at = T0 + r.int(0, 40 * DAY);
    let direction: 'inbound' | 'outbound' = r.chance(0.75) ? 'inbound' : 'outbound';
    const count = r.int(1, 5);
    for (let m = 0; m < count; m++) {
      if (m > 0) {
        at += r.pick([5 * 60_000, 40 * 60_000, 3 * HOUR, DAY, 3 * DAY, 7 * DAY]) + r.int(0, 59) * 60_000;
        direction = r.chance(0.7) ? (direction === 'inbound' ? 'outbound' : 'inbound') : direction;
      }
      // Now and then someone else from the same conversation writes in.
      const who = r.chance(0.05) ? someStakeholder() : s;
      const data = {
        id: r.ulidAt(at),
        source: kind.source,
        externalId: `${threadKey}#${m}`,
        threadKey,
        channel: kind.channel,
        direction,
        occurredAt: iso(at),
        stakeholderId: who?.id ?? null,
        stakeholderType: who?.type ?? 'other',
        author: { name: direction === 'inbound' ? 'Them' : 'Us', handle: null },
        automated: direction === 'inbound' && r.chance(0.05),
        internal: r.chance(0.03),
      } satisfies InteractionInput;
      items.push({ data, by: 'staff' });
      // The same site message logged by a second person under another id: merged by (source, externalId).
      if (r.chance(0.12))
        items.push({
          data: { ...data, id: r.ulidAt(at + 1000), stakeholderId: r.chance(0.5) ? null : data.stakeholderId },
          by: 'staff2',
        });
    }
  }
  // Calls, video and meetings: mostly logged on their own, some inside a site thread; either direction.
  const liveChannels = ['phone', 'video', 'in_person'] as const;
  for (let n = 0; n < 45; n++) {
    const at = T0 + r.int(0, 45 * DAY);
    const id = r.ulidAt(at);
    const s = someStakeholder();
    items.push({
      data: {
        id,
        source: 'manual',
        externalId: null,
        threadKey: r.chance(0.2) ? r.pick(threadKeys) : `manual:${id}`,
        channel: r.pick(liveChannels),
        direction: r.chance(0.5) ? 'inbound' : 'outbound',
        occurredAt: iso(at),
        stakeholderId: s?.id ?? null,
        stakeholderType: s?.type ?? 'other',
        author: { name: 'Call', handle: null },
        durationMin: r.int(1, 40),
        internal: r.chance(0.04),
      },
      by: r.chance(0.7) ? 'staff' : 'staff2',
    });
  }

  // Arrival order: mostly by time, but a fifth arrive much later than newer messages.
  const arrival = items
    .map((item, i) => ({ item, key: Date.parse(item.data.occurredAt) + (r.chance(0.2) ? r.int(1, 20) * DAY : 0) + i }))
    .sort((a, b) => a.key - b.key)
    .map((a) => a.item);

  const upsertItem = (data: Item['data']): PushItem => ({ op: 'upsert', entity: 'interaction', id: data.id, data });
  const sent: { by: By; items: PushItem[] }[] = [];
  let pushes = 0;
  const send = async (by: By, list: PushItem[]) => {
    const res = await push({ db: handle!.db, user: members[by].user }, { items: list });
    expect(res.rejected).toEqual([]);
    sent.push({ by, items: list });
    pushes++;
    expect(await mismatches(handle!, orgId), `after push ${pushes}`).toEqual([]);
  };

  for (let i = 0; i < arrival.length; ) {
    const size = r.int(1, 35);
    const chunk = arrival.slice(i, i + size);
    i += size;
    for (const by of ['staff', 'staff2'] as const) {
      const mine = chunk.filter((c) => c.by === by);
      if (mine.length)
        await send(
          by,
          mine.map((c) => upsertItem(c.data)),
        );
    }
  }

  // Replays change nothing.
  for (let k = 0; k < 3; k++) {
    const batch = r.pick(sent);
    await send(batch.by, batch.items);
  }

  // Edits by a manager (who may change anyone's): moved in time, to another stakeholder, turned around, marked automated.
  // (A second logger's copy of a site message has no row of its own: an edit under its id only fills in gaps.)
  const editable = items.filter((i) => i.by !== 'staff2' || i.data.externalId === null);
  for (let round = 0; round < 4; round++) {
    const edits: PushItem[] = [];
    const ids = new Set<string>();
    for (let k = 0; k < 6; k++) {
      const item = r.pick(editable);
      if (ids.has(item.data.id)) continue;
      ids.add(item.data.id);
      const change = r.int(0, 3);
      const s = someStakeholder();
      const data =
        change === 0
          ? { ...item.data, occurredAt: iso(Date.parse(item.data.occurredAt) + r.int(-72, 72) * HOUR) }
          : change === 1
            ? { ...item.data, stakeholderId: s?.id ?? null, stakeholderType: s?.type ?? ('other' as const) }
            : change === 2
              ? {
                  ...item.data,
                  direction: item.data.direction === 'inbound' ? ('outbound' as const) : ('inbound' as const),
                }
              : { ...item.data, automated: !item.data.automated };
      item.data = data;
      edits.push(upsertItem(data));
    }
    await send('manager', edits);
  }

  // Deletions (calls among them), then some come back.
  const deleted = new Set<Item>();
  const deletable = editable.filter((i) => i.data.channel !== 'email' || r.chance(0.5));
  for (let k = 0; k < 12; k++) deleted.add(r.pick(deletable));
  await send(
    'manager',
    [...deleted].map((i) => ({ op: 'delete', entity: 'interaction', id: i.data.id })),
  );
  await send(
    'manager',
    [...deleted].slice(0, 4).map((i) => upsertItem(i.data)),
  );

  // "No reply needed" on some open waits, then calls and messages after the closure.
  const open = (await storedRows(handle, orgId)).filter(
    (row) => row.waitStart && row.repliedAt === null && row.onTime === 'pending' && !row.deleted,
  );
  const closedAt = T0 + 30 * DAY;
  for (const row of open.slice(0, 3)) {
    await closeWait(
      { db: handle.db, user: t.manager.user, now: Math.max(closedAt, row.occurredAt + HOUR) },
      { interactionId: row.id, reason: 'handled in person' },
    );
    expect(await mismatches(handle, orgId), `after closing ${row.id}`).toEqual([]);
  }
  const after: PushItem[] = [];
  for (const row of open.slice(0, 6)) {
    const at = row.occurredAt + r.pick([30 * 60_000, 2 * DAY, 40 * DAY]);
    const id = r.ulidAt(at);
    const live = r.chance(0.5);
    after.push(
      upsertItem({
        id,
        source: live ? 'manual' : 'gmail',
        externalId: live ? null : `late-${id}`,
        threadKey: live ? `manual:${id}` : row.threadKey,
        channel: live ? 'phone' : 'email',
        direction: live ? 'outbound' : r.pick(['inbound', 'outbound'] as const),
        occurredAt: iso(at),
        stakeholderId: row.stakeholderId,
        stakeholderType: row.stakeholderType,
        author: { name: 'Later', handle: null },
      }),
    );
  }
  if (after.length) await send('manager', after);

  // The scenario must exercise what it claims to: merges, cross-channel answers, closures, several waits per thread.
  const rows = await storedRows(handle, orgId);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const crossThread = rows.filter((row) => row.replyId !== null && byId.get(row.replyId)!.threadKey !== row.threadKey);
  expect(crossThread.length).toBeGreaterThan(3);
  expect(rows.filter((row) => row.onTime === 'closed').length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThan(items.length + after.length);
  const waitsPerThread = new Map<string, number>();
  for (const row of rows)
    if (row.waitStart) waitsPerThread.set(row.threadKey, (waitsPerThread.get(row.threadKey) ?? 0) + 1);
  expect([...waitsPerThread.values()].some((n) => n > 1)).toBe(true);

  const { plan } = await currentPlan(handle.db, orgId);
  expect(await recomputeOrg(handle.db, orgId, plan, { dryRun: true })).toEqual({ changed: 0, total: rows.length });

  // A new plan (shorter conversation gap, other deadlines), recomputed a few threads at a time: the same
  // fields as pairing the whole org at once under it.
  const next = {
    ...plan,
    segmentGapDays: { email: 2, social: 1, project: 3 },
    sla: plan.sla.map((rule) => ({ ...rule, limit: { ...rule.limit, value: rule.limit.value + 1 } })),
  };
  await savePlan(handle.db, orgId, next, null);
  const preview = await recomputeOrg(handle.db, orgId, next, { dryRun: true, chunkRows: 9 });
  expect(preview.changed).toBeGreaterThan(10);
  expect((await mismatches(handle, orgId)).length).toBeGreaterThan(0);
  await handle.db.transaction((tx) => recomputeOrg(tx, orgId, next, { dryRun: false, chunkRows: 9 }));
  expect(await mismatches(handle, orgId)).toEqual([]);
  expect(await recomputeOrg(handle.db, orgId, next, { dryRun: true })).toEqual({ changed: 0, total: rows.length });
}

describe('derived fields written by sync.push, batch by batch, equal a from-scratch pairing of the org', () => {
  for (const seed of [1, 2, 3]) {
    it(
      `seed ${seed}: late arrivals, cross-channel calls, merges, replays, edits, deletions and closures`,
      () => scenario(seed),
      60_000,
    );
  }
});

describe('a call that answered a wait in another thread changes', () => {
  it('hands the wait to the stakeholder’s next call when it is deleted, moved past it or made internal, and back when restored', async () => {
    handle = await createTestDb();
    const t = await createTestOrg(handle);
    const s = await t.manager.caller.directory.create({ name: 'Acme', type: 'customer' });
    const r = prng(7);
    const at = (hhmm: string) => `2026-03-09T${hhmm}:00+08:00`;
    const email = {
      id: r.ulidAt(Date.parse(at('10:00'))),
      source: 'gmail' as const,
      externalId: 'm-1',
      threadKey: 'gmail:question',
      channel: 'email' as const,
      direction: 'inbound' as const,
      occurredAt: at('10:00'),
      stakeholderId: s.id,
      stakeholderType: 'customer' as const,
      author: { name: 'Acme', handle: null },
    };
    const call = (id: string, time: string, over: Record<string, unknown> = {}) => ({
      id,
      source: 'manual' as const,
      externalId: null,
      threadKey: `manual:${id}`,
      channel: 'phone' as const,
      direction: 'outbound' as const,
      occurredAt: at(time),
      stakeholderId: s.id,
      stakeholderType: 'customer' as const,
      author: { name: 'Us', handle: null },
      ...over,
    });
    const x = r.ulidAt(Date.parse(at('12:00')));
    const y = r.ulidAt(Date.parse(at('15:00')));
    const up = (data: { id: string }) => ({ op: 'upsert' as const, entity: 'interaction' as const, id: data.id, data });
    const reply = async () => {
      expect(await mismatches(handle!, t.org.id)).toEqual([]);
      const [row] = await handle!.db.select().from(interactions).where(eq(interactions.id, email.id));
      return { replyId: row!.replyId, responseMs: row!.responseMs };
    };

    await push(
      { db: handle.db, user: t.staff.user },
      { items: [up(email), up(call(x, '12:00')), up(call(y, '15:00'))] },
    );
    expect(await reply()).toEqual({ replyId: x, responseMs: 2 * HOUR });
    await push({ db: handle.db, user: t.staff.user }, { items: [{ op: 'delete', entity: 'interaction', id: x }] });
    expect(await reply()).toEqual({ replyId: y, responseMs: 5 * HOUR });
    await push({ db: handle.db, user: t.staff.user }, { items: [up(call(x, '16:00'))] });
    expect(await reply()).toEqual({ replyId: y, responseMs: 5 * HOUR });
    await push({ db: handle.db, user: t.staff.user }, { items: [up(call(x, '11:00', { internal: true }))] });
    expect(await reply()).toEqual({ replyId: y, responseMs: 5 * HOUR });
    await push({ db: handle.db, user: t.staff.user }, { items: [up(call(x, '11:00'))] });
    expect(await reply()).toEqual({ replyId: x, responseMs: 1 * HOUR });
    await push(
      { db: handle.db, user: t.staff.user },
      { items: [up(call(x, '17:00')), up(call(y, '18:00', { channel: 'video' }))] },
    );
    expect(await reply()).toEqual({ replyId: x, responseMs: 7 * HOUR });
  });
});
