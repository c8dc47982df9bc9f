import type { CapturedThread } from '@comms-log/shared';

/**
 * The never-log list: addresses (`alice@example.com`) and domains (`example.com`, also written `@example.com`)
 * whose messages are not captured at all (docs/architecture.md "Data model"). Non-email handles (a Weibo uid, a Jira
 * account id) are listed as they are and match exactly.
 */
export type NeverLogEntries = readonly string[];

const MAX_ENTRY_LENGTH = 320;

/** The canonical form of what a user typed, or null when it cannot be an address, domain or handle. */
export function parseNeverLogEntry(raw: string): string | null {
  let entry = raw.trim().toLowerCase();
  if (entry.startsWith('@') && !entry.slice(1).includes('@')) entry = entry.slice(1);
  if (entry === '' || entry.length > MAX_ENTRY_LENGTH || /\s/.test(entry)) return null;
  if (entry.includes('@')) {
    const [local, domain, ...rest] = entry.split('@');
    if (rest.length > 0 || !local || !domain || !domain.includes('.')) return null;
  }
  return entry;
}

function isDomainEntry(entry: string): boolean {
  return !entry.includes('@') && entry.includes('.');
}

/** Whether a message author's handle is on the list (exact address or handle, or a domain and its subdomains). */
export function isNeverLogged(handle: string | null, entries: NeverLogEntries): boolean {
  if (!handle) return false;
  const h = handle.trim().toLowerCase();
  const at = h.lastIndexOf('@');
  const domain = at >= 0 ? h.slice(at + 1) : null;
  return entries.some((entry) => {
    if (entry === h) return true;
    if (domain === null || !isDomainEntry(entry)) return false;
    return domain === entry || domain.endsWith(`.${entry}`);
  });
}

/**
 * The thread without what the never-log list forbids. Messages by a listed author go; and when every inbound
 * message went, the thread was a conversation with listed people only, so our replies to them go too.
 */
export function applyNeverLog(
  thread: CapturedThread,
  entries: NeverLogEntries,
): { thread: CapturedThread; removed: number } {
  if (entries.length === 0) return { thread, removed: 0 };
  const hadInbound = thread.messages.some((m) => m.direction === 'inbound');
  let kept = thread.messages.filter((m) => !isNeverLogged(m.author.handle, entries));
  if (hadInbound && !kept.some((m) => m.direction === 'inbound')) kept = [];
  return { thread: { ...thread, messages: kept }, removed: thread.messages.length - kept.length };
}
