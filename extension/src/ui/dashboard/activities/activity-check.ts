import type { Activity, ActivityInput, ActivityStatus, Channel, Recurrence, StakeholderType } from '@comms-log/shared';
import { fromLocalInput, toLocalInput } from '../zoned-time';

/** The activity form's fields as typed; times are datetime-local values in the plan's zone. */
export interface ActivityDraft {
  title: string;
  stakeholderType: StakeholderType | '';
  channel: Channel;
  ownerUserId: string;
  startAt: string;
  endAt: string;
  recurrence: Recurrence;
  status: ActivityStatus;
}

/** A mistake in the form, as it names it. */
export type ActivityProblem =
  | { kind: 'titleMissing' }
  | { kind: 'titleLong' }
  | { kind: 'ownerMissing' }
  | { kind: 'timeInvalid'; field: 'startAt' | 'endAt' }
  | { kind: 'endsBeforeStart' };

/** A new activity: owned by `ownerUserId`, today at 10:00 for an hour, once, planned. */
export function newActivityDraft(ownerUserId: string, nowMs: number, zone: string): ActivityDraft {
  const day = toLocalInput(nowMs, zone).slice(0, 10);
  return {
    title: '',
    stakeholderType: '',
    channel: 'in_person',
    ownerUserId,
    startAt: `${day}T10:00`,
    endAt: `${day}T11:00`,
    recurrence: 'none',
    status: 'planned',
  };
}

/** A stored activity as the form shows it. */
export function activityDraft(a: Activity, zone: string): ActivityDraft {
  return {
    title: a.title,
    stakeholderType: a.stakeholderType ?? '',
    channel: a.channel,
    ownerUserId: a.ownerUserId,
    startAt: toLocalInput(a.startAt, zone),
    endAt: toLocalInput(a.endAt, zone),
    recurrence: a.recurrence,
    status: a.status,
  };
}

/** The fields `activities.create` and `activities.update` take, without the id. */
export type ActivityFields = Omit<ActivityInput, 'id' | 'stakeholderIds' | 'milestones' | 'heldInteractionId'>;

/**
 * Checks the form as `activities.create` / `update` will (docs/api.md), so each mistake is named in the reader's
 * language before anything is sent: the fields, or the problems.
 */
export function checkActivity(
  d: ActivityDraft,
  zone: string,
): { problems: ActivityProblem[]; fields: ActivityFields | null } {
  const problems: ActivityProblem[] = [];
  const title = d.title.trim();
  if (!title) problems.push({ kind: 'titleMissing' });
  else if (title.length > 200) problems.push({ kind: 'titleLong' });
  if (!d.ownerUserId) problems.push({ kind: 'ownerMissing' });
  const startAt = fromLocalInput(d.startAt, zone);
  const endAt = fromLocalInput(d.endAt, zone);
  if (startAt === null) problems.push({ kind: 'timeInvalid', field: 'startAt' });
  if (endAt === null) problems.push({ kind: 'timeInvalid', field: 'endAt' });
  if (startAt && endAt && Date.parse(endAt) < Date.parse(startAt)) problems.push({ kind: 'endsBeforeStart' });
  if (problems.length || !startAt || !endAt) return { problems, fields: null };
  return {
    problems,
    fields: {
      title,
      stakeholderType: d.stakeholderType || null,
      channel: d.channel,
      ownerUserId: d.ownerUserId,
      startAt,
      endAt,
      recurrence: d.recurrence,
      status: d.status,
    },
  };
}
