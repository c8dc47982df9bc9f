import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createClient,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema';
import { keepLongStatementsPrepared } from './statement-cache';
import type { WriteOrder } from './writer/write-order';

export type Db = LibSQLDatabase<typeof schema>;
/** A drizzle transaction handle: the same query API as `Db`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or an open transaction. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  client: Client;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const BUSY_TIMEOUT_MS = 5000;
const WAL_CHECKPOINT_PAGES = 4000;

export interface DbOptions {
  /** This process's one order of writes across threads (db/writer/write-order.ts): every writer call takes a turn. */
  order?: WriteOrder;
  /** Open the query-only reader connection beside the writer (default true; the push writer's worker needs none). */
  reader?: boolean;
}

/**
 * Open the database at `url`: `file:<path>` (embedded; folder created), `:memory:` (tests), or
 * `libsql://…` / `http(s)://…` with `authToken` for a remote libSQL server (sqld, Turso).
 *
 * The embedded file is served by ONE connection (docs/development.md "libSQL": PRAGMAs are per connection and the client's pool
 * would open more), set to WAL, synchronous=NORMAL, a 4,000-page WAL checkpoint, foreign_keys=ON, busy_timeout. libSQL calls on an
 * embedded file are synchronous, so one connection costs no parallelism; but an open transaction holds it,
 * and the client fails (rather than waits) when another query needs it meanwhile — so every call is queued
 * behind open transactions by `gateClient`. Single read-only statements outside a transaction go to a second,
 * query-only connection instead (`openReader`), so reads never queue behind writes.
 */
