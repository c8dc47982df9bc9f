import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../testing/smtp-sink';
import { createApp } from '../../app';
import { createDb, type DbHandle, migrateDb } from '../../db/client';
import { type ReportBuilder, reportBuilder } from '../../db/readers/start';
import { WriteOrder } from '../../db/writer/write-order';
import { serve, type RunningServer } from '../../serve';
import { createTestOrg, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { smtpMailer, type Mailer } from '../mail/mailer';
import { printableReportHtml } from '../mail/report-document';
import { findReportFont, type ReportFont } from '../mail/report-font';
import { reportPdf } from '../mail/report-pdf';
import { periodReport } from '../reports/period-report';
import { lastWholePeriod } from './periods';
import { setMailSchedule } from './schedule';
import { runScheduleTick } from './tick';
import { reportMaker } from './deliver';

// The scheduled e-mail built in the real report thread on a real database file, sent to a real SMTP server on
// 127.0.0.1, while the same process answers HTTP (docs/architecture.md "The report builder").
let dir: string;
let handle: DbHandle;
let builder: ReportBuilder;
let server: RunningServer;
let sink: SmtpSink;
let mailer: Mailer;
let font: ReportFont;
let t: TestOrg;

// 2 April 2026 in Shanghai: the last whole month is March.
const NOW = Date.parse('2026-04-02T09:00:00+08:00');
const types = ['customer', 'partner', 'media', 'government'] as const;

/** 6,000 interactions in March, in 1,500 threads of a question and (mostly) its answer. */
async function fillMarch() {
  const start = Date.parse('2026-03-01T00:00:00+08:00');
  const items = Array.from({ length: 6_000 }, (_, i) => {
    const thread = Math.floor(i / 4) * 2 + (i % 2);
    const at = start + (thread % 30) * 86_400_000 + (i % 4 < 2 ? 0 : 3 * 3_600_000) + (i % 2) * 60_000;
    return interactionData({
      threadKey: `gmail:march${thread}`,
      direction: i % 4 < 2 ? 'inbound' : 'outbound',
      occurredAt: new Date(at).toISOString(),
      stakeholderType: types[thread % types.length]!,
    });
  });
  for (let i = 0; i < items.length; i += 500) await pushAccepted(t.staff, items.slice(i, i + 500));
}

beforeAll(async () => {
  const found = findReportFont({});
  if (!found) throw new Error('no CJK font: install fonts-noto-cjk (apt-get install -y fonts-noto-cjk)');
  font = found;
  dir = mkdtempSync(join(tmpdir(), 'mail-thread-'));
  const url = `file:${join(dir, 'db.sqlite')}`;
  const order = new WriteOrder();
  handle = await createDb(url, undefined, { order });
  await migrateDb(handle.db);
  t = await createTestOrg(handle);
  await fillMarch();
  const recipients = [
    { email: 'boss@example.com', language: 'en' as const },
    { email: 'dong@example.com', language: 'zh-CN' as const },
  ];
  await setMailSchedule({ db: handle.db, user: t.admin.user, now: NOW }, { cadence: 'monthly', recipients });
  builder = reportBuilder(url, order);
  server = await serve({ app: createApp({ db: handle.db, reportBuilder: builder }), port: 0 });
  sink = await startSmtpSink();
  mailer = smtpMailer({ SMTP_HOST: '127.0.0.1', SMTP_PORT: sink.port, SMTP_SECURE: false, SMTP_FROM: 'r@example.com' });
}, 300_000);
afterAll(async () => {
  await sink?.close();
  await server?.close();
  await builder?.close();
  handle?.close();
  rmSync(dir, { recursive: true, force: true });
});

const tick = (now: number) =>
  runScheduleTick({ db: handle.db, mailer, now: () => now, log: () => {}, pdfFont: font, reportBuilder: builder });

/**
 * How many /healthz answers came while `job` ran, one every few milliseconds (a timer too waits on the event
 * loop; the pause leaves the cores to the build).
 */
async function healthzDuring<T>(job: Promise<T>): Promise<{ result: T; during: number }> {
  let done = false;
  const settled = job.finally(() => {
    done = true;
  });
  let during = 0;
  while (!done) {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, db: 'ok' });
    if (!done) during++;
    await new Promise((next) => setTimeout(next, 5));
  }
  return { result: await settled, during };
}

/** The month's report as the main thread builds it for `language` at `now`. */
async function reportHere(language: 'en' | 'zh-CN', now: number) {
  const period = lastWholePeriod('monthly', now, 'Asia/Shanghai');
  const ctx = { db: handle.db, user: t.admin.user, now };
  return periodReport(ctx, { filter: { from: period.from, to: period.to }, language });
}

/** The report e-mail's HTML as the main thread builds it. */
const builtHere = async (language: 'en' | 'zh-CN', now: number) => printableReportHtml(await reportHere(language, now));

it('answers /healthz while a month’s report and its PDF are built for the e-mail', async () => {
  const deps = { db: handle.db, mailer, now: () => NOW, log: () => {}, pdfFont: font, reportBuilder: builder };
  const period = lastWholePeriod('monthly', NOW, 'Asia/Shanghai');
  const { result, during } = await healthzDuring(reportMaker(deps, t.org.id, t.admin.user.id, period)('zh-CN'));
  // Built on the main thread the report and its PDF held the event loop: /healthz answered only in the few turns
  // between their steps (5 times where the thread's build saw 225).
  expect(during).toBeGreaterThanOrEqual(50);
  const here = await reportHere('zh-CN', NOW);
  expect(result.report).toEqual(here);
  // The same document: only the PDF's creation date differs, never its length.
  expect(Buffer.from(result.pdf!.subarray(0, 5)).toString()).toBe('%PDF-');
  expect(result.pdf!.byteLength).toBe((await reportPdf(here, font)).byteLength);
}, 300_000);

it('mails each recipient the report built in the thread, as this thread builds it, over SMTP', async () => {
  const { result, during } = await healthzDuring(tick(NOW));
  expect(result).toBe(2);
  expect(during).toBeGreaterThanOrEqual(3);
  for (const [email, language] of [
    ['boss@example.com', 'en'],
    ['dong@example.com', 'zh-CN'],
  ] as const) {
    const mail = sink.messages.find((m) => m.to && 'text' in m.to && m.to.text === email);
    expect(mail?.subject).toMatch(/2026-03$/);
    expect(mail?.html).toBe(await builtHere(language, NOW));
    const pdf = mail?.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
  }
}, 300_000);

it('builds the e-mail in this thread once the report thread has stopped', async () => {
  await builder.close();
  const may = Date.parse('2026-05-02T09:00:00+08:00');
  expect(await tick(may)).toBe(2);
  const mail = sink.messages.find((m) => m.subject?.includes('报告') && m.subject.endsWith('2026-04'));
  expect(mail?.html).toBe(await builtHere('zh-CN', may));
  expect(mail?.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);
}, 120_000);
