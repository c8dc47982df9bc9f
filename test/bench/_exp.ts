import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDb } from '../../server/src/db/client';
import { createOrg, createUser } from '../../server/src/services/orgs';
import { generateInteractions, inBatches, makeDirectory } from './generate';
import { Random, ulidAt } from './random';
import { baseColumns, rowValues, updatableColumns, upsertSql } from './rows';

const mode = process.argv[2] ?? 'values';
const extra = Number(process.argv[3] ?? 0); // extra derived columns count (0 or 9)
const derivedCols = ['wait_start','first_response','replied_at','replied_by','reply_id','response_ms','response_work_ms','deadline_at','on_time'];
const dir = mkdtempSync(join(tmpdir(), 'exp-'));
const h = await createDb(`file:${join(dir, 'x.db')}`);
await migrateDb(h.db);
for (const p of process.argv.slice(4)) await h.client.execute(p);
const now = Date.now();
const directory = makeDirectory(1, 100, 5);
const org = await createOrg(h.db, { name: 'x', timeZone: 'Asia/Shanghai' }, now);
const userIds: string[] = [];
for (const u of directory.users) userIds.push((await createUser(h.db, { orgId: org.id, name: u.name, email: u.email, role: u.role }, now)).id);
const r = new Random(7);
const ids = { orgId: org.id, userIds, stakeholderIds: directory.stakeholders.map(() => ulidAt(now, r)) };
const cols = extra ? [...baseColumns, ...derivedCols] : [...baseColumns];
const upd = extra ? [...updatableColumns, ...derivedCols] : [...updatableColumns];
const valuesSql = upsertSql(500, cols, upd);
const jsonSql = `INSERT INTO interactions (${cols.join(', ')}) SELECT ${cols.map((_, i) => `value ->> ${i}`).join(', ')} FROM json_each(?) WHERE true ON CONFLICT(id) DO UPDATE SET ${upd.map((c) => `${c} = excluded.${c}`).join(', ')}`;
const frames: number[] = []; let last = 0;
let seq = 0, insMs = 0, comMs = 0, begMs = 0;
const rnd = new Random(3);
for (const batch of inBatches(generateInteractions({ seed: 1, count: 100000, startMs: now - 180*86400000, endMs: now, directory }), 500)) {
  const rows = batch.map((g) => { const v = rowValues(g, ids, ++seq, now); if (extra) { const w = rnd.next() < 0.45; v.push(w?1:0, w?1:0, w?g.occurredAt+3600000:null, w?'u1':null, w?'01ABCDEFGHJKMNPQRSTVWXYZ0':null, w?3600000:null, w?3600000:null, w?g.occurredAt+14400000:null, w?'on_time':null); } return v; });
  let t = performance.now();
  const tx = await h.client.transaction('write');
  let t2 = performance.now(); begMs += t2 - t; t = t2;
  if (mode === 'values') await tx.execute({ sql: batch.length === 500 ? valuesSql : upsertSql(batch.length, cols, upd), args: rows.flat() });
  else if (mode === 'lit') {
    // shared params ?1 org, ?2 now; NULL/0/1 literals; others bound
    const args: (string|number|null)[] = [];
    const tuples = rows.map((v) => '(' + v.map((x, i) => { const c = cols[i]; if (x === null) return 'NULL'; if (x === 0 || x === 1) return String(x); args.push(x); return '?'; }).join(',') + ')');
    await tx.execute({ sql: `INSERT INTO interactions (${cols.join(', ')}) VALUES ${tuples.join(',')} ON CONFLICT(id) DO UPDATE SET ${upd.map((c) => `${c} = excluded.${c}`).join(', ')}`, args });
  }
  else await tx.execute({ sql: jsonSql, args: [JSON.stringify(rows)] });
  t2 = performance.now(); insMs += t2 - t; t = t2;
  await tx.commit();
  t2 = performance.now(); comMs += t2 - t;
  if (process.env.WAL) { const { statSync } = await import('node:fs'); const n = Math.round((statSync(join(dir, 'x.db-wal')).size - 32) / 4120); frames.push(n - last); last = n; }
}
if (frames.length) console.log('WAL frames per batch', (frames.reduce((a, b) => a + b, 0) / frames.length).toFixed(0), frames.slice(-10).join(' '));
console.log(mode, extra ? 33 : 24, 'cols', process.argv.slice(4).join(' '), `begin ${(begMs/200).toFixed(2)} insert ${(insMs/200).toFixed(2)} commit ${(comMs/200).toFixed(2)} ms/500 → ${Math.round(100000*1000/(begMs+insMs+comMs))} rows/s`);
