import { channels, stakeholderTypes, type Channel, type StakeholderType, type TotalsResult } from '@comms-log/shared';
import { reportFormat } from '../../../lib/report/tables';
import { channelColor } from '../chart-colors';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import type { Charts } from '../lazy-charts';

/** The type × channel counts, and the types and channels that have any (the others are left out). */
function typeChannelCells(rows: TotalsResult['rows']) {
  const cell = new Map<string, number>();
  for (const r of rows) cell.set(`${r.key.stakeholderType}|${r.key.channel}`, r.count);
  const count = (ty: StakeholderType, ch: Channel) => cell.get(`${ty}|${ch}`) ?? 0;
  const types = stakeholderTypes.filter((ty) => channels.some((ch) => cell.has(`${ty}|${ch}`)));
  const channelsShown = channels.filter((ch) => stakeholderTypes.some((ty) => cell.has(`${ty}|${ch}`)));
  return {
    count,
    types,
    channels: channelsShown,
    typeTotal: (ty: StakeholderType) => channelsShown.reduce((s, ch) => s + count(ty, ch), 0),
    channelTotal: (ch: Channel) => types.reduce((s, ty) => s + count(ty, ch), 0),
  };
}

type Cells = ReturnType<typeof typeChannelCells>;

/** Interactions by stakeholder type and channel: the table (every count opens its interactions) and its chart. */
export function TypeChannelBlock({ result, charts }: { result: TotalsResult; charts: Charts | null }) {
  const { t } = useDashboard();
  const cells = typeChannelCells(result.rows);
  return (
    <>
      <h3>{t('dashTblTypeChannel')}</h3>
      {cells.types.length === 0 ? (
        <p className="pg-muted">{t('dashNoRows')}</p>
      ) : (
        <div className="dash-split">
          <div className="dash-table-wrap">
            <TypeChannelTable cells={cells} total={result.total} />
          </div>
          <TypeChannelChart cells={cells} charts={charts} />
        </div>
      )}
    </>
  );
}

function TypeChannelTable({ cells, total }: { cells: Cells; total: number }) {
  const { t, lang, filter } = useDashboard();
  const f = reportFormat(lang);
  const interactionsOf = (n: number, what: string) => t('dashFigureInteractions', n, what);
  return (
    <table className="dash-table" aria-label={t('dashTblTypeChannel')}>
      <thead>
        <tr>
          <th scope="col">{t('dashColType')}</th>
          {cells.channels.map((ch) => (
            <th scope="col" key={ch} className="dash-num">
              {f.channel(ch)}
            </th>
          ))}
          <th scope="col" className="dash-num">
            {t('dashTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {cells.types.map((ty) => (
          <TypeRow key={ty} type={ty} cells={cells} />
        ))}
        <tr>
          <th scope="row">{t('dashTotal')}</th>
          {cells.channels.map((ch) => (
            <td key={ch} className="dash-num">
              <FigureButton
                value={cells.channelTotal(ch)}
                label={interactionsOf(cells.channelTotal(ch), f.channel(ch))}
                spec={{ title: f.channel(ch), input: { filter, key: { channel: ch } } }}
              />
            </td>
          ))}
          <td className="dash-num">{total}</td>
        </tr>
      </tbody>
    </table>
  );
}

function TypeRow({ type: ty, cells }: { type: StakeholderType; cells: Cells }) {
  const { t, lang, filter } = useDashboard();
  const f = reportFormat(lang);
  const interactionsOf = (n: number, what: string) => t('dashFigureInteractions', n, what);
  return (
    <tr>
      <th scope="row">{f.type(ty)}</th>
      {cells.channels.map((ch) => {
        const n = cells.count(ty, ch);
        return (
          <td key={ch} className="dash-num">
            {n === 0 ? (
              <span className="pg-muted">0</span>
            ) : (
              <FigureButton
                value={n}
                label={interactionsOf(n, `${f.type(ty)}, ${f.channel(ch)}`)}
                spec={{
                  title: `${f.type(ty)} · ${f.channel(ch)}`,
                  input: { filter, key: { stakeholderType: ty, channel: ch } },
                }}
              />
            )}
          </td>
        );
      })}
      <td className="dash-num">
        <FigureButton
          value={cells.typeTotal(ty)}
          label={interactionsOf(cells.typeTotal(ty), f.type(ty))}
          spec={{ title: f.type(ty), input: { filter, key: { stakeholderType: ty } } }}
        />
      </td>
    </tr>
  );
}

function TypeChannelChart({ cells, charts }: { cells: Cells; charts: Charts | null }) {
  const { t, lang } = useDashboard();
  const f = reportFormat(lang);
  const data = cells.types.map((ty) => ({
    name: f.type(ty),
    type: ty,
    ...Object.fromEntries(cells.channels.map((ch) => [ch, cells.count(ty, ch)])),
  }));
  return (
    <div className="dash-chart" role="img" aria-label={t('dashChartTypeChannel')}>
      {charts ? (
        <charts.StackedBarChart
          data={data}
          category="name"
          series={cells.channels.map((ch) => ({ key: ch, name: f.channel(ch), color: channelColor[ch] }))}
          height={240}
        />
      ) : (
        <div style={{ height: 240 }} />
      )}
    </div>
  );
}
