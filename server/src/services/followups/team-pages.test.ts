import { describe, expect, it } from 'vitest';
import { ulid } from 'ulid';
import {
  teamFollowupsInputSchema,
  type FollowupGroupName,
  type OverdueItem,
  type TeamFollowupsInput,
} from '@comms-log/shared';
import type { DbHandle } from '../../db/client';
import {
  freshOrgPerTest,
  interactionData,
  pushAccepted,
  testStakeholder,
  type TestMember,
  type TestOrg,
} from '../../testing/test-org';
import type { ServiceCtx } from '../service-ctx';
import { overdueList } from './overdue';
import { teamFollowups } from './team';

/*
 * `followups.team` reads only a page of the late waits and counts the rest in SQL: paging through every group must
 * give the very items, order, totals and counts of the whole list `followups.overdue` computes.
 */

let h: DbHandle;
let t: TestOrg;

freshOrgPerTest((handle, org) => {
  h = handle;
  t = org;
});

const NOW = Date.parse('2026-03-20T06:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const groupOf = (i: OverdueItem): FollowupGroupName =>
  i.kind === 'wait' ? 'awaiting' : i.kind === 'cadence' ? 'cold' : 'reminders';

/** Unanswered inbound messages of `who`, one thread each, started `hoursAgo` before NOW. */
async function waits(who: TestMember, hoursAgo: number[], over: Record<string, unknown> = {}): Promise<string[]> {
  const rows = hoursAgo.map((ago) =>
    interactionData({ id: ulid(), threadKey: `gmail:${ulid()}`, occurredAt: iso(NOW - ago * HOUR), ...over }),
  );
  await pushAccepted(who, rows);
  return rows.map((r) => r.id);
}

/**
 * Waits of three people (late, due soon, one snoozed, one answered after a past instant), cold stakeholders,
 * reminders and overdue activities.
 */
async function seedTeam(): Promise<void> {
  const [snoozed] = await waits(t.staff, [400, 300, 300, 200, 120, 50, 2]);
  await waits(t.staff2, [350, 300, 90, 1], { stakeholderType: 'partner', channel: 'social', source: 'manual' });
  await waits(t.manager, [500, 260, 3]);
  // The manager's snooze hides it from the team's list, not from its owner's.
  await t.manager.caller.followups.snooze({ kind: 'wait', id: snoozed!, until: iso(NOW + 48 * HOUR) });
  const answered = interactionData({ id: ulid(), threadKey: 'gmail:answered', occurredAt: iso(NOW - 240 * HOUR) });
  const reply = { ...answered, id: ulid(), direction: 'outbound', occurredAt: iso(NOW - 20 * HOUR) };
  await pushAccepted(t.staff2, [answered, reply]);
  for (const [name, days] of [
    ['Acme', 100],
    ['Birch', 60],
    ['Cedar', 40],
    ['Dune', 5],
  ] as const)
    await testStakeholder(h, t, NOW - days * 24 * HOUR, name);
  for (const ago of [30, 5, 5]) await t.staff.caller.followups.create({ id: ulid(), dueAt: iso(NOW - ago * HOUR) });
  for (const owner of [t.staff, t.staff2]) {
    const start = NOW - 72 * HOUR;
    await t.manager.caller.activities.create({
      id: ulid(),
      title: 'Review',
      stakeholderType: 'partner',
      channel: 'video',
      ownerUserId: owner.user.id,
      startAt: iso(start),
      endAt: iso(start + HOUR),
      milestones: [],
      recurrence: 'none',
    });
  }
}

/** Every page of every group, `limit` rows at a time, as the popup's "Show more" asks for them. */
async function pageThrough(ctx: ServiceCtx, input: TeamFollowupsInput, limit: number) {
  const first = await teamFollowups(ctx, teamFollowupsInputSchema.parse({ ...input, limit }));
  const seen: Record<FollowupGroupName, string[]> = { awaiting: [], cold: [], reminders: [] };
  for (const i of first.items) seen[groupOf(i)].push(i.id);
  for (const group of ['awaiting', 'cold', 'reminders'] as const) {
    let cursor = first.next[group];
    while (cursor) {
      const page = await teamFollowups(ctx, teamFollowupsInputSchema.parse({ ...input, group, cursor, limit }));
      expect(page.totals).toEqual(first.totals);
      expect(page.counts).toEqual(first.counts);
      seen[group].push(...page.items.map((i) => i.id));
      cursor = page.next[group];
    }
  }
  return { first, seen };
}

async function expectSameAsWholeList(ctx: ServiceCtx, input: TeamFollowupsInput & { asOf?: string }) {
  const whole = await overdueList(ctx, { team: input.userId === undefined, userId: input.userId, asOf: input.asOf });
  const want: Record<FollowupGroupName, string[]> = { awaiting: [], cold: [], reminders: [] };
  for (const i of whole.items) want[groupOf(i)].push(i.id);
  for (const limit of [1, 3, 50]) {
    const { first, seen } = await pageThrough(ctx, input, limit);
    expect(seen).toEqual(want);
    expect(first.counts).toEqual(whole.counts);
    expect(first.totals).toEqual({
      awaiting: want.awaiting.length,
      cold: want.cold.length,
      reminders: want.reminders.length,
    });
    const firstItems = first.items.map((i) => JSON.stringify(i));
    const wholeItems = new Map(whole.items.map((i) => [i.id, JSON.stringify(i)]));
    for (const [k, item] of first.items.entries()) expect(firstItems[k]).toBe(wholeItems.get(item.id));
  }
  return whole;
}

describe('followups.team pages', () => {
  it("gives the whole list's items in its order, with its totals, now and as of a past instant", async () => {
    await seedTeam();
    const ctx: ServiceCtx = { db: h.db, user: t.manager.user, now: NOW };
    const whole = await expectSameAsWholeList(ctx, {});
    // The seed reaches every part the page reads: late and due-soon waits, cold stakeholders, reminders, activities.
    expect(whole.counts.late).toBeGreaterThanOrEqual(10);
    expect(whole.counts.dueSoon).toBeGreaterThanOrEqual(1);
    expect(whole.counts.cadenceOverdue + whole.counts.cadenceDue).toBeGreaterThanOrEqual(2);
    expect(whole.items.filter((i) => i.kind === 'activity')).toHaveLength(2);
    expect(whole.items.filter((i) => i.kind === 'reminder').length).toBeGreaterThanOrEqual(2);
    // Before the reply, the answered wait was open and late: a later page's instant lists it, as the whole list does.
    const past = await expectSameAsWholeList(ctx, { asOf: iso(NOW - 30 * HOUR) });
    expect(past.counts.late).toBeGreaterThan(whole.counts.late - 2);
    for (const who of [t.staff, t.staff2, t.manager]) await expectSameAsWholeList(ctx, { userId: who.user.id });
  });
});