export async function createDb(url: string, authToken?: string, opts: DbOptions = {}): Promise<DbHandle> {
  const isFile = url === ':memory:' || url.startsWith('file:');
  let client: Client;
  if (isFile) {
    keepLongStatementsPrepared();
    const path = url === ':memory:' ? ':memory:' : url.slice('file:'.length);
    if (path !== ':memory:' && !path.startsWith(':memory:')) mkdirSync(dirname(path), { recursive: true });
    const raw = createClient({ url, concurrency: 1, timeout: BUSY_TIMEOUT_MS, intMode: 'number' });
    // WAL is a property of the file (and ignored for :memory:); the others belong to the connection.
    if (path !== ':memory:') await raw.execute('PRAGMA journal_mode = WAL');
    await raw.execute('PRAGMA synchronous = NORMAL');
    // Checkpoint every 4,000 WAL pages (16 MiB) instead of SQLite's 1,000: a checkpoint copies each page once however
    // often it changed since the last one, and the pages a push writes (index leaves, the table's last pages) are
    // mostly the same from push to push. Measured over 100,000 pushed rows: sync.push +9%, a plain 500-row upsert
    // +13%. The WAL file is cut back to 64 MiB after a checkpoint empties it.
    await raw.execute(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    await raw.execute(`PRAGMA journal_size_limit = ${64 * 1024 * 1024}`);
    await raw.execute('PRAGMA foreign_keys = ON');
    await raw.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const reader = path.startsWith(':memory:') || opts.reader === false ? null : await openReader(url);
    client = gateClient(raw, reader, opts.order);
  } else {
    client = createClient({ url, authToken, intMode: 'number' });
  }
  const db = drizzle(client, { schema });
  return {
    db,
    client,
    close: () => client.close(),
  };
}

/**
 * The embedded file's second connection, for single statements that only read: in WAL a reader sees the last
 * commit while the writer's transaction is open, so a dashboard read or /healthz does not wait for a push or an
 * import to finish (docs/architecture.md "Reads beside the writer"). query_only makes a misrouted write fail
 * loudly instead of writing outside the writer's order.
 */
async function openReader(url: string): Promise<Client> {
  const reader = createClient({ url, concurrency: 1, timeout: BUSY_TIMEOUT_MS, intMode: 'number' });
  await reader.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  await reader.execute('PRAGMA query_only = ON');
  return reader;
}

const writeWord =
  /\b(insert|update|delete|replace|create|drop|alter|pragma|attach|vacuum|reindex|analyze|savepoint|release|rollback|begin|commit)\b/i;

/**
 * Whether `sql` is one statement that only reads: it starts with SELECT, or with WITH and names no writing
 * keyword (a word inside a string literal only sends a read to the writer, which is always correct).
 */
export function isReadOnlyStatement(sql: string): boolean {
  const head = sql.trimStart().slice(0, 6).toLowerCase();
  if (head === 'select') return !/\breturning\b/i.test(sql) && !sql.includes(';');
  if (head.startsWith('with')) return !writeWord.test(sql) && !sql.includes(';');
  return false;
}

/** Run one raw statement on `db`, inside its transaction when `db` is one. */
export type RawExecute = (stmt: InStatement) => Promise<ResultSet>;

/**
 * The libSQL executor behind a drizzle database or transaction, for hot paths where drizzle's SQL builder costs
 * more than the query (multi-row upserts of thousands of parameters). Relies on drizzle-orm 0.45's
 * LibSQLSession keeping the client as `client` and an open transaction as `tx`.
 */
export function rawExecutor(db: DbOrTx): RawExecute {
  const session = (db as unknown as { session?: { client?: Client; tx?: Transaction } }).session;
  const target = session?.tx ?? session?.client;
  if (!target) throw new Error('rawExecutor: unexpected drizzle session layout (drizzle-orm upgraded?)');
  return (stmt) => target.execute(stmt);
}

/**
 * `[WITH …] SELECT json_group_array(json_array(<columns>)) <from>`: the matching rows as arrays of `columns`,
 * read as one JSON text. libSQL's client turns every row into an object with a property per column, about half
 * a microsecond a value — most of the time of reading a few hundred rows — while SQLite writing JSON and
 * JSON.parse reading it are several times faster. Integers and reals come back as numbers, text as strings,
 * NULL as null (no blobs).
 */
export async function selectArrays(
  db: DbOrTx,
  q: { with?: string; columns: string; from: string; args: InValue[] },
): Promise<unknown[][]> {
  return selectJson(db, q.with, `json_array(${q.columns})`, q.from, q.args);
}

/** `selectArrays` for one expression (which may start with DISTINCT): the values as a flat list. */
export async function selectValues(
  db: DbOrTx,
  q: { with?: string; value: string; from: string; args: InValue[] },
): Promise<unknown[]> {
  return selectJson(db, q.with, q.value, q.from, q.args);
}

async function selectJson<T>(
  db: DbOrTx,
  withClause: string | undefined,
  value: string,
  from: string,
  args: InValue[],
): Promise<T[]> {
  const rs = await rawExecutor(db)({
    sql: `${withClause ? `WITH ${withClause} ` : ''}SELECT json_group_array(${value}) ${from}`,
    args,
  });
  const json = rs.rows[0]?.[0];
  return typeof json === 'string' ? (JSON.parse(json) as T[]) : [];
}

/** How JSON.stringify writes a lone surrogate (always escaped, lower-case hex); a paired one stays raw text. */
const escapedSurrogate = /\\ud[89a-f]/;
const loneSurrogates = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `values` as one JSON array, bound as a single parameter and read with `json_each(?)`, e.g.
 * `id IN (SELECT value FROM json_each(?))`. A statement with hundreds of `?` costs more to prepare and bind than to
 * run (a 500-id lookup: ~0.37 ms as a list of parameters, ~0.17 ms as one JSON text). A lone surrogate becomes
 * U+FFFD, as it does when a string is bound directly (JSON would carry it through as different bytes), so a value
 * matches what was stored.
 */
export function jsonList(values: readonly (string | number | null)[]): string {
  const text = JSON.stringify(values);
  if (!escapedSurrogate.test(text)) return text;
  return JSON.stringify(values.map((v) => (typeof v === 'string' ? v.replace(loneSurrogates, '\ufffd') : v)));
}

/** Apply the committed drizzle-kit migrations (src/db/migrations). Safe to run on every start. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/**
 * Resolve a `file:` URL's relative path against `baseDir` (so the database lands where the person who typed
 * the command expects); other URLs are returned unchanged.
 */
export function resolveFileUrl(url: string, baseDir: string): string {
  if (!url.startsWith('file:') || url.startsWith('file::memory:')) return url;
  const path = url.slice('file:'.length);
  if (path.startsWith('//')) return url;
  return isAbsolute(path) ? url : `file:${resolve(baseDir, path)}`;
}

/** A FIFO lock: `run` waits for every earlier holder, then for the thread's turn in `order` when there is one. */
class Gate {
  #tail: Promise<void> = Promise.resolve();

  constructor(readonly order?: WriteOrder) {}

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order = this.order;
    const ready = this.#tail.then(async () => {
      if (!order) return release;
      const unlock = await order.acquire();
      return () => {
        unlock();
        release();
      };
    });
    this.#tail = this.#tail.then(() => held);
    return ready;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** `tx`, releasing the gate (`release`) once when it commits, rolls back or closes. */
