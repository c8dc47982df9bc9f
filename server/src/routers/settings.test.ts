import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

describe('settings', () => {
  it('keeps org and personal never-log lists apart, with the right roles', async () => {
    await expect(
      t.staff.caller.settings.update({ orgNeverLog: [{ kind: 'domain', value: 'hr.example' }] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await t.admin.caller.settings.update({ orgNeverLog: [{ kind: 'domain', value: '@Lawyers.example' }] });
    const mine = await t.staff.caller.settings.update({ myNeverLog: [{ kind: 'email', value: 'Mum@Family.example' }] });
    expect(mine.neverLog.org.map((e) => e.value)).toEqual(['lawyers.example']);
    expect(mine.neverLog.mine.map((e) => e.value)).toEqual(['mum@family.example']);
    expect((await t.staff2.caller.settings.get()).neverLog.mine).toEqual([]);
  });

  it('rejects pushed messages from never-logged addresses and domains (org-wide and personal)', async () => {
    await t.admin.caller.settings.update({ orgNeverLog: [{ kind: 'domain', value: 'lawyers.example' }] });
    await t.staff.caller.settings.update({ myNeverLog: [{ kind: 'email', value: 'mum@family.example' }] });
    const lawyer = interactionData({ author: { name: 'L', handle: 'counsel@mail.lawyers.example' } });
    const mum = interactionData({ author: { name: 'Mum', handle: 'Mum@family.example' } });
    const fine = interactionData();
    const res = await t.staff.caller.sync.push({ items: [upsert(lawyer), upsert(mum), upsert(fine)] });
    expect(res.rejected.map((r) => r.id).sort()).toEqual([lawyer.id, mum.id].sort());
    expect(res.rejected.every((r) => /never-log list/.test(r.reason))).toBe(true);
    // Staff2's personal list does not include mum.
    const res2 = await t.staff2.caller.sync.push({
      items: [upsert(interactionData({ author: { name: 'Mum', handle: 'mum@family.example' } }))],
    });
    expect(res2.rejected).toEqual([]);
  });

  it('keeps only what the capture level allows, and strips stored text when it is lowered', async () => {
    const a = interactionData();
    await t.staff.caller.sync.push({ items: [upsert(a)] });
    let [row] = (await t.staff.caller.sync.pull({ cursor: 0 })).interactions;
    expect(row).toMatchObject({ title: 'Order question', snippet: null });
    await t.admin.caller.settings.update({ captureLevel: 'snippet' });
    const b = interactionData({ threadKey: 'gmail:t9' });
    await t.staff.caller.sync.push({ items: [upsert(b)] });
    row = (await t.staff.caller.sync.pull({ cursor: 0 })).interactions.find((i) => i.id === b.id);
    expect(row).toMatchObject({ title: 'Order question', snippet: 'Hello, where is my order?' });
    await t.admin.caller.settings.update({ captureLevel: 'metadata' });
    const all = (await t.staff.caller.sync.pull({ cursor: 0 })).interactions;
    expect(all.every((i) => i.title === null && i.snippet === null)).toBe(true);
    expect((await t.staff.caller.auth.whoami()).org.captureLevel).toBe('metadata');
  });

  it('changing the org time zone also moves the plan’s working calendar (a new plan version)', async () => {
    await t.admin.caller.settings.update({ timeZone: 'Europe/London' });
    const stored = await t.staff.caller.plan.get();
    expect(stored).toMatchObject({ version: 2, plan: { calendar: { timeZone: 'Europe/London' } } });
  });
});
