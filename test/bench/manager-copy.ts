/*
 * (h) A manager's local copy (docs/sync.md "Pull"): one org of `rows` interactions over two years, logged by `users`
 * people (the manager one of them, logging as much as any), loaded straight into the server's schema as (c) does.
 * The manager pulls through the real server over HTTP as the extension does (sync.pull with scope 'own', 500 rows a
 * page) and each page is stored by the extension's own sync store (Dexie) over fake-indexeddb in node. Printed:
 * the bytes pulled, and the IndexedDB size, counted as the V8 structured-clone bytes of every stored record (what
 * Chromium's IndexedDB keeps per value) plus its key. Target ≤ 20 MB. The org-scope copy it replaces is estimated
 * from the same per-row sizes.
 */
import { serialize } from 'node:v8';
import type { InStatement } from '@libsql/client';
import type { PullResult } from '@comms-log/shared';
import { issueToken } from '../../server/src/auth/tokens';
import { createDb, migrateDb } from '../../server/src/db/client';
import { currentPlan } from '../../server/src/services/plans';
import { createBenchOrg } from './bench-org';
import { generateInteractions, makeDirectory } from './generate';
import { Random, ulidAt } from './random';
import { fmtInt, table } from './report';
import { storedColumns, storedRows, storedValues } from './rows';
import { startServer } from './server-process';
import { round } from './stats';

const DAY = 86_400_000;
const MB = 1_000_000;
export const managerCopyTargetMb = 20;
const CHUNK_ROWS = 50_000;
const ROWS_PER_STATEMENT = Math.floor(32_000 / storedColumns.length);

export interface ManagerCopyResult {
  orgRows: number;
  users: number;
  stakeholders: number;
  loadMs: number;
  /** The manager's own interactions on the server. */
  ownRows: number;
  pages: number;
  pulledBytes: number;
  pullMs: number;
  stored: { interactions: number; followups: number; stakeholders: number };
  idbBytes: number;
  /** The org-scope copy of before, from the same per-row sizes. */
  orgScopeIdbBytesEstimate: number;
}

const insertSql = (n: number) =>
  `INSERT INTO interactions (${storedColumns.join(', ')}) VALUES ${Array.from({ length: n }, () => `(${storedColumns.map(() => '?').join(',')})`).join(',')}`;

/**
 * The org, its stakeholders and `rows` interactions (derived by the server's own rules), indexes rebuilt after; the
 * manager's token and own row count. Also the org of `bench:team` (team-paint.ts).
 */
export async function loadOrg(
  databaseUrl: string,
  opts: { rows: number; users: number; stakeholders: number; seed: number; endMs: number },
) {
  const handle = await createDb(databaseUrl);
  await migrateDb(handle.db);
  const { db, client } = handle;
  const directory = makeDirectory(opts.seed, opts.stakeholders, opts.users);
  const { orgId, userIds } = await createBenchOrg(db, 'Manager copy org', directory.users, opts.endMs);
  const r = new Random(opts.seed);
  const stakeholderIds = directory.stakeholders.map(() => ulidAt(opts.endMs - 800 * DAY, r));
  const stakeholderRows: InStatement[] = [];
  for (let i = 0; i < stakeholderIds.length; i += 500) {
    const part = directory.stakeholders.slice(i, i + 500);
    stakeholderRows.push({
      sql: `INSERT INTO stakeholders (id, org_id, name, type, tier, organization, active, created_at, updated_at, seq) VALUES ${part.map(() => '(?,?,?,?,?,?,1,?,?,?)').join(',')}`,
      args: part.flatMap((s, k) => [
        stakeholderIds[i + k]!,
        orgId,
        s.name,
        s.type,
        s.tier,
        s.organization,
        opts.endMs,
        opts.endMs,
        i + k + 1,
      ]),
    });
  }
  await client.batch(stakeholderRows, 'write');
  const indexes = (
    await client.execute(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'interactions' AND sql IS NOT NULL",
    )
  ).rows.map((row) => ({ name: String(row.name), sql: String(row.sql) }));
  await client.batch(
    indexes.map((i) => `DROP INDEX ${i.name}`),
    'write',
  );
  const plan = (await currentPlan(db, orgId)).plan;
  const gen = generateInteractions({
    seed: opts.seed,
    count: opts.rows,
    startMs: opts.endMs - 730 * DAY,
    endMs: opts.endMs,
    directory,
  });
  let seq = stakeholderIds.length;
  for (let done = false; !done; ) {
    const gens = [];
    for (let n = 0; n < CHUNK_ROWS; n++) {
      const next = gen.next();
      if (next.done) {
        done = true;
        break;
      }
      gens.push(next.value);
    }
    const rows = storedRows(gens, { orgId, userIds, stakeholderIds }, plan, { firstSeq: seq + 1, now: null });
    seq += rows.length;
    const statements: InStatement[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const part = rows.slice(i, i + ROWS_PER_STATEMENT);
      statements.push({ sql: insertSql(part.length), args: part.flatMap(storedValues) });
    }
    if (statements.length) await client.batch(statements, 'write');
  }
  await client.batch(
    [...indexes.map((i) => i.sql), { sql: 'UPDATE org_seq SET seq = ? WHERE org_id = ?', args: [seq, orgId] }],
    'write',
  );
  const managerId = userIds[directory.users.findIndex((u) => u.role === 'manager')]!;
  const token = (await issueToken(db, { orgId, userId: managerId, name: 'bench' }, opts.endMs)).token;
  const own = await client.execute({
    sql: 'SELECT count(*) AS n FROM interactions WHERE org_id = ? AND user_id = ?',
    args: [orgId, managerId],
  });
  handle.client.close();
  return {
    token,
    managerName: directory.users.find((u) => u.role === 'manager')!.name,
    ownRows: Number(own.rows[0]!.n),
    stakeholders: stakeholderIds.length,
  };
}

