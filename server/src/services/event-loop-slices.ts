const SLICE_MS = 20;

/**
 * A function to await between the steps of a long job (an import's rows, a recompute's chunks): every 20 ms of
 * work it lets the event loop run once. The job's statements resolve as microtasks, which run before any I/O, so
 * without it a 10,000-row import answers nothing else — not /healthz, not a read on the second connection — until
 * it ends (docs/architecture.md "Reads beside the writer").
 */
export function eventLoopSlices(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
