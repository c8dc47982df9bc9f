import { expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';
import { applyPlan } from './import-apply';
import { planImport } from './import-plan';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

/** Every outcome a row can have, each on its own line (the header is line 1). */
function csvOfEveryOutcome(ownerEmail: string): string {
  return [
    'name,type,tier,organization,owner_email,emails,domains,created_at',
    'Old Co Renamed,customer,key,Old Group,,old@old.cn;new@old.cn,,', // 2: update, by identity
    'Fresh Co,partner,,,,fresh@fresh.cn,fresh.cn,2026-01-05', // 3: new
    'Fresh Co Again,partner,core,,,fresh@fresh.cn,,', // 4: the same as line 3 by identity: an update
    'Clash,customer,,,,fresh@fresh.cn;held@x.cn,,', // 5: identities of two stakeholders
    `named co,customer,,,${ownerEmail},,,`, // 6: update, by name and organization
    'No Owner,customer,,,ghost@nowhere.test,,,', // 7: no such user
    'Bad,alien,,,,,,', // 8: bad cell
    'Public,customer,,,,,qq.com,', // 9: a free-mail domain
    'Later,customer,,,,,,2099-01-01', // 10: created in the future
    'Odd Date,customer,,,,,,10/03/2026', // 11: not a date
    'Twin,customer,,,,,,', // 12: new
    'TWIN,customer,,,,,,', // 13: the same as line 12 by name: an update
    'Gone Again,customer,,,,gone@gone.cn,,', // 14: update of an inactive stakeholder
    ',customer,,,,,,', // 15: no name
    'Bad Mail,customer,,,,not-an-email,,', // 16: not an e-mail address
  ].join('\n');
}

async function seedDirectory() {
  const create = (name: string, organization: string | null, email?: string) =>
    t.manager.caller.directory.create({
      name,
      type: 'customer',
      organization,
      identities: email ? [{ kind: 'email', value: email }] : [],
    });
  const old = await create('Old Co', 'Old Group', 'old@old.cn');
  await create('Holder', null, 'held@x.cn');
  const named = await create('Named Co', null);
  const gone = await create('Gone Co', null, 'gone@gone.cn');
  await t.manager.caller.directory.delete({ id: gone.id });
  return { old, named, gone };
}

it('previews exactly what the import then writes, for every outcome a row can have, writing nothing', async () => {
  const seeded = await seedDirectory();
  const csv = csvOfEveryOutcome(t.staff.user.email);
  const before = await t.manager.caller.sync.pull({ cursor: 0 });

  const preview = await t.manager.caller.directory.importCsv({ csv, dryRun: true });
  const statuses = preview.rows.map((r) => r.status);
  expect(statuses).toEqual([
    'updated',
    'created',
    'updated',
    'error',
    'updated',
    'error',
    'error',
    'error',
    'error',
    'error',
    'created',
    'updated',
    'updated',
    'error',
    'error',
  ]);
  // A stakeholder the file creates has no id before it is written, nor do the rows that update it.
  const ids = [seeded.old.id, null, null, null, seeded.named.id, ...Array(7).fill(null), seeded.gone.id, null, null];
  expect(preview.rows.map((r) => r.stakeholderId)).toEqual(ids);
  expect([preview.created, preview.updated, preview.errors]).toEqual([2, 5, 8]);
  expect((await t.manager.caller.sync.pull({ cursor: 0 })).cursor).toBe(before.cursor);

  const applied = await t.manager.caller.directory.importCsv({ csv });
  const verdicts = (r: typeof preview) => r.rows.map(({ row, status, message }) => ({ row, status, message }));
  expect(verdicts(applied)).toEqual(verdicts(preview));
  expect([applied.created, applied.updated, applied.errors]).toEqual([2, 5, 8]);
  // Rows that update an existing stakeholder name the same one; line 4 updates what line 3 created.
  for (const i of [0, 4, 12]) expect(applied.rows[i]!.stakeholderId).toBe(preview.rows[i]!.stakeholderId);
  expect(applied.rows[2]!.stakeholderId).toBe(applied.rows[1]!.stakeholderId);
  expect(applied.rows[11]!.stakeholderId).toBe(applied.rows[10]!.stakeholderId);

  const fresh = await t.manager.caller.directory.get({ id: applied.rows[1]!.stakeholderId! });
  expect(fresh).toMatchObject({ name: 'Fresh Co Again', tier: 'core', createdAt: '2026-01-04T16:00:00.000Z' });
  expect(fresh.identities.map((i) => i.value).sort()).toEqual(['fresh.cn', 'fresh@fresh.cn']);
  expect(await t.manager.caller.directory.get({ id: seeded.gone.id })).toMatchObject({ active: true });
  expect(await t.manager.caller.directory.get({ id: seeded.named.id })).toMatchObject({
    name: 'named co',
    ownerUserId: t.staff.user.id,
  });
});

it('reports a row whose identity someone took after the preview, and writes the others', async () => {
  const records = ['A Co,customer,a@a.cn', 'B Co,customer,b@b.cn', 'C Co,customer,c@c.cn'].map((line, i) => ({
    line: i + 2,
    fields: line.split(','),
  }));
  const ctx = { db: handle.db, orgId: t.org.id };
  const setting = { header: ['name', 'type', 'emails'], owners: new Map(), timeZone: 'Asia/Shanghai', now: Date.now() };
  const planned = await planImport(ctx.db, ctx.orgId, records, setting, () => {});
  expect(planned.map((p) => p.status)).toEqual(['created', 'created', 'created']);

  const taker = await t.manager.caller.directory.create({
    name: 'Quick',
    type: 'partner',
    identities: [{ kind: 'email', value: 'b@b.cn' }],
  });
  const written = await applyPlan(ctx.db, ctx.orgId, planned, setting.now, () => {});
  expect(written.map((r) => [r.row, r.status])).toEqual([
    [2, 'created'],
    [3, 'error'],
    [4, 'created'],
  ]);
  expect(written[1]!.message).toBe('The email b@b.cn already belongs to the stakeholder "Quick".');
  const names = (await t.manager.caller.directory.list()).items.map((s) => s.name).sort();
  expect(names).toEqual(['A Co', 'C Co', taker.name]);
});
