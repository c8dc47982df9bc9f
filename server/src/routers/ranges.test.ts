import { ulid } from 'ulid';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPlan } from '@comms-log/shared';
import { createApp } from '../app';
import type { DbHandle } from '../db/client';
import { callProcedure } from '../testing/http';
import { hashTables } from '../testing/table-hash';
import { freshOrgPerTest, interactionData, upsert, type TestOrg } from '../testing/test-org';

/*
 * The requests that answered 500 when probed from outside (issue 17): extreme but well-formed dates, a calendar
 * without working time, an SLA of a nanosecond-sized fraction of an hour. Each is now refused with a message that
 * says what is allowed, stores nothing, and every procedure that read the org's rows afterwards still answers.
 */

let handle: DbHandle;
let t: TestOrg;
let app: ReturnType<typeof createApp>;
freshOrgPerTest((h, org) => {
  handle = h;
  t = org;
});
beforeEach(() => {
  app = createApp({ db: handle.db, logError: () => {} });
});

const RANGE = 'must lie between 1970-01-01T00:00:00Z and 2100-12-31T23:59:59Z';
const year9999 = { from: '9999-01-01T00:00:00-14:00', to: '9999-12-31T23:59:59-14:00' };

/** `path` as `token` over HTTP: refused with 400 and `message`, and no table changed. */
async function expectRefused(path: string, input: unknown, token: string, message: string | RegExp) {
  const before = await hashTables(handle);
  const res = await callProcedure(app, path, input, token);
  expect(res.status, `${path}: ${res.text}`).toBe(400);
  const body = JSON.parse(res.text) as { error: { message: string; data: { code: string } } };
  expect(body.error.data.code).toBe('BAD_REQUEST');
  expect(body.error.message).toMatch(message);
  expect(await hashTables(handle)).toBe(before);
}

/** `path` as `token` over HTTP answers 200. */
async function expectAnswers(path: string, input: unknown, token: string) {
  const res = await callProcedure(app, path, input, token);
  expect(res.status, `${path}: ${res.text}`).toBe(200);
  return JSON.parse(res.text) as { result: { data: unknown } };
}

/** Every reader of the org's rows still answers, for the admin and for staff. */
async function everyReaderAnswers() {
  for (const token of [t.admin.token, t.staff.token]) {
    await expectAnswers('sync.pull', { cursor: 0 }, token);
    await expectAnswers('followups.overdue', {}, token);
    await expectAnswers('followups.list', {}, token);
    await expectAnswers(
      'metrics.totals',
      { filter: { from: '2026-01-01T00:00:00Z', to: '2026-12-31T00:00:00Z' } },
      token,
    );
  }
}

describe('instants outside 1970–2100 are refused, and one bad row can no longer stop a sync', () => {
  it('sync.push refuses an interaction at 0000-01-01T00:00:00+14:00, and the admin still pulls', async () => {
    const bad = interactionData({ occurredAt: '0000-01-01T00:00:00+14:00' });
    const good = interactionData({ threadKey: 'gmail:t2' });
    const res = await t.staff.caller.sync.push({ items: [upsert(bad), upsert(good)] });
    expect(res.rejected).toEqual([{ id: bad.id, reason: `invalid interaction: occurredAt: ${RANGE}` }]);
    expect(res.applied.map((a) => a.id)).toEqual([good.id]);
    const pulled = await expectAnswers('sync.pull', { cursor: 0 }, t.admin.token);
    expect(JSON.stringify(pulled)).not.toContain(bad.id);
    await everyReaderAnswers();
  });

  it('followups.create and snooze refuse dueAt / until 9999-12-31T23:59:59-14:00; the lists still answer', async () => {
    const far = '9999-12-31T23:59:59-14:00';
    await expectRefused('followups.create', { id: ulid(), dueAt: far }, t.staff.token, `dueAt: ${RANGE}`);
    const reminder = await t.staff.caller.followups.create({ id: ulid(), dueAt: '2026-03-10T09:00:00+08:00' });
    await expectRefused('followups.snooze', { kind: 'followup', id: reminder.id, until: far }, t.staff.token, RANGE);
    await everyReaderAnswers();
  });

  it('reports.period and reports.goals refuse year 9999; metrics.interactions refuses years 0–1', async () => {
    for (const path of ['reports.period', 'reports.goals'])
      await expectRefused(path, { filter: year9999 }, t.manager.token, `filter.from: ${RANGE}`);
    const years0to1 = { from: '0000-01-01T00:00:00Z', to: '0001-12-31T00:00:00Z' };
    await expectRefused('metrics.interactions', { filter: years0to1 }, t.manager.token, `filter.from: ${RANGE}`);
    await everyReaderAnswers();
  });

  it('accepts the first and last instant of the range wherever an instant is read', async () => {
    const first = interactionData({ occurredAt: '1970-01-01T00:00:00Z', threadKey: 'gmail:first' });
    // A period's `to` is exclusive: the last second a filter reaches is the one before the range's end.
    const last = interactionData({ occurredAt: '2100-12-31T09:59:58-14:00', threadKey: 'gmail:last' });
    const res = await t.staff.caller.sync.push({ items: [upsert(first), upsert(last)] });
    expect(res.rejected).toEqual([]);
    await t.staff.caller.followups.create({ id: ulid(), dueAt: '2100-12-31T23:59:59Z' });
    const ends = [
      { from: '1970-01-01T00:00:00Z', to: '1972-12-31T00:00:00Z' },
      { from: '2098-01-02T00:00:00Z', to: '2100-12-31T23:59:59Z' },
    ];
    for (const filter of ends) {
      for (const path of ['reports.period', 'reports.goals', 'metrics.interactions', 'metrics.responseTimes'])
        await expectAnswers(path, { filter }, t.manager.token);
      const listed = await t.manager.caller.metrics.interactions({ filter });
      expect(listed.total).toBe(1);
    }
    await expectAnswers('followups.overdue', { team: true, asOf: '2100-12-31T23:59:59Z' }, t.manager.token);
    await everyReaderAnswers();
    // Figures at both ends of 1970–2100 build the working calendar of those years: seconds on a loaded machine.
  }, 30_000);
});

describe('a plan must leave working time, and limits are at least a minute', () => {
  it('plan.update refuses a calendar without working days or hours, and an SLA of 1e-9 hours', async () => {
    const noDays = { ...defaultPlan, calendar: { ...defaultPlan.calendar, workDays: [] } };
    await expectRefused('plan.update', noDays, t.manager.token, /calendar\.workDays: .*at least one working day/);
    const noHours = { ...defaultPlan, calendar: { ...defaultPlan.calendar, start: '09:00', end: '09:00' } };
    await expectRefused('plan.update', noHours, t.manager.token, /calendar\.end: .*no working time/);
    const tiny = {
      ...defaultPlan,
      sla: [{ stakeholderType: 'customer', channel: null, limit: { value: 1e-9, unit: 'hours' } }],
    };
    await expectRefused('plan.update', tiny, t.manager.token, /sla\.0\.limit\.value: a limit is at least one minute/);
  });

  it('keeps sync.push and followups.overdue answering after the refusals', async () => {
    const res = await t.staff.caller.sync.push({ items: [upsert(interactionData())] });
    expect(res.applied).toHaveLength(1);
    await everyReaderAnswers();
  });
});
