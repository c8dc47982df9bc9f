import { describe, expect, it } from 'vitest';
import { surveyCsvHeader, coverageCsvHeader } from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, testStakeholder, type TestOrg } from '../../testing/test-org';

let handle: DbHandle;
let t: TestOrg;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const T0 = Date.parse('2026-03-01T00:00:00Z');

async function entries() {
  return (await t.admin.caller.audit.list({})).entries;
}

describe('the audit trail', () => {
  it('records plan changes with their diff, recomputes, role changes, tokens, merges, deletions and imports', async () => {
    const { plan, version } = await t.manager.caller.plan.get();
    const changed = plan.sla.map((r, i) =>
      i === 0 ? { ...r, limit: { value: 9, unit: 'working_hours' as const } } : r,
    );
    await t.manager.caller.plan.update({ version, sla: changed });
    await t.manager.caller.plan.recompute();
    await t.admin.caller.users.update({ id: t.staff.user.id, role: 'manager' });
    await t.admin.caller.users.create({ name: 'Neo', email: 'neo@audit.test', role: 'staff' });
    const token = await t.admin.caller.auth.tokens.create({ name: 'laptop', expiresInDays: 30 });
    await t.admin.caller.auth.tokens.revoke({ id: token.id });
    const keep = await testStakeholder(handle, t, T0, 'Keep');
    const gone = await testStakeholder(handle, t, T0, 'Gone');
    const retired = await testStakeholder(handle, t, T0, 'Retired');
    await t.manager.caller.directory.merge({ keepId: keep.id, mergeId: gone.id });
    await t.manager.caller.directory.delete({ id: retired.id });
    await t.manager.caller.directory.importCsv({ csv: 'name,type\nAcme,customer\n' });
    await t.manager.caller.directory.importCsv({ csv: 'name,type\nPreview only,customer\n', dryRun: true });
    await t.staff2.caller.evaluations.importSurveysCsv({ csv: `${surveyCsvHeader.join(',')}\nnps,99,,,,,,\n` });
    await t.staff2.caller.evaluations.importCoverageCsv({
      csv: `${coverageCsvHeader.join(',')}\nNobody,T,https://x.cn,2026-03-10,,,,\n`,
    });

    const log = await entries();
    const byAction = (a: string) => log.filter((e) => e.action === a);
    const planEntry = byAction('plan.update')[0]!;
    expect(planEntry.actor).toBe(t.manager.user.email);
    expect(planEntry.target).toBe(String(version + 1));
    expect(planEntry.detail.changes).toEqual([{ path: 'sla', from: plan.sla, to: changed }]);
    expect(byAction('plan.recompute')[0]!.detail).toMatchObject({ total: expect.any(Number) });
    expect(byAction('user.update')[0]).toMatchObject({
      actor: t.admin.user.email,
      target: t.staff.user.id,
      detail: { from: { role: 'staff' }, to: { role: 'manager' } },
    });
    expect(byAction('user.create')[0]!.detail).toMatchObject({ email: 'neo@audit.test', role: 'staff' });
    expect(byAction('token.create')[0]).toMatchObject({
      target: token.id,
      detail: { name: 'laptop', expiresAt: token.expiresAt },
    });
    expect(byAction('token.revoke')[0]!.target).toBe(token.id);
    expect(byAction('stakeholder.merge')[0]!.detail).toEqual({ keepId: keep.id, mergeId: gone.id });
    expect(byAction('stakeholder.deactivate')[0]!.target).toBe(retired.id);
    // A dry run writes nothing, so it is not recorded.
    expect(byAction('import.stakeholders').map((e) => e.detail)).toEqual([{ created: 1, updated: 0, errors: 0 }]);
    expect(byAction('import.surveys')[0]).toMatchObject({ actor: t.staff2.user.email, detail: { errors: 1 } });
    expect(byAction('import.coverage')[0]!.detail).toMatchObject({ created: 0, errors: 1 });
    // Newest first, every entry with an instant.
    expect(log[0]!.action).toBe('import.coverage');
    expect(log.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('pages newest first and filters by --since; only admins read it', async () => {
    for (const name of ['a', 'b', 'c']) await t.admin.caller.auth.tokens.create({ name });
    const first = await t.admin.caller.audit.list({ limit: 2 });
    expect(first.entries.map((e) => e.detail.name)).toEqual(['c', 'b']);
    expect(first.hasMore).toBe(true);
    const rest = await t.admin.caller.audit.list({ limit: 2, before: first.entries[1]!.id });
    expect(rest.entries.map((e) => e.detail.name)).toEqual(['a']);
    const future = await t.admin.caller.audit.list({ since: '2099-01-01T00:00:00Z' });
    expect(future.entries).toEqual([]);
    await expect(t.manager.caller.audit.list({})).rejects.toThrow(/admin/);
  });
});
