import type { Db } from '../../db/client';
import type { ReportBuilder } from '../../db/readers/start';
import type { Mailer } from '../mail/mailer';
import { findReportFont, type ReportFont } from '../mail/report-font';
import { type SmtpConfig, smtpConfigFrom } from '../mail/smtp-config';
import { runScheduleTick } from './tick';

/** How often the schedule is looked at; a send happens on the first tick after its period ends. */
const DEFAULT_TICK_SECONDS = 60;

export interface RunningSchedule {
  stop(): void;
}

/** Runs `runScheduleTick` now and every `tickMs`, one pass at a time. */
export function startSchedule(opts: {
  db: Db;
  mailer: Mailer;
  tickMs: number;
  pdfFont: ReportFont | null;
  reportBuilder?: ReportBuilder;
  log(m: string): void;
}): RunningSchedule {
  const { db, mailer, pdfFont, reportBuilder, log } = opts;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runScheduleTick({ db, mailer, now: Date.now, log, pdfFont, reportBuilder });
    } catch (e) {
      log(`report schedule: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * The schedule as the environment configures it (README "Scheduled e-mail"): SMTP_* for the mail server,
 * REPORT_TICK_SECONDS for how often it looks. Null, and a line saying so, without SMTP_HOST. Reports and PDFs are
 * built by `reportBuilder` when given (docs/architecture.md "The report builder").
 */
export function startScheduleFromEnv(
  db: Db,
  env: NodeJS.ProcessEnv = process.env,
  reportBuilder?: ReportBuilder,
): RunningSchedule | null {
  const config = smtpConfigFrom(env);
  if (!config) {
    console.log('Report e-mail is off: set SMTP_HOST and SMTP_FROM to send scheduled reports.');
    return null;
  }
  const seconds = Number(env.REPORT_TICK_SECONDS ?? DEFAULT_TICK_SECONDS);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86_400) {
    throw new Error('REPORT_TICK_SECONDS must be a number of seconds from 1 to 86400');
  }
  const pdfFont = findReportFont(env);
  console.log(
    `Report e-mail: through ${config.SMTP_HOST}:${config.SMTP_PORT}, schedule checked every ${seconds} s, ` +
      (pdfFont ? `PDF in ${pdfFont.path}.` : 'HTML only (no CJK font for a PDF: see REPORT_PDF_FONT).'),
  );
  const log = (m: string) => console.error(m);
  const mailer = smtpMailerOnFirstSend(config);
  return startSchedule({ db, mailer, tickMs: seconds * 1000, pdfFont, reportBuilder, log });
}

/** nodemailer is loaded by the first send, not at start-up: a server that has nothing to mail never holds it. */
function smtpMailerOnFirstSend(config: SmtpConfig): Mailer {
  let mailer: Promise<Mailer> | undefined;
  return async (message) => {
    mailer ??= import('../mail/mailer').then((m) => m.smtpMailer(config));
    await (await mailer)(message);
  };
}
