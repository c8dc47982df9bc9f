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
    const evaluation = await handle.client.execute(
      // Stakeholder ids are not seeded: their names are.
      `SELECT id, thread_key, event, at, note FROM thread_outcomes UNION ALL
       SELECT r.id, instrument, score, s.name, answered_at FROM survey_responses r LEFT JOIN stakeholders s ON s.id = r.stakeholder_id UNION ALL
       SELECT c.id, s.name, tone, published_at, clarified_at FROM media_coverage c JOIN stakeholders s ON s.id = c.outlet_stakeholder_id
       ORDER BY 1`,
    );
    return {
      result,
      rows: rows.rows.map((r) => Object.values(r).join('|')),
      evaluation: evaluation.rows.map((r) => Object.values(r).join('|')),
    };
  } finally {
    handle.close();
  }
}

describe('seedDemo', () => {
  it('builds the same interactions from the same seed, different ones from another', async () => {
    const a = await snapshot(11);
    const b = await snapshot(11);
    const c = await snapshot(12);
    // The generated conversations, plus our own posts and the weekly meetings (plan-execution.ts).
    expect(a.rows).toHaveLength(600 + a.result.counts.ownPosts + a.result.counts.meetings);
    expect(b.rows).toEqual(a.rows);
    expect(b.evaluation).toEqual(a.evaluation);
    expect(a.evaluation.length).toBeGreaterThan(160);
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

describe('seedDemo evaluation records', () => {
  it('fills purposes, resolved complaints, surveys and coverage', async () => {
    const handle = await createTestDb();
    try {
      const now = Date.UTC(2026, 5, 1, 4, 0, 0);
      const { counts } = await seedDemo(handle.db, { seed: 7, now, interactions: 1500 });
      expect(counts.surveys).toBe(120);
      expect(counts.coverage).toBe(40);
      expect(counts.threadOutcomes).toBeGreaterThan(10);
      const q = async (sql: string) => (await handle.client.execute(sql)).rows.map((r) => Object.values(r));
      const first = async (sql: string) => (await q(sql))[0] as number[];
      const [withPurpose, all] = await first('SELECT count(purpose), count(*) FROM interactions');
      expect(withPurpose! / all!).toBeGreaterThan(0.5);
      const events = await q(
        "SELECT thread_key, group_concat(event, ' ') FROM (SELECT * FROM thread_outcomes ORDER BY at, seq) GROUP BY thread_key",
      );
      const histories = new Set(events.map((e) => e[1]));
      expect(histories).toContain('resolved');
      expect(histories).toContain('resolved reopened resolved');
      const [unresolved] = await first(
        "SELECT count(DISTINCT thread_key) FROM interactions WHERE purpose = 'complaint' AND thread_key NOT IN (SELECT thread_key FROM thread_outcomes)",
      );
      expect(unresolved).toBeGreaterThan(0);
      const surveys = await q(
        'SELECT instrument, dimension, stakeholder_id IS NULL, stakeholder_type, score, scale FROM survey_responses',
      );
      expect(new Set(surveys.map((s) => s[0]))).toEqual(new Set(['csat', 'nps', 'score100']));
      expect(new Set(surveys.filter((s) => s[0] === 'csat').map((s) => s[1]))).toEqual(
        new Set(['usability', 'service attitude', 'project delivery']),
      );
      expect(surveys.some((s) => s[2] === 1)).toBe(true);
      expect(surveys.filter((s) => s[0] === 'score100').every((s) => s[3] === 'partner')).toBe(true);
      expect(surveys.some((s) => s[0] === 'csat' && (s[4] as number) <= 2)).toBe(true);
      const coverage = await q('SELECT tone, clarified_at IS NOT NULL, outlet_stakeholder_id FROM media_coverage');
      expect(new Set(coverage.map((c) => c[0]))).toEqual(new Set(['positive', 'neutral', 'negative', null]));
      expect(coverage.some((c) => c[0] === 'negative' && c[1] === 1)).toBe(true);
      expect(new Set(coverage.map((c) => c[2])).size).toBeGreaterThan(3);
    } finally {
      handle.close();
    }
  });
});

describe('seedDemo plan execution records', () => {
  it('fills dated partner projects, own posts, the weekly meeting, activities, cost and revenue', async () => {
    const handle = await createTestDb();
    try {
      const now = Date.UTC(2026, 5, 1, 4, 0, 0);
      const { counts } = await seedDemo(handle.db, { seed: 7, now, interactions: 1500 });
      expect(counts).toMatchObject({ ownPosts: 24, meetings: 26, activities: 19, costEntries: 18, revenueMonths: 6 });
      expect(counts.projectItems).toBeGreaterThan(5);
      const q = async (sql: string) => (await handle.client.execute(sql)).rows.map((r) => Object.values(r));
      const [dated, done, late] = (
        await q(
          `SELECT count(due_at), count(done_at), sum(done_at > due_at) FROM interactions
         WHERE channel = 'project' AND stakeholder_type = 'partner'`,
        )
      )[0] as number[];
      expect(dated).toBeGreaterThan(0);
      expect(done).toBeGreaterThan(0);
      expect(late).toBeGreaterThan(0);
      const [posts, withReads] = (
        await q("SELECT count(*), count(reads) FROM interactions WHERE source = 'weibo' AND likes IS NOT NULL")
      )[0] as number[];
      expect(posts).toBe(24);
      expect(withReads).toBeLessThan(24);
      const [meetings, fewer] = (
        await q(
          "SELECT count(*), sum(attended < invited) FROM interactions WHERE series = 'weekly cross-department meeting'",
        )
      )[0] as number[];
      expect(meetings).toBe(26);
      expect(fewer).toBeGreaterThan(0);
      const activities = await q('SELECT recurrence, status, held_interaction_id IS NOT NULL FROM activities');
      expect(new Set(activities.map((a) => a[0]))).toEqual(new Set(['none', 'weekly', 'quarterly', 'half_yearly']));
      expect(new Set(activities.map((a) => a[1]))).toEqual(new Set(['planned', 'held', 'not_held']));
      expect(activities.some((a) => a[1] === 'held' && a[2] === 1)).toBe(true);
      const [revenues] = (await q('SELECT count(*) FROM revenues'))[0] as number[];
      expect(revenues).toBe(6);
    } finally {
      handle.close();
    }
  });
});
