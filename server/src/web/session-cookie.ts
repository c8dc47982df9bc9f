import type { Context as HonoContext } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { viewOrigin } from './csrf';

export const SESSION_COOKIE = 'cl_session';

/** The session secret the browser sent, if any. */
export const readSessionCookie = (c: HonoContext): string | undefined => getCookie(c, SESSION_COOKIE);

/**
 * httpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure when browsers reach the web view
 * over https (`viewOrigin`: the public origin behind a proxy), until it expires.
 */
export function writeSessionCookie(c: HonoContext, secret: string, expiresAt: number, publicOrigin?: string): void {
  setCookie(c, SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: viewOrigin(c, publicOrigin).startsWith('https:'),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export const clearSessionCookie = (c: HonoContext): void => {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
};
