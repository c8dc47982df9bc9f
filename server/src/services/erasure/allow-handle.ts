import { TRPCError } from '@trpc/server';
import type { AllowedHandle, PrivacyHandleInput } from '@comms-log/shared';
import { deleteErasedHandle, erasureKeyOf } from '../../db/queries/erased-handles';
import { toIso } from '../../iso';
import { record } from '../audit/record';
import { IdentityFormatError, normalizeIdentity } from '../directory/identities';
import type { ServiceCtx } from '../service-ctx';
import { handleHash } from './erased-handles';

/** The handle as the directory keeps it (so that it hashes as the erasure hashed it); BAD_REQUEST when malformed. */
function normalized(input: PrivacyHandleInput): string {
  try {
    return normalizeIdentity(input.kind, input.value);
  } catch (err) {
    if (err instanceof IdentityFormatError)
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Handle ${input.kind}: ${err.message}.` });
    throw err;
  }
}

/**
 * Lets one handle an erasure refuses in again (docs/sync.md "Erasure"), when the person comes back and consents:
 * its keyed hash goes, so the directory may keep it and pushes of their messages apply. Nothing erased comes back.
 * The audit entry names the erasure and the kind, not the handle. NOT_FOUND when the org refuses no such handle.
 */
export function allowErasedHandle(ctx: ServiceCtx, input: PrivacyHandleInput): Promise<AllowedHandle> {
  const orgId = ctx.user.orgId;
  const value = normalized(input);
  return ctx.db.transaction(async (tx) => {
    const key = await erasureKeyOf(tx, orgId);
    const removed = key === null ? null : await deleteErasedHandle(tx, orgId, handleHash(key, value));
    if (!removed)
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `The ${input.kind} ${value} is not refused: no erasure of this organisation kept it.`,
      });
    await record(
      { ...ctx, db: tx },
      { action: 'handle.allow', target: removed.erasureId, detail: { kind: input.kind } },
    );
    return { kind: input.kind, value, erasedAt: toIso(removed.erasedAt) };
  });
}
