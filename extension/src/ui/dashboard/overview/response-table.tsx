import { resolveSla, type Channel, type ResponseTimesResult, type StakeholderType } from '@comms-log/shared';
import { rateTone } from '../../../lib/report/goals';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { onTimeTarget, waitSpec } from './response-figures';

/** Response figures per stakeholder type × channel, against the SLA the plan sets for each. */
export function ResponseTable({ result, hoursLabel }: { result: ResponseTimesResult; hoursLabel: string }) {
  const { t } = useDashboard();
  return (
    <div className="dash-table-wrap">
      <table className="dash-table" aria-label={t('dashByTypeChannel')}>
        <thead>
          <tr>
            <th scope="col">{t('dashColType')}</th>
            <th scope="col">{t('dashColChannel')}</th>
            <th scope="col">{t('dashColSla')}</th>
            <th scope="col" className="dash-num">
              {t('dashColWaits')}
            </th>
            <th scope="col" className="dash-num">{`${t('dashMedian')} (${hoursLabel})`}</th>
            <th scope="col" className="dash-num">{`P90 (${hoursLabel})`}</th>
            <th scope="col" className="dash-num">
              {t('dashOnTimeRate')}
            </th>
            <th scope="col" className="dash-num">
              {t('dashLate')}
            </th>
            <th scope="col" className="dash-num">
              {t('dashPending')}
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <ResponseRow
              key={`${r.key.stakeholderType}|${r.key.channel}`}
              type={r.key.stakeholderType as StakeholderType}
              channel={r.key.channel as Channel}
              stats={r.stats}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ResponseRow({
  type: ty,
  channel: ch,
  stats: s,
}: {
  type: StakeholderType;
  channel: Channel;
  stats: ResponseTimesResult['total'];
}) {
  const env = useDashboard();
  const { t, lang, plan } = env;
  const f = reportFormat(lang);
  const name = `${f.type(ty)} · ${f.channel(ch)}`;
  const key = { stakeholderType: ty, channel: ch };
  return (
    <tr>
      <th scope="row">{f.type(ty)}</th>
      <td>{f.channel(ch)}</td>
      <td>{f.sla(resolveSla(plan.plan, ty, ch))}</td>
      <td className="dash-num">
        <FigureButton value={s.waits} label={t('dashFigureWaits', s.waits, name)} spec={waitSpec(env, name, key)} />
      </td>
      <td className="dash-num">{f.hours(s.medianMs)}</td>
      <td className="dash-num">{f.hours(s.p90Ms)}</td>
      <td className={`dash-num dash-tone-${rateTone(s.onTimeRate, onTimeTarget(plan.plan.goals, ty))}`}>
        {f.pct(s.onTimeRate)}
      </td>
      <td className="dash-num">
        {s.late ? (
          <FigureButton
            value={s.late}
            label={t('dashFigureLateOf', s.late, name)}
            spec={waitSpec(env, `${t('dashLate')}: ${name}`, key, 'late')}
          />
        ) : (
          0
        )}
      </td>
      <td className="dash-num">
        {s.pending ? (
          <FigureButton
            value={s.pending}
            label={t('dashFigurePendingOf', s.pending, name)}
            spec={waitSpec(env, `${t('dashPending')}: ${name}`, key, 'pending')}
          />
        ) : (
          0
        )}
      </td>
    </tr>
  );
}
