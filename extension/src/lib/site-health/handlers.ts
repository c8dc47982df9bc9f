import type { MessageHandlers } from '../messages';
import { recordSiteFailure } from './counts';

/** A content script's report of a page its adapter could not read. */
export function siteHealthHandlers(): Pick<MessageHandlers, 'site-failure'> {
  return {
    async 'site-failure'(failure, sender) {
      // Only a page's own content script reports its page; the host is the sender's, not what it claims.
      const host = sender.tab && sender.url ? new URL(sender.url).hostname : failure.host;
      // Kept to what the server accepts (shared/src/schemas/site-health.ts), so one odd key cannot block a report.
      const field = failure.field.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 80) || 'unknown';
      const adapterVersion = failure.adapterVersion.slice(0, 40);
      await recordSiteFailure({ ...failure, host: host.toLowerCase(), field, adapterVersion }, new Date());
      return { ok: true };
    },
  };
}
