import type { ErasureResult, privacyStakeholderInputSchema } from '@comms-log/shared';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { deleteStakeholderData, followupIdsOf, interactionIdsOf, threadsOnlyOf } from '../../db/queries/erasure';
import { reserveSeq } from '../../db/queries/seq';
import { erasures } from '../../db/tables/erasure';
import { toIso } from '../../iso';
import { record } from '../audit/record';
import { readStakeholder } from '../directory/stakeholders';
import { rememberErasedHandles } from './erased-handles';
import { nowOf, type ServiceCtx } from '../service-ctx';

/**
 * Erase a stakeholder on request (README "Reliability and security"): the stakeholder, their identities,
 * interactions, follow-ups, survey answers, coverage by them as an outlet, snoozes and the outcomes of
 * conversations that were only theirs, in one transaction. A tombstone (ids only) takes the org's next change
 * number so that sync.pull tells every extension to drop its local copies (docs/sync.md "Erasure"); the audit
 * entry keeps counts, never the person's name. NOT_FOUND when the org has no such stakeholder.
 */
export function eraseStakeholder(
  ctx: ServiceCtx,
  input: z.output<typeof privacyStakeholderInputSchema>,
): Promise<ErasureResult> {
  const orgId = ctx.user.orgId;
  const { stakeholderId } = input;
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    await readStakeholder(tx, orgId, stakeholderId);
    const interactionIds = await interactionIdsOf(tx, orgId, stakeholderId);
    const followupIds = await followupIdsOf(tx, orgId, stakeholderId);
    const threads = await threadsOnlyOf(tx, orgId, interactionIds);
    const id = ulid(now);
    // Before the identities go: their keyed hashes keep the handles from coming back in a later push.
    await rememberErasedHandles(tx, orgId, stakeholderId, { id, at: now });
    const removed = await deleteStakeholderData(tx, orgId, stakeholderId, {
      interactions: interactionIds,
      followups: followupIds,
      threads,
    });
    const seq = await reserveSeq(tx, orgId, 1);
    await tx.insert(erasures).values({
      id,
      orgId,
      stakeholderId,
      interactionIds,
      followupIds,
      erasedAt: now,
      erasedBy: ctx.user.id,
      seq,
    });
    await record({ ...ctx, db: tx }, { action: 'stakeholder.erase', target: stakeholderId, detail: { removed } });
    return { stakeholderId, erasedAt: toIso(now), removed };
  });
}
