import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, migrateDb, type DbHandle } from '../db/client';
import { orgs } from '../db/schema';
import { createTestOrg } from '../testing/test-org';
import { currentPlan, savePlan } from './plans';

const dirs: string[] = [];
const handles: DbHandle[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Two connections on one database file, as two server processes have. */
async function twoConnections(): Promise<[DbHandle, DbHandle]> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-plan-'));
  dirs.push(dir);
  const url = `file:${join(dir, 'x.db')}`;
  const first = await createDb(url);
  handles.push(first);
  await migrateDb(first.db);
  const second = await createDb(url);
  handles.push(second);
  return [first, second];
}

describe('currentPlan', () => {
  it('parses a stored plan once and shares it, frozen, between reads', async () => {
    const [a] = await twoConnections();
    const { org } = await createTestOrg(a);
    const first = await currentPlan(a.db, org.id);
    const again = await currentPlan(a.db, org.id);
    expect(again.plan).toBe(first.plan);
    expect(Object.isFrozen(first.plan.calendar)).toBe(true);
    expect(() => {
      (first.plan.sla as unknown[]).push({});
    }).toThrow(TypeError);
  });

  it('sees a plan saved through another connection on the next read', async () => {
    const [a, b] = await twoConnections();
    const { org } = await createTestOrg(a);
    const before = await currentPlan(b.db, org.id);
    const calendar = { ...before.plan.calendar, timeZone: 'Europe/Berlin' };
    await savePlan(a.db, org.id, { ...before.plan, calendar }, null);
    const after = await currentPlan(b.db, org.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.plan.calendar.timeZone).toBe('Europe/Berlin');
    expect(before.plan.calendar.timeZone).toBe('Asia/Shanghai');
  });

  it('keeps plans of the same org id in two databases apart', async () => {
    const [a] = await twoConnections();
    const [c] = await twoConnections();
    const { org } = await createTestOrg(a);
    const fromA = await currentPlan(a.db, org.id);
    await c.db.insert(orgs).values({ id: org.id, name: 'Other', timeZone: 'America/New_York', createdAt: 0 });
    const calendar = { ...fromA.plan.calendar, timeZone: 'America/New_York' };
    await savePlan(c.db, org.id, { ...fromA.plan, calendar }, null);
    expect((await currentPlan(c.db, org.id)).plan.calendar.timeZone).toBe('America/New_York');
    expect((await currentPlan(a.db, org.id)).plan.calendar.timeZone).toBe('Asia/Shanghai');
  });
});
