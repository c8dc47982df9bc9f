import { auditListInputSchema, auditListResultSchema } from '@comms-log/shared';
import { listAudit } from '../services/audit/list';
import { adminProcedure, router } from '../trpc';

export const auditRouter = router({
  /** The org's audit trail, newest first: who changed the plan, roles, tokens, the directory, and when. */
  list: adminProcedure
    .input(auditListInputSchema)
    .output(auditListResultSchema)
    .query(({ ctx, input }) => listAudit(ctx, input)),
});
