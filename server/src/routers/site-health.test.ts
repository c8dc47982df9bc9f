import { describe, expect, it } from 'vitest';
import { createTestOrg, freshOrgPerTest, type TestOrg } from '../testing/test-org';
import type { DbHandle } from '../db/client';

/* siteHealth.report / list: each browser's running totals of adapter failures; admins see which site broke when. */

let t: TestOrg;
let handle: DbHandle;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const failure = (over: Record<string, unknown> = {}) => ({
  site: 'jira' as const,
  adapterVersion: '0.1.0',
  field: 'commentAuthor',
  host: 'acme.atlassian.net',
  count: 2,
  firstAt: '2026-03-09T10:00:00+08:00',
  lastAt: '2026-03-09T11:00:00+08:00',
  ...over,
});

describe('site health', () => {
  it('counts a total sent twice once, adds browsers and people, and keeps the first time seen', async () => {
    await t.staff.caller.siteHealth.report({ clientId: 'browser-a-0001', failures: [failure()] });
    // The same total again (a lost answer), then a grown one.
    await t.staff.caller.siteHealth.report({ clientId: 'browser-a-0001', failures: [failure()] });
    await t.staff.caller.siteHealth.report({
      clientId: 'browser-a-0001',
      failures: [failure({ count: 3, lastAt: '2026-03-10T09:00:00+08:00' })],
    });
    await t.staff2.caller.siteHealth.report({
      clientId: 'browser-b-0002',
      failures: [failure({ count: 1, host: 'beta.atlassian.net', firstAt: '2026-03-08T09:00:00+08:00' })],
    });
    await t.staff2.caller.siteHealth.report({
      clientId: 'browser-b-0002',
      failures: [failure({ site: 'gmail', field: 'threadSubject', host: 'mail.google.com', count: 1 })],
    });

    const list = await t.admin.caller.siteHealth.list();
    expect(list).toEqual([
      {
        site: 'jira',
        adapterVersion: '0.1.0',
        field: 'commentAuthor',
        hosts: ['acme.atlassian.net', 'beta.atlassian.net'],
        failures: 4,
        users: 2,
        firstAt: '2026-03-08T01:00:00.000Z',
        lastAt: '2026-03-10T01:00:00.000Z',
      },
      {
        site: 'gmail',
        adapterVersion: '0.1.0',
        field: 'threadSubject',
        hosts: ['mail.google.com'],
        failures: 1,
        users: 1,
        firstAt: '2026-03-09T02:00:00.000Z',
        lastAt: '2026-03-09T03:00:00.000Z',
      },
    ]);
  });

  it('keeps orgs apart and shows the list to admins only', async () => {
    const other = await createTestOrg(handle);
    await other.staff.caller.siteHealth.report({ clientId: 'browser-c-0003', failures: [failure()] });
    expect(await t.admin.caller.siteHealth.list()).toEqual([]);
    expect(await other.admin.caller.siteHealth.list()).toHaveLength(1);
    await expect(t.manager.caller.siteHealth.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses page text in place of a field or a URL in place of a host, storing nothing', async () => {
    await expect(
      t.staff.caller.siteHealth.report({
        clientId: 'browser-a-0001',
        failures: [failure({ host: 'https://acme.atlassian.net/browse/X-1' })],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      t.staff.caller.siteHealth.report({
        clientId: 'browser-a-0001',
        failures: [failure({ field: 'Dear Ann, about the invoice' })],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await t.admin.caller.siteHealth.list()).toEqual([]);
  });
});
