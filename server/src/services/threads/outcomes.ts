import { TRPCError } from '@trpc/server';
import { and, asc, eq } from 'drizzle-orm';
import { threadResolutionAt, type ThreadOutcomeKind } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import { reserveSeq } from '../../db/queries/seq';
import { threadFacts, type ThreadFacts } from '../../db/queries/threads';
import { threadOutcomes, type ThreadOutcomeRow } from '../../db/tables/evaluation';
import { toIso } from '../../iso';
import { isManager, type ServiceUser } from '../service-ctx';

/*
 * Resolving and reopening a conversation (docs/architecture.md "Data model"): one event log per thread, checked the same way whether
 * it comes from `threads.resolve` / `threads.reopen` or from an offline `thread_outcome` push item.
 */

/** A resolve or reopen to record: `at` in epoch ms. */
export interface OutcomeToRecord {
  id: string;
  threadKey: string;
  event: ThreadOutcomeKind;
  at: number;
  note: string | null;
}

const refuse = (code: 'BAD_REQUEST' | 'CONFLICT', message: string) => new TRPCError({ code, message });

/** The thread's outcomes in the order they took effect: by time, then as recorded. */
export function outcomesOf(db: DbOrTx, orgId: string, threadKey: string): Promise<ThreadOutcomeRow[]> {
  return db
    .select()
    .from(threadOutcomes)
    .where(and(eq(threadOutcomes.orgId, orgId), eq(threadOutcomes.threadKey, threadKey)))
    .orderBy(asc(threadOutcomes.at), asc(threadOutcomes.seq));
}

/** The thread's facts for `user`: NOT_FOUND when the org has no such thread, FORBIDDEN for staff not in it. */
export async function visibleThread(db: DbOrTx, user: ServiceUser, threadKey: string): Promise<ThreadFacts> {
  const facts = await threadFacts(db, user.orgId, threadKey, user.id);
  if (!facts) {
    throw new TRPCError({
      code: 'NOT_FOUND',
      message: `No conversation ${threadKey} in your org: log one of its messages first.`,
    });
  }
  if (!facts.loggedByUser && !isManager(user)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You can only see, resolve or reopen conversations you have logged a message in; ask a manager.',
    });
  }
  return facts;
}

/** Why `o` cannot follow the thread's outcomes so far, or null when it can. */
function refusal(o: OutcomeToRecord, facts: ThreadFacts, events: ThreadOutcomeRow[], now: number): TRPCError | null {
  const verb = o.event === 'resolved' ? 'resolved' : 'reopened';
  if (o.at > now) return refuse('BAD_REQUEST', `A conversation cannot be ${verb} in the future (${toIso(o.at)}).`);
  const state = threadResolutionAt(
    events.map((e) => ({ kind: e.event, atMs: e.at })),
    Number.POSITIVE_INFINITY,
  );
  const last = events[events.length - 1];
  if (o.event === 'resolved') {
    if (state.resolved)
      return refuse(
        'CONFLICT',
        `This conversation is already resolved (${toIso(state.resolvedAtMs!)}): reopen it first.`,
      );
    if (o.at < facts.firstAt)
      return refuse(
        'BAD_REQUEST',
        `The resolution (${toIso(o.at)}) is before the conversation's first message (${toIso(facts.firstAt)}).`,
      );
    if (last && o.at < last.at)
      return refuse('BAD_REQUEST', `The resolution (${toIso(o.at)}) is before it was reopened (${toIso(last.at)}).`);
    return null;
  }
  if (!state.resolved)
    return refuse('CONFLICT', 'This conversation is not resolved: only a resolved one can be reopened.');
  if (o.at < state.resolvedAtMs!)
    return refuse(
      'BAD_REQUEST',
      `The reopening (${toIso(o.at)}) is before the resolution it reopens (${toIso(state.resolvedAtMs!)}).`,
    );
  return null;
}

/**
 * Record a resolve or reopen by `user` after checking it: the thread is the org's (and, for staff, one they logged
 * in), not in the future, a resolve not before the first message nor the last reopening and not of a resolved
 * thread, a reopen only of a resolved thread and not before its resolution. Throws a TRPCError that says why.
 */
export async function recordOutcome(
  db: DbOrTx,
  user: ServiceUser,
  o: OutcomeToRecord,
  now: number,
): Promise<ThreadOutcomeRow> {
  const facts = await visibleThread(db, user, o.threadKey);
  const events = await outcomesOf(db, user.orgId, o.threadKey);
  const refused = refusal(o, facts, events, now);
  if (refused) throw refused;
  const row: ThreadOutcomeRow = {
    ...o,
    orgId: user.orgId,
    userId: user.id,
    createdAt: now,
    seq: await reserveSeq(db, user.orgId, 1),
  };
  await db.insert(threadOutcomes).values(row);
  return row;
}
