import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

const asOf = '2026-03-20T00:00:00.000Z';

/** Unanswered inbound mail in threads of its own, logged by `who`: one late wait each. */
async function waitsOf(who: TestOrg['staff'], n: number): Promise<string[]> {
  const rows = Array.from({ length: n }, () => interactionData({ id: ulid(), threadKey: `gmail:${ulid()}` }));
  await pushAccepted(who, rows);
  return rows.map((r) => r.id);
}

describe('followups.team', () => {
  it("pages the team's waits as followups.overdue lists them, every page as of the first page's instant", async () => {
    const ids = [...(await waitsOf(t.staff, 3)), ...(await waitsOf(t.staff2, 2))];
    const whole = await t.manager.caller.followups.overdue({ team: true, asOf });
    const first = await t.manager.caller.followups.team({ asOf, limit: 2 });
    expect(first.asOf).toBe(asOf);
    expect(first.totals.awaiting).toBe(5);
    expect(first.counts).toEqual(whole.counts);
    const seen = first.items.filter((i) => i.kind === 'wait').map((i) => i.id);
    expect(seen).toHaveLength(2);
    let cursor = first.next.awaiting;
    while (cursor) {
      const page = await t.manager.caller.followups.team({ group: 'awaiting', cursor, limit: 2 });
      expect(page.asOf).toBe(asOf);
      expect(page.items.every((i) => i.kind === 'wait')).toBe(true);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next.awaiting;
    }
    expect(seen).toEqual(whole.items.filter((i) => i.kind === 'wait').map((i) => i.id));
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it("lists one person's follow-ups with userId", async () => {
    await waitsOf(t.staff, 2);
    const theirs = await waitsOf(t.staff2, 1);
    const one = await t.manager.caller.followups.team({ asOf, userId: t.staff2.user.id });
    expect(one.items.filter((i) => i.kind === 'wait').map((i) => i.id)).toEqual(theirs);
    expect(one.totals.awaiting).toBe(1);
  });

  it('is refused to staff, and refuses a cursor without its group or one it never gave', async () => {
    await expect(t.staff.caller.followups.team({ asOf })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await waitsOf(t.staff, 3);
    const first = await t.manager.caller.followups.team({ asOf, limit: 1 });
    const cursor = first.next.awaiting!;
    await expect(t.manager.caller.followups.team({ cursor })).rejects.toThrow(/send the group/);
    await expect(t.manager.caller.followups.team({ group: 'awaiting', cursor: '1:x' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(t.manager.caller.followups.team({ userId: ulid() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
