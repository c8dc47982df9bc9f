import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { localeTag } from '../../lib/i18n';
import type { StakeholderSummary } from '../../lib/messages';
import { useT } from '../use-t';
import { FollowupsPanel } from './followups-panel';
import { ManualLogForm } from './manual-log-form';
import { RejectedList } from './rejected-list';
import { SyncHeader } from './sync-header';
import { WaitingNote } from './waiting-note';

type Tab = 'followups' | 'log';

/** The dashboard page arrives with a later issue; WXT only types the pages that exist today. */
function dashboardUrl(): string {
  return browser.runtime.getURL('/dashboard.html' as Parameters<typeof browser.runtime.getURL>[0]);
}

/** The toolbar popup: sync state, follow-ups (opened first) and the manual log. */
export function PopupApp() {
  const { t, lang } = useT();
  const [tab, setTab] = useState<Tab>('followups');
  // A follow-up's "Log a call or meeting" opens the manual log for its stakeholder; `n` remounts the form.
  const [prefill, setPrefill] = useState<{ n: number; stakeholder: StakeholderSummary | null }>({
    n: 0,
    stakeholder: null,
  });
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
      <RejectedList t={t} lang={lang} />
      <WaitingNote t={t} />
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
          <FollowupsPanel
            t={t}
            lang={lang}
            onLogCall={(stakeholder) => {
              setPrefill((p) => ({ n: p.n + 1, stakeholder }));
              setTab('log');
            }}
          />
        ) : (
          <ManualLogForm
            key={prefill.n}
            t={t}
            lang={lang}
            initial={prefill.stakeholder ? { kind: 'existing', stakeholder: prefill.stakeholder } : null}
            onSaved={prefill.stakeholder ? () => setTab('followups') : undefined}
          />
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
