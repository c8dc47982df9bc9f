import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushInput } from '@comms-log/shared';
import { createApp } from '../../app';
import { callProcedure } from '../../testing/http';
import { recomputeOrg } from '../../services/derive/recompute';
import { currentPlan } from '../../services/plans';
import { createTestOrg, interactionData, testStakeholder, upsert, type TestOrg } from '../../testing/test-org';
import { createDb, type DbHandle, migrateDb } from '../client';
import { type PushWriter, startPushWriter } from './start';
import { WriteOrder } from './write-order';

// The real worker thread on a real database file, as `node dist/index.js` runs it (here from the TypeScript source).
let dir: string;
let handle: DbHandle;
let writer: PushWriter;
let t: TestOrg;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'push-writer-'));
  const url = `file:${join(dir, 'db.sqlite')}`;
  const order = new WriteOrder();
  handle = await createDb(url, undefined, { order });
  await migrateDb(handle.db);
  t = await createTestOrg(handle);
  writer = await startPushWriter(url, order);
}, 60_000);
afterAll(async () => {
  await writer?.close();
  handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** 40 interactions over `threads` threads, replies included, as one push. */
function batch(threads: string[], hour: number): PushInput {
  const items = Array.from({ length: 40 }, (_, i) =>
    upsert(
      interactionData({
        threadKey: threads[i % threads.length]!,
        direction: i % 3 === 0 ? 'outbound' : 'inbound',
        occurredAt: new Date(Date.UTC(2026, 2, 9, hour, i)).toISOString(),
      }),
    ),
  );
  return { items };
}

describe('the push writer', () => {
  it('stores concurrent pushes once each, while this thread writes too, derived fields as a recompute gives', async () => {
    const threads = ['gmail:x', 'gmail:y', 'wecom:z'];
    const inputs = Array.from({ length: 8 }, (_, i) => batch(threads, i));
    const pushes = inputs.map((input, i) => writer.push(i % 2 ? t.staff.user : t.staff2.user, input));
    // Writes of this thread meanwhile take their turns with the worker's (no SQLITE_BUSY, nothing lost).
    const created = await Promise.all(
      Array.from({ length: 5 }, (_, i) => testStakeholder(handle, t, Date.now(), `Beside ${i}`)),
    );
    const results = await Promise.all(pushes);
    for (const [i, r] of results.entries()) {
      expect(r.rejected).toEqual([]);
      expect(r.applied.map((a) => a.id)).toEqual(inputs[i]!.items.map((item) => item.id));
    }
    expect(created).toHaveLength(5);
    const rs = await handle.client.execute({
      sql: 'SELECT count(*), count(DISTINCT id) FROM interactions WHERE org_id = ?',
      args: [t.org.id],
    });
    expect([Number(rs.rows[0]![0]), Number(rs.rows[0]![1])]).toEqual([320, 320]);
    const { plan } = await currentPlan(handle.db, t.org.id);
    expect((await recomputeOrg(handle.db, t.org.id, plan, { dryRun: true })).changed).toBe(0);
  });

  it('answers a push it refuses item by item like the in-thread push does', async () => {
    const unknown = interactionData({ stakeholderId: 'no-such-stakeholder' });
    const r = await writer.push(t.staff.user, { items: [upsert(unknown)] });
    expect(r.applied).toEqual([]);
    expect(r.rejected.map((x) => x.id)).toEqual([unknown.id]);
  });

  it('once stopped, leaves pushes to the main thread: a push over HTTP is still stored', async () => {
    const app = createApp({ db: handle.db, pushWriter: writer, webAppDir: null });
    const before = batch(['gmail:w'], 12);
    expect((await callProcedure(app, 'sync.push', before, t.staff.token)).status).toBe(200);
    await writer.close();
    expect(writer.running).toBe(false);
    const after = batch(['gmail:w'], 13);
    const answer = await callProcedure(app, 'sync.push', after, t.staff.token);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).result.data.applied).toHaveLength(40);
    const rs = await handle.client.execute({
      sql: "SELECT count(*) FROM interactions WHERE org_id = ? AND thread_key = 'gmail:w'",
      args: [t.org.id],
    });
    expect(Number(rs.rows[0]![0])).toBe(80);
  });
});
