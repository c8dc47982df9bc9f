import type { PushResult } from '@comms-log/shared';
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

export function accept(
  batch: PushBatch,
  id: string,
  entity: 'interaction' | 'followup',
  mergedInto: string | null = null,
): void {
  batch.applied.push({ id, entity, mergedInto });
}