function gatedTransaction(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const done = () => {
    if (!released) {
      released = true;
      release();
    }
  };
  return {
    execute: (stmt: InStatement) => tx.execute(stmt),
    batch: (stmts: InStatement[]) => tx.batch(stmts),
    executeMultiple: (sql: string) => tx.executeMultiple(sql),
    rollback: async () => {
      try {
        await tx.rollback();
      } finally {
        done();
      }
    },
    commit: async () => {
      try {
        await tx.commit();
      } finally {
        done();
      }
    },
    close: () => {
      try {
        tx.close();
      } finally {
        done();
      }
    },
    get closed() {
      return tx.closed;
    },
  } as Transaction;
}

/**
 * Wrap a single-connection client so that a transaction holds a lock until it settles and every other call
 * waits for it — except single read-only statements when there is a `reader` connection, which run there at
 * once. Code inside a transaction must use the transaction, never the outer client (it would wait for itself).
 */
function gateClient(inner: Client, reader: Client | null, order?: WriteOrder): Client {
  const gate = new Gate(order);
  // A database ATTACHed on the writer (a restore reads its backup file) exists on that connection only: while one
  // is, every read stays on the writer.
  let attached = 0;
  const gated = {
    execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
      const text = typeof stmtOrSql === 'string' ? stmtOrSql : stmtOrSql.sql;
      if (reader && attached === 0 && isReadOnlyStatement(text))
        return typeof stmtOrSql === 'string' ? reader.execute(stmtOrSql, args) : reader.execute(stmtOrSql);
      if (/^\s*attach\b/i.test(text)) attached++;
      if (/^\s*detach\b/i.test(text)) attached = Math.max(0, attached - 1);
      return gate.run(() =>
        typeof stmtOrSql === 'string' ? inner.execute(stmtOrSql, args) : inner.execute(stmtOrSql),
      );
    },
    batch(stmts: Parameters<Client['batch']>[0], mode?: TransactionMode) {
      return gate.run(() => inner.batch(stmts, mode));
    },
    migrate(stmts: InStatement[]) {
      return gate.run(() => inner.migrate(stmts));
    },
    async transaction(mode?: TransactionMode) {
      const release = await gate.acquire();
      try {
        return gatedTransaction(await inner.transaction(mode), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    executeMultiple(sql: string) {
      return gate.run(() => inner.executeMultiple(sql));
    },
    sync() {
      return gate.run(() => inner.sync());
    },
    close() {
      reader?.close();
      inner.close();
    },
    reconnect() {
      return inner.reconnect();
    },
    get closed() {
      return inner.closed;
    },
    get protocol() {
      return inner.protocol;
    },
  };
  return gated as unknown as Client;
}
