import { useState, type ReactNode } from 'react';
import type { HandleKey, Stakeholder } from '@comms-log/shared';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { StatusLine } from '../status-line';
import type { StakeholderDraft } from './stakeholder-draft';
import { handleKeyOf, SuggestionRow, type Assigning } from './suggestion-row';
import { useSuggestions } from './use-suggestions';

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
  const { t } = useDashboard();
  const q = useSuggestions(version, stakeholders, onAssigned);
  const { first, items, busy, dismissed } = q;
  /** The one row whose handle is being assigned, and to whom so far. */
  const [assigning, setAssigning] = useState<Assigning | null>(null);

  return (
    <section className="pg-card" aria-labelledby="dir-sugg-h">
      <h3 id="dir-sugg-h">{t('dashSuggestions')}</h3>
      <p className="pg-muted dash-hint">{t('dashSuggestionsHint', first.data?.total ?? 0)}</p>
      <StatusLine t={t} loading={first.loading && !first.data} error={first.error} what={t('dashSuggestions')} />
      {dismissed && (
        <p role="status" className="pg-ok">
          {t('dashDismissed', dismissed.value)}{' '}
          <button type="button" className="pg-link" disabled={busy} onClick={() => void q.undo(dismissed)}>
            {t('dashUndo')}
          </button>
        </p>
      )}
      {q.error && (
        <p role="alert" className="pg-error">
          {errorText(t, q.error)}
        </p>
      )}
      {first.data && items.length === 0 && <p className="pg-muted">{t('dashNoneNow')}</p>}
      {items.length > 0 && (
        <SuggestionsTable>
          {items.map((s) => (
            <SuggestionRow
              key={handleKeyOf(s)}
              suggestion={s}
              matched={q.nameOf(s.matchedStakeholderId)}
              stakeholders={stakeholders}
              busy={busy}
              assigning={assigning?.key === handleKeyOf(s) ? assigning : null}
              onAssigning={setAssigning}
              onCreate={onCreate}
              onAssign={(stakeholderId) => void q.assign(s, stakeholderId, () => setAssigning(null))}
              onDismiss={() => void q.dismiss(s)}
            />
          ))}
        </SuggestionsTable>
      )}
      {q.nextCursor && (
        <div className="pg-actions">
          <button type="button" className="pg-button" disabled={busy} onClick={() => void q.loadMore()}>
            {t('dashLoadMore')}
          </button>
        </div>
      )}
    </section>
  );
}

/** The queue's table, its rows given. */
function SuggestionsTable({ children }: { children: ReactNode }) {
  const { t } = useDashboard();
  return (
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
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
