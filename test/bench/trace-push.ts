/*
 * Where `sync.push` spends its time: the server's own `push` service, in this process, on a file database
 * opened by the server's `createDb`, with every SQL statement timed (a wrapper around the client; no server code
 * changes). Prints time per statement shape and the JavaScript time between statements, per size of the table.
 *
 *   pnpm --filter @comms-log/test exec tsx bench/trace-push.ts [--rows 20000]
 *
 * Environment: TRACE_PRAGMAS="PRAGMA a = 1;PRAGMA b = 2" runs statements on the connection before the pushes
 * (e.g. to try a setting or an index); TRACE_WAL=1 with TRACE_PRAGMAS="PRAGMA wal_autocheckpoint = 0" prints the
 * WAL frames (pages) each push wrote (with checkpoints on, the WAL restarts and its size says nothing).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client, InStatement, Transaction } from '@libsql/client';
import { createDb, migrateDb } from '../../server/src/db/client';
import { createStakeholder } from '../../server/src/services/directory/stakeholders';
import { createOrg } from '../../server/src/services/org/orgs';
import { createUser } from '../../server/src/services/org/users';
import { push } from '../../server/src/services/sync';
import { generateInteractions, inBatches, makeDirectory } from './generate';
import { pushItem } from './rows';

interface Stat {
  ms: number;
  calls: number;
  rows: number;
}

const stats = new Map<string, Stat>();
let sqlMs = 0;

/** A statement's shape: placeholders and value lists collapsed, so one shape covers every batch. */
function shape(sqlText: string): string {
  return sqlText
    .replace(/\s+/g, ' ')
    .replace(/^select (distinct )?.+? from /i, 'select $1… from ')
    .replace(/^INSERT INTO (\w+) \(.+?\) VALUES/i, 'INSERT INTO $1 (…) VALUES')
    .replace(/DO UPDATE SET .*$/i, 'DO UPDATE SET …')
    .replace(/"interactions"\./g, '')
    .replace(/\(\?(, ?\?)*\)(, ?\(\?(, ?\?)*\))*/g, '(…)')
    .replace(/\?(, ?\?)+/g, '…')
    .replace(/(\(?"?\w+"?\.?"?\w*"? = \? and "?\w+"?\.?"?\w*"? = \?\)? or ?)+/gi, '(… or …) ')
    .slice(0, 230);
}

/** Rows a single statement returned (a batch reports none). */
const rowCount = (r: unknown): number =>
  r && typeof r === 'object' && 'rows' in r && Array.isArray(r.rows) ? r.rows.length : 0;

async function timed<T>(stmt: InStatement | InStatement[], run: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await run();
  const ms = performance.now() - t0;
  sqlMs += ms;
  const list = Array.isArray(stmt) ? stmt : [stmt];
  for (const s of list) {
    const text = typeof s === 'string' ? s : s.sql;
    const key = shape(text);
    const st = stats.get(key) ?? { ms: 0, calls: 0, rows: 0 };
    st.ms += ms / list.length;
    st.calls++;
    st.rows += rowCount(result);
    stats.set(key, st);
  }
  return result;
}

/**
 * Time every statement of `client` in place: drizzle holds this very object (createDb's single gated connection)
 * and looks its methods up on each call, so patching them reaches every query the server code makes.
 */
