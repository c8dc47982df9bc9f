import { stakeholderTypes } from '@comms-log/shared';
import { reportFormat } from '../../lib/report/tables';
import { useDashboard } from './dashboard-context';

/** The `<option>`s of every stakeholder type, named in the dashboard's language. */
export function StakeholderTypeOptions() {
  const { lang } = useDashboard();
  const f = reportFormat(lang);
  return stakeholderTypes.map((x) => (
    <option key={x} value={x}>
      {f.type(x)}
    </option>
  ));
}

/** The `<option>`s of the org's users, by id. */
export function UserOptions() {
  const { users } = useDashboard();
  return users.map((u) => (
    <option key={u.id} value={u.id}>
      {u.name}
    </option>
  ));
}
