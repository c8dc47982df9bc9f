import { storage } from 'wxt/utils/storage';
import type { CaptureLevel, Whoami } from '@comms-log/shared';
import { idleSyncStatus, type SyncStatus } from './sync/status';

/** `auto` follows the browser's language; the others override it for every page of the extension. */
export type LanguagePref = 'auto' | 'zh_CN' | 'en';

/** What the org decided, cached from `settings.get` so capture works offline. */
export type OrgSettings = { captureLevel: CaptureLevel; neverLog: string[]; fetchedAt: string };

/** The server's base URL as the user typed it (normalised), e.g. `http://127.0.0.1:8787`. */
export const serverUrlItem = storage.defineItem<string>('local:serverUrl', { fallback: '' });

/** Bearer token for the API; shown once by the server and kept only here. */
export const tokenItem = storage.defineItem<string>('local:token', { fallback: '' });

export const languagePrefItem = storage.defineItem<LanguagePref>('local:languagePref', { fallback: 'auto' });

/** Who the token belongs to, from `auth.whoami` when the options were saved (and refreshed on sync). */
export const whoamiItem = storage.defineItem<Whoami | null>('local:whoami', { fallback: null });

export const orgSettingsItem = storage.defineItem<OrgSettings | null>('local:orgSettings', { fallback: null });

/** The user's own never-log list: addresses, domains or site handles (see lib/capture/never-log.ts). */
export const neverLogMineItem = storage.defineItem<string[]>('local:neverLogMine', { fallback: [] });

/** The background's sync state, for the popup: pending and rejected counts, last sync, last error. */
export const syncStatusItem = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: idleSyncStatus() });
