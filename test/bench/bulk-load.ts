import type { InStatement } from '@libsql/client';
import type { Plan } from '@comms-log/shared';
import { issueToken } from '../../server/src/auth/tokens';
import type { DbHandle } from '../../server/src/db/client';
import { currentPlan } from '../../server/src/services/plans';
import { createBenchOrg } from './bench-org';
import { type BenchDirectory, generateInteractions, makeDirectory } from './generate';
import { Random, ulidAt } from './random';
import { storedColumns, storedRows, storedValues } from './rows';

const DAY = 86_400_000;

// SQLite binds at most 32,766 parameters a statement.
const ROWS_PER_STATEMENT = Math.floor(32_000 / storedColumns.length);

const insertSql = (rows: number) =>
  `INSERT INTO interactions (${storedColumns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${storedColumns.map(() => '?').join(',')})`).join(',')}`;

export interface LoadResult {
  orgs: number;
  rows: number;
  loadMs: number;
  /** Generating rows and deriving their response fields (the server's own `deriveFields`). */
  deriveMs: number;
  insertMs: number;
  indexMs: number;
  waits: number;
}

export interface MeasuredOrg {
  orgId: string;
  managerToken: string;
}

interface LoadOpts {
  orgCount: number;
  totalRows: number;
  startMs: number;
  endMs: number;
  seed: number;
}

/** An org made through the server's services, with its users, its stakeholders' ids and its plan. */
interface BenchOrg {
  id: string;
  seed: number;
  directory: BenchDirectory;
  userIds: string[];
  stakeholderIds: string[];
  plan: Plan;
}

/** The `k`-th org (seeded from the run's seed), made through the server's services. */
async function makeOrg(db: DbHandle['db'], k: number, seed: number, now: number): Promise<BenchOrg> {
  const orgSeed = seed * 1000 + k;
  const directory = makeDirectory(orgSeed, 60, 6);
  const { orgId, userIds } = await createBenchOrg(db, `Bench org ${k + 1}`, directory.users, now);
  const r = new Random(orgSeed);
  const stakeholderIds = directory.stakeholders.map(() => ulidAt(now - 400 * DAY, r));
  const plan = (await currentPlan(db, orgId)).plan;
  return { id: orgId, seed: orgSeed, directory, userIds, stakeholderIds, plan };
}

/** The org's stakeholders as one multi-row INSERT (seq 1…n, before its interactions'). */
function stakeholderInsert(org: BenchOrg, now: number): InStatement {
  return {
    sql: `INSERT INTO stakeholders (id, org_id, name, type, tier, organization, active, created_at, updated_at, seq) VALUES ${org.directory.stakeholders.map(() => '(?,?,?,?,?,?,1,?,?,?)').join(',')}`,
    args: org.directory.stakeholders.flatMap((s, i) => [
      org.stakeholderIds[i]!,
      org.id,
      s.name,
      s.type,
      s.tier,
      s.organization,
      now,
      now,
      i + 1,
    ]),
  };
}

/** Rows generated, derived and written at a time: one org of 1M rows would not fit in memory whole. */
const CHUNK_ROWS = 50_000;

/** The next `n` items of a generator. */
function take<T>(gen: Generator<T>, n: number): T[] {
  const out: T[] = [];
  while (out.length < n) {
    const next = gen.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** One chunk of rows as multi-row INSERTs; counts the waits among them. */
function chunkInserts(rows: ReturnType<typeof storedRows>, counts: { waits: number }): InStatement[] {
  const statements: InStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT);
    statements.push({
      sql: insertSql(chunk.length),
      args: chunk.flatMap((row) => {
        if (row.waitStart) counts.waits++;
        return storedValues(row);
      }),
    });
  }
  return statements;
}

/**
 * One org's `count` interactions, generated as one stream and taken {@link CHUNK_ROWS} at a time (oldest first),
 * each chunk derived by the server's own `deriveFields` and written in one transaction of multi-row INSERTs (a
 * thread cut by a chunk's end is derived in two parts), with the org's stakeholders first and its seq last.
 */
async function loadOrgInteractions(client: DbHandle['client'], org: BenchOrg, count: number, opts: LoadOpts) {
  const gen = generateInteractions({
    seed: org.seed,
    count,
    startMs: opts.startMs,
    endMs: opts.endMs,
    directory: org.directory,
  });
  const ids = { orgId: org.id, userIds: org.userIds, stakeholderIds: org.stakeholderIds };
  let seq = org.directory.stakeholders.length;
  const took = { deriveMs: 0, insertMs: 0, waits: 0 };
  await client.batch([stakeholderInsert(org, opts.endMs)], 'write');
  for (;;) {
    const td = performance.now();
    const gens = take(gen, CHUNK_ROWS);
    if (!gens.length) break;
    const rows = storedRows(gens, ids, org.plan, { firstSeq: seq + 1, now: null });
    seq += rows.length;
    took.deriveMs += performance.now() - td;
    const ti = performance.now();
    await client.batch(chunkInserts(rows, took), 'write');
    took.insertMs += performance.now() - ti;
  }
  await client.execute({ sql: 'UPDATE org_seq SET seq = ? WHERE org_id = ?', args: [seq, org.id] });
  return took;
}

/** Drops the interaction indexes for the load; returns their definitions, to rebuild them after. */
async function dropInteractionIndexes(client: DbHandle['client']): Promise<{ name: string; sql: string }[]> {
  const indexes = (
    await client.execute(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND sql IS NOT NULL",
    )
  ).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  await client.batch(
    indexes.map((i) => `DROP INDEX ${i.name}`),
    'write',
  );
  return indexes;
}

/**
 * Bulk-load `totalRows` interactions across `orgCount` orgs into the server's schema, the fastest correct way:
 * orgs, users and plans through the server's own services; each org's interactions generated as a stream, their
 * response fields derived by the server's own `deriveFields` (the shared `pairWaits` under the org's plan —
 * what sync.push stores) a chunk at a time, then written with multi-row INSERTs, one transaction per chunk, with
 * the interaction indexes dropped during the load and rebuilt from the migrations' own definitions after it. The
 * triggers on `interactions` stay: the day counts (docs/metrics.md "Roll-ups") are kept as any writer keeps them.
 */
export async function bulkLoad(handle: DbHandle, opts: LoadOpts): Promise<{ load: LoadResult; measured: MeasuredOrg }> {
  const { db, client } = handle;
  const t0 = performance.now();
  const totals = { deriveMs: 0, insertMs: 0, waits: 0 };
  const indexes = await dropInteractionIndexes(client);

  let measured: MeasuredOrg | null = null;
  const perOrg = Math.floor(opts.totalRows / opts.orgCount);
  let loaded = 0;
  for (let k = 0; k < opts.orgCount; k++) {
    const count = k === opts.orgCount - 1 ? opts.totalRows - loaded : perOrg;
    const now = opts.endMs;
    const org = await makeOrg(db, k, opts.seed, now);
    const took = await loadOrgInteractions(client, org, count, opts);
    totals.deriveMs += took.deriveMs;
    totals.insertMs += took.insertMs;
    totals.waits += took.waits;
    loaded += count;

    if (k === 0) {
      const manager = org.directory.users.findIndex((u) => u.role === 'manager');
      const token = await issueToken(db, { orgId: org.id, userId: org.userIds[manager]!, name: 'bench' }, now);
      measured = { orgId: org.id, managerToken: token.token };
    }
  }

  const tx = performance.now();
  await client.batch(
    indexes.map((i) => i.sql),
    'write',
  );
  const indexMs = performance.now() - tx;
  return {
    load: {
      orgs: opts.orgCount,
      rows: loaded,
      loadMs: performance.now() - t0,
      deriveMs: totals.deriveMs,
      insertMs: totals.insertMs,
      indexMs,
      waits: totals.waits,
    },
    measured: measured!,
  };
}
