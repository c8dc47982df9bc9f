import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, testStakeholder, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const T0 = Date.parse('2026-03-01T00:00:00Z');

/** Rows anywhere that still carry `text`. */
async function rowsMentioning(text: string): Promise<string[]> {
  const tables = await handle.client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const rs = await handle.client.execute(`SELECT * FROM "${String(name)}"`);
    for (const row of rs.rows)
      if (JSON.stringify(rs.columns.map((_, i) => row[i])).includes(text)) found.push(String(name));
  }
  return found;
}

async function seed() {
  const erased = await testStakeholder(handle, t, T0, 'Wang Fang');
  const kept = await testStakeholder(handle, t, T0, 'Kept Co');
  const author = { name: 'Wang Fang', handle: 'wang.fang@acme.cn' };
  const linked = [
    interactionData({ threadKey: 'gmail:wf1', stakeholderId: erased.id, author, snippet: 'wang private words' }),
    interactionData({
      threadKey: 'gmail:wf1',
      stakeholderId: erased.id,
      direction: 'outbound',
      author: { name: 'Sam', handle: null },
    }),
  ];
  const unlinked = interactionData({ threadKey: 'gmail:wf2', author });
  const other = interactionData({
    threadKey: 'gmail:k1',
    stakeholderId: kept.id,
    author: { name: 'Kept', handle: 'k@kept.cn' },
  });
  await pushAccepted(t.staff, [...linked, unlinked, other]);
  await t.manager.caller.directory.addIdentity({
    stakeholderId: erased.id,
    identity: { kind: 'email', value: 'wang.fang@acme.cn' },
  });
  const followupId = ulid();
  await t.staff.caller.sync.push({
    items: [
      {
        op: 'upsert',
        entity: 'followup',
        id: followupId,
        data: { id: followupId, dueAt: '2026-03-12T10:00:00+08:00', stakeholderId: erased.id, note: 'call Wang' },
      },
    ],
  });
  return { erased, kept, interactionIds: [...linked.map((i) => i.id), unlinked.id], otherId: other.id, followupId };
}

describe('erasure on request', () => {
  it('exports everything about a stakeholder, then erases it all and tells every device', async () => {
    const s = await seed();
    const before = await t.staff.caller.sync.pull({ cursor: 0 });
    expect(before.interactions.map((i) => i.id)).toEqual(expect.arrayContaining(s.interactionIds));

    const exported = await t.admin.caller.privacy.export({ stakeholderId: s.erased.id });
    expect(exported.stakeholder.name).toBe('Wang Fang');
    expect(exported.interactions.map((i) => i.id).sort()).toEqual([...s.interactionIds].sort());
    expect(exported.followups.map((f) => f.id)).toEqual([s.followupId]);

    const result = await t.admin.caller.privacy.erase({ stakeholderId: s.erased.id });
    expect(result.removed).toMatchObject({ interactions: 3, followups: 1, identities: 1, stakeholders: 1 });
    expect(await rowsMentioning('Wang')).toEqual([]);
    expect(await rowsMentioning('wang.fang@acme.cn')).toEqual([]);

    // A device that had them learns of the erasure; one starting afresh never sees them.
    const after = await t.staff.caller.sync.pull({ cursor: before.cursor });
    expect(after.erasures).toEqual([
      {
        stakeholderId: s.erased.id,
        interactionIds: expect.arrayContaining(s.interactionIds),
        followupIds: [s.followupId],
      },
    ]);
    const fresh = await t.staff2.caller.sync.pull({ cursor: 0 });
    expect(fresh.stakeholders.map((x) => x.id)).not.toContain(s.erased.id);
    expect(fresh.erasures?.map((e) => e.stakeholderId)).toEqual([s.erased.id]);
    const everyone = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(everyone.interactions.map((i) => i.id)).toEqual([s.otherId]);

    const log = (await t.admin.caller.audit.list({})).entries;
    expect(log.map((e) => e.action)).toEqual(expect.arrayContaining(['stakeholder.export', 'stakeholder.erase']));
    expect(JSON.stringify(log)).not.toMatch(/Wang/);
  });

  it('refuses another org’s or an unknown stakeholder and changes nothing', async () => {
    await expect(t.admin.caller.privacy.erase({ stakeholderId: 'nope' })).rejects.toThrow(/No stakeholder/);
    await expect(t.manager.caller.privacy.export({ stakeholderId: 'nope' })).rejects.toThrow(/admin/);
  });
});
