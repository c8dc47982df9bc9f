import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { PushItem } from '@comms-log/shared';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './harness/api-client';
import { chromiumPath } from './harness/browser';
import { org, provisionOrg } from './harness/org';
import { artifactsDir, serverDir } from './harness/paths';
import { emailFromMarcus, marcus, pushedEmail } from './harness/pushed-email';
import { freePort, runCli, type ServerProcess, waitForHealthz } from './harness/server-process';
import { startSmtpSink, type SmtpSink } from '@comms-log/server/testing/smtp-sink';
import { ulidAt } from './harness/ulid-at';

/*
 * The web view and the report by e-mail (docs/web-view.md): the server built as `pnpm start` builds it, the web
 * view signed in from Chromium without the extension, as a manager and as staff, and a schedule that sends the
 * last week's report to a real SMTP server on 127.0.0.1, once, across a restart.
 */

const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'comms-log-e2e-webapp-'));
const databaseUrl = `file:${join(dir, 'server.db')}`;
let tokens: Awaited<ReturnType<typeof provisionOrg>>;
let smtp: SmtpSink;
let server: ServerProcess;
let serverEnv: Record<string, string>;
let port: number;
let db: Client;
let browser: Browser;

/*
 * The server as `pnpm start` runs it: server/scripts/build.mjs bundles it with the web view beside it, and plain node
 * runs the bundle, which finds the web view on its own. The bundle lives under server/dist (where its runtime
 * imports resolve), in a folder of this file's own.
 */
const bundleDir = resolve(serverDir, 'dist/e2e-webapp');

