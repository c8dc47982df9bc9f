import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import type { StakeholderFields } from '../directory/stakeholders';
import {
  createTestOrg,
  freshOrgPerTest,
  interactionData,
  testStakeholder,
  upsert,
  type TestOrg,
} from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const asOf = '2026-03-17T09:00:00+08:00';
const created = Date.parse('2026-01-01T00:00:00+08:00');
const iso = (local: string) => new Date(`${local}+08:00`).toISOString();

async function seed() {
  const mk = (name: string, over: Partial<StakeholderFields> = {}) => testStakeholder(handle, t, created, name, over);
  const s = {
    fresh: await mk('Fresh Co'),
    cooling: await mk('Cooling Co'),
    cold: await mk('Cold Co'),
    core: await mk('Core Partner', { type: 'partner', tier: 'core', ownerUserId: t.staff2.user.id }),
    nobody: await mk('Nobody’s Co', { ownerUserId: null }),
  };
  // Without a cadence rule (standard-tier media) or inactive: never listed.
  await mk('Some Paper', { type: 'media' });
  await mk('Gone Co', { active: false });
  const out = (id: string, at: string, over: Record<string, unknown> = {}) =>
    interactionData({
      threadKey: `gmail:${id}-${at}`,
      stakeholderId: id,
      direction: 'outbound',
      occurredAt: `${at}+08:00`,
      author: { name: 'Sam', handle: 'sam@us.test' },
      ...over,
    });
  const items = [
    out(s.fresh.id, '2026-03-10T10:00:00'),
    // Unanswered, so not our contact: the last inbound, not the last contact.
    interactionData({
      threadKey: 'gmail:fresh-in',
      stakeholderId: s.fresh.id,
      occurredAt: '2026-03-12T10:00:00+08:00',
    }),
    // Automated: neither.
    interactionData({
      threadKey: 'gmail:fresh-auto',
      stakeholderId: s.fresh.id,
      occurredAt: '2026-03-13T10:00:00+08:00',
      automated: true,
    }),
    out(s.cooling.id, '2026-02-20T10:00:00'),
    out(s.cold.id, '2026-01-20T10:00:00'),
    out(s.core.id, '2026-03-10T10:00:00', { stakeholderType: 'partner' }),
    // After the instant asked: not seen.
    out(s.cold.id, '2026-03-18T10:00:00'),
  ];
  expect((await t.staff.caller.sync.push({ items: items.map(upsert) })).rejected).toEqual([]);
  return s;
}

describe('metrics.cadence', () => {
  it('lists every active stakeholder with a rule, most urgent first, with last contact, inbound, outbound and due-by', async () => {
    const s = await seed();
    const res = await t.manager.caller.metrics.cadence({ asOf });
    expect(res.total).toBe(5);
    expect(res.counts).toEqual({ ok: 1, due: 2, overdue: 2 });
    expect(res.items.map((r) => [r.name, r.state])).toEqual([
      ['Nobody’s Co', 'overdue'],
      ['Cold Co', 'overdue'],
      ['Cooling Co', 'due'],
      ['Core Partner', 'due'],
      ['Fresh Co', 'ok'],
    ]);
    const by = new Map(res.items.map((r) => [r.stakeholderId, r]));
    expect(by.get(s.fresh.id)).toEqual({
      stakeholderId: s.fresh.id,
      name: 'Fresh Co',
      type: 'customer',
      tier: 'standard',
      ownerUserId: t.staff.user.id,
      state: 'ok',
      lastContactAt: iso('2026-03-10T10:00:00'),
      lastInboundAt: iso('2026-03-12T10:00:00'),
      lastOutboundAt: iso('2026-03-10T10:00:00'),
      dueBy: iso('2026-04-09T10:00:00'),
      idealBy: iso('2026-03-31T10:00:00'),
      idealDays: 21,
      maxDays: 30,
      ruleChannels: null,
    });
    // Never contacted: due-by runs from creation.
    expect(by.get(s.nobody.id)).toMatchObject({
      lastContactAt: null,
      lastInboundAt: null,
      lastOutboundAt: null,
      dueBy: iso('2026-01-31T00:00:00'),
      ownerUserId: null,
    });
    expect(by.get(s.cold.id)).toMatchObject({
      lastContactAt: iso('2026-01-20T10:00:00'),
      dueBy: iso('2026-02-19T10:00:00'),
    });
    // A core partner is due by the meeting rule (video or face to face every 90 days), though emailed last week.
    expect(by.get(s.core.id)).toMatchObject({
      lastContactAt: iso('2026-03-10T10:00:00'),
      idealDays: 75,
      maxDays: 90,
      ruleChannels: ['video', 'in_person'],
      dueBy: iso('2026-04-01T00:00:00'),
    });

    // The same states as the coverage table.
    const coverage = await t.manager.caller.metrics.coverage({ asOf });
    const overdue = coverage.rows.reduce((n, r) => n + r.overdue, 0);
    const due = coverage.rows.reduce((n, r) => n + r.due, 0);
    expect([overdue, due]).toEqual([res.counts.overdue, res.counts.due]);
  });

  it('filters by state, type, tier and owner (nobody’s too), and pages', async () => {
    const s = await seed();
    const names = async (input: Parameters<typeof t.manager.caller.metrics.cadence>[0]) =>
      (await t.manager.caller.metrics.cadence({ asOf, ...input })).items.map((r) => r.name);
    expect(await names({ state: ['due'] })).toEqual(['Cooling Co', 'Core Partner']);
    const due = await t.manager.caller.metrics.cadence({ asOf, state: ['due'] });
    expect([due.total, due.counts]).toEqual([2, { ok: 1, due: 2, overdue: 2 }]);
    expect(await names({ stakeholderType: ['partner'] })).toEqual(['Core Partner']);
    expect(await names({ tier: ['core'] })).toEqual(['Core Partner']);
    expect(await names({ ownerUserId: [null] })).toEqual(['Nobody’s Co']);
    expect(await names({ ownerUserId: [t.staff2.user.id, null] })).toEqual(['Nobody’s Co', 'Core Partner']);
    expect(await names({ stakeholderId: [s.fresh.id] })).toEqual(['Fresh Co']);
    const page = await t.manager.caller.metrics.cadence({ asOf, offset: 1, limit: 2 });
    expect([page.total, page.items.map((r) => r.name)]).toEqual([5, ['Cold Co', 'Cooling Co']]);
  });

  it('gives staff only the stakeholders they own, and refuses an owner filter naming anyone else', async () => {
    await seed();
    const own = await t.staff.caller.metrics.cadence({ asOf });
    expect(own.items.map((r) => r.name)).toEqual(['Cold Co', 'Cooling Co', 'Fresh Co']);
    await expect(t.staff.caller.metrics.cadence({ asOf, ownerUserId: [t.staff2.user.id] })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Staff see only their own figures.',
    });
    await expect(t.staff.caller.metrics.cadence({ asOf, ownerUserId: [null] })).rejects.toThrow(/own figures/);
    expect((await t.staff.caller.metrics.cadence({ asOf, ownerUserId: [t.staff.user.id] })).total).toBe(own.total);
    const other = await createTestOrg(handle);
    expect((await other.manager.caller.metrics.cadence({ asOf })).total).toBe(0);
  });
});
