import type { Plan } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { threadSizesPage, writeDerived } from '../../db/queries/derive';
import { reserveSeq } from '../../db/queries/seq';
import { deriveFields, derivedChanges } from './fields';
import { loadForDerive } from './load';
import { eventLoopSlices } from '../event-loop-slices';
import { emptyScope, type DeriveScope } from './scope';

/** The changed derived fields of `scope` under `plan`, as stored rows and recomputed values differ. */
async function changesOf(db: DbOrTx, orgId: string, plan: Plan, scope: DeriveScope) {
  const { rows, completeThreads } = await loadForDerive(db, orgId, scope);
  return derivedChanges(rows, deriveFields(rows.values(), completeThreads, plan));
}

/** Store `changes`, each with its own change sequence number. */
async function writeChanges(
  db: DbOrTx,
  orgId: string,
  changes: Awaited<ReturnType<typeof changesOf>>,
  now: number,
): Promise<void> {
  if (changes.length === 0) return;
  const first = await reserveSeq(db, orgId, changes.length);
  await writeDerived(
    db,
    orgId,
    changes.map((c, i) => ({ ...c, seq: first + i })),
    now,
  );
}

/**
 * Recompute and store the derived fields of `scope` (e.g. after a wait is closed as "no reply needed").
 * Call inside a transaction. Returns how many rows changed.
 */
export async function recomputeScope(
  db: DbOrTx,
  orgId: string,
  plan: Plan,
  scope: DeriveScope,
  now = Date.now(),
): Promise<number> {
  const changes = await changesOf(db, orgId, plan, scope);
  await writeChanges(db, orgId, changes, now);
  return changes.length;
}

/**
 * Interactions paired at a time by `recomputeOrg`: 10–30 ms of work on the event loop at load 5–10, each written in its own
 * short transaction, so /healthz, reads and pushes answer between chunks (docs/sync.md "Under load").
 */
const RECOMPUTE_CHUNK_ROWS = 300;

/** Threads listed per statement (a million-row org held the event loop for seconds in one). */
const THREADS_PER_PAGE = 5_000;

/** Every thread of the org with its first instant and its number of rows, a page at a time, `between` pages. */
export async function allThreadSizes(
  db: DbOrTx,
  orgId: string,
  between: () => Promise<void>,
  perPage = THREADS_PER_PAGE,
) {
  const all: [key: string, firstAt: number, rows: number][] = [];
  for (let page = await threadSizesPage(db, orgId, '', perPage); page.length; ) {
    all.push(...page);
    if (page.length < perPage) break;
    await between();
    page = await threadSizesPage(db, orgId, page[page.length - 1]![0], perPage);
  }
  return all;
}

/**
 * The org's threads in the order they started, in scopes of about `chunkRows` interactions (a thread is never
 * split; a larger one is a scope of its own), each with its number of rows and the org's in all.
 */
async function* threadScopes(db: DbOrTx, orgId: string, chunkRows: number, between: () => Promise<void>) {
  const threads = await allThreadSizes(db, orgId, between);
  const all = threads.reduce((n, t) => n + t[2], 0);
  threads.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 0; i < threads.length; ) {
    const scope = emptyScope();
    let rows = 0;
    for (; i < threads.length && (rows === 0 || rows + threads[i]![2] <= chunkRows); i++) {
      scope.threadKeys.add(threads[i]![0]);
      rows += threads[i]![2];
    }
    yield { scope, rows, all };
  }
}

/** The plan to recompute under, or how to read it in each chunk's transaction (the current one at that moment). */
export type RecomputePlan = Plan | ((tx: DbOrTx) => Promise<Plan>);

/** Recompute one chunk: with `dryRun` on `db` as it is, else read and written in one transaction of its own. */
function recomputeChunk(
  db: DbOrTx,
  orgId: string,
  plan: RecomputePlan,
  scope: DeriveScope,
  dryRun: boolean,
  now: number,
) {
  const run = async (tx: DbOrTx) => {
    const changes = await changesOf(tx, orgId, typeof plan === 'function' ? await plan(tx) : plan, scope);
    if (!dryRun) await writeChanges(tx, orgId, changes, now);
    return changes.length;
  };
  return dryRun ? run(db) : db.transaction(run);
}

/**
 * Leave the event loop free after a chunk for as long as the chunk held it (at most 50 ms): a push or a read takes
 * several turns of the event loop, and with one turn between chunks each of its turns waited for a chunk.
 */
function pause(chunkMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(PAUSE_MAX_MS, chunkMs)));
}
const PAUSE_MAX_MS = 50;

/**
 * Recompute every interaction of the org under `plan` (after a plan change, on request). With `dryRun`, only
 * count the rows that would change.
 *
 * Threads go in chunks of about `chunkRows` interactions, in the order they started, each chunk recomputed as a
 * push recomputes its threads (with the live events of other threads that can answer their waits) and committed
 * on its own, letting the event loop run between chunks: memory stays that of a chunk however large the org, and
 * pushes take their turn at the write lock between chunks. A push between two chunks derives the threads it
 * touches under the plan current in its transaction, from stored fields that are either recomputed already or
 * belong to a chunk still to come, which reads the push's rows: the end equals a from-scratch recompute
 * (recompute.test.ts). `progress` hears how many interactions are done before each chunk and at the end; a
 * promise it returns is awaited. Other callers (the CLI, the demo seed, checks) run it in one go, letting the event
 * loop run every 20 ms.
 */
export async function recomputeOrg(
  db: DbOrTx,
  orgId: string,
  plan: RecomputePlan,
  opts: {
    dryRun: boolean;
    chunkRows?: number;
    /** A job of the server's: pause after each chunk as long as it ran, so that calls meanwhile answer. */
    shareEventLoop?: boolean;
    progress?: (done: number, total: number) => void | Promise<void>;
  },
  now = Date.now(),
): Promise<{ changed: number; total: number }> {
  let changed = 0;
  let total = 0;
  const nextSlice = eventLoopSlices();
  for await (const { scope, rows, all } of threadScopes(db, orgId, opts.chunkRows ?? RECOMPUTE_CHUNK_ROWS, nextSlice)) {
    await opts.progress?.(total, all);
    total += rows;
    const started = performance.now();
    changed += await recomputeChunk(db, orgId, plan, scope, opts.dryRun, now);
    await (opts.shareEventLoop ? pause(performance.now() - started) : nextSlice());
  }
  await opts.progress?.(total, total);
  return { changed, total };
}
