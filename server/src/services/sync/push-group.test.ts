import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushInput } from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../../testing/test-org';
import { recomputeOrg } from '../derive/recompute';
import { currentPlan } from '../plans';
import { ITEM_NOT_STORED } from './item-by-item';
import { pushTogether } from './push-group';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => logged.mockRestore());

/** A push of one thread's exchange: an inbound message at 10:00 and the reply `minutes` later. */
const exchange = (threadKey: string, minutes: number): PushInput => ({
  items: [
    upsert(interactionData({ threadKey, occurredAt: '2026-03-09T10:00:00+08:00' })),
    upsert(interactionData({ threadKey, direction: 'outbound', occurredAt: `2026-03-09T10:${minutes}:00+08:00` })),
  ],
});

async function storedCount(): Promise<number> {
  const rs = await handle.client.execute({
    sql: 'SELECT count(*) FROM interactions WHERE org_id = ?',
    args: [t.org.id],
  });
  return Number(rs.rows[0]![0]);
}

async function recomputeChanges(): Promise<number> {
  const { plan } = await currentPlan(handle.db, t.org.id);
  return (await recomputeOrg(handle.db, t.org.id, plan, { dryRun: true })).changed;
}

describe('pushTogether: pushes applied in one group', () => {
  it('answers each push with its own items, stores every row once, derived fields as a recompute gives', async () => {
    // Two pushes about the same thread and one about another: the later ones see the earlier ones' rows.
    const inputs = [exchange('gmail:a', 15), exchange('gmail:a', 30), exchange('gmail:b', 45)];
    const users = [t.staff.user, t.staff2.user, t.staff.user];
    const outcomes = await pushTogether(
      handle.db,
      inputs.map((input, i) => ({ user: users[i]!, input })),
    );
    const results = outcomes.map((o) => (o.ok ? o.result : null));
    results.forEach((r, i) => {
      expect(r?.rejected).toEqual([]);
      expect(r?.applied.map((a) => a.id)).toEqual(inputs[i]!.items.map((item) => item.id));
    });
    const cursors = results.map((r) => r!.cursor);
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(await storedCount()).toBe(6);
    expect(await recomputeChanges()).toBe(0);
  });

  it('applies a push that fails unexpectedly alone, so the others of its group are stored whole', async () => {
    await handle.client.execute(
      "CREATE TRIGGER fail_boom BEFORE INSERT ON interactions WHEN NEW.thread_key = 'gmail:boom' " +
        "BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END",
    );
    const good = exchange('gmail:a', 15);
    const bad = exchange('gmail:boom', 20);
    bad.items.push(upsert(interactionData({ threadKey: 'gmail:c' })));
    const later = exchange('gmail:b', 45);
    const outcomes = await pushTogether(handle.db, [
      { user: t.staff.user, input: good },
      { user: t.staff2.user, input: bad },
      { user: t.staff.user, input: later },
    ]);
    const [first, second, third] = outcomes.map((o) => (o.ok ? o.result : null));
    expect(first?.applied).toHaveLength(2);
    expect(third?.applied).toHaveLength(2);
    // Retried item by item: only the two rows of the failing thread are refused.
    expect(second?.rejected.map((r) => r.reason)).toEqual([ITEM_NOT_STORED, ITEM_NOT_STORED]);
    expect(second?.applied.map((a) => a.id)).toEqual([bad.items[2]!.id]);
    expect(await storedCount()).toBe(5);
    expect(await recomputeChanges()).toBe(0);
  });
});
