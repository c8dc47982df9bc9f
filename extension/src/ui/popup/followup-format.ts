import type { StoredError } from '../../lib/api/error';
import { errorText } from '../labels';
import type { T } from '../use-t';

export { formatDuration, formatSla, isOpenableUrl } from '../../lib/followups/row-text';

/**
 * Why the team's or a colleague's list is not shown. The switch is offered to managers only, so a refusal means the
 * role changed since sign-in: say so in the user's language rather than relay the server's English sentence.
 */
export function teamListErrorText(t: T, error: StoredError): string {
  return error.code === 'forbidden' ? t('fuTeamStaffOnly') : errorText(t, error);
}
