import type { CadenceListResult, CadenceRow } from '@comms-log/shared';
import { formatRelative, type MessageKey } from '../../../lib/i18n';
import { reportFormat } from '../../../lib/report/tables';
import { useDashboard } from '../dashboard-context';
import { FigureButton } from '../figure-button';
import { UserOptions } from '../select-options';

export const PAGE = 50;

type State = CadenceRow['state'];
/** The owner filter: every owner, nobody, or one user's id. */
export type OwnerChoice = string;
export const ANY_OWNER = '';
export const NO_OWNER = '-';

const stateKey: Record<State, MessageKey> = {
  overdue: 'dashOverdueStakeholders',
  due: 'dashGoingCold',
  ok: 'dashCadenceStateOk',
};
const stateChip: Record<State, string> = { overdue: 'dash-chip-red', due: 'dash-chip-amber', ok: 'dash-chip-green' };

/** Which stakeholders the list shows: by cadence state (with how many each has) and by owner. */
export function CadenceFilters(props: {
  state: State | '';
  owner: OwnerChoice;
  counts: CadenceListResult['counts'] | undefined;
  onChoose(next: { state?: State | ''; owner?: OwnerChoice }): void;
}) {
  const { t, users } = useDashboard();
  const { counts } = props;
  return (
    <form className="dash-bar" onSubmit={(e) => e.preventDefault()} aria-labelledby="dash-cadence-list-h">
      <div className="pg-field">
        <label htmlFor="dash-cadence-state">{t('dashCadenceShow')}</label>
        <select
          id="dash-cadence-state"
          value={props.state}
          onChange={(e) => props.onChoose({ state: e.target.value as State | '' })}
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
          <select
            id="dash-cadence-owner"
            value={props.owner}
            onChange={(e) => props.onChoose({ owner: e.target.value })}
          >
            <option value={ANY_OWNER}>{t('dashAll')}</option>
            <option value={NO_OWNER}>{t('dashNoOwner')}</option>
            <UserOptions />
          </select>
        </div>
      )}
    </form>
  );
}

/** Last contact per stakeholder, most urgent first; a name opens the period's interactions with them. */
export function CadenceTable({ items }: { items: CadenceRow[] }) {
  const { t } = useDashboard();
  return (
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
          {items.map((r) => (
            <CadenceLine key={r.stakeholderId} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CadenceLine({ row: r }: { row: CadenceRow }) {
  const { t, lang, filter, asOf, zone, userName } = useDashboard();
  const f = reportFormat(lang);
  const never = <span className="pg-muted">{t('dashNever')}</span>;
  const lastContact = r.lastContactAt
    ? `${f.date(r.lastContactAt, zone)} (${formatRelative(lang, r.lastContactAt, new Date(asOf))})`
    : t('dashNever');
  return (
    <tr data-state={r.state}>
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
      <td>{r.ownerUserId ? userName(r.ownerUserId) : <span className="pg-muted">{t('dashNoOwner')}</span>}</td>
      <td>
        <span className={`dash-chip ${stateChip[r.state]}`}>{t(stateKey[r.state])}</span>
      </td>
      <td>{lastContact}</td>
      <td>{r.lastInboundAt ? f.date(r.lastInboundAt, zone) : never}</td>
      <td>{r.lastOutboundAt ? f.date(r.lastOutboundAt, zone) : never}</td>
      <td>
        {f.date(r.dueBy, zone)} <span className="pg-muted">{t('dashCadenceDays', r.idealDays, r.maxDays)}</span>
        {r.ruleChannels && (
          <div className="pg-muted">
            {t('dashCadenceChannelsOnly', r.ruleChannels.map((c) => f.channel(c)).join(', '))}
          </div>
        )}
      </td>
    </tr>
  );
}
