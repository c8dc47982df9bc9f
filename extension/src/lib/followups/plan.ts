import { defaultPlan } from '@comms-log/shared/domain';
import type { Plan } from '@comms-log/shared';
import { planItem } from './storage-items';

/** The org's plan as last synced, or the default one before the first sync. */
export async function currentPlan(): Promise<Plan> {
  return (await planItem.getValue())?.plan ?? defaultPlan;
}
