import { userCreateInputSchema, userListResultSchema, userSchema, userUpdateInputSchema } from '@comms-log/shared';
import { addUser, listUsers, updateUser } from '../services/org/users';
import { adminProcedure, managerProcedure, router } from '../trpc';

export const usersRouter = router({
  list: managerProcedure.output(userListResultSchema).query(({ ctx }) => listUsers(ctx)),

  create: adminProcedure
    .input(userCreateInputSchema)
    .output(userSchema)
    .mutation(({ ctx, input }) => addUser(ctx, input)),

  update: adminProcedure
    .input(userUpdateInputSchema)
    .output(userSchema)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
});
