import { CSRF_HEADERS } from './api';

/* Signing in and out of the web view: the server's /app/api/session routes (docs/web-view.md "Signing in"). */

export interface WebUser {
  name: string;
  email: string;
  role: string;
}

const base = '/app/api/session';

/** Who is signed in, or null. */
export async function currentUser(): Promise<WebUser | null> {
  const res = await fetch(base, { credentials: 'same-origin' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return ((await res.json()) as { user: WebUser }).user;
}

/** Exchanges an API token for a session; the server's words when it refuses. */
export async function signIn(token: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const res = await fetch(base, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', ...CSRF_HEADERS },
    body: JSON.stringify({ token }),
  });
  if (res.ok) return { ok: true };
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return { ok: false, message: body?.error?.message ?? `HTTP ${res.status}` };
}

export async function signOut(): Promise<void> {
  await fetch(`${base}/end`, { method: 'POST', credentials: 'same-origin', headers: CSRF_HEADERS });
}
