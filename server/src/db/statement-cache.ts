import { createRequire } from 'node:module';

/*
 * Long statements kept prepared, per connection. @libsql/client prepares every statement it runs and keeps none,
 * and preparing a push's 500-row upsert (23,000 parameters, ~47 KB of SQL) took 3.5–9 ms, about a fifth of running
 * it (docs/sync.md "Under load"). The client hides its connections, so the cache sits on the prepare method of the
 * libsql `Database` class it opens them with. A kept statement is reused only through the client, which runs each one
 * to its end (or its error) before the next call, so a kept statement never holds a lock between calls.
 */

/** Statements at least this long are kept: multi-row writes of a hundred rows or more. */
const MIN_SQL_LENGTH = 20_000;
/** Kept per connection, the most recently used first to stay: each holds ~2 MB at 500 rows. */
const PER_CONNECTION = 2;

type Prepare = (this: object, sql: string) => object;

/** Marks the class once its prepare keeps statements (a module evaluated twice, as under vitest, installs once). */
const KEPT = Symbol.for('comms-log.keptStatements');

/** Keep the long statements of every embedded libSQL connection of this thread prepared. */
export function keepLongStatementsPrepared(): void {
  // libsql is @libsql/client's own dependency: the class its connections are made of.
  const fromClient = createRequire(createRequire(import.meta.url).resolve('@libsql/client'));
  const Database = fromClient('libsql') as { prototype: { prepare: Prepare; [KEPT]?: true } };
  if (Database.prototype[KEPT]) return;
  Database.prototype[KEPT] = true;
  const prepare = Database.prototype.prepare;
  const kept = new WeakMap<object, Map<string, object>>();
  Database.prototype.prepare = function keptPrepare(sql) {
    if (sql.length < MIN_SQL_LENGTH) return prepare.call(this, sql);
    const bySql = kept.get(this) ?? new Map<string, object>();
    kept.set(this, bySql);
    const known = bySql.get(sql);
    bySql.delete(sql);
    const stmt = known ?? prepare.call(this, sql);
    bySql.set(sql, stmt);
    if (bySql.size > PER_CONNECTION) bySql.delete(bySql.keys().next().value!);
    return stmt;
  };
}
