import { TRPCError } from '@trpc/server';
import type { PushInput, PushResult } from '@comms-log/shared';
import type { Db } from '../../db/client';
import type { ServiceUser } from '../service-ctx';
import { push, pushBatch } from './push';

/** One client's push waiting to be applied with others. */
export interface PushRequest {
  user: ServiceUser;
  input: PushInput;
}

/** A push's answer: its result, or the refusal (a TRPCError) or failure it threw. */
export type PushOutcome = { ok: true; result: PushResult } | { ok: false; error: unknown };

async function settle(run: () => Promise<PushResult>): Promise<PushOutcome> {
  try {
    return { ok: true, result: await run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Group commit (docs/architecture.md "The push writer"): the pushes that queued while the last group applied, in
 * one transaction, each in a savepoint of its own and answered with its own result, exactly as if pushed alone one
 * after another. A push whose savepoint failed unexpectedly, or every push when the group's transaction failed,
 * is then applied alone by {@link push} (item by item if it must): one bad push never takes the others down.
 */
export async function pushTogether(db: Db, requests: readonly PushRequest[]): Promise<PushOutcome[]> {
  if (requests.length === 1) {
    const [one] = requests as [PushRequest];
    return [await settle(() => push({ db, user: one.user }, one.input))];
  }
  let outcomes: (PushOutcome | null)[];
  try {
    outcomes = await db.transaction(async (tx) => {
      const inGroup: (PushOutcome | null)[] = [];
      for (const { user, input } of requests) {
        const outcome = await settle(() => pushBatch({ db: tx, user }, input.items));
        // A refusal is the caller's answer; anything else is retried alone below.
        inGroup.push(outcome.ok || outcome.error instanceof TRPCError ? outcome : null);
      }
      return inGroup;
    });
  } catch {
    outcomes = requests.map(() => null);
  }
  const answers: PushOutcome[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    const { user, input } = requests[i]!;
    answers.push(outcome ?? (await settle(() => push({ db, user }, input))));
  }
  return answers;
}
