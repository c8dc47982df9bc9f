import { channels, directionSchema, stakeholderTypes } from '@comms-log/shared';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';
import type { DbHandle } from '../client';
import { waitCodesSql } from './wait-codes';

/*
 * The response figures' codes are read from the index `interactions_waits` alone (docs/metrics.md "Roll-ups"),
 * whatever group values and filter they read: a column the index lacks would send SQLite back to the rows.
 */

let handle: DbHandle;
let t: TestOrg;

freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});

describe('a window of wait codes', () => {
  it('is read from the waits index alone, with every group value and dimension filter', async () => {
    const filter = {
      from: '2026-03-01T00:00:00+08:00',
      to: '2026-04-01T00:00:00+08:00',
      stakeholderType: ['customer' as const],
      channel: ['email' as const],
      userId: [t.staff.user.id],
      direction: 'inbound' as const,
      purpose: null,
    };
    const range = { from: Date.parse(filter.from), to: Date.parse(filter.to) };
    for (const basis of ['working', 'calendar'] as const) {
      const stmt = waitCodesSql(t.org.id, filter, range, {
        basis,
        asOfMs: range.to,
        firstResponseOnly: true,
        values: [
          { kind: 'enum', sql: sql`i.stakeholder_type`, values: stakeholderTypes },
          { kind: 'enum', sql: sql`i.channel`, values: channels },
          { kind: 'enum', sql: sql`i.direction`, values: directionSchema.options },
          { kind: 'text', sql: sql`i.user_id`, nullable: false },
          { kind: 'text', sql: sql`i.stakeholder_id`, nullable: true },
          { kind: 'text', sql: sql`i.purpose`, nullable: true },
          { kind: 'integer', sql: sql`((i.occurred_at + 28800000) / 86400000)` },
        ],
      });
      const rows = await handle.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${stmt}`);
      const detail = rows.map((r) => r.detail).join('\n');
      expect(detail).toMatch(
        /SEARCH i USING COVERING INDEX interactions_waits \(org_id=\? AND occurred_at>\? AND occurred_at<\?\)/,
      );
    }
  });
});