async function startBundledServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [join(bundleDir, 'index.js')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealthz(child, url, () => log, 30_000);
  return {
    url,
    port,
    output: () => log,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}

/** Last week's mail, same weekday: inside the schedule's last whole week in any zone, and the last 90 days. */
const lastWeek = Date.now() - 7 * DAY;

/** Li Wei (staff) logs three messages with Marcus, Zhou Min (manager) two with a partner. */
function history(stakeholderId: string): { staff: PushItem[]; manager: PushItem[] } {
  const email = (n: number, direction: 'inbound' | 'outbound', thread: string) =>
    direction === 'inbound'
      ? emailFromMarcus(stakeholderId, {
          id: ulidAt(lastWeek + n * 60_000, n),
          at: lastWeek + n * 60_000,
          externalId: `web-${n}`,
          threadKey: `gmail:${thread}`,
          title: 'Shipment delay',
        })
      : pushedEmail({
          id: ulidAt(lastWeek + n * 60_000, n),
          at: lastWeek + n * 60_000,
          direction,
          stakeholderId,
          stakeholderType: 'customer',
          author: { name: org.staff.name, handle: org.staff.email },
          externalId: `web-${n}`,
          threadKey: `gmail:${thread}`,
          title: 'Re: Shipment delay',
        });
  return {
    staff: [email(1, 'inbound', 't1'), email(2, 'outbound', 't1'), email(3, 'inbound', 't2')],
    manager: [email(4, 'inbound', 't3'), email(5, 'outbound', 't3')],
  };
}

beforeAll(async () => {
  // What `pnpm start` runs first: the server bundle and the web view beside it.
  execFileSync(process.execPath, [resolve(serverDir, 'scripts/build.mjs'), bundleDir], { stdio: 'pipe' });
  tokens = await provisionOrg(databaseUrl, {
    dir,
    staff: true,
    manager: true,
    stakeholderCsv: [marcus.csvOwnedByLiWei],
  });
  smtp = await startSmtpSink();
  port = await freePort();
  serverEnv = {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'comms-log <reports@northwind-robotics.com>',
    REPORT_TICK_SECONDS: '1',
  };
  server = await startBundledServer(serverEnv);
  db = createClient({ url: databaseUrl });
  const pushed = history(tokens.stakeholderIds[0]!);
  await apiClient(server.url, tokens.staffToken!).sync.push.mutate({ items: pushed.staff });
  await apiClient(server.url, tokens.managerToken!).sync.push.mutate({ items: pushed.manager });
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless=new', '--no-sandbox'] });
  mkdirSync(artifactsDir, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  db?.close();
  await server?.stop();
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

/** A fresh browser profile in `locale` on the web view's report, signed in with `token`. */
async function signIn(token: string, locale: string, words: { token: string; signIn: string }): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${server.url}/app/?tab=report&period=last90`);
  await page.getByLabel(words.token).fill(token);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await page.getByTestId('report-overview').waitFor({ timeout: 60_000 });
  return page;
}

/** The count in the report's first sentence, in either language. */
async function reportedTotal(page: Page): Promise<number> {
  const text = (await page.getByTestId('report-overview').textContent()) ?? '';
  const m = /(\d+) interactions were logged|本期共记录沟通 (\d+) 次/.exec(text);
  if (!m) throw new Error(`no total in "${text}"`);
  return Number(m[1] ?? m[2]);
}

describe('the web view at /app', () => {
  it('signs a manager in, shows the whole team, and signs out for good', async () => {
    const page = await signIn(tokens.managerToken!, 'en-US', { token: 'API token', signIn: 'Sign in' });
    expect(await page.getByText(`${org.manager.name} · ${org.name}`).count()).toBe(1);
    expect(await page.getByText('whole team').count()).toBeGreaterThan(0);
    expect(await reportedTotal(page)).toBe(5);
    expect(await page.getByRole('tab', { name: 'Directory' }).count()).toBe(1);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'cl_session', httpOnly: true, sameSite: 'Strict' });
    await page.screenshot({ path: join(artifactsDir, 'webapp-manager.png'), fullPage: true });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    await page.reload();
    await page.getByLabel('API token').waitFor();
    // The old cookie is dead on the server too, not only gone from the browser.
    const res = await fetch(`${server.url}/trpc/auth.whoami`, {
      headers: { cookie: `cl_session=${cookie!.value}`, 'x-comms-log-csrf': '1' },
    });
    expect(res.status).toBe(401);
    await page.context().close();
  });

  it('shows staff only their own figures, in the browser language', async () => {
    const page = await signIn(tokens.staffToken!, 'zh-CN', { token: 'API 令牌', signIn: '登录' });
    expect(await page.getByText('仅本人的沟通').count()).toBeGreaterThan(0);
    expect(await reportedTotal(page)).toBe(3);
    expect(await page.getByRole('tab', { name: /通讯录|Directory/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '退出登录' }).count()).toBe(1);
    await page.screenshot({ path: join(artifactsDir, 'webapp-staff-zh.png'), fullPage: true });
    await page.context().close();
  });

  it('refuses a sign-in and a cookie that do not come from the web view', async () => {
    const signInElsewhere = await fetch(`${server.url}/app/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokens.adminToken }),
    });
    expect(signInElsewhere.status).toBe(403);
    const ours = await fetch(`${server.url}/app/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-comms-log-csrf': '1' },
      body: JSON.stringify({ token: tokens.adminToken }),
    });
    const cookie = ours.headers.get('set-cookie')!.split(';')[0]!;
    const whoami = (origin?: string) =>
      fetch(`${server.url}/trpc/auth.whoami`, {
        headers: { cookie, 'x-comms-log-csrf': '1', ...(origin ? { origin } : {}) },
      }).then((r) => r.status);
    expect(await whoami()).toBe(200);
    expect(await whoami('https://elsewhere.example')).toBe(401);
    const withoutHeader = await fetch(`${server.url}/trpc/auth.whoami`, { headers: { cookie } });
    expect(withoutHeader.status).toBe(401);
  });
});

describe('the report by e-mail', () => {
  const recipients = [
    { email: 'board@northwind-robotics.com', language: 'en' as const },
    { email: 'dong.shi@northwind-robotics.com', language: 'zh-CN' as const },
  ];

  it('sends last week to each recipient in their language, with the figures and the report attached', async () => {
    const page = await signIn(tokens.adminToken, 'en-US', { token: 'API token', signIn: 'Sign in' });
    const section = page.getByRole('region', { name: 'Period report by e-mail' });
    await section.getByLabel('How often').selectOption('weekly');
    for (const [i, r] of recipients.entries()) {
      await section.getByRole('button', { name: 'Add a recipient' }).click();
      await section.getByLabel(`Address of recipient ${i + 1}`).fill(r.email);
      await section.getByLabel(`Language of recipient ${i + 1}`).selectOption(r.language);
    }
    await section.getByRole('button', { name: 'Save the schedule' }).click();
    await section.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(2);
    const byTo = new Map(smtp.messages.map((m) => [(m.to as { text: string }).text, m]));
    const en = byTo.get(recipients[0]!.email)!;
    const zh = byTo.get(recipients[1]!.email)!;
    expect(en.subject).toMatch(/^comms-log report: Northwind Robotics, \d{4}-W\d{2}$/);
    expect(en.html).toContain('5 interactions were logged');
    expect(en.html).toContain('<svg');
    expect(zh.subject).toMatch(/^comms-log 报告：Northwind Robotics，\d{4}-W\d{2}$/);
    expect(zh.html).toContain('本期共记录沟通 5 次');
    for (const m of [en, zh]) {
      const [html, pdf] = m.attachments;
      expect(m.attachments).toHaveLength(2);
      expect(html!.filename).toMatch(/^comms-log-report-\d{4}-W\d{2}\.html$/);
      expect(html!.contentType).toBe('text/html');
      expect(html!.content.toString('utf8')).toContain(m === en ? '5 interactions' : '本期共记录沟通 5 次');
      // The PDF carries its own font with Chinese glyphs (Debian's Noto Sans CJK, subset).
      expect(pdf!.filename).toMatch(/^comms-log-report-\d{4}-W\d{2}\.pdf$/);
      expect(pdf!.contentType).toBe('application/pdf');
      expect(pdf!.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf!.content.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    }
    const log = await apiClient(server.url, tokens.adminToken).mail.sends.query({ limit: 10 });
    expect(log.map((s) => [s.email, s.status, s.attempts]).sort()).toEqual(
      recipients.map((r) => [r.email, 'sent', 1]).sort(),
    );
    // The admin sees the sends on the page too.
    await page.reload();
    const sent = page.getByRole('table', { name: 'Sent reports' }).locator('tbody tr');
    await expect.poll(() => sent.count(), { timeout: 30_000 }).toBe(2);
    expect(await sent.first().textContent()).toContain('sent');
    await page
      .getByRole('region', { name: 'Period report by e-mail' })
      .screenshot({ path: join(artifactsDir, 'webapp-mail-schedule.png') });
    await page.context().close();
  });

  it('sends a period once, whatever restarts come between the ticks', async () => {
    await server.stop();
    server = await startBundledServer(serverEnv);
    // Several ticks of the new process (one a second), each finding last week already claimed.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(smtp.messages).toHaveLength(2);
    const rows = await db.execute("SELECT email, status FROM mail_sends WHERE trigger = 'schedule'");
    expect(rows.rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    expect(server.output()).toContain('Report e-mail: through 127.0.0.1');
  });

  it('pnpm cli report:send sends a period now, in the language asked for, and logs it', async () => {
    const period = (await db.execute('SELECT period FROM mail_sends LIMIT 1')).rows[0]!.period as string;
    const smtpEnv = {
      SMTP_HOST: serverEnv.SMTP_HOST!,
      SMTP_PORT: serverEnv.SMTP_PORT!,
      SMTP_FROM: serverEnv.SMTP_FROM!,
    };
    Object.assign(process.env, smtpEnv);
    try {
      const out = await runCli(databaseUrl, [
        'report:send',
        '--org',
        org.name,
        '--period',
        period,
        '--to',
        'ceo@northwind-robotics.com',
        '--lang',
        'zh-CN',
      ]);
      expect(out).toContain(`sent: ${period} to ceo@northwind-robotics.com (zh-CN)`);
    } finally {
      for (const k of Object.keys(smtpEnv)) delete process.env[k];
    }
    expect(smtp.messages).toHaveLength(3);
    expect(smtp.messages[2]!.html).toContain('本期共记录沟通 5 次');
    const rows = await db.execute("SELECT email, status FROM mail_sends WHERE trigger = 'cli'");
    expect(rows.rows.map((r) => [r.email, r.status])).toEqual([['ceo@northwind-robotics.com', 'sent']]);
  });
});
