import type { Context as HonoContext, MiddlewareHandler } from 'hono';
import { requestAddress } from './client-address';
import type { SignInLimiter } from './sign-in-limit';

/** A request that presents a credential: a bearer token or a cookie (a request with neither is never counted). */
const presentsCredential = (c: HonoContext) =>
  c.req.header('authorization') !== undefined || c.req.header('cookie') !== undefined;

/** A sign-in form's request: a POST of a token, or a request with a session cookie. */
export const postsSignIn = (c: HonoContext) => c.req.method === 'POST' || presentsCredential(c);

/**
 * Count refused credentials per address (`SignInLimiter`): a 401 to a request that tried to sign in is a failure
 * and is answered late; an address over the limit gets 429 with Retry-After before any credential is checked.
 * `addressOf` finds the client's address (./client-address.ts; default: the peer's).
 */
export function signInGuard(
  limiter: SignInLimiter,
  triesToSignIn: (c: HonoContext) => boolean = presentsCredential,
  addressOf: (c: HonoContext) => string = requestAddress(),
): MiddlewareHandler {
  return async (c, next) => {
    if (!triesToSignIn(c)) return next();
    const address = addressOf(c);
    const waitMs = limiter.refusedForMs(address, Date.now());
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      return c.json(
        {
          error: {
            code: 'TOO_MANY_REQUESTS',
            message: `Too many failed sign-ins from this address: try again in ${seconds} s.`,
          },
        },
        429,
        { 'Retry-After': String(seconds) },
      );
    }
    await next();
    if (c.res.status !== 401) return;
    const delayMs = limiter.recordFailure(address, Date.now());
    if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  };
}
