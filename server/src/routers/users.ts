import { userCreateInputSchema, userUpdateInputSchema } from '@comms-log/shared';
import { addUser, listUsers, updateUser } from '../services/org/users';
import { adminProcedure, managerProcedure, router } from '../trpc';

export const usersRouter = router({
  list: managerProcedure.query(({ ctx }) => listUsers(ctx)),

  create: adminProcedure.input(userCreateInputSchema).mutation(({ ctx, input }) => addUser(ctx, input)),

  update: adminProcedure.input(userUpdateInputSchema).mutation(({ ctx, input }) => updateUser(ctx, input)),
});
