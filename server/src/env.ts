import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { invalidProxyEntries } from './auth/client-address';
import { resolveFileUrl } from './db/client';

/**
 * The embedded default lives in the server package, `server/data/comms-log.db`, whatever the current directory
 * (`pnpm start` at the root and `pnpm --filter @comms-log/server start` use the same file).
 */
export const defaultDatabaseUrl = `file:${fileURLToPath(new URL('../data/comms-log.db', import.meta.url))}`;

/** Origins admitted by default: any installed extension (Chromium or Firefox). */
export const defaultCorsOrigins = ['chrome-extension://*', 'moz-extension://*'];

/** Only a scheme and a host (and port): what a browser sends as `Origin`. */
function isBareOrigin(value: string): boolean {
  if (/[?#]/.test(value)) return false;
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.pathname === '/' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0, 'PORT must be 0–65535').max(65535, 'PORT must be 0–65535').default(8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default(defaultDatabaseUrl)
    .refine((u) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(u) || u === ':memory:', {
      message: 'DATABASE_URL must start with file:, libsql://, http(s):// or ws(s)://',
    }),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  /** Comma-separated origins; `*` in an origin matches anything (e.g. `chrome-extension://*`). */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((v) =>
      v === undefined || v.trim() === ''
        ? defaultCorsOrigins
        : v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
    ),
  /** The origin browsers open the server at when a proxy stands between (docs/web-view.md "Behind a proxy"). */
  COMMS_LOG_PUBLIC_ORIGIN: z
    .string()
    .trim()
    .refine(isBareOrigin, {
      message:
        'COMMS_LOG_PUBLIC_ORIGIN must be the address browsers open the server at, scheme and host only (like https://comms.example.com)',
    })
    .transform((v) => new URL(v).origin)
    .optional(),
  /** Comma-separated proxy addresses or ranges whose X-Forwarded-For the sign-in limiter believes (none by default). */
  COMMS_LOG_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .superRefine((entries, ctx) => {
      const bad = invalidProxyEntries(entries);
      if (bad.length) {
        ctx.addIssue({
          code: 'custom',
          message: `COMMS_LOG_TRUSTED_PROXIES must list proxy addresses or ranges, like 127.0.0.1,10.0.0.0/8,::1; not: ${bad.join(', ')}`,
        });
      }
    }),
});

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {}

/**
 * Read and validate the environment. A relative `file:` path is resolved against the directory the command was
 * typed in (`INIT_CWD`, set by pnpm), not the package folder pnpm runs the script in.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);
  const parsed = envSchema.safeParse({
    PORT: blank(source.PORT),
    HOST: blank(source.HOST),
    DATABASE_URL: blank(source.DATABASE_URL),
    DATABASE_AUTH_TOKEN: blank(source.DATABASE_AUTH_TOKEN),
    CORS_ORIGINS: source.CORS_ORIGINS,
    COMMS_LOG_PUBLIC_ORIGIN: blank(source.COMMS_LOG_PUBLIC_ORIGIN),
    COMMS_LOG_TRUSTED_PROXIES: source.COMMS_LOG_TRUSTED_PROXIES,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'env'}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return { ...env, DATABASE_URL: resolveFileUrl(env.DATABASE_URL, source.INIT_CWD ?? process.cwd()) };
}
