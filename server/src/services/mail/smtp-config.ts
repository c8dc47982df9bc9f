import { z } from 'zod';

/*
 * Where the report e-mails go out (README "Scheduled e-mail"): an SMTP server named by the environment. Without
 * SMTP_HOST nothing is sent: schedules are kept and the server says why at start.
 */

const smtpEnvSchema = z.object({
  SMTP_HOST: z.string().trim().min(1),
  SMTP_PORT: z.coerce.number().int().min(1, 'SMTP_PORT must be 1–65535').max(65535, 'SMTP_PORT must be 1–65535'),
  /** `true`: TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(['true', 'false']).transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().trim().min(3, 'SMTP_FROM is the sender, e.g. "comms-log <reports@example.com>"'),
});

export type SmtpConfig = z.output<typeof smtpEnvSchema>;

export class SmtpConfigError extends Error {}

const blank = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v);

/** The SMTP settings, null when SMTP_HOST is not set; throws SmtpConfigError saying what is wrong. */
export function smtpConfigFrom(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  if (!blank(env.SMTP_HOST)) return null;
  const parsed = smtpEnvSchema.safeParse({
    SMTP_HOST: env.SMTP_HOST,
    SMTP_PORT: blank(env.SMTP_PORT) ?? '587',
    SMTP_SECURE: blank(env.SMTP_SECURE) ?? 'false',
    SMTP_USER: blank(env.SMTP_USER),
    SMTP_PASS: blank(env.SMTP_PASS),
    SMTP_FROM: blank(env.SMTP_FROM) ?? '',
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SmtpConfigError(`Invalid SMTP settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
