import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import type {
  AssignHandleResult,
  assignHandleInputSchema,
  DismissHandleResult,
  dismissHandleInputSchema,
  IdentityKind,
  Source,
  Suggestion,
  SuggestionsResult,
  suggestionsInputSchema,
} from '@comms-log/shared';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import {
  assignUnassignedOfHandle,
  countSuggestions,
  countUnassignedOfHandle,
  handleKindOfSource,
  suggestionRows,
  threadsOfUnassignedHandle,
  type SuggestionCursor,
} from '../../db/queries/suggestions';
import { dismissedHandles, identities, stakeholders } from '../../db/schema';
import { toIso } from '../../iso';
import { recomputeScope, scopeOfThreads } from '../derive';
import { currentPlan } from '../plans';
import { nowOf, type ServiceCtx } from '../service-ctx';
import { isFreeMailDomain } from './free-mail';
import { emailDomain, IdentityFormatError, normalizeIdentity } from './identities';
import { matchHandles } from './match';
import { writeStakeholder } from './stakeholders';

/*
 * The queue of unknown counterparts: who wrote to us in logged threads that nobody tied to a
 * stakeholder — nothing is created for them automatically. A handle is named by the identity kind its site's
 * handles are and its lower-cased value, so "assign" can add exactly that identity.
 */

const handleKinds = new Set<IdentityKind>(Object.values(handleKindOfSource));

function sourcesOfKind(kind: IdentityKind): Source[] {
  return (Object.entries(handleKindOfSource) as [Source, IdentityKind][]).filter(([, k]) => k === kind).map(([s]) => s);
}

/** The queue's key of a handle: trimmed and lower-cased, as `lower(trim(author_handle))` in SQL. */
const handleValue = (value: string): string => value.trim().toLowerCase();

