import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Whoami } from '@comms-log/shared';
import { callApi, createApiClient, normalizeServerUrl, originPattern } from '../../lib/api/client';
import { toStoredError } from '../../lib/api/error';
import { sendToBackground } from '../../lib/messages';
import { serverUrlItem, tokenItem, whoamiItem } from '../../lib/storage-items';
import { forgetScreen } from '../popup/prepaint-cache';
import { errorText, roleKey } from '../labels';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

type Result = { kind: 'checking' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null;

function signedInText(t: T, who: Whoami): string {
  return t('signedInAs', who.user.name, t(roleKey[who.user.role]), who.org.name);
}

/** Whether the extension may already reach the server (the manifest admits 127.0.0.1 and localhost). */
async function hasOriginPermission(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Saves the server address and token once the browser lets the extension reach the server, then checks them by
 * asking who is signed in, and tells the background the settings changed.
 */
async function saveConnection(
  t: T,
  url: string,
  token: string,
  setResult: (r: Result) => void,
): Promise<string | null> {
  const serverUrl = normalizeServerUrl(url);
  if (!serverUrl) {
    setResult({ kind: 'error', text: t('invalidUrl') });
    return null;
  }
  const pattern = originPattern(serverUrl);
  // Asked before anything slow, while the click still counts as a user gesture.
  const granted =
    (await hasOriginPermission(pattern)) ||
    (await browser.permissions.request({ origins: [pattern] }).catch(() => false));
  if (!granted) {
    setResult({ kind: 'error', text: t('permissionDenied', new URL(serverUrl).origin) });
    return null;
  }
  const trimmedToken = token.trim();
  const [savedUrl, savedToken] = await Promise.all([serverUrlItem.getValue(), tokenItem.getValue()]);
  if (savedUrl !== serverUrl || savedToken !== trimmedToken) await forgetSignedIn();
  await serverUrlItem.setValue(serverUrl);
  await tokenItem.setValue(trimmedToken);
  return serverUrl;
}

/**
 * Another token may sign in someone else: until the server says who, nobody is signed in, and the popup's kept
 * first screen (its localStorage, which only an extension page can clear) is dropped (docs/sync.md "Outbox first").
 */
async function forgetSignedIn(): Promise<void> {
  await whoamiItem.setValue(null);
  forgetScreen();
}

/** Signs out: the token goes, and with it every copy of this user's data (lib/users/follow.ts); the outbox stays. */
async function signOut(t: T, setResult: (r: Result) => void): Promise<void> {
  await forgetSignedIn();
  await tokenItem.setValue('');
  setResult({ kind: 'ok', text: t('usersSignedOut') });
  await sendToBackground('settings-changed', {}).catch(() => undefined);
}

/** Asks the server who the token signs in, keeping the answer for the rest of the extension. */
async function checkConnection(t: T, serverUrl: string, token: string, setResult: (r: Result) => void) {
  setResult({ kind: 'checking' });
  try {
    const client = createApiClient({ serverUrl, token });
    const who = await callApi(() => client.auth.whoami.query());
    await whoamiItem.setValue(who);
    setResult({ kind: 'ok', text: signedInText(t, who) });
  } catch (err) {
    await whoamiItem.setValue(null);
    setResult({ kind: 'error', text: errorText(t, toStoredError(err)) });
  }
  await sendToBackground('settings-changed', {}).catch(() => undefined);
}

/** The server's address and the API token, and who they sign in as. */
export function ConnectionSection({ t }: { t: T }) {
  const savedUrl = useStorageItem(serverUrlItem);
  const savedToken = useStorageItem(tokenItem);
  const whoami = useStorageItem(whoamiItem);
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [result, setResult] = useState<Result>(null);
  const urlId = useId();
  const tokenId = useId();
  const urlValue = url ?? savedUrl ?? '';
  const tokenValue = token ?? savedToken ?? '';

  async function save() {
    const serverUrl = await saveConnection(t, urlValue, tokenValue, setResult);
    if (!serverUrl) return;
    setUrl(serverUrl);
    await checkConnection(t, serverUrl, tokenValue.trim(), setResult);
  }

  return (
    <section className="pg-card" aria-label={t('connection')}>
      <h2>{t('connection')}</h2>
      <form
        className="pg-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="pg-field">
          <label htmlFor={urlId}>{t('serverUrl')}</label>
          <input
            id={urlId}
            type="url"
            inputMode="url"
            placeholder="https://comms.example.com"
            value={urlValue}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <div className="pg-field">
          <label htmlFor={tokenId}>{t('apiToken')}</label>
          <input
            id={tokenId}
            type="password"
            autoComplete="off"
            value={tokenValue}
            onChange={(e) => setToken(e.target.value)}
          />
        </div>
        <div className="pg-actions">
          <button type="submit" className="pg-button pg-primary" disabled={result?.kind === 'checking'}>
            {t('save')}
          </button>
          {savedToken ? (
            <button
              type="button"
              className="pg-button"
              disabled={result?.kind === 'checking'}
              onClick={() => {
                setToken('');
                void signOut(t, setResult);
              }}
            >
              {t('usersSignOut')}
            </button>
          ) : null}
        </div>
      </form>
      <p className={result?.kind === 'error' ? 'pg-error' : 'pg-ok'} role="status" data-testid="connection-status">
        {result?.kind === 'checking'
          ? t('checking')
          : result
            ? result.text
            : whoami
              ? signedInText(t, whoami)
              : t('notSignedIn')}
      </p>
    </section>
  );
}
