import { useState } from 'react';
import type { ReportComparison, ReportEditionSummary } from '@comms-log/shared';
import { toStoredError, type StoredError } from '../../../lib/api/error';
import { withApi } from '../../../lib/api/session';
import { errorText } from '../../labels';
import { useDashboard } from '../dashboard-context';
import { useApiQuery } from '../use-api-query';
import { reportFormat } from '../../../lib/report/tables';

/** Two editions' differences: each figure that moved, before and after, and the texts rewritten. */
function ComparisonTable({ c }: { c: ReportComparison }) {
  const { t } = useDashboard();
  const show = (v: number | null, s?: string | null) =>
    `${v === null ? '—' : Math.round(v * 1000) / 1000}${s ? ` (${s})` : ''}`;
  return (
    <section aria-label={t('reportComparison')} data-testid="report-comparison">
      <h3>{t('reportComparison')}</h3>
      {c.diff.changes.length === 0 && <p className="pg-muted">{t('reportNoChanges')}</p>}
      {c.diff.changes.length > 0 && (
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('reportFigure')}</th>
              <th scope="col">{t('reportBefore')}</th>
              <th scope="col">{t('reportAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {c.diff.changes.map((x) => (
              <tr key={x.figure}>
                <td>{x.label}</td>
                <td>{show(x.before, x.status?.before)}</td>
                <td>{show(x.after, x.status?.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {c.diff.textsChanged.length > 0 && <p>{t('reportTextsChanged', c.diff.textsChanged.join(', '))}</p>}
    </section>
  );
}

/** Pick two editions and see how the later differs from the earlier. */
function CompareEditions({ editions }: { editions: ReportEditionSummary[] }) {
  const { t, zone, lang } = useDashboard();
  const when = (iso: string) => reportFormat(lang).dateTime(iso, zone);
  const [before, setBefore] = useState(editions[1]?.id ?? '');
  const [after, setAfter] = useState(editions[0]?.id ?? '');
  const [result, setResult] = useState<ReportComparison | null>(null);
  const [error, setError] = useState<StoredError | null>(null);
  const label = (e: ReportEditionSummary) => `${when(e.createdAt)} · ${e.createdBy.name ?? ''} · ${e.language}`;
  const pick = (id: string, value: string, set: (v: string) => void, text: string) => (
    <div className="pg-field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {editions.map((e) => (
          <option key={e.id} value={e.id}>
            {label(e)}
          </option>
        ))}
      </select>
    </div>
  );
  const compare = async () => {
    setError(null);
    try {
      setResult(await withApi((c) => c.reports.compare.query({ before, after })));
    } catch (e) {
      setError(toStoredError(e));
    }
  };
  return (
    <div className="dash-report-compare">
      {pick('report-compare-before', before, setBefore, t('reportCompareBefore'))}
      {pick('report-compare-after', after, setAfter, t('reportCompareAfter'))}
      <button type="button" className="pg-button" onClick={() => void compare()}>
        {t('reportCompare')}
      </button>
      {error && (
        <p role="alert" className="pg-error">
          {errorText(t, error)}
        </p>
      )}
      {result && <ComparisonTable c={result} />}
    </div>
  );
}

/** The saved editions of the period: open one, or compare two. `version` changes when one is saved. */
export function ReportEditions(props: { version: number; openId: string | null; onOpen(id: string): void }) {
  const { t, filter, zone, lang } = useDashboard();
  const when = (iso: string) => reportFormat(lang).dateTime(iso, zone);
  const period = { from: filter.from, to: filter.to };
  const q = useApiQuery(JSON.stringify(['report-editions', period, props.version]), (c) =>
    c.reports.list.query({ period }),
  );
  const editions = q.data ?? [];
  return (
    <section className="dash-report-editions dash-noprint" aria-label={t('reportEditions')}>
      <h2>{t('reportEditions')}</h2>
      {q.error && (
        <p role="alert" className="pg-error">
          {errorText(t, q.error)}
        </p>
      )}
      {!q.loading && editions.length === 0 && <p className="pg-muted">{t('reportNoEditions')}</p>}
      <ul>
        {editions.map((e) => (
          <li key={e.id}>
            {t('reportEditionLine', when(e.createdAt), e.createdBy.name ?? '—', e.language)}{' '}
            <button
              type="button"
              className="pg-link"
              disabled={props.openId === e.id}
              aria-label={t('reportOpenEditionAria', when(e.createdAt))}
              onClick={() => props.onOpen(e.id)}
            >
              {t('reportOpenEdition')}
            </button>
          </li>
        ))}
      </ul>
      {editions.length >= 2 && <CompareEditions key={editions[0]!.id} editions={editions} />}
    </section>
  );
}
