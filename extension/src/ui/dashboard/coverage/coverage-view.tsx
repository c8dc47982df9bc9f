import { useState } from 'react';
import type { CoverageListInput, MediaCoverageUpdateInput, MetricsFilter } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import { useDashboard } from '../dashboard-context';
import { fetchAllPages } from '../fetch-all-pages';
import { Pager } from '../pager';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { CoverageChart } from './coverage-chart';
import { coverageFigures } from './coverage-figures';
import { CoverageCards, CoverageTallyTable } from './coverage-figures-view';
import { CoverageImport } from './coverage-import';
import { CoverageRecord } from './coverage-record';
import { CoverageTable } from './coverage-table';

const PAGE = 50;

/** What the coverage list reads of the page's filter: the period, and one outlet (a stakeholder). */
function coverageListFilter(filter: MetricsFilter): Omit<CoverageListInput, 'cursor' | 'limit'> {
  const outlet = filter.stakeholderId?.length === 1 ? filter.stakeholderId[0] : undefined;
  return { from: filter.from, to: filter.to, outletStakeholderId: outlet };
}

/** Saves an edit of a media report; the figures behind every view are asked again. */
export function useCoverageSave() {
  const { bumpData } = useDashboard();
  return async (update: MediaCoverageUpdateInput) => {
    const saved = await withApi((c) => c.evaluations.updateCoverage.mutate(update));
    bumpData();
    return saved;
  };
}

/**
 * Media coverage: the period's positive share, negative reports clarified, items and reach per outlet, tone and
 * event (the shared coverage rules over every report listed), tone over time, and the reports page by page with an
 * edit of each one's tone, reach, event tag and clarification; a report recorded by hand (the coverage page) or
 * imported from CSV. Staff see the reports they recorded.
 */
export function CoverageView() {
  const { t, filter, asOf, dataVersion, bumpData } = useDashboard();
  const input = coverageListFilter(filter);
  const q = useApiQuery(JSON.stringify(['coverage', input, dataVersion]), (c) =>
    fetchAllPages(c, (client, cursor, limit) => client.evaluations.listCoverage.query({ ...input, cursor, limit })),
  );
  const save = useCoverageSave();
  const [offsetChoice, setOffset] = useState(0);
  const items = q.data?.items ?? [];
  const offset = offsetChoice < items.length ? offsetChoice : 0;
  const figures = coverageFigures(items, Date.parse(asOf));
  return (
    <div className="dash-overview">
      <section
        className="pg-card dash-section"
        aria-labelledby="dash-coverage-h"
        data-state={q.data && !q.loading ? 'ready' : 'loading'}
      >
        <h2 id="dash-coverage-h">{t('dashCovFigures')}</h2>
        <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashCovFigures')} />
        {q.data && !q.data.complete && <p className="pg-warn">{t('dashCovPartial', items.length)}</p>}
        {q.data && items.length === 0 && <p className="pg-muted">{t('dashCovNone')}</p>}
        {items.length > 0 && (
          <>
            <CoverageCards figures={figures} />
            <div className="dash-split">
              <CoverageChart reports={items} />
              <CoverageTallyTable tally={figures.byTone} by="tone" />
            </div>
            <div className="dash-split">
              <CoverageTallyTable tally={figures.byOutlet} by="outlet" />
              <CoverageTallyTable tally={figures.byEvent} by="event" />
            </div>
            <h3>{t('dashCovReports')}</h3>
            <CoverageTable items={items.slice(offset, offset + PAGE)} onSave={save} />
            <Pager t={t} offset={offset} pageSize={PAGE} total={items.length} onOffset={setOffset} />
          </>
        )}
      </section>
      <CoverageRecord />
      <CoverageImport onImported={bumpData} />
    </div>
  );
}
