import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { concurrentPushBench } from '../bench/concurrent-push';
import { makeDirectory } from '../bench/generate';

const dir = mkdtempSync(join(tmpdir(), 'cl-two-servers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;

it('two server processes on one database file take concurrent pushes: every row once, derived fields as a recompute gives', async () => {
  const endMs = Math.floor(Date.now() / DAY) * DAY;
  // Four staff clients dealt to the two processes, pushing 200-item batches from one stream: the same threads and
  // stakeholders reach both processes at once, so pairing on one must see what the other wrote.
  const result = await concurrentPushBench(
    dir,
    { seed: 7, rows: 4_000, startMs: endMs - 60 * DAY, endMs, directory: makeDirectory(7, 30, 4) },
    { clients: 4, servers: 2, batchSize: 200 },
  );
  expect(result.rejected).toBe(0);
  expect(result.stored).toBe(4_000);
  expect(result.recomputeChanged).toBe(0);
  expect(result.push.runs).toBe(20);
}, 300_000);
