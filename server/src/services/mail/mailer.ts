import nodemailer from 'nodemailer';
import type { SmtpConfig } from './smtp-config';

export interface MailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: { filename: string; content: string | Buffer; contentType: string }[];
}

/** Sends one message; rejects with the SMTP server's answer when it is refused. */
export type Mailer = (message: MailMessage) => Promise<void>;

/** A mailer over the configured SMTP server (nodemailer), with short timeouts: a retry comes later anyway. */
export function smtpMailer(config: SmtpConfig): Mailer {
  const transport = nodemailer.createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASS ?? '' } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return async (message) => {
    await transport.sendMail({ from: config.SMTP_FROM, ...message });
  };
}
