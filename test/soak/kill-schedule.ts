import { createRng } from '../../server/src/demo/seeded-random';
import type { FaultProxy } from './fault-proxy';
import type { ServerControl } from './server-control';

export interface Kill {
  /** Share of the upserts acknowledged when it struck. */
  atProgress: number;
  /** Whether a push was at the server when the process died. */
  duringPush: boolean;
  /** From the kill until /healthz answered again. */
  downMs: number;
}

export interface KillSchedule {
  /** Resolves with the kills made, once all are made or `stop` was called (the server is running then). */
  readonly done: Promise<Kill[]>;
  /** No more kills (the clients are finished). */
  stop(): void;
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** A push of about 100 items or more (~600 bytes an item): long enough at the server for a kill to cut it. */
const LARGE_PUSH_BYTES = 60_000;

/**
 * `kills` SIGKILLs of the server at seeded moments: each waits for its share of the upserts to be acknowledged
 * (between 5% and 70%), then for a large push to reach the server (any push, if none comes within 3 s), then a
 * seeded 0–20 ms more (less than such a push takes, so most kills cut its transaction), kills the process, leaves
 * the port closed for 0–300 ms and starts the server again on the same file and port.
 */
export function scheduleKills(opts: {
  server: ServerControl;
  proxy: FaultProxy;
  kills: number;
  seed: number;
  progress: () => number;
}): KillSchedule {
  const r = createRng(opts.seed ^ 0x4b11);
  // Before 70%: what is left is more than one push of the largest client, so a push still comes after each point.
  const points = Array.from({ length: opts.kills }, () => 0.05 + 0.65 * r.next()).sort((a, b) => a - b);
  let stopped = false;
  const until = async (ready: () => boolean, timeoutMs = Number.POSITIVE_INFINITY) => {
    const deadline = performance.now() + timeoutMs;
    while (!ready() && !stopped && performance.now() < deadline) await sleep(1);
    return !stopped;
  };

  const done = (async () => {
    const kills: Kill[] = [];
    for (const point of points) {
      if (!(await until(() => opts.progress() >= point))) break;
      if (!(await until(() => opts.proxy.pushesInFlight(LARGE_PUSH_BYTES) > 0, 3_000))) break;
      if (!(await until(() => opts.proxy.pushesInFlight() > 0))) break;
      await sleep(r.int(0, 20));
      const atProgress = opts.progress();
      const duringPush = opts.proxy.pushesInFlight() > 0;
      const t0 = performance.now();
      await opts.server.kill();
      await sleep(r.int(0, 300));
      await opts.server.start();
      kills.push({ atProgress, duringPush, downMs: Math.round(performance.now() - t0) });
    }
    return kills;
  })();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
