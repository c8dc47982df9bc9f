import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

const filter = { from: '2026-03-16T00:00:00+08:00', to: '2026-03-17T00:00:00+08:00' };
const asOf = '2026-03-17T09:00:00+08:00';

/** One conversation: a question (answered in 1 h), a follow-up question the same day (answered in 3 h). */
async function conversation() {
  const message = (occurredAt: string, direction: 'inbound' | 'outbound') =>
    interactionData({ threadKey: 'gmail:first', occurredAt, direction });
  const opening = message('2026-03-16T10:00:00+08:00', 'inbound');
  const later = message('2026-03-16T12:00:00+08:00', 'inbound');
  await pushAccepted(t.staff, [
    opening,
    message('2026-03-16T11:00:00+08:00', 'outbound'),
    later,
    message('2026-03-16T15:00:00+08:00', 'outbound'),
  ]);
  return { opening, later };
}

describe('first responses', () => {
  it('metrics.interactions says which wait opened the conversation and lists only those when asked', async () => {
    const { opening, later } = await conversation();
    const all = await t.manager.caller.metrics.interactions({ filter, waitsOnly: true, asOf });
    const first = new Map(all.items.map((i) => [i.id, i.firstResponse]));
    expect(first).toEqual(
      new Map([
        [opening.id, true],
        [later.id, false],
      ]),
    );
    const only = await t.manager.caller.metrics.interactions({ filter, firstResponseOnly: true, asOf });
    expect(only.total).toBe(1);
    expect(only.items.map((i) => i.id)).toEqual([opening.id]);
  });

  it('metrics.responseTimes counts only first responses when asked', async () => {
    await conversation();
    const all = await t.manager.caller.metrics.responseTimes({ filter, basis: 'calendar', asOf });
    expect(all.total).toMatchObject({ waits: 2, answered: 2, meanMs: 2 * 3_600_000 });
    const first = await t.manager.caller.metrics.responseTimes({
      filter,
      basis: 'calendar',
      asOf,
      firstResponseOnly: true,
    });
    expect(first.total).toMatchObject({ waits: 1, answered: 1, meanMs: 3_600_000 });
  });
});
