import { browser } from 'wxt/browser';
import { formatRelative, resolveLang, translate } from '../i18n';
import type { CommsLogDb } from '../outbox/local-db';
import { threadStatus } from '../outbox/thread-status';
import { languagePrefItem } from '../storage-items';
import type { LogThisView } from './types';

/** The button's words in the language chosen in Options, and the thread's logged status when it has a key. */
export async function logThisView(db: CommsLogDb, threadKey: string | null, now: Date): Promise<LogThisView> {
  const lang = resolveLang(await languagePrefItem.getValue(), browser.i18n.getUILanguage());
  const status = threadKey ? await threadStatus(db, threadKey) : null;
  const logged =
    status && status.count > 0 && status.lastLoggedAt
      ? translate(lang, 'alreadyLogged', status.count, formatRelative(lang, status.lastLoggedAt, now))
      : null;
  return {
    logThis: translate(lang, 'logThis'),
    logged,
    noThread: translate(lang, 'noThread'),
    unavailable: translate(lang, 'panelUnavailable'),
    siteChanged: translate(lang, 'siteChanged', '$1'),
  };
}
