import { useState } from 'react';
import type { CadenceRow } from '@comms-log/shared';
import { formatRelative, type MessageKey } from '../../lib/i18n';
import { rateTone } from '../../lib/report/goals';
import { reportFormat } from '../../lib/report/tables';
import { useDashboard } from './dashboard-context';
import { FigureButton } from './figure-button';
import { Pager } from './pager';
import { StatusLine } from './status-line';
import { useApiQuery } from './use-api-query';

const PAGE = 50;

type State = CadenceRow['state'];

const stateKey: Record<State, MessageKey> = {
  overdue: 'dashOverdueStakeholders',
  due: 'dashGoingCold',
  ok: 'dashCadenceStateOk',
};
const stateChip: Record<State, string> = { overdue: 'dash-chip-red', due: 'dash-chip-amber', ok: 'dash-chip-green' };
/** The owner filter: every owner, nobody, or one user. */
const ANY = '';
const NOBODY = '-';

/**
 * Cadence: coverage per type (`metrics.coverage`) and last contact per stakeholder (`metrics.cadence`), most urgent
 * first, filterable by state and owner. Both read the same cadence states on the server, so they agree.
 */
export function CadenceView() {
  const { t, lang, filter, asOf, dataVersion, zone, users, userName } = useDashboard();
  const f = reportFormat(lang);
  const [state, setState] = useState<State | ''>('');
  const [owner, setOwner] = useState(ANY);
  const [offset, setOffset] = useState(0);
  const scope = { stakeholderType: filter.stakeholderType, tier: filter.tier, stakeholderId: filter.stakeholderId };
  const ownerFilter = owner === ANY ? {} : { ownerUserId: [owner === NOBODY ? null : owner] };
  const q = useApiQuery(JSON.stringify(['cadence', scope, asOf, dataVersion]), (c) =>
    c.metrics.coverage.query({ asOf, ...scope }),
  );
  const list = useApiQuery(JSON.stringify(['cadence-list', scope, asOf, dataVersion, state, owner, offset]), (c) =>
    c.metrics.cadence.query({
      asOf,
      ...scope,
      ...ownerFilter,
      ...(state ? { state: [state] } : {}),
      offset,
      limit: PAGE,
    }),
  );
  const coverage = q.data;
  const now = new Date(asOf);
  const when = (iso: string | null) =>
    iso ? `${f.date(iso, zone)} (${formatRelative(lang, iso, now)})` : t('dashNever');
  const counts = list.data?.counts;
  const total = list.data?.total ?? 0;
  const ready = q.data && !q.loading && list.data && !list.loading;

  return (
    <section className="pg-card dash-section" aria-labelledby="dash-cadence-h" data-state={ready ? 'ready' : 'loading'}>
      <h2 id="dash-cadence-h">{t('dashCadence')}</h2>
      <StatusLine t={t} loading={q.loading && !q.data} error={q.error} what={t('dashCadence')} />
      {coverage && (
        <>
          <div className="dash-table-wrap">
            <table className="dash-table" aria-label={t('dashTblCoverage')}>
              <thead>
                <tr>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col" className="dash-num">
                    {t('dashColActive')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashColCovered')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashColDue')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashColOverdue')}
                  </th>
                  <th scope="col" className="dash-num">
                    {t('dashColCoverage')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.rows.map((r) => (
                  <tr key={r.stakeholderType}>
                    <th scope="row">{f.type(r.stakeholderType)}</th>
                    <td className="dash-num">{r.active}</td>
                    <td className="dash-num">{r.covered}</td>
                    <td className="dash-num">{r.due}</td>
                    <td className="dash-num">{r.overdue}</td>
                    <td className={`dash-num dash-tone-${rateTone(r.rate, 1)}`}>{f.pct(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="pg-muted dash-hint">{t('dashCadenceHint')}</p>
        </>
      )}

      <h3 id="dash-cadence-list-h">{t('dashCadenceList')}</h3>
      <form className="dash-bar" onSubmit={(e) => e.preventDefault()} aria-labelledby="dash-cadence-list-h">
        <div className="pg-field">
          <label htmlFor="dash-cadence-state">{t('dashCadenceShow')}</label>
          <select
            id="dash-cadence-state"
            value={state}
            onChange={(e) => (setState(e.target.value as State | ''), setOffset(0))}
          >
            <option value="">
              {t('dashCountOf', t('dashAll'), counts ? counts.ok + counts.due + counts.overdue : '…')}
            </option>
            {(['overdue', 'due', 'ok'] as const).map((s) => (
              <option key={s} value={s}>
                {t('dashCountOf', t(stateKey[s]), counts ? counts[s] : '…')}
              </option>
            ))}
          </select>
        </div>
        {users.length > 1 && (
          <div className="pg-field">
            <label htmlFor="dash-cadence-owner">{t('dashColOwner')}</label>
            <select id="dash-cadence-owner" value={owner} onChange={(e) => (setOwner(e.target.value), setOffset(0))}>
              <option value={ANY}>{t('dashAll')}</option>
              <option value={NOBODY}>{t('dashNoOwner')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <StatusLine t={t} loading={list.loading && !list.data} error={list.error} what={t('dashCadenceList')} />
      {list.data && list.data.items.length === 0 && <p className="pg-muted">{t('dashNoneNow')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="dash-table-wrap dash-scroll">
            <table className="dash-table" aria-label={t('dashCadenceList')} data-testid="dash-cadence-list">
              <thead>
                <tr>
                  <th scope="col">{t('dashColStakeholder')}</th>
                  <th scope="col">{t('dashColType')}</th>
                  <th scope="col">{t('dashColOwner')}</th>
                  <th scope="col">{t('dashColStatus')}</th>
                  <th scope="col">{t('dashColLastContact')}</th>
                  <th scope="col">{t('dashColLastInbound')}</th>
                  <th scope="col">{t('dashColLastOutbound')}</th>
                  <th scope="col">{t('dashColDueBy')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.stakeholderId} data-state={r.state}>
                    <th scope="row">
                      <FigureButton
                        value={r.name}
                        label={t('dashInteractionsWith', r.name)}
                        spec={{
                          title: r.name,
                          input: { filter: { from: filter.from, to: filter.to, stakeholderId: [r.stakeholderId] } },
                        }}
                      />
                    </th>
                    <td>
                      {f.type(r.type)} <span className="pg-muted">{r.tier}</span>
                    </td>
                    <td>
                      {r.ownerUserId ? userName(r.ownerUserId) : <span className="pg-muted">{t('dashNoOwner')}</span>}
                    </td>
                    <td>
                      <span className={`dash-chip ${stateChip[r.state]}`}>{t(stateKey[r.state])}</span>
                    </td>
                    <td>{when(r.lastContactAt)}</td>
                    <td>
                      {r.lastInboundAt ? (
                        f.date(r.lastInboundAt, zone)
                      ) : (
                        <span className="pg-muted">{t('dashNever')}</span>
                      )}
                    </td>
                    <td>
                      {r.lastOutboundAt ? (
                        f.date(r.lastOutboundAt, zone)
                      ) : (
                        <span className="pg-muted">{t('dashNever')}</span>
                      )}
                    </td>
                    <td>
                      {f.date(r.dueBy, zone)}{' '}
                      <span className="pg-muted">{t('dashCadenceDays', r.idealDays, r.maxDays)}</span>
                      {r.ruleChannels && (
                        <div className="pg-muted">
                          {t('dashCadenceChannelsOnly', r.ruleChannels.map((c) => f.channel(c)).join(', '))}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager t={t} offset={offset} pageSize={PAGE} total={total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}
