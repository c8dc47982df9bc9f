import { describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/test-org';
import { seedDemo } from './seed';

async function snapshot(seed: number) {
  const handle = await createTestDb();
  try {
    const now = Date.UTC(2026, 5, 1, 4, 0, 0);
    const result = await seedDemo(handle.db, { seed, now, interactions: 600 });
    const rows = await handle.client.execute(
      'SELECT id, thread_key, channel, direction, occurred_at, stakeholder_type, wait_start, response_ms, on_time FROM interactions ORDER BY id',
    );
    return { result, rows: rows.rows.map((r) => Object.values(r).join('|')) };
  } finally {
    handle.close();
  }
}

describe('seedDemo', () => {
  it('builds the same interactions from the same seed, different ones from another', async () => {
    const a = await snapshot(11);
    const b = await snapshot(11);
    const c = await snapshot(12);
    expect(a.rows).toHaveLength(600);
    expect(b.rows).toEqual(a.rows);
    expect(c.rows).not.toEqual(a.rows);
    expect(a.result.counts.stakeholders).toBeGreaterThanOrEqual(55);
    expect(a.result.users.map((u) => u.role).sort()).toEqual([
      'admin',
      'manager',
      'staff',
      'staff',
      'staff',
      'staff',
      'staff',
      'staff',
    ]);
  });

  it('spreads six months of activity over every channel, with answered, late and open waits', async () => {
    const { rows } = await snapshot(5);
    const channels = new Set(rows.map((r) => r.split('|')[2]));
    expect([...channels].sort()).toEqual(['email', 'im', 'in_person', 'phone', 'project', 'social', 'video']);
    const statuses = new Set(rows.filter((r) => r.split('|')[6] === '1').map((r) => r.split('|')[8]));
    expect(statuses).toContain('on_time');
    expect(statuses).toContain('late');
    expect(statuses).toContain('pending');
  });
});
