import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { createDb, migrateDb } from '../../server/src/db/client';
import { createOrg, createUser } from '../../server/src/services/orgs';
import { generateInteractions, inBatches, type BenchDirectory } from './generate';
import { Random, ulidAt } from './random';
import { baseColumns, rowValues, updatableColumns, upsertSql, type OrgIds } from './rows';
import { rate } from './stats';

export interface DataSpec {
  seed: number;
  rows: number;
  startMs: number;
  endMs: number;
  directory: BenchDirectory;
}

export interface RawUpsertResult {
  rows: number;
  txRows: number;
  stmtRows: number;
  /** Time spent in libSQL (statements and commits), excluding data generation. */
  dbMs: number;
  rowsPerSec: number;
}

/**
 * (a) Raw libSQL: the server's real migrations on a fresh file, then multi-row
 * `INSERT … ON CONFLICT(id) DO UPDATE` statements of `stmtRows` rows, `txRows` rows per transaction — the floor
 * any server code path over the same schema and connection settings pays.
 */
export async function rawUpsert(dir: string, data: DataSpec, txRows: number, stmtRows = 500): Promise<RawUpsertResult> {
  const handle = await createDb(`file:${join(dir, `raw-${txRows}.db`)}`);
  try {
    await migrateDb(handle.db);
    const now = Date.now();
    const org = await createOrg(handle.db, { name: 'Bench raw', timeZone: 'Asia/Shanghai' }, now);
    const userIds: string[] = [];
    for (const u of data.directory.users) userIds.push((await createUser(handle.db, { orgId: org.id, name: u.name, email: u.email, role: u.role }, now)).id);
    const r = new Random(data.seed ^ 0xa);
    const ids: OrgIds = { orgId: org.id, userIds, stakeholderIds: data.directory.stakeholders.map(() => ulidAt(now, r)) };

    const update = updatableColumns;
    const fullSql = upsertSql(stmtRows, baseColumns, update);
    let seq = 0;
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
    for (const batch of inBatches(generateInteractions({ seed: data.seed, count: data.rows, startMs: data.startMs, endMs: data.endMs, directory: data.directory }), stmtRows)) {
      const args = batch.flatMap((g) => rowValues(g, ids, ++seq, now));
      pending.push({ sql: batch.length === stmtRows ? fullSql : upsertSql(batch.length, baseColumns, update), args });
      pendingRows += batch.length;
      if (pendingRows >= txRows) await flush();
    }
    await flush();
    const stored = await handle.client.execute('SELECT count(*) AS n FROM interactions');
    const n = Number(stored.rows[0]!.n);
    if (n !== data.rows) throw new Error(`raw upsert stored ${n} rows, expected ${data.rows}`);
    return { rows: data.rows, txRows, stmtRows, dbMs, rowsPerSec: rate(data.rows, dbMs) };
  } finally {
    handle.close();
  }
}
