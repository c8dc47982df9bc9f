import {
  allowedHandleSchema,
  erasureResultSchema,
  privacyHandleInputSchema,
  privacyStakeholderInputSchema,
  stakeholderExportSchema,
} from '@comms-log/shared';
import { allowErasedHandle } from '../services/erasure/allow-handle';
import { eraseStakeholder } from '../services/erasure/erase';
import { exportStakeholder } from '../services/erasure/export';
import { adminProcedure, router } from '../trpc';

/** Requests about one person's data (README "Reliability and security"): admins only. */
export const privacyRouter = router({
  /** Everything held about a stakeholder, as JSON (an access request). */
  export: adminProcedure
    .input(privacyStakeholderInputSchema)
    .output(stakeholderExportSchema)
    .query(({ ctx, input }) => exportStakeholder(ctx, input)),

  /** Erase a stakeholder and everything about them; every extension drops its copy on its next sync. */
  erase: adminProcedure
    .input(privacyStakeholderInputSchema)
    .output(erasureResultSchema)
    .mutation(({ ctx, input }) => eraseStakeholder(ctx, input)),

  /** Lift an erasure's refusal of one handle: the person came back and consents (docs/sync.md "Erasure"). */
  allowHandle: adminProcedure
    .input(privacyHandleInputSchema)
    .output(allowedHandleSchema)
    .mutation(({ ctx, input }) => allowErasedHandle(ctx, input)),
});
