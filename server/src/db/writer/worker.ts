/*
 * The push writer's worker thread (docs/architecture.md "The push writer"): its own connection to the database
 * file, taking its turns in the process's WriteOrder, applying the pushes the main thread posts in groups
 * (services/sync/push-group.ts) and answering each.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { TRPCError } from '@trpc/server';
import { type PushOutcome, pushTogether } from '../../services/sync/push-group';
import { createDb } from '../client';
import { type PushAnswer, type PushJob, WRITER_READY, type WriterData } from './protocol';
import { WriteOrder } from './write-order';

/** At most this many pushes in one group (8 clients' 500-item batches apply in one transaction). */
const MAX_GROUP = 16;

if (!parentPort) throw new Error('db/writer/worker.ts runs as a worker thread');
const port = parentPort;
const data = workerData as WriterData;
const { db } = await createDb(data.url, undefined, { order: new WriteOrder(data.order), reader: false });

function answerOf(id: number, outcome: PushOutcome): PushAnswer {
  if (outcome.ok) return { id, ok: true, result: outcome.result };
  const { error } = outcome;
  if (error instanceof TRPCError) return { id, ok: false, code: error.code, message: error.message };
  console.error('sync.push failed in the push writer', error);
  return { id, ok: false, code: null, message: error instanceof Error ? error.message : String(error) };
}

const queue: PushJob[] = [];
let draining = false;

/** Apply what has queued, group by group; between groups, let the pushes posted meanwhile arrive. */
async function drain() {
  while (queue.length > 0) {
    const group = queue.splice(0, MAX_GROUP);
    const outcomes = await pushTogether(db, group);
    for (const [i, job] of group.entries()) port.postMessage(answerOf(job.id, outcomes[i]!));
    await new Promise((r) => setImmediate(r));
  }
  draining = false;
}

port.on('message', (job: PushJob) => {
  queue.push(job);
  if (draining) return;
  draining = true;
  // After the messages already posted have arrived: they join the first group.
  setImmediate(() => void drain());
});
port.postMessage(WRITER_READY);
