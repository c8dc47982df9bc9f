import type { OverdueResult } from '@comms-log/shared';
import { digestDueOn, digestMessage, lateMessage, newlyLate } from './digest';
import { currentPlan } from './plan';
import type { FollowupsServiceDeps } from './service-deps';
import { fuDigestItem, fuKnownLateItem, fuLastDigestItem, fuNotifyLateItem } from './storage-items';

/** Notifies what became late since the last check (if the user asked) and shows the day's digest when due. */
export async function notifyAndDigest(
  deps: Pick<FollowupsServiceDeps, 'ui' | 'now' | 'lang'>,
  result: OverdueResult,
): Promise<void> {
  const lang = await deps.lang();
  const known = await fuKnownLateItem.getValue();
  const { lateKeys, fresh } = newlyLate(known, result.items);
  // Written only when it changes: every storage.local write is broadcast to the open pages.
  if (!known || known.length !== lateKeys.length || lateKeys.some((k, i) => k !== known[i]))
    await fuKnownLateItem.setValue(lateKeys);
  if (fresh.length > 0 && (await fuNotifyLateItem.getValue())) {
    const { title, message } = lateMessage(lang, fresh);
    await deps.ui.notify(`comms-log-late-${deps.now()}`, title, message);
  }
  const day = digestDueOn(deps.now(), (await currentPlan()).calendar, await fuLastDigestItem.getValue());
  if (day !== null) {
    await fuLastDigestItem.setValue(day);
    const c = result.counts;
    const any = c.late + c.dueSoon + c.cadenceOverdue + c.cadenceDue + c.reminders > 0;
    if (any && (await fuDigestItem.getValue())) {
      const { title, message } = digestMessage(lang, c);
      await deps.ui.notify(`comms-log-digest-${day}`, title, message);
    }
  }
}
