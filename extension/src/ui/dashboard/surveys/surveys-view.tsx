import { useState } from 'react';
import type { MetricsFilter, SurveyListInput } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import { useDashboard } from '../dashboard-context';
import { fetchAllPages } from '../fetch-all-pages';
import { Pager } from '../pager';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { SurveyChart } from './survey-chart';
import { knownDimensions } from './survey-figures';
import { SurveyCards, SurveyFigureTable } from './survey-figures-view';
import { SurveyForm } from './survey-form';
import { SurveyImport } from './survey-import';
import { SurveyTable } from './survey-table';

const PAGE = 50;

/** What the survey list reads of the page's filter: the period, and one stakeholder type or stakeholder. */
export function surveyListFilter(filter: MetricsFilter): Omit<SurveyListInput, 'cursor' | 'limit'> {
  const one = <T,>(v: T[] | undefined) => (v?.length === 1 ? v[0] : undefined);
  return {
    from: filter.from,
    to: filter.to,
    stakeholderType: one(filter.stakeholderType),
    stakeholderId: one(filter.stakeholderId),
  };
}

/** Every response of the period (the figures are computed over them in the browser), asked again after a change. */
function useSurveys() {
  const { filter, dataVersion, bumpData } = useDashboard();
  const input = surveyListFilter(filter);
  const q = useApiQuery(JSON.stringify(['surveys', input, dataVersion]), (c) =>
    fetchAllPages(c, (client, cursor, limit) => client.evaluations.listSurveys.query({ ...input, cursor, limit })),
  );
  return { q, changed: bumpData };
}

/**
 * Surveys: the period's figures (CSAT mean, satisfaction rate, NPS, 0–100 mean, each with its n, overall, per
 * dimension and per stakeholder type: the shared survey rules over every listed response), the score distribution,
 * the responses page by page, a form to record one and the CSV import. Staff see the responses they recorded.
 */
export function SurveysView() {
  const { t, plan } = useDashboard();
  const { q, changed } = useSurveys();
  const [offsetChoice, setOffset] = useState(0);
  const items = q.data?.items ?? [];
  // A shorter list (a new period or filter) starts again from its first page.
  const offset = offsetChoice < items.length ? offsetChoice : 0;
  const dimensions = knownDimensions(
    plan.plan.goals.map((g) => g.scope.dimension),
    items,
  );
  return (
    <div className="dash-overview">
      <section
        className="pg-card dash-section"
        aria-labelledby="dash-surveys-h"
        data-state={q.data && !q.loading ? 'ready' : 'loading'}
      >
        <h2 id="dash-surveys-h">{t('dashSurveyResults')}</h2>
        <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashSurveyResults')} />
        {q.data && !q.data.complete && <p className="pg-warn">{t('dashSurveyPartial', items.length)}</p>}
        {q.data && items.length === 0 && <p className="pg-muted">{t('dashSurveyNone')}</p>}
        {items.length > 0 && (
          <>
            <SurveyCards responses={items} />
            <div className="dash-split">
              <SurveyFigureTable responses={items} by="dimension" />
              <SurveyChart responses={items} />
            </div>
            <SurveyFigureTable responses={items} by="stakeholderType" />
            <h3>{t('dashSurveyResponses')}</h3>
            <SurveyTable items={items.slice(offset, offset + PAGE)} />
            <Pager t={t} offset={offset} pageSize={PAGE} total={items.length} onOffset={setOffset} />
          </>
        )}
      </section>
      <SurveyForm
        dimensions={dimensions}
        onRecord={async (input) => {
          const result = await withApi((c) => c.evaluations.recordSurvey.mutate(input));
          changed();
          return result;
        }}
      />
      <SurveyImport onImported={changed} />
    </div>
  );
}
