import type { Worker } from 'playwright-core';

/**
 * Sets keys of the extension's `chrome.storage.local` from its service worker (WXT's `local:x` items are key `x`).
 * `chrome` exists only inside the worker, so the test's own types do not need it.
 */
export async function setExtensionStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  await worker.evaluate(
    (v) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(x: unknown): Promise<void> } } } }
      ).chrome.storage.local.set(v),
    values,
  );
}
