/*
 * `pnpm soak`: sync under faults, the long form (20,000 interactions, 8 clients, 20% of answers dropped, 5 server
 * kills by default; `pnpm soak --help` for the options). Prints the figures and exits 1 if anything was lost,
 * duplicated or derived differently. The quick form runs in `pnpm test` (sync-faults.test.ts).
 */
import { parseSoakOptions, usage } from './options';
import { figureLines } from './print-figures';
import { runSoak } from './soak';
import { soakFailures } from './verdict';

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(usage);
    return 0;
  }
  let options: ReturnType<typeof parseSoakOptions>;
  try {
    options = parseSoakOptions(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    return 2;
  }
  console.log(
    `comms-log soak — ${new Date().toISOString()} · node ${process.version} · ${options.items} interactions, ${options.clients} clients, ${Math.round(options.drop * 100)}% drops, ${options.kills} kills`,
  );
  const figures = await runSoak(options, (line) => process.stderr.write(`… ${line}\n`));
  for (const line of figureLines(figures)) console.log(line);
  if (figures.dir) console.log(`kept: ${figures.dir}`);
  const failures = soakFailures(figures);
  for (const f of failures) console.log(`✗ ${f}`);
  console.log(
    failures.length
      ? `FAILED (${failures.length})`
      : 'ok: nothing lost, nothing duplicated, derived fields as recomputed',
  );
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('soak failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
