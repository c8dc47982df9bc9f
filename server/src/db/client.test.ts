import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDb, jsonList, migrateDb, resolveFileUrl, selectArrays, selectValues, type DbHandle } from './client';
import { orgs } from './schema';

const dirs: string[] = [];
const handles: DbHandle[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('createDb', () => {
  it('creates the folder of a file database and sets WAL, synchronous=NORMAL, the WAL checkpoint and size limit, foreign keys and a busy timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-db-'));
    dirs.push(dir);
    const file = join(dir, 'nested', 'deeper', 'x.db');
    const h = await createDb(`file:${file}`);
    handles.push(h);
    expect(existsSync(join(dir, 'nested', 'deeper'))).toBe(true);
    const one = async (q: string) => Object.values((await h.client.execute(q)).rows[0]!)[0];
    expect(await one('PRAGMA journal_mode')).toBe('wal');
    expect(await one('PRAGMA synchronous')).toBe(1);
    expect(await one('PRAGMA foreign_keys')).toBe(1);
    expect(await one('PRAGMA busy_timeout')).toBe(5000);
    expect(await one('PRAGMA wal_autocheckpoint')).toBe(4000);
    expect(await one('PRAGMA journal_size_limit')).toBe(64 * 1024 * 1024);
    await migrateDb(h.db);
    await migrateDb(h.db);
    expect(existsSync(file)).toBe(true);
  });

  it('queues queries behind an open transaction instead of failing (single connection)', async () => {
    const h = await createDb(':memory:');
    handles.push(h);
    await migrateDb(h.db);
    let inside = false;
    const tx = h.db.transaction(async (t) => {
      inside = true;
      await t.insert(orgs).values({ id: 'o1', name: 'One', timeZone: 'UTC', createdAt: 1 });
      await new Promise((r) => setTimeout(r, 30));
      await t.insert(orgs).values({ id: 'o2', name: 'Two', timeZone: 'UTC', createdAt: 2 });
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(inside).toBe(true);
    const counted = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orgs`);
    await tx;
    // The read waited for the whole transaction: it never sees half of it.
    expect(counted[0]!.n).toBe(2);
  });

  it('answers a read of a file database while a write transaction is open, with the last commit (a second connection)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cl-db-'));
    dirs.push(dir);
    const h = await createDb(`file:${join(dir, 'r.db')}`);
    handles.push(h);
    await migrateDb(h.db);
    await h.db.insert(orgs).values({ id: 'o0', name: 'Zero', timeZone: 'UTC', createdAt: 0 });
    const count = async () => (await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM orgs`))[0]!.n;
    let readDuringTx: number | string = 'not read';
    await h.db.transaction(async (t) => {
      await t.insert(orgs).values({ id: 'o1', name: 'One', timeZone: 'UTC', createdAt: 1 });
      // Through the one gated connection this read would wait for this very transaction: a deadlock, cut at 2 s.
      const timeout = new Promise<string>((r) => setTimeout(() => r('waited for the writer'), 2000));
      readDuringTx = await Promise.race([count(), timeout]);
    });
    expect(readDuringTx).toBe(1);
    expect(await count()).toBe(2);
    // A statement that writes never goes to the read-only connection, WITH … INSERT included.
    await h.db.run(
      sql`WITH n(id) AS (SELECT 'o2') INSERT INTO orgs (id, name, time_zone, created_at) SELECT id, 'Two', 'UTC', 2 FROM n`,
    );
    expect(await count()).toBe(3);
  });

  it('enforces foreign keys', async () => {
    const h = await createDb(':memory:');
    handles.push(h);
    await migrateDb(h.db);
    await expect(h.client.execute("INSERT INTO org_seq (org_id, seq) VALUES ('missing', 0)")).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe('resolveFileUrl', () => {
  it('resolves relative file paths against a base and leaves the rest alone', () => {
    expect(resolveFileUrl('file:./data/x.db', '/home/me')).toBe('file:/home/me/data/x.db');
    expect(resolveFileUrl('file:/abs/x.db', '/home/me')).toBe('file:/abs/x.db');
    expect(resolveFileUrl('libsql://db.example.com', '/home/me')).toBe('libsql://db.example.com');
    expect(resolveFileUrl(':memory:', '/home/me')).toBe(':memory:');
  });
});

describe('selectArrays / selectValues', () => {
  it('return rows as arrays of their columns (numbers, text, null) and flat lists, inside a transaction too', async () => {
    const h = await createDb(':memory:');
    handles.push(h);
    await h.client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER, ratio REAL, note TEXT)');
    await h.client.execute({
      sql: 'INSERT INTO t VALUES (1, ?, 0.5, ?), (2, ?, NULL, NULL), (3, ?, 2.25, ?)',
      args: [1_780_000_000_123, 'say "hi"\n— 你好', 1_780_000_000_456, 1_780_000_000_789, 'b'],
    });
    expect(
      await selectArrays(h.db, { columns: 'id, at, ratio, note', from: 'FROM t WHERE id < ?', args: [3] }),
    ).toEqual([
      [1, 1_780_000_000_123, 0.5, 'say "hi"\n— 你好'],
      [2, 1_780_000_000_456, null, null],
    ]);
    expect(await selectArrays(h.db, { columns: 'id', from: 'FROM t WHERE id > 9', args: [] })).toEqual([]);
    const values = await h.db.transaction((tx) =>
      selectValues(tx, {
        with: 'x(v) AS (VALUES (?), (?), (?))',
        value: 'DISTINCT x.v',
        from: 'FROM x',
        args: ['a', 'b', 'a'],
      }),
    );
    expect([...values].sort()).toEqual(['a', 'b']);
  });
});

describe('jsonList', () => {
  it('matches through json_each exactly what binding the same strings stores (quotes, CJK, lone surrogates, numbers, null)', async () => {
    const h = await createDb(':memory:');
    handles.push(h);
    await h.client.execute('CREATE TABLE t (k TEXT PRIMARY KEY)');
    const keys = ['say "hi"\\ — 你好', 'lone \ud800 high', 'lone \udc00 low', 'pair 😀 ok', 'end\udbff'];
    for (const k of keys) await h.client.execute({ sql: 'INSERT INTO t VALUES (?)', args: [k] });
    const found = await selectValues(h.db, {
      value: 'k',
      from: 'FROM t WHERE k IN (SELECT value FROM json_each(?))',
      args: [jsonList(keys)],
    });
    expect(found).toHaveLength(keys.length);
    expect(JSON.parse(jsonList([1_780_000_000_123, null, 'x']))).toEqual([1_780_000_000_123, null, 'x']);
  });
});