function trace(client: Client): void {
  const patchTx = (tx: Transaction): Transaction => {
    const execute = tx.execute.bind(tx);
    const batch = tx.batch.bind(tx);
    const commit = tx.commit.bind(tx);
    Object.assign(tx, {
      execute: (stmt: InStatement) => timed(stmt, () => execute(stmt)),
      batch: (stmts: InStatement[]) => timed(stmts, () => batch(stmts)),
      commit: () => timed('COMMIT', () => commit()),
    });
    return tx;
  };
  const execute = client.execute.bind(client) as (stmt: InStatement) => ReturnType<Client['execute']>;
  const batch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  Object.assign(client, {
    execute: (stmt: InStatement | string, args?: never) => {
      const s: InStatement = typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : stmt;
      return timed(s, () => execute(s));
    },
    batch: (stmts: InStatement[], mode?: never) => timed(stmts, () => batch(stmts, mode)),
    transaction: async (mode?: never) => patchTx(await timed('BEGIN', () => transaction(mode))),
  });
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const rows = arg('rows', 20_000);
const batchSize = arg('batch', 500);
const dir = mkdtempSync(join(tmpdir(), 'comms-log-trace-'));
const handle = await createDb(`file:${join(dir, 'trace.db')}`);
await migrateDb(handle.db);
for (const p of (process.env.TRACE_PRAGMAS ?? '').split(';').filter(Boolean)) await handle.client.execute(p);
const db = handle.db;
const now = Date.now();
const directory = makeDirectory(1, 100, 5);
const org = await createOrg(handle.db, { name: 'Trace', timeZone: 'Asia/Shanghai' }, now);
const staff = await createUser(
  handle.db,
  { orgId: org.id, name: 'Staff', email: 'staff@example.com', role: 'staff' },
  now,
);
const stakeholderIds: string[] = [];
for (const s of directory.stakeholders) {
  const created = await createStakeholder(
    { db: handle.db, user: staff },
    {
      name: s.name,
      type: s.type,
      tier: s.tier,
      organization: s.organization,
      ownerUserId: null,
      cadenceOverride: null,
      active: true,
      identities: [{ kind: 'email', value: s.email }],
    },
  );
  stakeholderIds.push(created.id);
}
const user = { id: staff.id, orgId: org.id, name: staff.name, email: staff.email, role: staff.role, tokenId: null };
const items = (function* () {
  for (const g of generateInteractions({
    seed: 1,
    count: rows,
    startMs: now - 180 * 86_400_000,
    endMs: now,
    directory,
  }))
    yield pushItem(g, { stakeholderIds });
})();

const report = (label: string, totalMs: number) => {
  console.log(
    `\n${label}: ${totalMs.toFixed(0)} ms in push(), of which SQL ${sqlMs.toFixed(0)} ms, JS ${(totalMs - sqlMs).toFixed(0)} ms`,
  );
  for (const [key, s] of [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12)) {
    console.log(
      `${s.ms.toFixed(0).padStart(7)} ms ${String(s.calls).padStart(5)}× ${String(s.rows).padStart(8)} rows  ${key}`,
    );
  }
  stats.clear();
  sqlMs = 0;
};

trace(handle.client);
const walFrames: number[] = [];
let walTotal = 0;
let done = 0;
let windowMs = 0;
const windowRows = Math.max(batchSize, Math.floor(rows / 4));
for (const batch of inBatches(items, batchSize)) {
  const t0 = performance.now();
  const result = await push({ db, user }, { items: batch });
  windowMs += performance.now() - t0;
  if (result.rejected.length) throw new Error(`rejected: ${JSON.stringify(result.rejected.slice(0, 3))}`);
  done += batch.length;
  if (process.env.TRACE_WAL) {
    // A WAL file is a 32-byte header and frames of a 24-byte header plus one page (4,096 bytes).
    const frames = Math.round((statSync(join(dir, 'trace.db-wal')).size - 32) / (24 + 4096));
    walFrames.push(frames - walTotal);
    walTotal = frames;
  }
  if (done % windowRows === 0 || done === rows) {
    report(`rows ${done - windowRows + 1}–${done} (${Math.round((windowRows * 1000) / windowMs)} rows/s)`, windowMs);
    windowMs = 0;
  }
}
if (walFrames.length)
  console.log(
    'WAL frames per push: mean',
    (walFrames.reduce((a, b) => a + b, 0) / walFrames.length).toFixed(0),
    'last 10',
    walFrames.slice(-10).join(' '),
  );
handle.close();
rmSync(dir, { recursive: true, force: true });
