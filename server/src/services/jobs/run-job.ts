import { TRPCError } from '@trpc/server';
import type { JobKind } from '@comms-log/shared';
import type { ServiceCtx } from '../service-ctx';
import { type JobHandle, startJob } from './registry';

/** What a failed job tells the person who started it when the error has no message meant for them. */
const UNEXPECTED = 'The server failed while running it. Nothing more is known here; the server log has the detail.';

/** The failure's message in plain words: the service's own, or UNEXPECTED for a fault of the server. */
function plainMessage(e: unknown): string {
  if (e instanceof TRPCError && e.code !== 'INTERNAL_SERVER_ERROR') return e.message;
  return UNEXPECTED;
}

/**
 * Run `run` as a job of the caller's, registered under `id` (fresh when not given) so that `jobs.get` shows its
 * progress: it ends finished with the result, or failed with the error's message, and the error is thrown on.
 */
export async function runJob<T>(
  ctx: ServiceCtx,
  kind: JobKind,
  id: string | undefined,
  run: (job: JobHandle) => Promise<T>,
): Promise<T> {
  const job = startJob(ctx.user.id, kind, id);
  try {
    const result = await run(job);
    job.finish();
    return result;
  } catch (e) {
    job.fail(plainMessage(e));
    throw e;
  }
}
