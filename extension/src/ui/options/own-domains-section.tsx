import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { matchPattern, type OwnDomain, ownDomainKinds, parseOwnDomain } from '../../lib/own-domains/own-domain';
import { addOwnDomain, removeOwnDomain } from '../../lib/own-domains/request';
import { ownDomainsItem } from '../../lib/own-domains/storage';
import type { MessageKey } from '../../lib/i18n';
import { useStorageItem } from '../use-storage-item';
import type { T } from '../use-t';

const kindLabel: Partial<Record<OwnDomain['kind'], MessageKey>> = { jira: 'ownDomainsKindJira' };

async function hasAccess(domain: Pick<OwnDomain, 'origin'>): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [matchPattern(domain)] });
  } catch {
    return false;
  }
}

/**
 * Origins of the list whose permission the browser holds, checked again when the page gets the focus back (a user
 * may have taken the site away in the browser's settings meanwhile).
 */
function useGranted(list: OwnDomain[]): Set<string> {
  const [granted, setGranted] = useState<Set<string>>(new Set());
  // The stored list is a new array on every render: the origins are what the check depends on.
  const origins = list.map((d) => d.origin).join(' ');
  useEffect(() => {
    let live = true;
    const check = async () => {
      const next = new Set<string>();
      for (const origin of origins.split(' ').filter(Boolean)) if (await hasAccess({ origin })) next.add(origin);
      if (live) setGranted(next);
    };
    void check();
    window.addEventListener('focus', check);
    return () => {
      live = false;
      window.removeEventListener('focus', check);
    };
  }, [origins]);
  return granted;
}

/**
 * Sites on the organisation's own hosts (Jira Data Center): adding one asks the browser for that origin at that
 * moment; the background registers the content script there (lib/own-domains/registration.ts).
 */
export function OwnDomainsSection({ t }: { t: T }) {
  const list = useStorageItem(ownDomainsItem) ?? [];
  const granted = useGranted(list);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="pg-card" aria-label={t('ownDomainsTitle')}>
      <h2>{t('ownDomainsTitle')}</h2>
      <p className="pg-muted">{t('ownDomainsHelp')}</p>
      {list.length === 0 ? <p className="pg-muted">{t('ownDomainsEmpty')}</p> : null}
      <ul className="pg-list" aria-label={t('ownDomainsTitle')}>
        {list.map((d) => (
          <li key={d.origin} data-testid="own-domain">
            <span>
              <bdi>{d.origin}</bdi> · {t(kindLabel[d.kind] ?? 'ownDomainsKind')}
              {granted.has(d.origin) ? null : <span className="pg-muted"> ({t('ownDomainsNoAccess')})</span>}
            </span>
            <button
              type="button"
              className="pg-link"
              aria-label={t('remove', d.origin)}
              onClick={() => void removeOwnDomain(d.origin)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <OwnDomainForm t={t} onMessage={setMessage} />
      {message ? (
        <p className="pg-error" role="alert">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** A domain and its kind; the permission request runs first in the submit, inside the user's gesture. */
function OwnDomainForm({ t, onMessage }: { t: T; onMessage(m: string | null): void }) {
  const [draft, setDraft] = useState('');
  const [kind, setKind] = useState<string>('jira');
  const hostId = useId();
  const kindId = useId();
  return (
    <form
      className="pg-inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = parseOwnDomain(draft, kind);
        if (parsed === 'built-in') return onMessage(t('ownDomainsBuiltIn', draft.trim()));
        if (typeof parsed === 'string') return onMessage(t('ownDomainsInvalid', draft.trim()));
        void addOwnDomain(parsed).then((ok) => {
          onMessage(ok ? null : t('ownDomainsNotGranted', parsed.origin));
          if (ok) setDraft('');
        });
      }}
    >
      <label htmlFor={hostId} className="pg-visually-hidden">
        {t('ownDomainsHost')}
      </label>
      <input
        id={hostId}
        placeholder="jira.example.cn"
        value={draft}
        maxLength={253}
        onChange={(e) => setDraft(e.target.value)}
      />
      <label htmlFor={kindId} className="pg-visually-hidden">
        {t('ownDomainsKind')}
      </label>
      <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value)}>
        {Object.keys(ownDomainKinds).map((k) => (
          <option key={k} value={k}>
            {t(kindLabel[k as OwnDomain['kind']] ?? 'ownDomainsKind')}
          </option>
        ))}
      </select>
      <button type="submit" className="pg-button">
        {t('add')}
      </button>
    </form>
  );
}
