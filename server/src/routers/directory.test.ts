import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { freshOrgPerTest, type TestOrg } from '../testing/test-org';

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

describe('directory', () => {
  it('creates stakeholders with normalised identities and refuses an identity another stakeholder holds', async () => {
    const s = await t.staff.caller.directory.create({
      name: 'Acme Trading',
      type: 'customer',
      tier: 'key',
      identities: [
        { kind: 'email', value: ' Buyer@ACME.cn ' },
        { kind: 'domain', value: '@www.Acme.cn' },
        { kind: 'phone', value: '+86 (10) 1234-5678' },
      ],
    });
    expect(s.identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'domain:acme.cn',
      'email:buyer@acme.cn',
      'phone:+861012345678',
    ]);
    await expect(
      t.staff.caller.directory.create({
        name: 'Dup',
        type: 'customer',
        identities: [{ kind: 'email', value: 'buyer@acme.cn' }],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Acme Trading'),
    });
  });

  it('refuses a free-mail domain as a domain identity', async () => {
    await expect(
      t.manager.caller.directory.create({
        name: 'X',
        type: 'customer',
        identities: [{ kind: 'domain', value: 'qq.com' }],
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('matches exact identities first, then the email’s (parent) domain, never for free-mail addresses', async () => {
    const acme = await t.manager.caller.directory.create({
      name: 'Acme',
      type: 'customer',
      identities: [{ kind: 'domain', value: 'acme.cn' }],
    });
    const li = await t.manager.caller.directory.create({
      name: 'Li Lei',
      type: 'media',
      identities: [
        { kind: 'email', value: 'lilei@acme.cn' },
        { kind: 'email', value: 'lilei@163.com' },
        { kind: 'weibo', value: '1234567' },
      ],
    });
    // A domain identity that is free-mail cannot be created, so plant the free-mail case through an exact match only.
    const result = await t.staff.caller.directory.match({
      handles: [
        { kind: 'email', value: 'LiLei@acme.cn' },
        { kind: 'email', value: 'someone@acme.cn' },
        { kind: 'email', value: 'someone@sales.acme.cn' },
        { kind: 'email', value: 'lilei@163.com' },
        { kind: 'email', value: 'stranger@163.com' },
        { kind: 'weibo', value: '1234567' },
        { kind: 'email', value: 'nobody@other.cn' },
      ],
    });
    expect(result.map((r) => [r.value, r.stakeholderId, r.via])).toEqual([
      ['LiLei@acme.cn', li.id, 'exact'],
      ['someone@acme.cn', acme.id, 'domain'],
      ['someone@sales.acme.cn', acme.id, 'domain'],
      ['lilei@163.com', li.id, 'exact'],
      ['stranger@163.com', null, null],
      ['1234567', li.id, 'exact'],
      ['nobody@other.cn', null, null],
    ]);
  });

  it('never matches a free-mail address through a domain identity, even one stored before the rule', async () => {
    const s = await t.manager.caller.directory.create({ name: 'Legacy', type: 'partner' });
    // Written directly: the API refuses it, but older data or imports might hold one.
    const { identities } = await import('../db/schema');
    await handle.db
      .insert(identities)
      .values({ id: 'legacy-id', orgId: t.org.id, stakeholderId: s.id, kind: 'domain', value: 'gmail.com' });
    const [r] = await t.staff.caller.directory.match({ handles: [{ kind: 'email', value: 'anyone@gmail.com' }] });
    expect(r!.stakeholderId).toBeNull();
  });

  it('lists with search, type filter and paging; soft-deletes; only managers update', async () => {
    for (const [name, type] of [
      ['Beta Media', 'media'],
      ['Alpha Corp', 'customer'],
      ['Gamma Partners', 'partner'],
    ] as const) {
      await t.staff.caller.directory.create({
        name,
        type,
        identities: [{ kind: 'email', value: `${name.split(' ')[0]!.toLowerCase()}@x.cn` }],
      });
    }
    const page = await t.staff.caller.directory.list({ limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((s) => s.name)).toEqual(['Alpha Corp', 'Beta Media']);
    expect((await t.staff.caller.directory.list({ search: 'gamma@' })).items.map((s) => s.name)).toEqual([
      'Gamma Partners',
    ]);
    expect((await t.staff.caller.directory.list({ type: ['media'] })).items.map((s) => s.name)).toEqual(['Beta Media']);
    const beta = (await t.staff.caller.directory.list({ search: 'beta' })).items[0]!;
    await expect(t.staff.caller.directory.update({ id: beta.id, tier: 'key' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(t.staff.caller.directory.delete({ id: beta.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const updated = await t.manager.caller.directory.update({
      id: beta.id,
      tier: 'key',
      cadenceOverride: { idealDays: 10, maxDays: 20 },
    });
    expect(updated).toMatchObject({
      tier: 'key',
      cadenceOverride: { idealDays: 10, maxDays: 20 },
      name: 'Beta Media',
      type: 'media',
    });
    expect(updated.identities).toHaveLength(1);
    const deleted = await t.manager.caller.directory.delete({ id: beta.id });
    expect(deleted.active).toBe(false);
    expect(
      (await t.staff.caller.directory.match({ handles: [{ kind: 'email', value: 'beta@x.cn' }] }))[0]!.stakeholderId,
    ).toBeNull();
  });

  it('adds and removes identities (staff add; managers remove) and pull sees the change', async () => {
    const s = await t.staff.caller.directory.create({ name: 'Wang', type: 'customer' });
    const { cursor } = await t.staff.caller.sync.pull({ cursor: 0 });
    const added = await t.staff.caller.directory.addIdentity({
      stakeholderId: s.id,
      identity: { kind: 'jira', value: '5b10ac8d82e05b22cc7d4ef5' },
    });
    expect(added.identities).toHaveLength(1);
    const changes = await t.staff.caller.sync.pull({ cursor });
    expect(changes.stakeholders.map((x) => x.identities.length)).toEqual([1]);
    await expect(t.staff.caller.directory.removeIdentity({ id: added.identities[0]!.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await t.manager.caller.directory.removeIdentity({ id: added.identities[0]!.id })).identities).toEqual([]);
  });
});

describe('directory.importCsv', () => {
  it('applies valid rows, reports each row, and updates on a second import', async () => {
    const csv = [
      'name,type,tier,organization,owner_email,emails,domains,weibo,jira,trello,phones',
      `"Zhang, Wei",customer,key,Acme,${t.staff.user.email},zhang@acme.cn;wei@acme.cn,acme.cn,,,,+86 138 0000 0000`,
      'Bad Type,alien,,,,,,,,,',
      `Press Co,media,,"The ""Daily""",nobody@nowhere.test,,,,,,`,
      'Free Mail,partner,,,,,gmail.com,,,,',
      '"Multi',
      'line",partner,core,,,,,,,,',
    ].join('\r\n');
    const report = await t.manager.caller.directory.importCsv({ csv });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'created'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'created'],
    ]);
    expect(report.rows[1]!.message).toMatch(/type/);
    expect(report.rows[2]!.message).toMatch(/owner_email/);
    expect(report.rows[3]!.message).toMatch(/public email provider/);
    expect(report).toMatchObject({ created: 2, updated: 0, errors: 3 });
    const zhang = (await t.staff.caller.directory.list({ search: 'zhang' })).items[0]!;
    expect(zhang).toMatchObject({
      name: 'Zhang, Wei',
      tier: 'key',
      organization: 'Acme',
      ownerUserId: t.staff.user.id,
    });
    expect(zhang.identities.map((i) => i.value).sort()).toEqual([
      '+8613800000000',
      'acme.cn',
      'wei@acme.cn',
      'zhang@acme.cn',
    ]);
    expect((await t.staff.caller.directory.list({ search: 'multi' })).items[0]!.name).toBe('Multi\r\nline');

    const again = await t.manager.caller.directory.importCsv({
      csv: 'name,type,emails\nZhang Wei,customer,zhang@acme.cn;zw@acme.cn\n',
    });
    expect(again.rows).toEqual([expect.objectContaining({ row: 2, status: 'updated', stakeholderId: zhang.id })]);
    const z2 = await t.staff.caller.directory.get({ id: zhang.id });
    expect(z2.identities).toHaveLength(5);
    expect(z2.tier).toBe('key');
  });

  it('refuses a file without the required header, and staff cannot import', async () => {
    await expect(t.manager.caller.directory.importCsv({ csv: 'foo,bar\n1,2' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(t.staff.caller.directory.importCsv({ csv: 'name,type\nA,customer' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a file that is not CSV, naming the line', async () => {
    await expect(t.manager.caller.directory.importCsv({ csv: 'name,type\n"A,customer\n' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The CSV cannot be read: line 2: a quoted field is not closed.',
    });
    await expect(
      t.manager.caller.directory.importCsv({ csv: 'name,type\nA,customer\n"B"x,partner' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/^The CSV cannot be read: line 3: unexpected text after a closing quote/),
    });
  });
});
