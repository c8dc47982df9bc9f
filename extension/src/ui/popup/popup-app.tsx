import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { localeTag } from '../../lib/i18n';
import { useT } from '../use-t';
import { ManualLogForm } from './manual-log-form';
import { SyncHeader } from './sync-header';

type Tab = 'followups' | 'log';

/** The dashboard page arrives with a later issue; WXT only types the pages that exist today. */
function dashboardUrl(): string {
  return browser.runtime.getURL('/dashboard.html' as Parameters<typeof browser.runtime.getURL>[0]);
}

/** The toolbar popup: sync state, follow-ups (issue 4 fills the list) and the manual log. */
export function PopupApp() {
  const { t, lang } = useT();
  const [tab, setTab] = useState<Tab>('followups');
  const base = useId();

  useEffect(() => {
    document.documentElement.lang = localeTag(lang);
  }, [lang]);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'followups', label: t('tabFollowups') },
    { id: 'log', label: t('tabLogCall') },
  ];

  return (
    <div className="pg-popup">
      <SyncHeader t={t} lang={lang} />
      <div role="tablist" className="pg-tabs">
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`${base}-${x.id}-tab`}
            aria-selected={tab === x.id}
            aria-controls={`${base}-${x.id}`}
            className="pg-tab"
            onClick={() => setTab(x.id)}
          >
            {x.label}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`${base}-${tab}`} aria-labelledby={`${base}-${tab}-tab`} className="pg-tabpanel">
        {tab === 'followups' ? (
          <section aria-label={t('tabFollowups')} data-testid="followups">
            <p className="pg-muted">{t('followupsPlaceholder')}</p>
          </section>
        ) : (
          <ManualLogForm t={t} />
        )}
      </section>
      <footer className="pg-footer">
        <button type="button" className="pg-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
        <a className="pg-link" href={dashboardUrl()} target="_blank" rel="noreferrer">
          {t('openDashboard')}
        </a>
      </footer>
    </div>
  );
}
