import { storage } from 'wxt/utils/storage';
import type { StakeholderType } from '@comms-log/shared';
import { formatDateTime } from '../../../lib/i18n';
import { presetPeriod } from '../../../lib/report-period';
import { reportFormat } from '../../../lib/report-tables';
import { useStorageItem } from '../../use-storage-item';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import { groupUnknown } from './unknown-threads';
import { useApiQuery } from '../use-api-query';

/** Threads dismissed from the queue in this browser (the server keeps no such list yet: server-requests.md). */
const ignoredThreadsItem = storage.defineItem<string[]>('local:dashIgnoredThreads', { fallback: [] });

/**
 * The queue of unknown counterparts: conversations of the last 90 days logged without a stakeholder. Nothing is
 * created for them automatically; a manager creates one (then adds the handle) or dismisses the thread.
 */
export function SuggestionsQueue({ onCreate }: { onCreate(type: StakeholderType): void }) {
  const { t, lang, zone, asOf, dataVersion } = useDashboard();
  const f = reportFormat(lang);
  const ignored = useStorageItem(ignoredThreadsItem) ?? [];
  const period = presetPeriod('last90', new Date(asOf), zone);
  const q = useApiQuery(JSON.stringify(['unknown', period, dataVersion]), (c) =>
    c.metrics.interactions.query({ filter: period, key: { stakeholder: null }, limit: 200 }),
  );
  const threads = groupUnknown(q.data?.items ?? []).filter((x) => !ignored.includes(x.threadKey));
  return (
    <section className="pg-card" aria-labelledby="dir-sugg-h">
      <h3 id="dir-sugg-h">{t('dashSuggestions')}</h3>
      <p className="pg-muted dash-hint">{t('dashSuggestionsHint', q.data?.total ?? 0)}</p>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashSuggestions')} />
      {q.data && threads.length === 0 && <p className="pg-muted">{t('dashNoneNow')}</p>}
      {threads.length > 0 && (
        <div className="dash-table-wrap dash-scroll">
          <table className="dash-table" aria-label={t('dashSuggestions')}>
            <thead>
              <tr>
                <th scope="col">{t('dashColTitle')}</th>
                <th scope="col">{t('dashColSource')}</th>
                <th scope="col">{t('dashColType')}</th>
                <th scope="col" className="dash-num">{t('dashColInteractions')}</th>
                <th scope="col">{t('dashColLastContact')}</th>
                <th scope="col">{t('dashActions')}</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((x) => (
                <tr key={x.threadKey}>
                  <td>
                    {x.url ? (
                      <a href={x.url} target="_blank" rel="noreferrer noopener">
                        {x.title || t('dashOpenConversation')}
                      </a>
                    ) : (
                      (x.title ?? x.threadKey)
                    )}
                  </td>
                  <td>{x.source}</td>
                  <td>{f.type(x.stakeholderType)}</td>
                  <td className="dash-num">{x.count}</td>
                  <td>{formatDateTime(lang, x.lastAt, zone)}</td>
                  <td className="dash-nowrap">
                    <button type="button" className="pg-link" onClick={() => onCreate(x.stakeholderType)}>
                      {t('dashCreateFromSuggestion')}
                    </button>{' '}
                    ·{' '}
                    <button
                      type="button"
                      className="pg-link"
                      aria-label={t('dashIgnoreAria', x.title ?? x.threadKey)}
                      onClick={() => void ignoredThreadsItem.setValue([...ignored, x.threadKey])}
                    >
                      {t('dashIgnore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="pg-muted dash-hint">{t('dashAssignPending')}</p>
      {ignored.length > 0 && (
        <button type="button" className="pg-link" onClick={() => void ignoredThreadsItem.setValue([])}>
          {t('dashShowIgnored', ignored.length)}
        </button>
      )}
    </section>
  );
}
