import type { PeriodReport } from '@comms-log/shared';
import { toExcelCsv } from '../../../lib/report/csv';
import {
  overviewSentence,
  periodTitle,
  reportFormat,
  reportLang,
  reportTables,
  type ReportTable,
} from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { csvMime, downloadText } from '../download';

/** The stem of every file exported from a report: its period's first day and its language. */
export const fileStem = (r: PeriodReport) => `comms-report-${r.meta.from.slice(0, 10)}-${r.meta.language}`;

/** React keys for a fixed list of texts: the text itself, numbered when it repeats. */
function contentKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text}#${n}`;
  });
}

/** The report itself, in its own language (the page's chrome stays in the UI's). */
export function ReportDocument({ report }: { report: PeriodReport }) {
  const f = reportFormat(reportLang(report.meta.language));
  const { t } = f;
  const tables = reportTables(report);
  const stem = fileStem(report);
  const actionKeys = contentKeys(report.actions.map((a) => a.text));
  return (
    <article className="dash-report" lang={report.meta.language} aria-label={t('dashReportTitle')} data-testid="report">
      <h1>{t('dashReportHeading', periodTitle(report))}</h1>
      <p className="pg-muted">
        {t(
          'dashReportMeta',
          report.meta.timeZone,
          f.dateTime(report.meta.asOf, report.meta.timeZone),
          report.meta.scope === 'own' ? t('dashScopeOwn') : t('dashScopeTeam'),
        )}
      </p>
      <section aria-label={t('dashSecOverview')}>
        <h2>{t('dashSecOverview')}</h2>
        <p data-testid="report-overview">{overviewSentence(report)}</p>
      </section>
      {tables.map((table) => (
        <TableBlock key={table.id} table={table} stem={stem} emptyText={t('dashNoRows')} />
      ))}
      <section aria-label={t('dashSecActions')}>
        <h2>{t('dashSecActions')}</h2>
        {report.actions.length ? (
          <ul>
            {report.actions.map((a, i) => (
              <li key={actionKeys[i]}>{a.text}</li>
            ))}
          </ul>
        ) : (
          <p className="pg-muted">{t('dashNoActions')}</p>
        )}
      </section>
    </article>
  );
}

/** One table of the report, with its own CSV download. */
function TableBlock({ table, stem, emptyText }: { table: ReportTable; stem: string; emptyText: string }) {
  const { t } = useDashboard();
  const columnKeys = contentKeys(table.columns);
  const rowKeys = contentKeys(table.rows.map((r) => JSON.stringify(r)));
  return (
    <section className="dash-report-table" aria-label={table.title} data-table={table.id}>
      <div className="dash-h3-row">
        <h2>{table.title}</h2>
        <button
          type="button"
          className="pg-link dash-noprint"
          aria-label={t('dashTableCsvAria', table.title)}
          onClick={() => downloadText(`${stem}-${table.id}.csv`, toExcelCsv(table.columns, table.rows), csvMime)}
        >
          {t('dashTableCsv')}
        </button>
      </div>
      {table.rows.length === 0 ? (
        <p className="pg-muted">{emptyText}</p>
      ) : (
        <table className="dash-table">
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={columnKeys[i]} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={rowKeys[i]}>
                {table.columns.map((_, c) => (
                  <td key={columnKeys[c]} className={typeof r[c] === 'number' ? 'dash-num' : undefined}>
                    {r[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
