import type { AuthUser } from '../auth/tokens';
import type { DbOrTx } from '../db/client';

/** Who a service acts for. The org is always `user.orgId`: it comes from the token, never from input. */
export type ServiceUser = Pick<AuthUser, 'id' | 'orgId' | 'role'>;

/**
 * What every service takes first, as `(ctx, input)`: the database (or an open transaction) and the user. `now`
 * pins the clock (tests, the CLI's `--now`); services read it through `nowOf(ctx)`.
 */
export interface ServiceCtx {
  db: DbOrTx;
  user: ServiceUser;
  now?: number;
  /** Told `done` of `total` steps when a long service runs as a job (services/jobs/report-build.ts). */
  onStep?: (done: number, total: number) => void;
}

/** Managers and admins see and act on the whole org; staff on what is their own. */
export const isManager = (user: Pick<AuthUser, 'role'>): boolean => user.role === 'manager' || user.role === 'admin';

/** The service's clock: the pinned `ctx.now`, or the wall clock. */
export const nowOf = (ctx: Pick<ServiceCtx, 'now'>): number => ctx.now ?? Date.now();
