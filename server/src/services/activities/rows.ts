import type { Activity } from '@comms-log/shared';
import type { ActivityRow } from '../../db/tables/plan-execution';
import { toIso, toIsoOrNull } from '../../iso';

/** A stored activity as the wire shape (`activitySchema`). */
export function toActivity(r: ActivityRow): Activity {
  return {
    id: r.id,
    title: r.title,
    stakeholderType: r.stakeholderType,
    stakeholderIds: r.stakeholderIds,
    channel: r.channel,
    ownerUserId: r.ownerUserId,
    startAt: toIso(r.startAt),
    endAt: toIso(r.endAt),
    milestones: r.milestones,
    recurrence: r.recurrence,
    status: r.status,
    heldInteractionId: r.heldInteractionId,
    invited: r.invited,
    attended: r.attended,
    heldAt: toIsoOrNull(r.heldAt),
    createdBy: r.createdBy,
    createdAt: toIso(r.createdAt),
    updatedAt: toIso(r.updatedAt),
  };
}
