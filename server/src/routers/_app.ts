import { createCallerFactory, router } from '../trpc';
import { activitiesRouter } from './activities';
import { auditRouter } from './audit';
import { authRouter } from './auth';
import { directoryRouter } from './directory';
import { evaluationsRouter } from './evaluations';
import { followupsRouter } from './followups';
import { jobsRouter } from './jobs';
import { mailRouter } from './mail';
import { metricsRouter } from './metrics';
import { planRouter } from './plan';
import { privacyRouter } from './privacy';
import { reportsRouter } from './reports';
import { settingsRouter } from './settings';
import { siteHealthRouter } from './site-health';
import { syncRouter } from './sync';
import { threadsRouter } from './threads';
import { usersRouter } from './users';

/** The one list of routers. */
export const appRouter = router({
  auth: authRouter,
  audit: auditRouter,
  privacy: privacyRouter,
  sync: syncRouter,
  directory: directoryRouter,
  plan: planRouter,
  settings: settingsRouter,
  users: usersRouter,
  metrics: metricsRouter,
  followups: followupsRouter,
  reports: reportsRouter,
  threads: threadsRouter,
  evaluations: evaluationsRouter,
  activities: activitiesRouter,
  mail: mailRouter,
  siteHealth: siteHealthRouter,
  jobs: jobsRouter,
});

export type AppRouter = typeof appRouter;

/** Call procedures in-process: `createCaller(createInnerContext({ db, user }))`. */
export const createCaller = createCallerFactory(appRouter);