/** The extension's Dexie database and sync store over fake-indexeddb (their browser globals faked first). */
async function extensionStore() {
  // Packages of the extension's (its test kit), imported by their paths: the storage its sync store reads, and the
  // global indexedDB its Dexie opens.
  const extensionPackages = '../../extension/node_modules';
  const { fakeBrowser } = await import(`${extensionPackages}/wxt/dist/testing/fake-browser.mjs`);
  Object.assign(globalThis, { chrome: fakeBrowser, browser: fakeBrowser });
  await import(`${extensionPackages}/fake-indexeddb/auto/index.mjs`);
  const { CommsLogDb } = await import('../../extension/src/lib/outbox/local-db');
  const { createDexieSyncStore } = await import('../../extension/src/lib/outbox/sync-store');
  const db = new CommsLogDb(`manager-copy-${Date.now()}`);
  return { db, store: createDexieSyncStore(db) };
}

type ExtensionDb = Awaited<ReturnType<typeof extensionStore>>['db'];

/** Every record of the three stores: V8 structured-clone bytes of the value plus the key's. */
async function idbBytes(db: ExtensionDb) {
  const sizes = { interactions: 0, followups: 0, stakeholders: 0 };
  const counts = { interactions: 0, followups: 0, stakeholders: 0 };
  for (const name of ['interactions', 'followups', 'stakeholders'] as const) {
    await db.table(name).each((record: { id: string }) => {
      sizes[name] += serialize(record).length + record.id.length;
      counts[name] += 1;
    });
  }
  return { sizes, counts };
}

/** Pulls as the extension does, over HTTP: scope 'own', 500 rows a page, each page stored by its sync store. */
async function pullAsExtension(url: string, token: string) {
  const { db, store } = await extensionStore();
  let cursor = 0;
  let bytes = 0;
  let pages = 0;
  const t0 = performance.now();
  for (;;) {
    const input = encodeURIComponent(JSON.stringify({ cursor, limit: 500, scope: 'own' }));
    const res = await fetch(`${url}/trpc/sync.pull?input=${input}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (!res.ok) throw new Error(`sync.pull answered ${res.status}: ${text.slice(0, 300)}`);
    bytes += Buffer.byteLength(text);
    pages++;
    const page = (JSON.parse(text) as { result: { data: PullResult } }).result.data;
    await store.applyPull(page);
    if (!page.hasMore || page.cursor <= cursor) break;
    cursor = page.cursor;
  }
  return { db, bytes, pages, pullMs: performance.now() - t0 };
}

export async function managerCopyBench(
  dir: string,
  opts: { rows: number; users: number; stakeholders: number; seed: number; endMs: number },
): Promise<ManagerCopyResult> {
  const databaseUrl = `file:${dir}/manager-copy.db`;
  const t0 = performance.now();
  const loaded = await loadOrg(databaseUrl, opts);
  const loadMs = performance.now() - t0;
  const server = await startServer({ databaseUrl });
  try {
    const pulled = await pullAsExtension(server.url, loaded.token);
    const { sizes, counts } = await idbBytes(pulled.db);
    const perInteraction = counts.interactions ? sizes.interactions / counts.interactions : 0;
    pulled.db.close();
    return {
      orgRows: opts.rows,
      users: opts.users,
      stakeholders: loaded.stakeholders,
      loadMs,
      ownRows: loaded.ownRows,
      pages: pulled.pages,
      pulledBytes: pulled.bytes,
      pullMs: pulled.pullMs,
      stored: counts,
      idbBytes: sizes.interactions + sizes.followups + sizes.stakeholders,
      orgScopeIdbBytesEstimate: perInteraction * opts.rows + sizes.stakeholders,
    };
  } finally {
    await server.stop();
  }
}

export function printManagerCopy(h: ManagerCopyResult) {
  const mb = (b: number) => `${round(b / MB, 1)} MB`;
  const met = (b: number) => (b <= managerCopyTargetMb * MB ? '✓' : '✗');
  console.log(
    `\n(h) A manager's local copy: an org of ${fmtInt(h.orgRows)} interactions over two years, ${h.users} people, ${fmtInt(h.stakeholders)} stakeholders (loaded in ${round(h.loadMs / 1000, 0)} s)`,
  );
  console.log(
    table(
      [
        ['', 'value', `target ≤ ${managerCopyTargetMb} MB`],
        [
          `pulled over HTTP (sync.pull scope 'own', ${h.pages} pages, ${round(h.pullMs / 1000, 1)} s)`,
          mb(h.pulledBytes),
          met(h.pulledBytes),
        ],
        [
          `IndexedDB (${fmtInt(h.stored.interactions)} interactions, ${fmtInt(h.stored.followups)} follow-ups, ${fmtInt(h.stored.stakeholders)} stakeholders)`,
          mb(h.idbBytes),
          met(h.idbBytes),
        ],
        ["the org's copy before (scope 'org', estimated from the same row sizes)", mb(h.orgScopeIdbBytesEstimate), ''],
      ],
      ['l', 'r', 'l'],
    ),
  );
  console.log(
    "  IndexedDB size: the extension's own sync store (Dexie) over fake-indexeddb in node, each record's V8 structured-clone bytes plus its key",
  );
  return {
    orgRows: h.orgRows,
    users: h.users,
    ownRows: h.ownRows,
    pulledBytes: h.pulledBytes,
    idbBytes: Math.round(h.idbBytes),
    orgScopeIdbBytesEstimate: Math.round(h.orgScopeIdbBytesEstimate),
    targetMet: h.pulledBytes <= managerCopyTargetMb * MB && h.idbBytes <= managerCopyTargetMb * MB,
  };
}
