import { sql } from 'drizzle-orm';
import type { Channel, StakeholderType } from '@comms-log/shared';
import type { DbOrTx } from '../client';
import type { MsRange } from './metrics';
import { scanWaits } from './waits';

/*
 * Every wait of an org starting in a range, with the values any report filter or grouping of its response figures
 * tests, so that the report reads the waits once and splits them in JavaScript (docs/report.md "Speed").
 */

/** A wait start with its filter values and its five figures. */
export interface ReportWait {
  id: string;
  occurredAt: number;
  stakeholderType: StakeholderType;
  channel: Channel;
  userId: string;
  stakeholderId: string | null;
  /** The tier of its stakeholder now (as `filterWhere` tests it); null without a stakeholder. */
  tier: string | null;
  direction: string;
  purpose: string | null;
  /* The five figures under the names the shared `WaitFigures` gives them, so that a wait is folded as it is. */
  replyAtMs: number | null;
  responseMs: number | null;
  responseWorkMs: number | null;
  deadlineMs: number | null;
  closedAtMs: number | null;
}

const COLUMNS = [
  'id',
  'occurredAt',
  'stakeholderType',
  'channel',
  'userId',
  'stakeholderId',
  'repliedAt',
  'responseMs',
  'responseWorkMs',
  'deadlineAt',
  'closedAt',
] as const;

/** The org's waits starting in `range` (not deleted), read a month at a time like every wait scan. */
export async function reportWaitsIn(db: DbOrTx, orgId: string, range: MsRange): Promise<ReportWait[]> {
  const out: ReportWait[] = [];
  const filter = { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  // Tiers looked up here rather than per wait in SQL: the org has far fewer stakeholders than waits.
  const tiers = new Map(
    (
      await db.all<{ id: string; tier: string | null }>(
        sql`SELECT s.id, s.tier FROM stakeholders s WHERE s.org_id = ${orgId}`,
      )
    ).map((t) => [t.id, t.tier]),
  );
  const extra = [sql`i.direction`, sql`i.purpose`];
  await scanWaits(
    db,
    orgId,
    filter,
    COLUMNS,
    (rows) => {
      for (const r of rows)
        out.push({
          id: r[0],
          occurredAt: r[1],
          stakeholderType: r[2],
          channel: r[3],
          userId: r[4],
          stakeholderId: r[5],
          replyAtMs: r[6],
          responseMs: r[7],
          responseWorkMs: r[8],
          deadlineMs: r[9],
          closedAtMs: r[10],
          tier: r[5] === null ? null : (tiers.get(r[5]) ?? null),
          direction: r[11] as string,
          purpose: (r[12] ?? null) as string | null,
        });
    },
    { extra },
  );
  return out;
}
