import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import { freshOrgPerTest, interactionData, type TestOrg, upsert } from '../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

/* History brought from elsewhere: a stakeholder's creation time given (docs/api.md "Directory"). */

describe('directory.create with createdAt', () => {
  it('counts the stakeholder from then in coverage', async () => {
    const create = (name: string, createdAt: string) =>
      t.manager.caller.directory.create({ name, type: 'customer', createdAt });
    const old = await create('Old Customer', '2026-01-01T09:00:00+08:00');
    await create('New Customer', '2026-03-10T09:00:00+08:00');
    expect(old.createdAt).toBe('2026-01-01T01:00:00.000Z');
    // Never contacted: the 30-day customer cadence runs from creation.
    const { rows } = await t.manager.caller.metrics.coverage({ asOf: '2026-03-15T09:00:00+08:00' });
    expect(rows.find((r) => r.stakeholderType === 'customer')).toMatchObject({ active: 2, covered: 1, overdue: 1 });
  });

  it('refuses a creation time in the future', async () => {
    await expect(
      t.manager.caller.directory.create({ name: 'Later', type: 'customer', createdAt: '2099-01-01T00:00:00Z' }),
    ).rejects.toThrow(/createdAt: .* is in the future/);
    expect((await t.manager.caller.directory.list({})).items).toHaveLength(0);
  });

  it('takes created_at from a CSV: a date is midnight in the org’s zone', async () => {
    const csv =
      'name,type,created_at\nAcme,customer,2026-01-01\nBeta,customer,2026-02-01T10:00:00+08:00\nGamma,customer,soon\n';
    const report = await t.manager.caller.directory.importCsv({ csv });
    expect(report).toMatchObject({ created: 2, errors: 1 });
    expect(report.rows[2]?.message).toMatch(/^created_at: "soon" must be a date/);
    const acme = await t.manager.caller.directory.get({ id: report.rows[0]!.stakeholderId! });
    expect(acme.createdAt).toBe('2025-12-31T16:00:00.000Z');
    const beta = await t.manager.caller.directory.get({ id: report.rows[1]!.stakeholderId! });
    expect(beta.createdAt).toBe('2026-02-01T02:00:00.000Z');
  });
});

describe('links', () => {
  it('are refused unless http or https, on interactions and follow-ups', async () => {
    const data = interactionData({ url: 'javascript:alert(1)' });
    const res = await t.staff.caller.sync.push({ items: [upsert(data)] });
    expect(res.rejected[0]?.reason).toMatch(/url: must be a web link starting with http:\/\/ or https:\/\//);
    await expect(
      t.staff.caller.followups.create({ id: ulid(), dueAt: '2026-03-10T09:00:00+08:00', url: 'data:text/html,x' }),
    ).rejects.toThrow(/must be a web link/);
    const ok = interactionData({ url: 'https://mail.example.com/thread/1' });
    expect((await t.staff.caller.sync.push({ items: [upsert(ok)] })).rejected).toEqual([]);
  });
});
