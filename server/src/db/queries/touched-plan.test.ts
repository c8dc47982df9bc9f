import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';
import type { DbHandle } from '../client';
import { stakeholdersTouchedSql } from './followups';

/*
 * A person's own follow-ups list reads the stakeholders they dealt with (docs/metrics.md "Follow-ups"): from their
 * own rows, never by walking every interaction of the org in stakeholder order, which grows with the org.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

const planOf = async (stmt: ReturnType<typeof sql>) =>
  (await handle.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${stmt}`)).map((r) => r.detail).join('\n');

describe('the stakeholders a person dealt with', () => {
  it("are read from that person's interactions alone", async () => {
    const detail = await planOf(stakeholdersTouchedSql(t.org.id, t.staff.user.id));
    expect(detail).toMatch(/SEARCH i USING INDEX interactions_org_user_occurred \(org_id=\? AND user_id=\?\)/);
    expect(detail).not.toMatch(/interactions_org_stakeholder/);
  });

  it('are read the same way inside the list owner’s cadence stakeholders', async () => {
    const detail = await planOf(
      sql`SELECT s.id FROM stakeholders s WHERE s.org_id = ${t.org.id} AND s.id IN (${stakeholdersTouchedSql(t.org.id, t.staff.user.id)})`,
    );
    expect(detail).toMatch(/interactions_org_user_occurred/);
    expect(detail).not.toMatch(/interactions_org_stakeholder/);
  });
});
