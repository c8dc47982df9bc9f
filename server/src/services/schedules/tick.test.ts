import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { mailSends } from '../../db/tables/mail';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { smtpMailer, type Mailer, type MailMessage } from '../mail/mailer';
import { MAX_ATTEMPTS } from './send-log';
import { setMailSchedule } from './schedule';
import { runScheduleTick } from './tick';

let handle: DbHandle;
let org: TestOrg;
freshOrgPerTest((h, o) => {
  handle = h;
  org = o;
});

// Wednesday 2026-03-18 12:00 in Shanghai: the last whole week is 2026-W11 (9–15 March).
const WED = Date.parse('2026-03-18T12:00:00+08:00');
const MINUTE = 60_000;

/** nodemailer's JSON transport: the real message builder, nothing on the network. */
function keepingMailer(): { mailer: Mailer; sent: MailMessage[] } {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  const sent: MailMessage[] = [];
  const mailer: Mailer = async (m) => {
    await transport.sendMail({ from: 'reports@example.com', ...m });
    sent.push(m);
  };
  return { mailer, sent };
}

/** An SMTP mailer to a port nothing listens on: every send is refused by the network. */
async function refusedMailer(): Promise<Mailer> {
  const port = await new Promise<number>((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
  return smtpMailer({ SMTP_HOST: '127.0.0.1', SMTP_PORT: port, SMTP_SECURE: false, SMTP_FROM: 'r@example.com' });
}

const tick = (mailer: Mailer, now: number) => runScheduleTick({ db: handle.db, mailer, now: () => now, log: () => {} });

beforeEach(async () => {
  await pushAccepted(org.staff, [interactionData({ occurredAt: '2026-03-10T10:00:00+08:00' })]);
  await setMailSchedule(
    { db: handle.db, user: org.admin.user, now: WED },
    {
      cadence: 'weekly',
      recipients: [
        { email: 'boss@example.com', language: 'en' },
        { email: 'dong@example.com', language: 'zh-CN' },
      ],
    },
  );
});

describe('the report schedule', () => {
  it('sends the last whole week once to each recipient, then the next week when it ends', async () => {
    const { mailer, sent } = keepingMailer();
    expect(await tick(mailer, WED)).toBe(2);
    expect(await tick(mailer, WED + MINUTE)).toBe(0);
    expect(sent.map((m) => [m.to, m.subject.endsWith('2026-W11')])).toEqual([
      ['boss@example.com', true],
      ['dong@example.com', true],
    ]);
    expect(sent[0]!.html).toContain('1 interactions were logged');
    expect(sent[1]!.html).toContain('本期共记录沟通 1 次');
    // The next Monday in Shanghai: W12 is whole.
    expect(await tick(mailer, Date.parse('2026-03-23T00:05:00+08:00'))).toBe(2);
    expect(sent.at(-1)!.subject).toMatch(/2026-W12$/);
  });

  it('retries a refused send after a wait, and gives up after the last attempt', async () => {
    const refused = await refusedMailer();
    expect(await tick(refused, WED)).toBe(0);
    const rows = () => handle.db.select().from(mailSends);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([
      ['failed', 1],
      ['failed', 1],
    ]);
    expect(await tick(refused, WED + 30_000)).toBe(0);
    expect((await rows())[0]!.attempts).toBe(1);

    let now = WED;
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = Math.max(...(await rows()).map((r) => r.retryAt!));
      await tick(refused, now);
      expect((await rows()).map((r) => r.attempts)).toEqual([attempt, attempt]);
    }
    expect((await rows()).every((r) => r.retryAt === null && r.lastError)).toBe(true);

    // Given up is final: a working server later does not resend the period.
    const { mailer, sent } = keepingMailer();
    expect(await tick(mailer, now + 86_400_000)).toBe(0);
    expect(sent).toHaveLength(0);
  });

  it('retries no address taken off the list', async () => {
    expect(await tick(await refusedMailer(), WED)).toBe(0);
    const ctx = { db: handle.db, user: org.admin.user, now: WED };
    await setMailSchedule(ctx, { cadence: 'weekly', recipients: [{ email: 'boss@example.com', language: 'en' }] });
    const { mailer, sent } = keepingMailer();
    expect(await tick(mailer, WED + 2 * MINUTE)).toBe(1);
    expect(sent.map((m) => m.to)).toEqual(['boss@example.com']);
    const rows = await handle.db.select().from(mailSends);
    expect(rows.map((r) => [r.email, r.status])).toEqual([
      ['boss@example.com', 'sent'],
      ['dong@example.com', 'failed'],
    ]);
  });

  it('a failed send is sent on its retry once the server takes it', async () => {
    expect(await tick(await refusedMailer(), WED)).toBe(0);
    const { mailer, sent } = keepingMailer();
    expect(await tick(mailer, WED + 2 * MINUTE)).toBe(2);
    expect(sent).toHaveLength(2);
    const rows = await handle.db.select().from(mailSends);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 2],
      ['sent', 2],
    ]);
  });
});
