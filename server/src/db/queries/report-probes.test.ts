import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import type { DbHandle } from '../client';
import { anyProjectItem } from './report-project-items';
import { purposeSince } from './report-purposes';

/*
 * The report's probes read partial indexes (one of them named): they must still see exactly the rows the
 * figures they skip would read.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const del = (id: string) => t.staff.caller.sync.push({ items: [{ op: 'delete', entity: 'interaction', id }] });

describe('the report probes', () => {
  it('see a project item once one is logged, and not once it is deleted', async () => {
    await pushAccepted(t.staff, [interactionData({ threadKey: 'gmail:plain' })]);
    expect(await anyProjectItem(handle.db, t.org.id)).toBe(false);
    const issue = interactionData({
      source: 'jira',
      externalId: 'PRJ-7',
      threadKey: 'jira:PRJ-7',
      channel: 'project',
      stakeholderType: 'partner',
      projectStatus: null,
      dueAt: null,
      doneAt: '2026-03-19T17:00:00+08:00',
    });
    await pushAccepted(t.staff, [issue]);
    expect(await anyProjectItem(handle.db, t.org.id)).toBe(true);
    await del(issue.id);
    expect(await anyProjectItem(handle.db, t.org.id)).toBe(false);
  });

  it('see a purpose carried at or after the instant asked, by a live row only', async () => {
    const at = Date.parse('2026-03-09T10:00:00+08:00');
    const complaint = interactionData({ purpose: 'complaint', occurredAt: '2026-03-09T10:00:00+08:00' });
    await pushAccepted(t.staff, [complaint, interactionData({ threadKey: 'gmail:t2', purpose: null })]);
    expect(await purposeSince(handle.db, t.org.id, 'complaint', at)).toBe(true);
    expect(await purposeSince(handle.db, t.org.id, 'complaint', at + 1)).toBe(false);
    expect(await purposeSince(handle.db, t.org.id, 'crisis_response', at)).toBe(false);
    await del(complaint.id);
    expect(await purposeSince(handle.db, t.org.id, 'complaint', at)).toBe(false);
  });
});
