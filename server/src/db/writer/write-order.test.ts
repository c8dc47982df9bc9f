import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WriteOrder } from './write-order';

/**
 * A worker thread that takes a turn in `order` (this file's WriteOrder, through tsx), says so, and stops without
 * giving it back — as a push writer that crashed would. `waitForTurn: false`: it stops while still waiting.
 */
function stoppingWorker(order: WriteOrder, waitForTurn: boolean): { worker: Worker; exited: Promise<void> } {
  const tsx = pathToFileURL(
    join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
  ).href;
  const entry = new URL('./write-order.ts', import.meta.url).href;
  const code = `
    const { workerData, parentPort } = require('node:worker_threads');
    import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))
      .then(({ WriteOrder }) => {
        const turn = new WriteOrder(workerData).acquire();
        if (!${waitForTurn}) return parentPort.postMessage('asked');
        return turn.then(() => parentPort.postMessage('holds'));
      });`;
  const worker = new Worker(code, { eval: true, workerData: order.buffer });
  const exited = new Promise<void>((done) => worker.once('exit', () => done()));
  return { worker, exited };
}

const said = (worker: Worker) => new Promise<unknown>((ok) => worker.once('message', ok));

describe('WriteOrder across threads', () => {
  it('takes turns in arrival order', async () => {
    const order = new WriteOrder();
    const seen: number[] = [];
    const first = await order.acquire();
    const second = order.acquire().then((release) => {
      seen.push(2);
      release();
    });
    const third = order.acquire().then((release) => {
      seen.push(3);
      release();
    });
    seen.push(1);
    first();
    await Promise.all([second, third]);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives back the turn of a worker that stopped holding it', async () => {
    const order = new WriteOrder();
    const { worker, exited } = stoppingWorker(order, true);
    expect(await said(worker)).toBe('holds');
    await worker.terminate();
    await exited;
    order.releaseStoppedWorker();
    const release = await order.acquire();
    release();
  }, 30_000);

  it('passes over the ticket of a worker that stopped while waiting for its turn', async () => {
    const order = new WriteOrder();
    const mine = await order.acquire();
    const { worker, exited } = stoppingWorker(order, false);
    expect(await said(worker)).toBe('asked');
    await worker.terminate();
    await exited;
    order.releaseStoppedWorker();
    mine();
    const release = await order.acquire();
    release();
  }, 30_000);
});
