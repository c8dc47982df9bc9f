import { mailScheduleInputSchema, mailScheduleSchema, mailSendSchema, mailSendsInputSchema } from '@comms-log/shared';
import { z } from 'zod';
import { getMailSchedule, listMailSends, setMailSchedule } from '../services/schedules/schedule';
import { adminProcedure, router } from '../trpc';

/** The period report by e-mail (admins): the org's schedule and recipients, and the log of sends. */
export const mailRouter = router({
  getSchedule: adminProcedure.output(mailScheduleSchema.nullable()).query(({ ctx }) => getMailSchedule(ctx)),
  setSchedule: adminProcedure
    .input(mailScheduleInputSchema)
    .output(mailScheduleSchema)
    .mutation(({ ctx, input }) => setMailSchedule(ctx, input)),
  sends: adminProcedure
    .input(mailSendsInputSchema)
    .output(z.array(mailSendSchema))
    .query(({ ctx, input }) => listMailSends(ctx, input)),
});
