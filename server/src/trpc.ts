import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { Role } from '@comms-log/shared';
import type { AuthUser, Context } from './context';

/** A zod error as one line a person can act on: `items.3.data.occurredAt: Invalid ISO datetime`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 10)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const { stack: _stack, ...data } = shape.data;
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Whatever went wrong is logged by the HTTP adapter's onError; the caller only learns that it did.
      return { ...shape, message: 'Internal server error', data: { ...data, issues: null } };
    }
    if (error.cause instanceof ZodError) {
      const issues = error.cause.issues.slice(0, 50).map((i) => ({ path: i.path.map(String), message: i.message }));
      return { ...shape, message: `Invalid input: ${describeZodError(error.cause)}`, data: { ...data, issues } };
    }
    return { ...shape, data: { ...data, issues: null } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message:
        ctx.authError === 'invalid'
          ? 'This API token is not valid: it is unknown, revoked or expired, or its user is deactivated.'
          : 'Sign in: send an API token as "Authorization: Bearer <token>".',
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user as AuthUser } });
});

const roleLabel: Record<Role, string> = { staff: 'staff', manager: 'a manager', admin: 'an admin' };

function requireRole(...roles: Role[]) {
  return t.middleware(({ ctx, next }) => {
    const user = ctx.user as AuthUser;
    if (!roles.includes(user.role)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `Only ${roles.map((r) => roleLabel[r]).join(' or ')} can do this; you are ${roleLabel[user.role]}.`,
      });
    }
    return next();
  });
}

/** Any signed-in user. */
export const authedProcedure = t.procedure.use(requireUser);
/** Managers and admins. */
export const managerProcedure = authedProcedure.use(requireRole('manager', 'admin'));
/** Admins only. */
export const adminProcedure = authedProcedure.use(requireRole('admin'));
