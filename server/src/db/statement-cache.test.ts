import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './client';

const dirs: string[] = [];
const handles: DbHandle[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function fileDb(): Promise<{ h: DbHandle; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cl-stmt-'));
  dirs.push(dir);
  const url = `file:${join(dir, 'x.db')}`;
  const h = await createDb(url);
  handles.push(h);
  await h.client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  return { h, url };
}

/** A 3,000-row insert (24 KB of SQL): long enough to be kept. */
const ROWS = 3000;
const longInsert = `INSERT INTO t (id, v) VALUES ${new Array(ROWS).fill('(?, ?)').join(', ')}`;
const rowsFrom = (first: number, v: (i: number) => string | null = String) =>
  Array.from({ length: ROWS }, (_, i) => [first + i, v(first + i)]).flat();

/** The statements prepared on the writer's connection with this text (a read in a transaction runs there). */
async function preparedCopies(h: DbHandle, text: string): Promise<number> {
  const tx = await h.client.transaction('read');
  try {
    const rs = await tx.execute({ sql: 'SELECT count(*) FROM sqlite_stmt WHERE sql = ?', args: [text] });
    return rs.rows[0]![0] as number;
  } finally {
    tx.close();
  }
}

describe('long statements kept prepared', () => {
  it('prepares a long statement once per connection and runs it with each call’s own values', async () => {
    const { h } = await fileDb();
    for (const first of [0, ROWS, 2 * ROWS]) await h.client.execute({ sql: longInsert, args: rowsFrom(first) });
    expect(await preparedCopies(h, longInsert)).toBe(1);
    const rs = await h.client.execute('SELECT count(*), sum(id), min(v), max(id) FROM t');
    const n = 3 * ROWS;
    expect(rs.rows[0]).toEqual(expect.objectContaining({ 0: n, 1: (n * (n - 1)) / 2, 2: '0', 3: n - 1 }));
  });

  it('a kept statement that failed runs again, and holds no lock between calls', async () => {
    const { h, url } = await fileDb();
    await h.client.execute({ sql: longInsert, args: rowsFrom(0) });
    // A NULL in the last row fails the whole statement (NOT NULL): nothing of it is stored.
    await expect(
      h.client.execute({ sql: longInsert, args: rowsFrom(ROWS, (i) => (i === 2 * ROWS - 1 ? null : String(i))) }),
    ).rejects.toThrow(/NOT NULL/);
    const other = await createDb(url);
    handles.push(other);
    await other.client.execute('INSERT INTO t (id, v) VALUES (-1, ?)', ['other']);
    // A checkpoint that truncates the WAL needs every connection's read snapshot ended.
    const cp = await other.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(cp.rows[0]![0]).toBe(0);
    await h.client.execute({ sql: longInsert, args: rowsFrom(ROWS) });
    expect((await h.client.execute('SELECT count(*) FROM t')).rows[0]![0]).toBe(2 * ROWS + 1);
  });
});
