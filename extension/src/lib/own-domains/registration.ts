import { browser } from 'wxt/browser';
import { matchPattern, type OwnDomain, ownDomainKinds, scriptId } from './own-domain';
import { ownDomainsItem } from './storage';

/**
 * The content scripts of the own domains, registered by the background: Chrome (MV3) through
 * `scripting.registerContentScripts`, which persists across restarts; Firefox (MV2) through
 * `contentScripts.register`, which lasts as long as the background page, so it runs again at every start.
 * A domain whose permission is not (or no longer) granted gets no script.
 */

type FirefoxRegistered = { unregister(): Promise<void> };
type FirefoxContentScripts = {
  register(options: {
    matches: string[];
    js: Array<{ file: string }>;
    runAt: 'document_idle';
  }): Promise<FirefoxRegistered>;
};

/** Firefox's registrations of this background page, by script id. */
const firefoxRegistered = new Map<string, FirefoxRegistered>();

async function granted(domain: OwnDomain): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [matchPattern(domain)] });
  } catch {
    return false;
  }
}

function firefoxApi(): FirefoxContentScripts | undefined {
  return (browser as unknown as { contentScripts?: FirefoxContentScripts }).contentScripts;
}

async function syncChrome(wanted: OwnDomain[]): Promise<void> {
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing.filter((s) => s.id.startsWith(scriptId({ origin: '' })));
  // The service worker starts often: leave registrations alone when they already are what is wanted.
  const key = (id: string, matches: readonly string[] | undefined) => `${id} ${(matches ?? []).join(' ')}`;
  const have = ours.map((s) => key(s.id, s.matches)).sort();
  const want = wanted.map((d) => key(scriptId(d), [matchPattern(d)])).sort();
  if (have.join('\n') === want.join('\n')) return;
  if (ours.length > 0) await browser.scripting.unregisterContentScripts({ ids: ours.map((s) => s.id) });
  if (wanted.length === 0) return;
  await browser.scripting.registerContentScripts(
    wanted.map((d) => ({
      id: scriptId(d),
      js: [ownDomainKinds[d.kind]!.script],
      matches: [matchPattern(d)],
      runAt: 'document_idle' as const,
      persistAcrossSessions: true,
    })),
  );
}

async function syncFirefox(api: FirefoxContentScripts, wanted: OwnDomain[]): Promise<void> {
  for (const handle of firefoxRegistered.values()) await handle.unregister().catch(() => undefined);
  firefoxRegistered.clear();
  for (const d of wanted) {
    const handle = await api.register({
      matches: [matchPattern(d)],
      js: [{ file: `/${ownDomainKinds[d.kind]!.script}` }],
      runAt: 'document_idle',
    });
    firefoxRegistered.set(scriptId(d), handle);
  }
}

/** Registers a content script for every stored own domain whose permission is granted, and for no other. */
export async function syncOwnDomainScripts(): Promise<OwnDomain[]> {
  const stored = await ownDomainsItem.getValue();
  const wanted: OwnDomain[] = [];
  for (const d of stored) if (ownDomainKinds[d.kind] && (await granted(d))) wanted.push(d);
  const firefox = firefoxApi();
  if (firefox) await syncFirefox(firefox, wanted);
  else await syncChrome(wanted);
  return wanted;
}

/** At background start and whenever the list or the granted permissions change. */
export function keepOwnDomainScripts(): void {
  const sync = () => void syncOwnDomainScripts().catch((err) => console.warn('own domains: registration failed', err));
  sync();
  ownDomainsItem.watch(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
}
