import { join } from 'node:path';
import type { Client, InStatement } from '@libsql/client';
import { createDb, migrateDb } from '../../server/src/db/client';
import { currentPlan } from '../../server/src/services/plans';
import { createBenchOrg } from './bench-org';
import { generateInteractions, inBatches, type BenchDirectory } from './generate';
import { Random, ulidAt } from './random';
import {
  baseColumns,
  rowValues,
  storedColumns,
  storedRows,
  storedValues,
  updatable,
  upsertSql,
  type OrgIds,
} from './rows';
import { rate } from './stats';
import { storedCounts } from './stored-counts';

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
  /** The process's CPU time over the same calls (libSQL runs them synchronously): steadier than dbMs under load. */
  cpuMs: number;
  rowsPerSec: number;
  /** Rows marked as starting a wait, and those of them answered, in the table afterwards. */
  waits: number;
  answered: number;
}

type Values = (string | number | null)[];

/** The columns an upsert of `columns` writes, the ones it updates, and the rows' values in batches of `stmtRows`. */
async function rowBatches(
  handle: Awaited<ReturnType<typeof createDb>>,
  data: DataSpec,
  ids: OrgIds,
  opts: { columns: RawColumns; stmtRows: number; now: number },
): Promise<{ cols: readonly string[]; batches: Iterable<Values[]> }> {
  const generated = () =>
    generateInteractions({
      seed: data.seed,
      count: data.rows,
      startMs: data.startMs,
      endMs: data.endMs,
      directory: data.directory,
    });
  if (opts.columns === 'client') {
    let seq = 0;
    const batches = (function* () {
      for (const batch of inBatches(generated(), opts.stmtRows))
        yield batch.map((g) => rowValues(g, ids, ++seq, opts.now));
    })();
    return { cols: baseColumns, batches };
  }
  const plan = (await currentPlan(handle.db, ids.orgId)).plan;
  const rows = storedRows([...generated()], ids, plan, { firstSeq: 1, now: opts.now });
  return {
    cols: storedColumns,
    batches: inBatches(
      rows.map((r) => storedValues(r)),
      opts.stmtRows,
    ),
  };
}

/** Upserts the batches, `txRows` rows a transaction; returns the time spent in libSQL. */
async function upsertInTransactions(
  client: Client,
  batches: Iterable<Values[]>,
  cols: readonly string[],
  sizes: { stmtRows: number; txRows: number },
): Promise<{ dbMs: number; cpuMs: number }> {
  const update = updatable(cols);
  const fullSql = upsertSql(sizes.stmtRows, cols, update);
  let dbMs = 0;
  let cpuUs = 0;
  let pending: InStatement[] = [];
  let pendingRows = 0;
  const flush = async () => {
    if (!pending.length) return;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await client.batch(pending, 'write');
    const c = process.cpuUsage(c0);
    cpuUs += c.user + c.system;
    dbMs += performance.now() - t0;
    pending = [];
    pendingRows = 0;
  };
  for (const batch of batches) {
    pending.push({
      sql: batch.length === sizes.stmtRows ? fullSql : upsertSql(batch.length, cols, update),
      args: batch.flat(),
    });
    pendingRows += batch.length;
    if (pendingRows >= sizes.txRows) await flush();
  }
  await flush();
  return { dbMs, cpuMs: cpuUs / 1000 };
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
    const { orgId, userIds } = await createBenchOrg(handle.db, 'Bench raw', data.directory.users, now);
    const r = new Random(data.seed ^ 0xa);
    const ids: OrgIds = { orgId, userIds, stakeholderIds: data.directory.stakeholders.map(() => ulidAt(now, r)) };

    const { cols, batches } = await rowBatches(handle, data, ids, { columns, stmtRows, now });
    const { dbMs, cpuMs } = await upsertInTransactions(handle.client, batches, cols, { stmtRows, txRows });
    const check = await storedCounts(handle.client);
    if (check.rows !== data.rows) throw new Error(`raw upsert stored ${check.rows} rows, expected ${data.rows}`);
    return {
      columns,
      rows: data.rows,
      txRows,
      stmtRows,
      dbMs,
      cpuMs,
      rowsPerSec: rate(data.rows, dbMs),
      waits: check.waits,
      answered: check.answered,
    };
  } finally {
    handle.close();
  }
}
