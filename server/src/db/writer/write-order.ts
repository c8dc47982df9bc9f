import { isMainThread } from 'node:worker_threads';

/** `Atomics.waitAsync` (Node ≥ 16; the project's TypeScript lib predates its type). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(cells: Int32Array, index: number, value: number): { async: boolean; value: Promise<unknown> | string };
  }
).waitAsync;

/** The cells of the shared buffer. */
const NEXT = 0; // the next ticket to hand out
const SERVING = 1; // the ticket whose turn it is
const WORKER_HOLDS = 2; // 1 while the worker has a ticket it has not given back
const WORKER_TICKET = 3; // that ticket
const SKIP_SET = 4; // 1 when a stopped worker's ticket is still to come
const SKIP_TICKET = 5; // that ticket, passed over when its turn comes
/** Where a worker's WORKER_HOLDS and WORKER_TICKET are, by its slot: the push writer's 0, the report thread's 1. */
const SLOT_CELLS = [
  [WORKER_HOLDS, WORKER_TICKET],
  [6, 7],
] as const;

/**
 * One order for the writes of every thread of this process: a ticket lock in a SharedArrayBuffer, so the main
 * thread and the push writer's worker each take their turn at SQLite's write lock before they ask for it. SQLite's
 * own busy handler sleeps synchronously: a thread that found the other's transaction open would block its event
 * loop for up to busy_timeout (docs/architecture.md "The push writer"). Waiting here is `Atomics.waitAsync`, which
 * lets the event loop run. Turns are first come, first served across threads. Each thread holds at most one ticket
 * at a time (its calls queue behind one another first). Other processes on the same file still meet at SQLite's lock.
 */
export class WriteOrder {
  readonly #cells: Int32Array;
  readonly #holds: number;
  readonly #ticket: number;

  /** `slot` is the worker's whose turns this thread takes (on a worker), or whose stop it handles (on the main thread). */
  constructor(
    readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8 * 4),
    slot: 0 | 1 = 0,
  ) {
    this.#cells = new Int32Array(buffer);
    [this.#holds, this.#ticket] = SLOT_CELLS[slot];
  }

  /** Wait for this thread's turn; call the answer once the write (or transaction) has ended. */
  async acquire(): Promise<() => void> {
    const cells = this.#cells;
    const ticket = Atomics.add(cells, NEXT, 1);
    if (!isMainThread) {
      Atomics.store(cells, this.#ticket, ticket);
      Atomics.store(cells, this.#holds, 1);
    }
    for (;;) {
      const serving = Atomics.load(cells, SERVING);
      if (serving === ticket) break;
      const wait = waitAsync(cells, SERVING, serving);
      if (wait.async) await wait.value;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (!isMainThread) Atomics.store(cells, this.#holds, 0);
      this.#next();
    };
  }

  /**
   * On the main thread, once the worker has stopped: give back the ticket it held, whether its turn had come (the
   * next one's turn comes now) or not (it is passed over), so that this thread's writes never wait for it.
   */
  releaseStoppedWorker(): void {
    const cells = this.#cells;
    if (Atomics.exchange(cells, this.#holds, 0) !== 1) return;
    const ticket = Atomics.load(cells, this.#ticket);
    if (Atomics.load(cells, SERVING) === ticket) {
      this.#next();
      return;
    }
    Atomics.store(cells, SKIP_TICKET, ticket);
    Atomics.store(cells, SKIP_SET, 1);
  }

  /** The next ticket's turn (the one after, if that one's thread has stopped). */
  #next(): void {
    const cells = this.#cells;
    const serving = Atomics.add(cells, SERVING, 1) + 1;
    if (Atomics.load(cells, SKIP_SET) === 1 && Atomics.load(cells, SKIP_TICKET) === serving) {
      Atomics.store(cells, SKIP_SET, 0);
      Atomics.add(cells, SERVING, 1);
    }
    Atomics.notify(cells, SERVING);
  }
}
