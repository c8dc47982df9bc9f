import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Whoami } from '@comms-log/shared';
import { callApi, createApiClient, normalizeServerUrl, originPattern } from '../../lib/api/client';
import { toStoredError } from '../../lib/api/error';
import { localeTag } from '../../lib/i18n';
import { sendToBackground } from '../../lib/messages';
import { parseNeverLogEntry } from '../../lib/capture/never-log';
import { pushNeverLogMine } from '../../lib/api/session';
import {
  languagePrefItem,
  neverLogMineItem,
  orgSettingsItem,
  serverUrlItem,
  tokenItem,
  whoamiItem,
  type LanguagePref,
} from '../../lib/storage-items';
import { fuDigestItem, fuNotifyLateItem } from '../../lib/followups/storage-items';
import { captureLevelKey, errorText, roleKey } from '../labels';
import { SyncHeader } from '../popup/sync-header';
import { useStorageItem } from '../use-storage-item';
import { useT, type T } from '../use-t';

export function OptionsApp() {
  const { t, lang } = useT();
  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
    document.title = t('optionsTitle');
  }, [lang, t]);

  return (
    <main className="pg-options">
      <h1>{t('optionsTitle')}</h1>
      <ConnectionSection t={t} />
      <LanguageSection t={t} />
      <CaptureSection t={t} />
      <NeverLogSection t={t} />
      <FollowupNotificationsSection t={t} />
      <section className="pg-card" aria-label={t('sync')}>
        <h2>{t('sync')}</h2>
        <SyncHeader t={t} lang={lang} />
      </section>
    </main>
  );
}

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

function ConnectionSection({ t }: { t: T }) {
  const savedUrl = useStorageItem(serverUrlItem);
  const savedToken = useStorageItem(tokenItem);
  const whoami = useStorageItem(whoamiItem);
  const [url, setUrl] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [result, setResult] = useState<
    { kind: 'checking' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string } | null
  >(null);
  const urlId = useId();
  const tokenId = useId();

  const urlValue = url ?? savedUrl ?? '';
  const tokenValue = token ?? savedToken ?? '';

  async function save() {
    const serverUrl = normalizeServerUrl(urlValue);
    if (!serverUrl) return setResult({ kind: 'error', text: t('invalidUrl') });
    const pattern = originPattern(serverUrl);
    // Asked before anything slow, while the click still counts as a user gesture.
    const granted =
      (await hasOriginPermission(pattern)) ||
      (await browser.permissions.request({ origins: [pattern] }).catch(() => false));
    if (!granted) return setResult({ kind: 'error', text: t('permissionDenied', new URL(serverUrl).origin) });
    const trimmedToken = tokenValue.trim();
    await serverUrlItem.setValue(serverUrl);
    await tokenItem.setValue(trimmedToken);
    setUrl(serverUrl);
    setResult({ kind: 'checking' });
    try {
      const client = createApiClient({ serverUrl, token: trimmedToken });
      const who = await callApi(() => client.auth.whoami.query());
      await whoamiItem.setValue(who);
      setResult({ kind: 'ok', text: signedInText(t, who) });
    } catch (err) {
      await whoamiItem.setValue(null);
      setResult({ kind: 'error', text: errorText(t, toStoredError(err)) });
    }
    await sendToBackground('settings-changed', {}).catch(() => undefined);
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

function LanguageSection({ t }: { t: T }) {
  const pref = useStorageItem(languagePrefItem) ?? 'auto';
  const id = useId();
  return (
    <section className="pg-card" aria-label={t('language')}>
      <div className="pg-field">
        <label htmlFor={id}>{t('language')}</label>
        <select id={id} value={pref} onChange={(e) => void languagePrefItem.setValue(e.target.value as LanguagePref)}>
          <option value="auto">{t('langAuto')}</option>
          <option value="zh_CN">{t('langZh')}</option>
          <option value="en">{t('langEn')}</option>
        </select>
      </div>
    </section>
  );
}

function CaptureSection({ t }: { t: T }) {
  const settings = useStorageItem(orgSettingsItem);
  const whoami = useStorageItem(whoamiItem);
  const level = settings?.captureLevel ?? whoami?.org.captureLevel ?? null;
  return (
    <section className="pg-card" aria-label={t('captureLevel')}>
      <h2>{t('captureLevel')}</h2>
      <p data-testid="capture-level">{level ? t(captureLevelKey[level]) : t('captureUnknown')}</p>
    </section>
  );
}

function NeverLogSection({ t }: { t: T }) {
  const mine = useStorageItem(neverLogMineItem) ?? [];
  const org = useStorageItem(orgSettingsItem)?.neverLog ?? [];
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();

  async function update(next: string[]) {
    await neverLogMineItem.setValue(next);
    try {
      await pushNeverLogMine(next);
      setMessage(null);
    } catch (err) {
      const stored = toStoredError(err);
      if (stored.code !== 'not-configured') setMessage(t('neverLogNotSaved', errorText(t, stored)));
    }
  }

  function add() {
    const entry = parseNeverLogEntry(draft);
    if (!entry) return setMessage(t('invalidEntry', draft));
    setDraft('');
    if (!mine.includes(entry)) void update([...mine, entry]);
  }

  return (
    <section className="pg-card" aria-label={t('neverLogTitle')}>
      <h2>{t('neverLogTitle')}</h2>
      <p className="pg-muted">{t('neverLogHelp')}</p>
      {mine.length === 0 ? <p className="pg-muted">{t('neverLogEmpty')}</p> : null}
      <ul className="pg-list" aria-label={t('neverLogTitle')}>
        {mine.map((entry) => (
          <li key={entry}>
            <span>{entry}</span>
            <button
              type="button"
              className="pg-link"
              aria-label={t('remove', entry)}
              onClick={() => void update(mine.filter((e) => e !== entry))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="pg-inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={id} className="pg-visually-hidden">
          {t('neverLogEntry')}
        </label>
        <input
          id={id}
          placeholder={t('neverLogEntry')}
          value={draft}
          maxLength={320}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="pg-button">
          {t('add')}
        </button>
      </form>
      {message ? (
        <p className="pg-error" role="alert">
          {message}
        </p>
      ) : null}
      {org.length > 0 ? <p className="pg-muted">{t('neverLogOrg', org.join(', '))}</p> : null}
    </section>
  );
}

/** Follow-up notifications: "now late" (off unless chosen) and the daily digest. */
function FollowupNotificationsSection({ t }: { t: T }) {
  const notifyLate = useStorageItem(fuNotifyLateItem) ?? false;
  const digest = useStorageItem(fuDigestItem) ?? true;
  return (
    <section className="pg-card" aria-label={t('fuOptionsTitle')}>
      <h2>{t('fuOptionsTitle')}</h2>
      <label className="pg-check" style={{ display: 'block', margin: '4px 0' }}>
        <input
          type="checkbox"
          checked={notifyLate}
          onChange={(e) => void fuNotifyLateItem.setValue(e.target.checked)}
        />{' '}
        {t('fuNotifyLate')}
      </label>
      <label className="pg-check" style={{ display: 'block', margin: '4px 0' }}>
        <input type="checkbox" checked={digest} onChange={(e) => void fuDigestItem.setValue(e.target.checked)} />{' '}
        {t('fuDigestOption')}
      </label>
    </section>
  );
}
