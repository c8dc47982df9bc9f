import type { ApiQuery } from './use-api-query';
import { useApiQuery } from './use-api-query';
import type { OrgUser } from './dashboard-context';

/** Who is signed in, the plan, the people whose figures can be shown, and the active directory. */
export function useDashboardData() {
  // Asked all at once rather than after whoami: the figures wait on the plan's zone and the people, so every round
  // trip before them is time on the open path. The list of people is a manager's; staff see only themselves.
  const me = useApiQuery('whoami', (c) => c.auth.whoami.query());
  const canManage = me.data ? me.data.user.role !== 'staff' : false;
  const plan = useApiQuery('plan', (c) => c.plan.get.query());
  const orgUsers = useApiQuery(
    'users',
    async (c): Promise<OrgUser[]> =>
      (await c.users.list.query()).map((u) => ({ id: u.id, name: u.name, role: u.role })),
  );
  const stakeholders = useApiQuery(
    'stakeholders',
    async (c) => (await c.directory.list.query({ limit: 500, active: true })).items,
  );
  const users: Pick<ApiQuery<OrgUser[]>, 'data' | 'loading' | 'error'> = canManage
    ? orgUsers
    : {
        data: me.data ? [{ id: me.data.user.id, name: me.data.user.name, role: me.data.user.role }] : undefined,
        loading: false,
        error: null,
      };
  return { me, canManage, plan, users, stakeholders };
}
