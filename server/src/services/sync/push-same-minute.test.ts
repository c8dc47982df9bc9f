import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

// Two chat messages by one author in one printed minute: the capture numbers the later one `#2`
// (docs/sync.md "Outbox first"), and the server must keep both, once each, whoever logs them.
const pair = () => {
  const same = {
    source: 'weibo',
    threadKey: 'weibo:6012345678',
    channel: 'social',
    occurredAt: '2026-03-09T16:05:00+08:00',
  };
  const author = { name: 'Sophie', handle: '6012345678' };
  return [
    interactionData({ ...same, author, externalId: 'h:68lbugjp2h25qku271kjl' }),
    interactionData({ ...same, author, externalId: 'h:68lbugjp2h25qku271kjl#2' }),
  ];
};

async function storedExternalIds(): Promise<string[]> {
  const rs = await handle.client.execute({
    sql: 'SELECT external_id FROM interactions WHERE org_id = ? AND deleted = 0 ORDER BY external_id',
    args: [t.org.id],
  });
  return rs.rows.map((r) => String(r.external_id));
}

describe('sync.push: two messages of one author in one minute', () => {
  it('stores both, and a colleague logging the same pair merges into them', async () => {
    const mine = pair();
    const first = await t.staff.caller.sync.push({ items: mine.map(upsert) });
    expect(first.rejected).toEqual([]);
    expect(await storedExternalIds()).toEqual(['h:68lbugjp2h25qku271kjl', 'h:68lbugjp2h25qku271kjl#2']);
    const theirs = pair().map((d) => ({ ...d, id: ulid() }));
    const again = await t.staff2.caller.sync.push({ items: theirs.map(upsert) });
    expect(again.applied.map((a) => a.mergedInto)).toEqual(mine.map((d) => d.id));
    expect(await storedExternalIds()).toHaveLength(2);
  });
});
