import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TRPCError } from '@trpc/server';
import type { PushInput, PushResult } from '@comms-log/shared';
import type { ServiceUser } from '../../services/service-ctx';
import { type PushAnswer, type PushJob, WRITER_READY, type WriterData } from './protocol';
import type { WriteOrder } from './write-order';

/** Applies pushes off the main thread (docs/architecture.md "The push writer"). */
export interface PushWriter {
  /** False once the worker has stopped (pushes then apply in the main thread: routers/sync.ts). */
  readonly running: boolean;
  push(user: ServiceUser, input: PushInput): Promise<PushResult>;
  close(): Promise<void>;
}

/**
 * A worker thread: in the server bundle (scripts/build.mjs) this module is part of dist/index.js and the worker is
 * the file `bundled` beside it; under tsx or vitest this module is TypeScript, and so is the worker, `source`, loaded
 * through tsx's API (a worker does not take `--import` loaders on Node 20). The report builder starts its thread
 * this way too (db/readers/start.ts).
 */
export function newWorkerThread(bundled: string, source: URL, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${bundled}`, import.meta.url), { workerData });
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = source.href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/** The push writer's worker: dist/push-writer.js, or ./worker.ts. */
function newWorker(workerData: WriterData): Worker {
  return newWorkerThread('push-writer.js', new URL('./worker.ts', import.meta.url), workerData);
}

function errorOf(answer: Extract<PushAnswer, { ok: false }>): Error {
  if (answer.code) return new TRPCError({ code: answer.code as TRPCError['code'], message: answer.message });
  return new Error(`push writer: ${answer.message}`);
}

/**
 * Start the push writer's worker on the embedded database file `url` (never `:memory:`: a thread cannot share
 * one), taking turns with this thread's writes in `order`. Resolves once its connection is open.
 */
export async function startPushWriter(url: string, order: WriteOrder): Promise<PushWriter> {
  const worker = newWorker({ url, order: order.buffer });
  const waiting = new Map<number, { resolve(r: PushResult): void; reject(e: Error): void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  await new Promise<void>((ready, failed) => {
    worker.once('message', (m) => (m === WRITER_READY ? ready() : failed(new Error(`push writer: ${String(m)}`))));
    worker.once('error', failed);
  });
  worker.on('message', (answer: PushAnswer) => {
    const w = waiting.get(answer.id);
    waiting.delete(answer.id);
    if (answer.ok) w?.resolve(answer.result);
    else w?.reject(errorOf(answer));
  });
  worker.on('error', (e) => {
    console.error('the push writer stopped; pushes apply in the main thread from now on', e);
    fail(new Error(`push writer stopped: ${e.message}`));
  });
  worker.on('exit', (code) => {
    // A turn it held (or waited for) is given back: this thread's writes must not wait for a stopped thread.
    order.releaseStoppedWorker();
    fail(new Error(`push writer exited (code ${code})`));
  });
  return {
    get running() {
      return failure === null;
    },
    push(user, input) {
      if (failure) return Promise.reject(failure);
      const job: PushJob = { id: nextId++, user: { id: user.id, orgId: user.orgId, role: user.role }, input };
      return new Promise((resolve, reject) => {
        waiting.set(job.id, { resolve, reject });
        worker.postMessage(job);
      });
    },
    async close() {
      await worker.terminate();
      failure ??= new Error('push writer closed');
    },
  };
}
