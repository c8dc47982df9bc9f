import type { DocTable } from '@comms-log/shared';
import { toExcelCsv } from '../../../lib/report/csv';
import { useDashboard } from '../dashboard-context';
import { csvMime, downloadText } from '../download';

/** React keys for a fixed list of texts: the text itself, numbered when it repeats. */
export function contentKeys(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const n = (seen.get(text) ?? 0) + 1;
    seen.set(text, n);
    return n === 1 ? text : `${text}#${n}`;
  });
}

/** One table of the report, with its own CSV download. */
export function TableBlock({ table, stem, emptyText }: { table: DocTable; stem: string; emptyText: string }) {
  const { t } = useDashboard();
  const columnKeys = contentKeys(table.columns);
  const rowKeys = contentKeys(table.rows.map((r) => JSON.stringify(r)));
  return (
    <section className="dash-report-table" aria-label={table.title} data-table={table.id}>
      <div className="dash-h3-row">
        <h3>{table.title}</h3>
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
