/*
 * The report builder's worker thread (docs/architecture.md "The report builder"): its own connections to the
 * database file, running the report services the main thread names and posting their steps and answers.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { TRPCError } from '@trpc/server';
import { runReportService } from '../../services/jobs/report-services';
import { createDb } from '../client';
import { WriteOrder } from '../writer/write-order';
import { REPORT_THREAD_READY, type ReportMessage, type ReportRequest, type ReportThreadData } from './protocol';

/** The report thread's nice value: when the cores are busy it gives way to requests and pushes. */
const NICE = 10;

/**
 * Lower this thread's priority. Linux keeps a nice value per thread (/proc/thread-self names the thread's id); on
 * another system, or when refused, the thread keeps the process's.
 */
function giveWay(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, NICE);
  } catch {
    // Not Linux, or not allowed: builds run at the process's priority.
  }
}

if (!parentPort) throw new Error('db/readers/worker.ts runs as a worker thread');
giveWay();
const port = parentPort;
const data = workerData as ReportThreadData;
const { db } = await createDb(data.url, undefined, { order: new WriteOrder(data.order, 1) });

function failureOf(id: number, error: unknown): ReportMessage {
  if (error instanceof TRPCError) return { id, ok: false, code: error.code, message: error.message };
  console.error('a report build failed in the report thread', error);
  return { id, ok: false, code: null, message: error instanceof Error ? error.message : String(error) };
}

async function build(req: ReportRequest): Promise<void> {
  const onStep = (done: number, total: number) => port.postMessage({ id: req.id, step: { done, total } });
  try {
    const ctx = { db, user: req.user, now: req.now, onStep };
    const result = await runReportService(req.kind, ctx, req.input as never);
    port.postMessage({ id: req.id, ok: true, result } satisfies ReportMessage);
  } catch (e) {
    port.postMessage(failureOf(req.id, e));
  }
}

port.on('message', (req: ReportRequest) => void build(req));
port.postMessage(REPORT_THREAD_READY);
