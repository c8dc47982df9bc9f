import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import {
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  upsert,
  type TestOrg,
} from '../../testing/test-org';
import { ERASED_RECORD, erasedStakeholder } from './push-erased';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const T0 = Date.parse('2026-03-01T00:00:00Z');
const author = { name: 'Wang Fang', handle: 'wang.fang@acme.cn' };

const followup = (over: Record<string, unknown>) => {
  const data = { id: ulid(), dueAt: '2026-03-12T10:00:00+08:00', note: 'call Wang', ...over };
  return { op: 'upsert' as const, entity: 'followup' as const, id: data.id, data };
};

async function idsIn(table: 'interactions' | 'followups'): Promise<string[]> {
  const rs = await handle.client.execute({
    sql: `SELECT id FROM ${table} WHERE org_id = ? ORDER BY id`,
    args: [t.org.id],
  });
  return rs.rows.map((r) => String(r.id));
}

/** Wang Fang with a linked message, an unlinked one by her handle and a reminder, then erased on request. */
async function erasedAfterLogging() {
  const wang = await testStakeholder(handle, t, T0, 'Wang Fang');
  const linked = interactionData({ threadKey: 'gmail:wf1', stakeholderId: wang.id, author });
  const unlinked = interactionData({ threadKey: 'gmail:wf2', author });
  await pushAccepted(t.staff, [linked, unlinked]);
  await t.manager.caller.directory.addIdentity({
    stakeholderId: wang.id,
    identity: { kind: 'email', value: author.handle },
  });
  const reminder = followup({ stakeholderId: wang.id });
  expect((await t.staff.caller.sync.push({ items: [reminder] })).rejected).toEqual([]);
  await t.admin.caller.privacy.erase({ stakeholderId: wang.id });
  return { wang, linked, unlinked, reminder };
}

describe('sync.push after an erasure on request', () => {
  it('refuses, with the reason, what an offline device still holds about the erased person, and applies the rest', async () => {
    const { wang, linked, unlinked, reminder } = await erasedAfterLogging();
    const kept = await testStakeholder(handle, t, T0, 'Kept Co');
    // Logged offline before the tombstone arrived: the erased rows again (the unlinked one would come back as an
    // orphan), a new message and a reminder naming her, beside ordinary work.
    const newAboutHer = interactionData({ threadKey: 'gmail:wf3', stakeholderId: wang.id, author });
    const newReminder = followup({ stakeholderId: wang.id });
    const ordinary = interactionData({
      threadKey: 'gmail:k1',
      stakeholderId: kept.id,
      author: { name: 'K', handle: 'k@kept.cn' },
    });
    const res = await t.staff.caller.sync.push({
      items: [
        upsert({ ...linked, title: 'edited offline' }),
        upsert({ ...unlinked, note: 'called back' }),
        upsert(newAboutHer),
        { ...reminder, data: { ...reminder.data, note: 'call Wang again' } },
        newReminder,
        upsert(ordinary),
      ],
    });
    expect(res.rejected).toEqual([
      { id: linked.id, reason: ERASED_RECORD },
      { id: unlinked.id, reason: ERASED_RECORD },
      { id: newAboutHer.id, reason: erasedStakeholder(wang.id) },
      { id: reminder.id, reason: ERASED_RECORD },
      { id: newReminder.id, reason: erasedStakeholder(wang.id) },
    ]);
    expect(res.applied).toEqual([{ id: ordinary.id, entity: 'interaction', mergedInto: null }]);
    expect(await idsIn('interactions')).toEqual([ordinary.id]);
    expect(await idsIn('followups')).toEqual([]);
  });

  it('refuses the erased rows one by one when they come alone, and still applies their deletion', async () => {
    const { unlinked, reminder } = await erasedAfterLogging();
    const again = await t.staff.caller.sync.push({ items: [upsert(unlinked)] });
    expect(again.rejected).toEqual([{ id: unlinked.id, reason: ERASED_RECORD }]);
    const gone = await t.staff.caller.sync.push({
      items: [{ op: 'delete', entity: 'followup', id: reminder.id }],
    });
    expect(gone).toMatchObject({ rejected: [], applied: [{ id: reminder.id, entity: 'followup' }] });
    expect(await idsIn('interactions')).toEqual([]);
  });
});
