import { createApp } from './app';
import { createDb, migrateDb } from './db/client';
import { reportBuilder } from './db/readers/start';
import { type PushWriter, startPushWriter } from './db/writer/start';
import { WriteOrder } from './db/writer/write-order';
import { EnvError, loadEnv } from './env';
import { serve } from './serve';
import { startDayCountRecounts } from './services/metrics/day-counts-recount';
import { syncDayCountsZones } from './services/metrics/day-counts-sync';
import { ensureFirstOrg } from './services/org/orgs';
import { startScheduleFromEnv } from './services/schedules/scheduler';

/** The environment, or exit with what is wrong with it. */
function loadEnvOrExit() {
  try {
    return loadEnv();
  } catch (e) {
    if (e instanceof EnvError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
}

/** An embedded database file a second thread can open (a `:memory:` database exists in one connection only). */
const isSharedFile = (url: string) => url.startsWith('file:') && !url.startsWith('file::memory:');

// Boot only: environment, database, migrations, first admin, listen.
async function main() {
  const env = loadEnvOrExit();
  // One order for this process's writes, shared with the push writer's thread (docs/architecture.md "The push writer").
  const order = new WriteOrder();
  const { db, close } = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, { order });
  await migrateDb(db);
  // Day counts in each org's plan zone (docs/metrics.md "Roll-ups"): after their migration they count UTC days.
  await syncDayCountsZones(db);
  // A large org's day counts follow a new zone after the plan's transaction, in chunks (docs/metrics.md "Roll-ups").
  const stopRecounts = startDayCountRecounts(db);
  // Pushes apply in a worker thread on an embedded file; a remote database (or :memory:) takes them in this thread.
  const pushWriter: PushWriter | undefined = isSharedFile(env.DATABASE_URL)
    ? await startPushWriter(env.DATABASE_URL, order)
    : undefined;
  // Reports are built in a thread of their own too, started at the first build (docs/architecture.md "The report builder").
  const reports = isSharedFile(env.DATABASE_URL) ? reportBuilder(env.DATABASE_URL, order) : undefined;

  const first = await ensureFirstOrg(db, {
    orgName: 'My organisation',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    adminEmail: 'admin@example.com',
    adminName: 'Admin',
  });

  const schedule = startScheduleFromEnv(db, process.env, reports);
  const server = await serve({
    app: createApp({
      db,
      corsOrigins: env.CORS_ORIGINS,
      pushWriter,
      reportBuilder: reports,
      publicOrigin: env.COMMS_LOG_PUBLIC_ORIGIN,
      trustedProxies: env.COMMS_LOG_TRUSTED_PROXIES,
    }),
    port: env.PORT,
    host: env.HOST,
  });
  const where = env.DATABASE_URL.startsWith('file:')
    ? env.DATABASE_URL.slice('file:'.length)
    : env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//');
  console.log(`comms-log server listening on ${server.url} (database: ${where})`);
  if (first) {
    console.log('\nFirst start: created an org and its admin (admin@example.com).');
    console.log('Admin API token (shown only this once — paste it into the extension options):\n');
    console.log(`  ${first.token.token}\n`);
    console.log(`The org's time zone is ${first.timeZone} (this machine's). If your team works in another, move it:`);
    console.log(`  pnpm cli org:update --org "My organisation" --name "Your org" --tz Asia/Shanghai`);
    console.log('Add users and tokens with `pnpm cli help`, or manage the org from the extension.');
  }

  const shutdown = async () => {
    schedule?.stop();
    stopRecounts();
    await server.close();
    await pushWriter?.close();
    await reports?.close();
    close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error('comms-log server failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
