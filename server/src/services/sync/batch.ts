import type { PushEntity, PushResult } from '@comms-log/shared';
import type { DbOrTx } from '../../db/client';
import type { ServiceUser } from '../service-ctx';

/** A push under way: who pushes, the transaction it writes in, and its answer so far. */
export interface PushBatch {
  tx: DbOrTx;
  orgId: string;
  user: ServiceUser;
  now: number;
  applied: PushResult['applied'];
  rejected: PushResult['rejected'];
  /** The last change sequence number the push reserved (none yet: undefined). */
  reservedTop?: number;
}

export function reject(batch: PushBatch, id: string, reason: string): void {
  batch.rejected.push({ id, reason });
}

export function accept(batch: PushBatch, id: string, entity: PushEntity, mergedInto: string | null = null): void {
  batch.applied.push({ id, entity, mergedInto });
}

/** The push has written a row with change sequence number `seq` (the cursor it answers is the highest). */
export function reserved(batch: PushBatch, seq: number): void {
  batch.reservedTop = Math.max(batch.reservedTop ?? 0, seq);
}
