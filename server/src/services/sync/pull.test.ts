import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const reminder = () => ({ id: ulid(), dueAt: '2026-03-20T09:00:00+08:00', note: 'call back' });
const pushReminder = (who: TestOrg['staff'], f: ReturnType<typeof reminder>) =>
  who.caller.sync.push({ items: [{ op: 'upsert', entity: 'followup', id: f.id, data: f }] });

/** The whole pull from `cursor` as `who`, page by page. */
async function pullAll(who: TestOrg['staff'], scope: 'own' | 'org', limit = 2) {
  const seen = { interactions: [] as string[], followups: [] as string[], stakeholders: [] as string[], erasures: 0 };
  let cursor = 0;
  for (;;) {
    const page = await who.caller.sync.pull({ cursor, limit, scope });
    seen.interactions.push(...page.interactions.map((i) => i.id));
    seen.followups.push(...page.followups.map((f) => f.id));
    seen.stakeholders.push(...page.stakeholders.map((s) => s.id));
    seen.erasures += page.erasures?.length ?? 0;
    if (!page.hasMore) return seen;
    cursor = page.cursor;
  }
}

describe("sync.pull scope 'own'", () => {
  it("gives a manager their own interactions and follow-ups, the whole directory, and the org's on 'org'", async () => {
    const s = await testStakeholder(handle, t, Date.parse('2026-03-01T00:00:00Z'), 'Acme');
    const mine = interactionData({ threadKey: 'gmail:m' });
    const theirs = interactionData({ threadKey: 'gmail:s', stakeholderId: s.id });
    await pushAccepted(t.manager, [mine]);
    await pushAccepted(t.staff, [theirs]);
    const myReminder = reminder();
    const theirReminder = reminder();
    await pushReminder(t.manager, myReminder);
    await pushReminder(t.staff, theirReminder);

    const own = await pullAll(t.manager, 'own');
    expect(own.interactions).toEqual([mine.id]);
    expect(own.followups).toEqual([myReminder.id]);
    expect(own.stakeholders).toEqual([s.id]);

    const org = await pullAll(t.manager, 'org');
    expect(org.interactions.sort()).toEqual([mine.id, theirs.id].sort());
    expect(org.followups.sort()).toEqual([myReminder.id, theirReminder.id].sort());
  });

  it('gives staff their own rows whatever the scope', async () => {
    const mine = interactionData({ threadKey: 'gmail:a' });
    await pushAccepted(t.staff, [mine]);
    await pushAccepted(t.staff2, [interactionData({ threadKey: 'gmail:b' })]);
    expect((await pullAll(t.staff, 'org')).interactions).toEqual([mine.id]);
    expect((await pullAll(t.staff, 'own')).interactions).toEqual([mine.id]);
  });

  it('still sends an own-scope manager the erasure tombstones', async () => {
    const s = await testStakeholder(handle, t, Date.parse('2026-03-01T00:00:00Z'), 'Erased Person');
    await pushAccepted(t.staff, [interactionData({ stakeholderId: s.id })]);
    await t.admin.caller.privacy.erase({ stakeholderId: s.id });
    const own = await pullAll(t.manager, 'own');
    expect(own.interactions).toEqual([]);
    expect(own.erasures).toBe(1);
  });
});
