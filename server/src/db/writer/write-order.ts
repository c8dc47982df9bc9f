/**
 * One order for the writes of every thread of this process: a ticket lock in a SharedArrayBuffer, so the main
 * thread and the push writer's worker each take their turn at SQLite's write lock before they ask for it. SQLite's
 * own busy handler sleeps synchronously: a thread that found the other's transaction open would block its event
 * loop for up to busy_timeout (docs/architecture.md "The push writer"). Waiting here is `Atomics.waitAsync`, which
 * lets the event loop run. Turns are first come, first served across threads. Other processes on the same file
 * still meet at SQLite's lock.
 */
/** `Atomics.waitAsync` (Node ≥ 16; the project's TypeScript lib predates its type). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(cells: Int32Array, index: number, value: number): { async: boolean; value: Promise<unknown> | string };
  }
).waitAsync;

export class WriteOrder {
  /** [0]: the next ticket to hand out; [1]: the ticket whose turn it is. */
  readonly #cells: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.#cells = new Int32Array(buffer);
  }

  /** Wait for this thread's turn; call the answer once the write (or transaction) has ended. */
  async acquire(): Promise<() => void> {
    const cells = this.#cells;
    const ticket = Atomics.add(cells, 0, 1);
    for (;;) {
      const serving = Atomics.load(cells, 1);
      if (serving === ticket) break;
      const wait = waitAsync(cells, 1, serving);
      if (wait.async) await wait.value;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      Atomics.add(cells, 1, 1);
      Atomics.notify(cells, 1);
    };
  }
}
