/** What one soak run does; `quickSoak` is the form `pnpm test` runs, `parseSoakOptions` reads `pnpm soak`'s. */
export interface SoakOptions {
  /** Interactions generated (messages of threads and calls); a few are logged by two clients, some deleted. */
  items: number;
  /** Simulated extensions, each a staff user with its own token, pushing at once. */
  clients: number;
  /** Stakeholders in the org's directory: few enough that clients share them. */
  stakeholders: number;
  /** Share of the proxy's answers dropped after the server applied the request, in [0, 1). */
  drop: number;
  /** Server kills (SIGKILL) during pushes, each followed by a restart on the same file and port. */
  kills: number;
  seed: number;
  /**
   * The extension's backoff (extension/src/lib/sync/backoff.ts, 5 s doubling to 15 min) on a shorter scale, so a
   * run ends in minutes: the first retry after `backoffBaseMs`, doubling up to `backoffMaxMs`.
   */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A sync that fails this many times in a row ends the run as a failure (a server that never recovers). */
  maxFailures: number;
  /** The whole run is abandoned after this long. */
  timeLimitMs: number;
  /** Keep the temp folder (database, server build) and print where it is. */
  keep: boolean;
}

export const quickSoak: SoakOptions = {
  items: 2_000,
  clients: 2,
  stakeholders: 30,
  drop: 0.2,
  kills: 2,
  seed: 1,
  backoffBaseMs: 100,
  backoffMaxMs: 2_000,
  maxFailures: 25,
  timeLimitMs: 90_000,
  keep: false,
};

const longSoak: SoakOptions = {
  ...quickSoak,
  items: 20_000,
  clients: 8,
  stakeholders: 80,
  kills: 5,
  timeLimitMs: 20 * 60_000,
};

export const usage = `pnpm soak [--items N] [--clients N] [--stakeholders N] [--drop P] [--kills N] [--seed N] [--time-limit S] [--keep]
  --items N          interactions generated (default 20,000; env SOAK_ITEMS)
  --clients N        simulated extensions pushing at once, one staff user each (default 8; env SOAK_CLIENTS)
  --stakeholders N   stakeholders the clients share (default 80)
  --drop P           share of answers the proxy drops after the server applied them, 0–0.9 (default 0.2; env SOAK_DROP)
  --kills N          server kills (SIGKILL) during pushes, each followed by a restart (default 5; env SOAK_KILLS)
  --seed N           seed of the data, the drops and the kill moments (default 1; env SOAK_SEED)
  --time-limit S     give up after S seconds (default 1,200)
  --keep             keep the temp folder (database, server build) and print where it is`;

function count(name: string, value: string | undefined, min: number): number {
  const n = Number(value?.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < min)
    throw new Error(`--${name} needs a whole number of at least ${min}, got ${value ?? 'nothing'}\n${usage}`);
  return n;
}

function share(name: string, value: string | undefined): number {
  const p = Number(value);
  if (value === undefined || !Number.isFinite(p) || p < 0 || p > 0.9)
    throw new Error(`--${name} needs a share from 0 to 0.9 (0.2 drops one answer in five), got ${value ?? 'nothing'}`);
  return p;
}

/** The long form's options from the environment (SOAK_*), then the command line (which wins). */
export function parseSoakOptions(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SoakOptions {
  const o: SoakOptions = { ...longSoak };
  if (env.SOAK_ITEMS) o.items = count('items', env.SOAK_ITEMS, 1);
  if (env.SOAK_CLIENTS) o.clients = count('clients', env.SOAK_CLIENTS, 1);
  if (env.SOAK_DROP) o.drop = share('drop', env.SOAK_DROP);
  if (env.SOAK_KILLS) o.kills = count('kills', env.SOAK_KILLS, 0);
  if (env.SOAK_SEED) o.seed = count('seed', env.SOAK_SEED, 1);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--items':
        o.items = count('items', value(), 1);
        break;
      case '--clients':
        o.clients = count('clients', value(), 1);
        break;
      case '--stakeholders':
        o.stakeholders = count('stakeholders', value(), 1);
        break;
      case '--drop':
        o.drop = share('drop', value());
        break;
      case '--kills':
        o.kills = count('kills', value(), 0);
        break;
      case '--seed':
        o.seed = count('seed', value(), 1);
        break;
      case '--time-limit':
        o.timeLimitMs = count('time-limit', value(), 1) * 1000;
        break;
      case '--keep':
        o.keep = true;
        break;
      case '--':
        break;
      default:
        throw new Error(`unknown option ${a}\n${usage}`);
    }
  }
  if (o.clients > 50)
    throw new Error(`--clients is at most 50 (each is a staff user made by the CLI), got ${o.clients}`);
  return o;
}
