import type { DurationSpec } from '@comms-log/shared';
import type { StoredError } from '../../lib/api/error';
import { errorText } from '../labels';
import type { T } from '../use-t';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 min", "6 h 20 min", "3 d 2 h": two units at most, the coarsest first. */
export function formatDuration(t: T, ms: number): string {
  const total = Math.max(0, Math.floor(ms / MINUTE)) * MINUTE;
  if (total < HOUR) return t('fuDurMinutes', total / MINUTE);
  if (total < DAY) return t('fuDurHours', Math.floor(total / HOUR), Math.floor((total % HOUR) / MINUTE));
  return t('fuDurDays', Math.floor(total / DAY), Math.floor((total % DAY) / HOUR));
}

/** The SLA a wait is measured against, in the plan's own unit. */
export function formatSla(t: T, sla: DurationSpec): string {
  switch (sla.unit) {
    case 'minutes':
      return t('fuSlaMinutes', sla.value);
    case 'hours':
      return t('fuSlaHours', sla.value);
    case 'working_hours':
      return t('fuSlaWorkingHours', sla.value);
    case 'working_days':
      return t(sla.value === 1 ? 'fuSlaWorkingDay' : 'fuSlaWorkingDays', sla.value);
  }
}

/** Only web pages open from a row: a stored URL is data, and must never run script in the extension. */
export function isOpenableUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Why the team's or a colleague's list is not shown. The switch is offered to managers only, so a refusal means the
 * role changed since sign-in: say so in the user's language rather than relay the server's English sentence.
 */
export function teamListErrorText(t: T, error: StoredError): string {
  return error.code === 'forbidden' ? t('fuTeamStaffOnly') : errorText(t, error);
}
