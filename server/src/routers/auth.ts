import {
  issuedTokenSchema,
  tokenCreateInputSchema,
  tokenListInputSchema,
  tokenListResultSchema,
  tokenRevokeInputSchema,
  tokenRevokeResultSchema,
  whoamiSchema,
} from '@comms-log/shared';
import { createToken, listTokens, revokeToken, whoami } from '../services/org/tokens';
import { authedProcedure, router } from '../trpc';

export const authRouter = router({
  whoami: authedProcedure.output(whoamiSchema).query(({ ctx }) => whoami(ctx)),

  tokens: router({
    list: authedProcedure
      .input(tokenListInputSchema)
      .output(tokenListResultSchema)
      .query(({ ctx, input }) => listTokens(ctx, input)),

    /** Issue a token. The token is in this answer only: it is stored hashed. */
    create: authedProcedure
      .input(tokenCreateInputSchema)
      .output(issuedTokenSchema)
      .mutation(({ ctx, input }) => createToken(ctx, input)),

    /** Revoke a token: it is refused from the next request on. */
    revoke: authedProcedure
      .input(tokenRevokeInputSchema)
      .output(tokenRevokeResultSchema)
      .mutation(({ ctx, input }) => revokeToken(ctx, input)),
  }),
});
