import { defineConfig } from 'drizzle-kit';

// Only `db:generate` reads this: migrations are SQL files committed under src/db/migrations and applied at boot.
export default defineConfig({
  dialect: 'sqlite',
  schema: [
    './src/db/schema.ts',
    './src/db/tables/evaluation.ts',
    './src/db/tables/plan-execution.ts',
    './src/db/tables/audit.ts',
    './src/db/tables/erasure.ts',
    './src/db/tables/report-edition.ts',
    './src/db/tables/sessions.ts',
    './src/db/tables/mail.ts',
    './src/db/tables/site-health.ts',
    './src/db/tables/day-counts.ts',
    './src/db/tables/thread-firsts.ts',
    './src/db/tables/last-contacts.ts',
    './src/db/tables/erased-handles.ts',
  ],
  out: './src/db/migrations',
});
