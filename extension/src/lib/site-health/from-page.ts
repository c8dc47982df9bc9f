import { browser } from 'wxt/browser';
import type { SiteId } from '@comms-log/shared';
import { sendToBackground } from '../messages';

/**
 * The content script's report of a page its adapter could not read: the field's selector key and the host,
 * nothing of the page. Fire and forget: the page never waits on it, and a background that is away loses one count.
 */
export function reportSiteFailure(site: SiteId, field: string): void {
  const failure = {
    site,
    // The adapters ship inside the extension, so its version names the adapter code that failed.
    adapterVersion: browser.runtime.getManifest().version,
    field,
    host: location.hostname.toLowerCase(),
  };
  void sendToBackground('site-failure', failure).catch(() => undefined);
}