function assertHandleKind(kind: IdentityKind) {
  if (!handleKinds.has(kind)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Only ${[...handleKinds].join(', ')} handles are seen in logged threads; ${kind} is not one.`,
    });
  }
}

const encodeCursor = (c: SuggestionCursor): string => JSON.stringify([c.n, c.kind, c.value]);

function decodeCursor(cursor: string | null): SuggestionCursor | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(cursor);
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      Number.isSafeInteger(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      typeof parsed[2] === 'string'
    ) {
      return { n: parsed[0] as number, kind: parsed[1], value: parsed[2] };
    }
  } catch {
    // Reported below.
  }
  throw new TRPCError({
    code: 'BAD_REQUEST',
    message: 'This page cursor is not valid: start again from the first page.',
  });
}

/**
 * Inbound, human, external messages without a stakeholder, by handle: busiest first (then by kind and value), without
 * the handles the org dismissed. Each with the name and the title and link of its latest message.
 */
export async function listSuggestions(
  ctx: ServiceCtx,
  input: z.output<typeof suggestionsInputSchema>,
): Promise<SuggestionsResult> {
  const { db } = ctx;
  const orgId = ctx.user.orgId;
  const sinceMs = input.since ? Date.parse(input.since) : null;
  const after = decodeCursor(input.cursor);
  const total = await countSuggestions(db, orgId, sinceMs);
  const rows = await suggestionRows(db, orgId, { sinceMs, after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const matched = page.length
    ? await matchHandles(ctx, { handles: page.map((r) => ({ kind: r.kind, value: r.value })) })
    : [];
  const items: Suggestion[] = page.map((r, k) => {
    const domain = r.kind === 'email' ? emailDomain(r.value) : null;
    return {
      kind: r.kind,
      value: r.value,
      name: r.author_name,
      count: Number(r.n),
      threads: Number(r.threads),
      firstAt: toIso(r.first_at),
      lastAt: toIso(r.last_at),
      sampleTitle: r.title,
      sampleUrl: r.url,
      suggestedDomain: domain && !isFreeMailDomain(domain) ? domain : null,
      matchedStakeholderId: matched[k]?.stakeholderId ?? null,
    };
  });
  const last = page[page.length - 1];
  return {
    items,
    total,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ n: Number(last.n), kind: last.kind, value: last.value })
        : null,
  };
}

/** The org's active stakeholder `id` (NOT_FOUND, or BAD_REQUEST when inactive). */
async function activeStakeholder(db: DbOrTx, orgId: string, id: string) {
  const [target] = await db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.orgId, orgId), eq(stakeholders.id, id)));
  if (!target) throw new TRPCError({ code: 'NOT_FOUND', message: `No stakeholder with id ${id} in your org.` });
  if (!target.active)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `"${target.name}" is inactive: reactivate it (or pick another) before assigning handles to it.`,
    });
  return target;
}

/**
 * Make the handle an identity of `target` unless it already is (CONFLICT when another stakeholder holds it).
 * Returns whether it was added; a handle that is not a well-formed identity (say, a display-only handle) adds none.
 */
async function adoptHandleIdentity(
  db: DbOrTx,
  orgId: string,
  target: { id: string },
  handle: { kind: IdentityKind; value: string },
  now: number,
): Promise<boolean> {
  let identityValue: string;
  try {
    identityValue = normalizeIdentity(handle.kind, handle.value);
  } catch (e) {
    if (!(e instanceof IdentityFormatError)) throw e;
    return false;
  }
  const [held] = await db
    .select({ stakeholderId: identities.stakeholderId, name: stakeholders.name })
    .from(identities)
    .innerJoin(stakeholders, eq(stakeholders.id, identities.stakeholderId))
    .where(and(eq(identities.orgId, orgId), eq(identities.kind, handle.kind), eq(identities.value, identityValue)));
  if (held && held.stakeholderId !== target.id) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `The ${handle.kind} ${identityValue} already belongs to the stakeholder "${held.name}": assign it there, or merge the two.`,
    });
  }
  if (held) return false;
  const identity = { kind: handle.kind, value: identityValue };
  await writeStakeholder(db, orgId, target.id, {}, { mode: 'add', list: [identity] }, now);
  return true;
}

/**
 * Tie a handle to a stakeholder: the handle becomes its identity (unless another stakeholder holds it: CONFLICT),
 * and the handle's interactions without a stakeholder are assigned to it, with its type. A thread whose only unknown
 * counterpart is this handle is assigned whole (our replies in it too), as if it had been logged with the
 * stakeholder. The derived response fields of those threads are recomputed.
 */
export async function assignHandle(
  ctx: ServiceCtx,
  input: z.output<typeof assignHandleInputSchema>,
): Promise<AssignHandleResult> {
  assertHandleKind(input.kind);
  const orgId = ctx.user.orgId;
  const now = nowOf(ctx);
  const value = handleValue(input.value);
  return ctx.db.transaction(async (tx) => {
    const target = await activeStakeholder(tx, orgId, input.stakeholderId);
    const identityAdded = await adoptHandleIdentity(tx, orgId, target, { kind: input.kind, value }, now);
    const handle = { sources: sourcesOfKind(input.kind), value };
    const assigned = await countUnassignedOfHandle(tx, orgId, handle);
    const scope = scopeOfThreads(await threadsOfUnassignedHandle(tx, orgId, handle), target.id);
    await assignUnassignedOfHandle(tx, orgId, handle, target, now);
    if (scope.threadKeys.size) {
      const { plan } = await currentPlan(tx, orgId);
      await recomputeScope(tx, orgId, plan, scope, now);
    }
    return { assigned, identityAdded };
  });
}

/** Hide a handle from the queue, org-wide (idempotent). */
export async function dismissHandle(
  ctx: ServiceCtx,
  input: z.output<typeof dismissHandleInputSchema>,
): Promise<DismissHandleResult> {
  assertHandleKind(input.kind);
  const value = handleValue(input.value);
  await ctx.db
    .insert(dismissedHandles)
    .values({ orgId: ctx.user.orgId, kind: input.kind, value, dismissedBy: ctx.user.id, dismissedAt: nowOf(ctx) })
    .onConflictDoNothing();
  return { kind: input.kind, value, dismissed: true };
}

/** Show a dismissed handle in the queue again (undo). */
export async function undismissHandle(
  ctx: ServiceCtx,
  input: z.output<typeof dismissHandleInputSchema>,
): Promise<DismissHandleResult> {
  const value = handleValue(input.value);
  await ctx.db
    .delete(dismissedHandles)
    .where(
      and(
        eq(dismissedHandles.orgId, ctx.user.orgId),
        eq(dismissedHandles.kind, input.kind),
        eq(dismissedHandles.value, value),
      ),
    );
  return { kind: input.kind, value, dismissed: false };
}
