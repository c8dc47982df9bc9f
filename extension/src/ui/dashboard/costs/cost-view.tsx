import type { CostEntryInput, CostListResult, RevenueInput } from '@comms-log/shared';
import { withApi } from '../../../lib/api/session';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { RecordTable } from '../record-table/record-table';
import { StatusLine } from '../status-line';
import { useApiQuery } from '../use-api-query';
import { costRows, periodCostShare, periodMonths } from './cost-figures';
import { MoneyForm } from './cost-forms';

const money = (lang: string, n: number) =>
  n.toLocaleString(lang === 'zh_CN' ? 'zh-CN' : 'en', { maximumFractionDigits: 2 });

/**
 * External-communication cost (managers and admins only): the months of the period, their cost per category and
 * revenue, the cost share with what it is over, and the forms to record a cost and set a month's revenue.
 */
export function CostView() {
  const { t, filter, zone, dataVersion, bumpData } = useDashboard();
  const months = periodMonths(filter, zone);
  const q = useApiQuery(JSON.stringify(['costs', months, dataVersion]), (c) => c.evaluations.listCosts.query(months));
  const onCost = async (input: CostEntryInput) => {
    await withApi((c) => c.evaluations.recordCost.mutate(input));
    bumpData();
  };
  const onRevenue = async (input: RevenueInput) => {
    await withApi((c) => c.evaluations.setRevenue.mutate(input));
    bumpData();
  };
  const currency = q.data?.revenues[0]?.currency ?? q.data?.costs[0]?.currency ?? 'CNY';
  return (
    <div className="dash-overview">
      <section
        className="pg-card dash-section"
        aria-labelledby="dash-cost-h"
        data-state={q.data && !q.loading ? 'ready' : 'loading'}
      >
        <h2 id="dash-cost-h">{t('dashCostHeading', months.from, months.to)}</h2>
        <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashCostTab')} />
        {q.data && <CostFigures data={q.data} months={months} />}
      </section>
      <div className="dash-split">
        <MoneyForm kind="cost" month={months.to} currency={currency} onCost={onCost} onRevenue={onRevenue} />
        <MoneyForm kind="revenue" month={months.to} currency={currency} onCost={onCost} onRevenue={onRevenue} />
      </div>
    </div>
  );
}

/** The cost share with its n, then cost per month and category, and revenue per month. */
export function CostFigures({ data, months }: { data: CostListResult; months: { from: string; to: string } }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const figure = periodCostShare(data, months);
  const rows = costRows(data.costs);
  const revenues = [...data.revenues].sort((a, b) => a.month.localeCompare(b.month));
  return (
    <>
      <p data-testid="dash-cost-share">
        {figure.share === null
          ? t('dashCostShareCurrencies', figure.currencies.join(', '))
          : figure.share.value === null
            ? t('dashCostShareNone', data.costs.length)
            : t(
                'dashCostShare',
                f.pct(figure.share.value),
                money(lang, figure.share.cost),
                money(lang, figure.share.revenue),
                figure.share.currency ?? '',
                data.costs.length,
              )}
      </p>
      {figure.share && figure.share.missingRevenueMonths.length > 0 && (
        <p className="pg-warn">{t('dashCostMissingRevenue', figure.share.missingRevenueMonths.join(', '))}</p>
      )}
      <div className="dash-split">
        <RecordTable
          label={t('dashCostByCategory')}
          show="caption"
          columns={[
            { head: t('dashCostMonth') },
            { head: t('dashCostCategory') },
            { head: t('dashCostAmount'), num: true },
            { head: t('dashCostEntries'), num: true },
          ]}
          items={rows}
          rowKey={(r) => `${r.month}:${r.category}:${r.currency}`}
          row={(r) => (
            <tr>
              <td>{r.month}</td>
              <th scope="row">{r.category}</th>
              <td className="dash-num">
                {money(lang, r.amount)} {r.currency}
              </td>
              <td className="dash-num">{r.entries}</td>
            </tr>
          )}
          empty={t('dashCostNone')}
        />
        <RecordTable
          label={t('dashCostRevenueByMonth')}
          show="caption"
          columns={[{ head: t('dashCostMonth') }, { head: t('dashCostRevenue'), num: true }]}
          items={revenues}
          rowKey={(r) => r.month}
          row={(r) => (
            <tr>
              <th scope="row">{r.month}</th>
              <td className="dash-num">
                {money(lang, r.amount)} {r.currency}
              </td>
            </tr>
          )}
          empty={t('dashCostNoRevenue')}
        />
      </div>
    </>
  );
}
