import { formatDateTime, localeTag, type Lang } from '../../lib/i18n';
import { channelKey } from '../../lib/label-keys';
import type { RejectedItem } from '../../lib/outbox/rejected';
import type { T } from '../use-t';

/** Day, month and time, without the year: refused items are days old at most, and the popup is narrow. */
function shortWhen(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(localeTag(lang), {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

/** What a refused change is: "Email from Marcus Reid, Mar 9, 10:14", "Reminder: call back", … */
export function rejectedTitle(t: T, lang: Lang, item: RejectedItem): string {
  if (item.op === 'delete') return t('rejDelete');
  if (item.interaction) {
    const i = item.interaction;
    const when = shortWhen(lang, i.occurredAt);
    return t(i.direction === 'outbound' ? 'rejTo' : 'rejFrom', t(channelKey[i.channel]), i.who || '?', when);
  }
  if (item.followup) {
    const note = item.followup.note.trim();
    return note ? t('rejReminder', note) : t('rejReminderDue', formatDateTime(lang, item.followup.dueAt));
  }
  if (item.stakeholder) return t('rejStakeholder', item.stakeholder.name);
  if (item.outcome) {
    const o = item.outcome;
    const key = o.event === 'resolved' ? 'resolveRejResolved' : 'resolveRejReopened';
    return t(key, o.title || o.threadKey, shortWhen(lang, o.at));
  }
  if (item.coverage) return t('resolveRejCoverage', item.coverage.title);
  return t('rejDelete');
}

/**
 * The server's reason in plain words. The patterns follow the messages `sync.push` and `directory.create` send
 * (server/src/services/sync/); anything else is shown as the server said it.
 */
export function rejectedReason(t: T, reason: string): string {
  const neverLog = /^(.+) is on the never-log list$/.exec(reason);
  if (neverLog) return t('rejWhyNeverLog', neverLog[1]!);
  const notCreated = /^stakeholder not created: ?(.*)$/.exec(reason);
  if (notCreated) return t('rejWhyStakeholderNotCreated', notCreated[1] || '?');
  if (/^stakeholderId: no stakeholder /.test(reason)) return t('rejWhyNoStakeholder');
  if (/^you can only (change|delete) /.test(reason)) return t('rejWhyNotYours');
  if (/already used by another record/.test(reason)) return t('rejWhyIdTaken');
  if (/^its author was erased on request/.test(reason)) return t('usersRejWhyErasedAuthor');
  const invalid = /^invalid (?:interaction|follow-up|thread outcome|coverage): (.*)$/.exec(reason);
  if (invalid) return t('rejWhyInvalid', invalid[1]!);
  return t('rejWhyOther', reason || '?');
}
