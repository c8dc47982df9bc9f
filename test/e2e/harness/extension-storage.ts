import type { Worker } from 'playwright-core';

/** Sets keys of the extension's `chrome.storage.local` from its service worker (WXT's `local:x` items are key `x`). */
export async function setExtensionStorage(worker: Worker, values: Record<string, unknown>): Promise<void> {
  await worker.evaluate((v) => chrome.storage.local.set(v), values);
}

/** The keys of the extension's storage that tests read, as far as they read them. */
export interface ExtensionStorage {
  syncStatus?: { lastSyncAt?: string | null; rejected?: number; pending?: number };
  orgSettings?: { fetchedAt?: string; neverLog?: string[] } | null;
}

/** Reads keys of the extension's `chrome.storage.local` in its service worker. */
export async function getExtensionStorage<K extends keyof ExtensionStorage>(
  worker: Worker,
  keys: K[],
): Promise<Pick<ExtensionStorage, K>> {
  return (await worker.evaluate((k) => chrome.storage.local.get(k), keys)) as Pick<ExtensionStorage, K>;
}
