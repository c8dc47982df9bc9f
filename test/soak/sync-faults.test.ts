import { expect, it } from 'vitest';
import { quickSoak } from './options';
import { figureLines } from './print-figures';
import { runSoak } from './soak';
import { soakFailures } from './verdict';

/*
 * Sync under faults, the quick form (`pnpm soak` runs the long one): 2,000 interactions from 2 simulated
 * extensions through a proxy that drops 20% of the server's answers after it applied them, with 2 SIGKILLs of the
 * server during pushes. Every item is stored once, deletes applied, derived fields equal to a recompute, and every
 * pull page readable and matching the stored rows.
 */
it('loses nothing, duplicates nothing and derives as a recompute when answers drop and the server dies', async () => {
  const figures = await runSoak(quickSoak);
  const report = figureLines(figures).join('\n');
  expect(soakFailures(figures), report).toEqual([]);

  // The faults happened and the run exercised what it claims: retries of dropped answers, kills during pushes,
  // merges of messages two clients logged, deletes, waits answered from another thread.
  expect(figures.proxy.dropped['sync.push'], report).toBeGreaterThan(0);
  expect(figures.retries, report).toBeGreaterThan(figures.proxy.dropped['sync.push']! / 2);
  expect(figures.kills.filter((k) => k.duringPush).length, report).toBeGreaterThan(0);
  expect(figures.stored.stored, report).toBe(figures.items);
  expect(figures.merged, report).toBe(figures.upserts - figures.items);
  expect(figures.merged, report).toBeGreaterThan(0);
  expect(figures.stored.live, report).toBe(figures.items - figures.deletes);
  expect(figures.deletes, report).toBeGreaterThan(0);
  expect(figures.stored.crossThreadAnswers, report).toBeGreaterThan(0);
}, 150_000);
