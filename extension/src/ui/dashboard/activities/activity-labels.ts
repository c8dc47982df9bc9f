import type { ActivityStatus, Recurrence } from '@comms-log/shared';
import type { MessageKey } from '../../../lib/i18n';
import type { T } from '../../use-t';
import type { ActivityProblem } from './activity-check';

export const activityStatusKey: Record<ActivityStatus, MessageKey> = {
  planned: 'dashActStatusPlanned',
  held: 'dashActStatusHeld',
  not_held: 'dashActStatusNotHeld',
  cancelled: 'dashActStatusCancelled',
};

export const recurrenceKey: Record<Recurrence, MessageKey> = {
  none: 'dashActRecurNone',
  weekly: 'dashActRecurWeekly',
  monthly: 'dashActRecurMonthly',
  quarterly: 'dashActRecurQuarterly',
  half_yearly: 'dashActRecurHalfYearly',
};

/** A mistake in the activity form in plain words. */
export function activityProblemText(t: T, p: ActivityProblem): string {
  switch (p.kind) {
    case 'titleMissing':
      return t('dashActErrTitle');
    case 'titleLong':
      return t('dashActErrTitleLong');
    case 'ownerMissing':
      return t('dashActErrOwner');
    case 'timeInvalid':
      return t(p.field === 'startAt' ? 'dashActErrStart' : 'dashActErrEnd');
    case 'endsBeforeStart':
      return t('dashActErrEndsBeforeStart');
  }
}
