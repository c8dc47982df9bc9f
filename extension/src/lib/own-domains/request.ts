import { browser } from 'wxt/browser';
import { matchPattern, type OwnDomain } from './own-domain';
import { ownDomainsItem } from './storage';

/**
 * Adds an own domain from the options page: asks the browser for that one origin first (this must run in the
 * click's user gesture, before any other await), and stores the domain only when it was granted. The background
 * registers the content script when the list changes. Returns whether it was granted.
 */
export async function addOwnDomain(domain: OwnDomain): Promise<boolean> {
  let ok = false;
  try {
    ok = await browser.permissions.request({ origins: [matchPattern(domain)] });
  } catch {
    // A browser that cannot ask (no prompt possible here) grants nothing.
  }
  if (!ok) return false;
  const list = await ownDomainsItem.getValue();
  await ownDomainsItem.setValue([...list.filter((d) => d.origin !== domain.origin), domain]);
  return true;
}

/** Removes an own domain: its content script goes (the background sees the list change) and so does the permission. */
export async function removeOwnDomain(origin: string): Promise<void> {
  const list = await ownDomainsItem.getValue();
  await ownDomainsItem.setValue(list.filter((d) => d.origin !== origin));
  try {
    await browser.permissions.remove({ origins: [matchPattern({ origin })] });
  } catch {
    // Already gone (taken away in the browser's settings): nothing left to remove.
  }
}
