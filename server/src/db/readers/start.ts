import type { Worker } from 'node:worker_threads';
import { TRPCError } from '@trpc/server';
import type { ReportInput, ReportKind, ReportResult } from '../../services/jobs/report-services';
import type { ServiceUser } from '../../services/service-ctx';
import { newWorkerThread } from '../writer/start';
import { WriteOrder } from '../writer/write-order';
import { REPORT_THREAD_READY, type ReportMessage, type ReportRequest } from './protocol';

/** Builds reports off the main thread (docs/architecture.md "The report builder"). */
export interface ReportBuilder {
  /** False once its thread has stopped unexpectedly (reports are then built in the main thread). */
  readonly running: boolean;
  build<K extends ReportKind>(
    kind: K,
    req: { user: ServiceUser; input: ReportInput<K>; now?: number },
    onStep: (done: number, total: number) => void,
  ): Promise<ReportResult<K>>;
  close(): Promise<void>;
}

/** Thrown for a build its thread did not answer because the thread stopped (a read may run again elsewhere). */
export class ReportThreadStopped extends Error {}

/** The thread is stopped after this long without a build: its heap is given back until the next one. */
const IDLE_MS = 5 * 60_000;

interface Waiting {
  resolve(r: unknown): void;
  reject(e: Error): void;
  onStep(done: number, total: number): void;
}

/** Start a worker; resolves once its connections are open. */
async function started(url: string, order: WriteOrder): Promise<Worker> {
  const worker = newWorkerThread('report-builder.js', new URL('./worker.ts', import.meta.url), {
    url,
    order: order.buffer,
  });
  await new Promise<void>((ready, failed) => {
    worker.once('message', (m) => (m === REPORT_THREAD_READY ? ready() : failed(new Error(`report thread: ${m}`))));
    worker.once('error', failed);
  });
  return worker;
}

function settle(w: Waiting | undefined, m: ReportMessage): void {
  if ('step' in m) w?.onStep(m.step.done, m.step.total);
  else if (m.ok) w?.resolve(m.result);
  else if (m.code) w?.reject(new TRPCError({ code: m.code as TRPCError['code'], message: m.message }));
  else w?.reject(new Error(`report thread: ${m.message}`));
}

/**
 * The report builder of the embedded database file `url` (never `:memory:`), taking turns with this process's
 * writes in `order`. Its thread starts with the first build, not before (a second heap costs memory only while
 * reports are wanted), and stops after IDLE_MS without one.
 */
export function reportBuilder(url: string, order: WriteOrder): ReportBuilder {
  let worker: Promise<Worker> | null = null;
  let failure: Error | null = null;
  let idle: NodeJS.Timeout | undefined;
  const waiting = new Map<number, Waiting>();
  let nextId = 0;

  const stopped = (e: Error) => {
    failure ??= e;
    worker = null;
    for (const w of waiting.values()) w.reject(new ReportThreadStopped(e.message));
    waiting.clear();
  };
  const stopWhenIdle = () => {
    clearTimeout(idle);
    if (waiting.size === 0) idle = setTimeout(() => void stop(), IDLE_MS).unref();
  };
  // The report thread's turns in the write order are those of its slot, 1 (the push writer's is 0).
  const slot = new WriteOrder(order.buffer, 1);
  const stop = async () => {
    const w = worker;
    worker = null;
    const thread = await w?.catch(() => null);
    thread?.removeAllListeners();
    await thread?.terminate();
    slot.releaseStoppedWorker();
  };
  const ensure = (): Promise<Worker> => {
    worker ??= started(url, order).then((thread) => {
      thread.on('message', (m: ReportMessage) => {
        const w = waiting.get(m.id);
        if (!('step' in m)) waiting.delete(m.id);
        settle(w, m);
        if (!('step' in m)) stopWhenIdle();
      });
      thread.on('error', (e) => {
        console.error('the report thread stopped; reports are built in the main thread from now on', e);
        stopped(e);
      });
      thread.on('exit', (code) => {
        slot.releaseStoppedWorker();
        stopped(new Error(`report thread exited (code ${code})`));
      });
      return thread;
    });
    return worker;
  };

  return {
    get running() {
      return failure === null;
    },
    async build(kind, req, onStep) {
      if (failure) throw new ReportThreadStopped(failure.message);
      clearTimeout(idle);
      let thread: Worker;
      try {
        thread = await ensure();
      } catch (e) {
        console.error('the report thread did not start; reports are built in the main thread from now on', e);
        stopped(e instanceof Error ? e : new Error(String(e)));
        throw new ReportThreadStopped(failure!.message);
      }
      const { id, orgId, role } = req.user;
      const message: ReportRequest = { id: nextId++, kind, user: { id, orgId, role }, input: req.input, now: req.now };
      return new Promise<ReportResult<typeof kind>>((resolve, reject) => {
        waiting.set(message.id, { resolve: resolve as (r: unknown) => void, reject, onStep });
        thread.postMessage(message);
      });
    },
    async close() {
      clearTimeout(idle);
      failure ??= new Error('report builder closed');
      await stop();
    },
  };
}
