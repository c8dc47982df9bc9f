import { TRPCError } from '@trpc/server';
import { createDb, migrateDb } from './db/client';
import { EnvError, loadEnv } from './env';
import { DuplicateUserError } from './services/org/users';
import { UsageError, type Command } from './cli/args';
import { auditCommands } from './cli/audit';
import { backupCommands } from './cli/backup';
import { privacyCommands } from './cli/privacy';
import { demoCommands } from './cli/demo';
import { directoryCommands } from './cli/directory';
import { healthCommands } from './cli/health';
import { help } from './cli/help';
import { orgCommands } from './cli/org';
import { reportSendCommands } from './cli/report-send';
import { tokenCommands } from './cli/tokens';

/* The admin CLI (`pnpm cli <command>`): one module per command group under cli/, dispatched from here. */

const commands: Record<string, Command> = {
  ...orgCommands,
  ...tokenCommands,
  ...directoryCommands,
  ...healthCommands,
  ...demoCommands,
  ...reportSendCommands,
  ...backupCommands,
  ...auditCommands,
  ...privacyCommands,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    console.log(help);
    return 0;
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${help}`);
    return 2;
  }
  const env = loadEnv();
  const { db, close } = await createDb(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await migrateDb(db);
    await run(db, args);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`Error: ${e.message}. See: pnpm cli help`);
      process.exit(2);
    }
    if (e instanceof EnvError || e instanceof DuplicateUserError || e instanceof TRPCError) {
      console.error(`Error: ${e.message}`);
      process.exit(1);
    }
    console.error('Error:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
