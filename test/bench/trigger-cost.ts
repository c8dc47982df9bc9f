/*
 * What the day-count triggers on `interactions` (docs/metrics.md "Roll-ups") cost a write: the rows (a) writes (all
 * 33 columns, derived beforehand), upserted 500 rows a transaction into two copies of one database, one with the
 * triggers and one without, batch by batch in turns (so both run under the same load), then upserted again
 * unchanged (what a push of rows already stored does).
 * `pnpm --filter @comms-log/test exec tsx bench/trigger-cost.ts [--rows 20000] [--triggers thread_firsts]`
 * (`--triggers`: which triggers the copy without them drops, `interactions_<name>_*`; default day_counts).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrateDb } from '../../server/src/db/client';
import { currentPlan } from '../../server/src/services/plans';
import { createBenchOrg } from './bench-org';
import { generateInteractions, inBatches, makeDirectory } from './generate';
import { Random, ulidAt } from './random';
import { storedColumns, storedRows, storedValues, updatable, upsertSql } from './rows';
import { rate } from './stats';

const DAY = 86_400_000;
const at = process.argv.indexOf('--rows');
const rows = at > 0 ? Number(process.argv[at + 1]) : 20_000;
const named = process.argv.indexOf('--triggers');
const triggers = named > 0 ? process.argv[named + 1] : 'day_counts';
const dir = mkdtempSync(join(tmpdir(), 'comms-log-triggers-'));

/** The database with the org, copied once the org exists: the same ids in both copies. */
async function prepare() {
  const directory = makeDirectory(1, 100, 5);
  const now = Date.now();
  const handle = await createDb(`file:${join(dir, 'on.db')}`);
  await migrateDb(handle.db);
  const { orgId, userIds } = await createBenchOrg(handle.db, 'Bench triggers', directory.users, now);
  const r = new Random(7);
  const ids = { orgId, userIds, stakeholderIds: directory.stakeholders.map(() => ulidAt(now, r)) };
  const plan = (await currentPlan(handle.db, orgId)).plan;
  const gens = [...generateInteractions({ seed: 1, count: rows, startMs: now - 180 * DAY, endMs: now, directory })];
  const values = storedRows(gens, ids, plan, { firstSeq: 1, now }).map((row) => storedValues(row));
  await handle.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  handle.close();
  copyFileSync(join(dir, 'on.db'), join(dir, 'off.db'));
  return values;
}

const values = await prepare();
const on = await createDb(`file:${join(dir, 'on.db')}`);
const off = await createDb(`file:${join(dir, 'off.db')}`);
for (const t of ['insert', 'update', 'delete']) await off.client.execute(`DROP TRIGGER interactions_${triggers}_${t}`);
const update = updatable(storedColumns);
const ms = { on: [0, 0], off: [0, 0] };
for (const pass of [0, 1]) {
  let turn = 0;
  for (const batch of inBatches(values, 500)) {
    const stmt = { sql: upsertSql(batch.length, storedColumns, update), args: batch.flat() };
    const order = turn++ % 2 ? ([off, on] as const) : ([on, off] as const);
    for (const handle of order) {
      const t0 = performance.now();
      await handle.client.batch([stmt], 'write');
      ms[handle === on ? 'on' : 'off'][pass]! += performance.now() - t0;
    }
  }
}
function line(name: string, pass: number): string {
  const more = (100 * (ms.on[pass]! - ms.off[pass]!)) / ms.off[pass]!;
  return `${name}: without triggers ${rate(rows, ms.off[pass]!)} rows/s, with ${rate(rows, ms.on[pass]!)} rows/s (${more >= 0 ? '+' : ''}${more.toFixed(0)}% time)`;
}
console.log(`${rows} rows, 500 a transaction, all 33 columns; triggers interactions_${triggers}_*`);
console.log(line('new rows', 0));
console.log(line('the same rows again', 1));
on.close();
off.close();
rmSync(dir, { recursive: true, force: true });
