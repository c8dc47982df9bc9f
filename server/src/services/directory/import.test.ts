import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';

let t: TestOrg;

freshOrgPerTest((_handle, org) => {
  t = org;
});

describe('directory.importCsv dry run', () => {
  it('reports exactly what the real import then does, and writes nothing', async () => {
    const existing = await t.manager.caller.directory.create({
      name: 'Old Co',
      type: 'customer',
      identities: [{ kind: 'email', value: 'old@old.cn' }],
    });
    const held = await t.manager.caller.directory.create({
      name: 'Holder',
      type: 'partner',
      identities: [{ kind: 'email', value: 'held@x.cn' }],
    });
    const csv = [
      'name,type,tier,owner_email,emails,domains',
      'Old Co Renamed,customer,key,,old@old.cn;new@old.cn,',
      'Fresh Co,partner,,,fresh@fresh.cn,fresh.cn',
      // The same stakeholder as the row above (by identity): an update, but only if the row above is written first.
      'Fresh Co,partner,core,,fresh@fresh.cn,',
      'Clash,customer,,,fresh@fresh.cn;held@x.cn,',
      'No Owner,customer,,ghost@nowhere.test,,',
      'Bad,alien,,,,',
      'Public,customer,,,,qq.com',
    ].join('\n');
    const before = await t.manager.caller.sync.pull({ cursor: 0 });

    const dry = await t.manager.caller.directory.importCsv({ csv, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'updated'],
      [3, 'created'],
      [4, 'updated'],
      [5, 'error'],
      [6, 'error'],
      [7, 'error'],
      [8, 'error'],
    ]);
    expect(dry.rows[0]!.stakeholderId).toBe(existing.id);
    expect(dry.rows[1]!.stakeholderId).toBeNull();

    // Nothing written: the same directory, the same change sequence, no new stakeholder.
    const after = await t.manager.caller.sync.pull({ cursor: 0 });
    expect(after.cursor).toBe(before.cursor);
    expect((await t.manager.caller.directory.list()).items.map((s) => s.name).sort()).toEqual(['Holder', 'Old Co']);
    expect((await t.manager.caller.directory.get({ id: existing.id })).identities).toHaveLength(1);

    const real = await t.manager.caller.directory.importCsv({ csv });
    expect(real.dryRun).toBe(false);
    expect(real.rows.map((r) => [r.row, r.status, r.message])).toEqual(
      dry.rows.map((r) => [r.row, r.status, r.message]),
    );
    expect({ created: real.created, updated: real.updated, errors: real.errors }).toEqual({
      created: dry.created,
      updated: dry.updated,
      errors: dry.errors,
    });
    expect(real.rows[1]!.stakeholderId).not.toBeNull();
    expect((await t.manager.caller.directory.get({ id: held.id })).identities).toHaveLength(1);
    expect((await t.manager.caller.directory.list()).items.map((s) => s.name).sort()).toEqual([
      'Fresh Co',
      'Holder',
      'Old Co Renamed',
    ]);
  });

  it('is for managers only, like the import', async () => {
    await expect(
      t.staff.caller.directory.importCsv({ csv: 'name,type\nA,customer', dryRun: true }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
