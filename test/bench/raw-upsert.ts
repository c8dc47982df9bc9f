import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { createDb, migrateDb } from '../../server/src/db/client';
import { createOrg, createUser } from '../../server/src/services/orgs';
import { currentPlan } from '../../server/src/services/plans';
import { generateInteractions, inBatches, type BenchDirectory } from './generate';
import { Random, ulidAt } from './random';
import {
  baseColumns,
  rowValues,
  storedColumns,
  storedRows,
  storedValues,
  updatableColumns,
  upsertSql,
  type OrgIds,
} from './rows';
import { rate } from './stats';

export interface DataSpec {
  seed: number;
  rows: number;
  startMs: number;
  endMs: number;
  directory: BenchDirectory;
}

/**
 * Which columns (a) writes: `client` — the 24 a client's interaction fills, the derived ones left at their defaults
 * (no wait is marked, the unanswered-waits index stays empty); `stored` — all 33, the rows exactly as sync.push
 * stores them, response fields derived beforehand by the server's own `deriveFields` (not timed).
 */
export type RawColumns = 'client' | 'stored';

export interface RawUpsertResult {
  columns: RawColumns;
  rows: number;
  txRows: number;
  stmtRows: number;
  /** Time spent in libSQL (statements and commits), excluding data generation. */
  dbMs: number;
  rowsPerSec: number;
  /** Rows marked as starting a wait, and those of them answered, in the table afterwards. */
  waits: number;
  answered: number;
}

/**
 * (a) Raw libSQL: the server's real migrations on a fresh file, then multi-row
 * `INSERT … ON CONFLICT(id) DO UPDATE` statements of `stmtRows` rows, `txRows` rows per transaction — the floor
 * any server code path over the same schema and connection settings pays.
 */
export async function rawUpsert(
  dir: string,
  data: DataSpec,
  txRows: number,
  opts: { stmtRows?: number; columns?: RawColumns } = {},
): Promise<RawUpsertResult> {
  const stmtRows = opts.stmtRows ?? 500;
  const columns = opts.columns ?? 'client';
  const handle = await createDb(`file:${join(dir, `raw-${columns}-${txRows}.db`)}`);
  try {
    await migrateDb(handle.db);
    const now = Date.now();
    const org = await createOrg(handle.db, { name: 'Bench raw', timeZone: 'Asia/Shanghai' }, now);
    const userIds: string[] = [];
    for (const u of data.directory.users)
      userIds.push(
        (await createUser(handle.db, { orgId: org.id, name: u.name, email: u.email, role: u.role }, now)).id,
      );
    const r = new Random(data.seed ^ 0xa);
    const ids: OrgIds = {
      orgId: org.id,
      userIds,
      stakeholderIds: data.directory.stakeholders.map(() => ulidAt(now, r)),
    };

    const generated = () =>
      generateInteractions({
        seed: data.seed,
        count: data.rows,
        startMs: data.startMs,
        endMs: data.endMs,
        directory: data.directory,
      });
    let cols: readonly string[];
    let update: readonly string[];
    let batches: Iterable<(string | number | null)[][]>;
    if (columns === 'client') {
      cols = baseColumns;
      update = updatableColumns;
      let seq = 0;
      batches = (function* () {
        for (const batch of inBatches(generated(), stmtRows)) yield batch.map((g) => rowValues(g, ids, ++seq, now));
      })();
    } else {
      cols = storedColumns;
      update = storedColumns.filter((c) => !['id', 'org_id', 'source', 'external_id', 'created_at'].includes(c));
      const plan = (await currentPlan(handle.db, org.id)).plan;
      const rows = storedRows([...generated()], ids, plan, { firstSeq: 1, now });
      batches = inBatches(
        rows.map((r) => storedValues(r)),
        stmtRows,
      );
    }

    const fullSql = upsertSql(stmtRows, cols, update);
    let dbMs = 0;
    let pending: InStatement[] = [];
    let pendingRows = 0;
    const flush = async () => {
      if (!pending.length) return;
      const t0 = performance.now();
      await handle.client.batch(pending, 'write');
      dbMs += performance.now() - t0;
      pending = [];
      pendingRows = 0;
    };
    for (const batch of batches) {
      pending.push({
        sql: batch.length === stmtRows ? fullSql : upsertSql(batch.length, cols, update),
        args: batch.flat(),
      });
      pendingRows += batch.length;
      if (pendingRows >= txRows) await flush();
    }
    await flush();
    const check = (
      await handle.client.execute(
        'SELECT count(*) AS n, coalesce(sum(wait_start), 0) AS waits, coalesce(sum(wait_start = 1 AND replied_at IS NOT NULL), 0) AS answered FROM interactions',
      )
    ).rows[0]!;
    const n = Number(check.n);
    if (n !== data.rows) throw new Error(`raw upsert stored ${n} rows, expected ${data.rows}`);
    return {
      columns,
      rows: data.rows,
      txRows,
      stmtRows,
      dbMs,
      rowsPerSec: rate(data.rows, dbMs),
      waits: Number(check.waits),
      answered: Number(check.answered),
    };
  } finally {
    handle.close();
  }
}
