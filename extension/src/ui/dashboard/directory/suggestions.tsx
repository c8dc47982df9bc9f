import { useEffect, useState } from 'react';
import type { HandleKey, Stakeholder, Suggestion } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { formatDateTime } from '../../../lib/i18n';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { identityKindKey, type StakeholderDraft } from './stakeholder-form';
import { draftFromSuggestion } from './suggestion-draft';

const PAGE = 50;

const keyOf = (h: HandleKey) => `${h.kind}:${h.value}`;

/**
 * The queue of unknown counterparts (`directory.suggestions`): who wrote to us in logged conversations without a
 * stakeholder, busiest first. Nothing is created for them automatically: a manager creates a stakeholder (its past
 * messages are then assigned to it), assigns the handle to an existing one, or dismisses it for the whole org.
 */
export function SuggestionsQueue({
  stakeholders,
  version,
  onCreate,
  onAssigned,
}: {
  /** Active stakeholders, to assign to. */
  stakeholders: Stakeholder[];
  /** Bumped by the directory when the queue may have changed (a stakeholder created and assigned). */
  version: number;
  onCreate(draft: StakeholderDraft, handle: HandleKey): void;
  onAssigned(message: string): void;
}) {
  const { t, lang, zone, dataVersion } = useDashboard();
  const [tick, setTick] = useState(0);
  const first = useApiQuery(JSON.stringify(['suggestions', version, dataVersion, tick]), (c) =>
    c.directory.suggestions.query({ limit: PAGE }),
  );
  const [more, setMore] = useState<{ items: Suggestion[]; cursor: string | null } | null>(null);
  const [assigning, setAssigning] = useState<{ key: string; stakeholderId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StoredError | null>(null);
  const [dismissed, setDismissed] = useState<Suggestion | null>(null);
  useEffect(() => setMore(null), [first.data]);

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const nameOf = (id: string | null) => (id ? (stakeholders.find((s) => s.id === id)?.name ?? null) : null);
  const reload = () => setTick((n) => n + 1);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(toStoredError(e));
    } finally {
      setBusy(false);
    }
  };
  const loadMore = () =>
    act(async () => {
      const page = await withApi((c) => c.directory.suggestions.query({ limit: PAGE, cursor: nextCursor }));
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    });
  const assign = (s: Suggestion, stakeholderId: string) =>
    act(async () => {
      const res = await withApi((c) =>
        c.directory.assignHandle.mutate({ kind: s.kind, value: s.value, stakeholderId }),
      );
      setAssigning(null);
      setDismissed(null);
      onAssigned(t('dashAssigned', s.value, nameOf(stakeholderId) ?? stakeholderId, res.assigned));
      reload();
    });
  const dismiss = (s: Suggestion) =>
    act(async () => {
      await withApi((c) => c.directory.dismissHandle.mutate({ kind: s.kind, value: s.value }));
      setDismissed(s);
      reload();
    });
  const undo = (s: Suggestion) =>
    act(async () => {
      await withApi((c) => c.directory.undismissHandle.mutate({ kind: s.kind, value: s.value }));
      setDismissed(null);
      reload();
    });

  return (
    <section className="pg-card" aria-labelledby="dir-sugg-h">
      <h3 id="dir-sugg-h">{t('dashSuggestions')}</h3>
      <p className="pg-muted dash-hint">{t('dashSuggestionsHint', first.data?.total ?? 0)}</p>
      <StatusLine t={t} loading={first.loading && !first.data} error={first.error} what={t('dashSuggestions')} />
      {dismissed && (
        <p role="status" className="pg-ok">
          {t('dashDismissed', dismissed.value)}{' '}
          <button type="button" className="pg-link" disabled={busy} onClick={() => void undo(dismissed)}>
            {t('dashUndo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {first.data && items.length === 0 && <p className="pg-muted">{t('dashNoneNow')}</p>}
      {items.length > 0 && (
        <div className="dash-table-wrap dash-scroll">
          <table className="dash-table" aria-label={t('dashSuggestions')}>
            <thead>
              <tr>
                <th scope="col">{t('dashColCounterpart')}</th>
                <th scope="col" className="dash-num">
                  {t('dashColInteractions')}
                </th>
                <th scope="col" className="dash-num">
                  {t('dashColThreads')}
                </th>
                <th scope="col">{t('dashColLastMessage')}</th>
                <th scope="col">{t('dashColSample')}</th>
                <th scope="col">{t('dashActions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => {
                const key = keyOf(s);
                const matched = nameOf(s.matchedStakeholderId);
                return (
                  <tr key={key} data-handle={key}>
                    <th scope="row">
                      {s.name}
                      <div className="pg-muted" title={t(identityKindKey[s.kind])}>
                        {s.value}
                      </div>
                      {matched && <div className="pg-muted">{t('dashMatchesStakeholder', matched)}</div>}
                    </th>
                    <td className="dash-num">{s.count}</td>
                    <td className="dash-num">{s.threads}</td>
                    <td>{formatDateTime(lang, s.lastAt, zone)}</td>
                    <td>
                      {s.sampleUrl ? (
                        <a href={s.sampleUrl} target="_blank" rel="noreferrer noopener">
                          {s.sampleTitle || t('dashOpenConversation')}
                        </a>
                      ) : (
                        (s.sampleTitle ?? '')
                      )}
                    </td>
                    <td className="dash-nowrap">
                      {assigning?.key === key ? (
                        <span className="dash-inline">
                          <select
                            aria-label={t('dashAssignToAria', s.value)}
                            value={assigning.stakeholderId}
                            onChange={(e) => setAssigning({ key, stakeholderId: e.target.value })}
                          >
                            <option value="">—</option>
                            {stakeholders.map((x) => (
                              <option key={x.id} value={x.id}>
                                {x.name}
                                {x.organization ? ` (${x.organization})` : ''}
                              </option>
                            ))}
                          </select>{' '}
                          <button
                            type="button"
                            className="pg-button pg-primary"
                            disabled={busy || !assigning.stakeholderId}
                            onClick={() => void assign(s, assigning.stakeholderId)}
                          >
                            {t('dashAssignConfirm')}
                          </button>{' '}
                          <button type="button" className="pg-link" onClick={() => setAssigning(null)}>
                            {t('cancel')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="pg-link"
                            onClick={() => onCreate(draftFromSuggestion(s), { kind: s.kind, value: s.value })}
                          >
                            {t('dashCreateFromSuggestion')}
                          </button>{' '}
                          ·{' '}
                          <button
                            type="button"
                            className="pg-link"
                            aria-label={t('dashAssignToAria', s.value)}
                            onClick={() => setAssigning({ key, stakeholderId: s.matchedStakeholderId ?? '' })}
                          >
                            {t('dashAssignAction')}
                          </button>{' '}
                          ·{' '}
                          <button
                            type="button"
                            className="pg-link"
                            aria-label={t('dashIgnoreAria', s.value)}
                            disabled={busy}
                            onClick={() => void dismiss(s)}
                          >
                            {t('dashIgnore')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <div className="pg-actions">
          <button type="button" className="pg-button" disabled={busy} onClick={() => void loadMore()}>
            {t('dashLoadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
