import type { Stakeholder } from '@comms-log/shared';
import { ApiError } from './error';
import { callApi, createApiClient, type ApiClient } from './client';
import { parseNeverLogEntry } from '../capture/never-log';
import { neverLogMineItem, orgSettingsItem, serverUrlItem, tokenItem, whoamiItem } from '../storage-items';
import type { SyncTransport } from '../sync/passes';

/** A client over the connection saved in Options, read afresh per call so a new token applies at once. */
export async function withApi<T>(fn: (client: ApiClient) => Promise<T>): Promise<T> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), tokenItem.getValue()]);
  if (!serverUrl || !token) throw new ApiError('not-configured');
  const client = createApiClient({ serverUrl, token });
  return callApi(() => fn(client));
}

export async function isConfigured(): Promise<boolean> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), tokenItem.getValue()]);
  return Boolean(serverUrl && token);
}

export const apiTransport: SyncTransport = {
  push: (items) => withApi((c) => c.sync.push.mutate({ items })),
  // Its user's own rows only, managers too: team views read the server (docs/sync.md "Pull").
  pull: (cursor, limit) => withApi((c) => c.sync.pull.query({ cursor, limit, scope: 'own' })),
  createStakeholder: (input) => withApi((c) => c.directory.create.mutate(input)) as Promise<Stakeholder>,
};

/**
 * Refreshes who the token belongs to and what the org decided (capture level, never-log list), so that
 * capture in the page applies them even offline.
 */
export async function refreshAccount(now = new Date()): Promise<void> {
  const [whoami, settings] = await withApi((c) => Promise.all([c.auth.whoami.query(), c.settings.get.query()]));
  await whoamiItem.setValue(whoami);
  await orgSettingsItem.setValue({
    captureLevel: settings.org.captureLevel,
    neverLog: settings.neverLog.org.map((e) => e.value),
    fetchedAt: now.toISOString(),
  });
  // The server's copy of the personal list wins when this browser has none (a fresh install).
  const mine = await neverLogMineItem.getValue();
  if (mine.length === 0 && settings.neverLog.mine.length > 0) {
    await neverLogMineItem.setValue(settings.neverLog.mine.map((e) => e.value));
  }
}

/** Sends the personal never-log list to the server: the addresses and domains it keeps (site handles stay local). */
export async function pushNeverLogMine(entries: readonly string[]): Promise<void> {
  const myNeverLog = entries
    .map(parseNeverLogEntry)
    .filter((e): e is string => e !== null && (e.includes('@') || e.includes('.')))
    .map((value) => ({ kind: value.includes('@') ? ('email' as const) : ('domain' as const), value }));
  await withApi((c) => c.settings.update.mutate({ myNeverLog }));
}
