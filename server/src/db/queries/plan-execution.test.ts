import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MetricsFilter } from '@comms-log/shared';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import type { DbHandle } from '../client';
import { meetingRows, meetingsSql, ownPostRows, ownPostsSql, projectItemRows, projectItemsSql } from './plan-execution';

/*
 * The execution figures read their partial indexes by name, whatever the filter: with a stakeholder type SQLite
 * would otherwise walk every row of the type. They must still return exactly the rows the filter keeps.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const period = { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' };

async function plan(stmt: SQL): Promise<string> {
  const rows = await handle.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${stmt}`);
  return rows.map((r) => r.detail).join('\n');
}

const filters = (): MetricsFilter[] => [
  period,
  { ...period, stakeholderType: ['partner'] },
  { ...period, stakeholderType: ['customer'], channel: ['social'], tier: ['key'], userId: [t.staff.user.id] },
  { ...period, stakeholderType: ['customer'], purpose: 'complaint' },
];

describe('the execution figures', () => {
  it('search their partial index with every filter', async () => {
    for (const f of filters()) {
      expect(await plan(projectItemsSql(t.org.id, f))).toMatch(/SEARCH i USING INDEX interactions_project_items /);
      expect(await plan(ownPostsSql(t.org.id, f))).toMatch(/SEARCH i USING INDEX interactions_post_counts /);
      for (const series of [null, 'weekly'])
        expect(await plan(meetingsSql(t.org.id, f, series))).toMatch(/SEARCH i USING INDEX interactions_meetings /);
    }
  });

  it('return exactly the posts, meetings and items of the filtered type', async () => {
    const on = (day: string) => `2026-03-${day}T10:00:00+08:00`;
    const row = (thread: string, over: Record<string, unknown>) =>
      interactionData({ threadKey: `gmail:${thread}`, occurredAt: on('10'), ...over });
    await pushAccepted(t.staff, [
      row('plain', {}),
      row('plain-partner', { stakeholderType: 'partner' }),
      row('post-c', { channel: 'social', direction: 'outbound', likes: 5 }),
      row('post-p', { channel: 'social', direction: 'outbound', likes: 7, stakeholderType: 'partner' }),
      row('meet-p', { channel: 'video', invited: 6, attended: 4, series: 'weekly', stakeholderType: 'partner' }),
      row('meet-c', { channel: 'video', invited: 3, attended: 3 }),
      row('item-p', { channel: 'project', stakeholderType: 'partner', dueAt: on('12'), occurredAt: on('02') }),
    ]);
    const partner = { ...period, stakeholderType: ['partner' as const] };
    expect((await ownPostRows(handle.db, t.org.id, partner)).map((r) => r.likes)).toEqual([7]);
    expect((await ownPostRows(handle.db, t.org.id, period)).map((r) => r.likes).sort()).toEqual([5, 7]);
    expect((await meetingRows(handle.db, t.org.id, partner, null)).map((r) => r.invited)).toEqual([6]);
    expect((await meetingRows(handle.db, t.org.id, period, 'weekly')).map((r) => r.invited)).toEqual([6]);
    expect((await meetingRows(handle.db, t.org.id, period, null)).length).toBe(2);
    expect((await projectItemRows(handle.db, t.org.id, partner)).map((r) => r.thread_key)).toEqual(['gmail:item-p']);
    expect(await projectItemRows(handle.db, t.org.id, { ...period, stakeholderType: ['customer'] })).toEqual([]);
  });
});
