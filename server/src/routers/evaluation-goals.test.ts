import { describe, expect, it } from 'vitest';
import type { ReportGoal, goalSchema } from '@comms-log/shared';
import type { z } from 'zod';
import { at, period, seedCoverage, seedSurveys, seedThreads } from '../testing/evaluation-seed';
import { freshOrgPerTest, type TestMember, type TestOrg } from '../testing/test-org';

/* The evaluation goals of `reports.goals` and the period report: actuals, counts, status and drill-downs. */

let t: TestOrg;

freshOrgPerTest((_h, org) => {
  t = org;
});

const asOf = '2026-03-20T09:00:00+08:00';

type GoalInput = z.input<typeof goalSchema>;

async function seedAll() {
  await seedThreads(t);
  await seedSurveys(t);
  return seedCoverage(t);
}

async function goalsOf(who: TestMember, over: { asOf?: string; filter?: object } = {}) {
  const res = await who.caller.reports.goals({
    filter: { ...period, ...over.filter },
    language: 'en',
    asOf: over.asOf ?? asOf,
  });
  return Object.fromEntries(res.goals.map((g) => [g.id, g]));
}

/** Adds goals to the org's plan. */
async function addGoals(goals: GoalInput[]) {
  const { plan } = await t.manager.caller.plan.get();
  await t.manager.caller.plan.update({ ...plan, goals: [...plan.goals, ...goals] });
}

const goal = (
  id: string,
  metric: GoalInput['metric'],
  scope: GoalInput['scope'],
  comparator: GoalInput['comparator'],
  target: number,
): GoalInput => ({
  id,
  label: { en: id, zh: id },
  metric,
  scope,
  comparator,
  target,
});

describe('evaluation goals of the default plan', () => {
  it('rates complaint resolution, first contact and partner issue time from the threads opened in the period', async () => {
    await seedAll();
    const staff = await goalsOf(t.staff);
    // Sam's complaints: t1, t2, t3 resolved of t1–t5; only t1 at first contact; the partner issue in 3 working days.
    expect(staff['complaint-resolution']).toMatchObject({ actual: 3 / 5, count: 5, status: 'missed', target: 0.98 });
    expect(staff['complaint-resolution']!.scope).toMatchObject({ stakeholderType: 'customer', purpose: 'complaint' });
    expect(staff['complaint-first-contact']).toMatchObject({ actual: 1 / 3, count: 3, status: 'missed' });
    expect(staff['partner-issue-resolution']).toMatchObject({ actual: 3, count: 1, status: 'met', comparator: '<=' });
    // The manager also counts Tao's open complaint.
    const team = await goalsOf(t.manager);
    expect(team['complaint-resolution']).toMatchObject({ actual: 3 / 6, count: 6 });
    expect(team['complaint-first-contact']).toMatchObject({ actual: 1 / 3, count: 3 });
    // As of Thursday noon: t1 and t2 resolved, t3 reopened; first contact over those two.
    const thursday = await goalsOf(t.staff, { asOf: at('12T12:00') });
    expect(thursday['complaint-resolution']).toMatchObject({ actual: 2 / 5, count: 5 });
    expect(thursday['complaint-first-contact']).toMatchObject({ actual: 1 / 2, count: 2 });
    expect(thursday['partner-issue-resolution']).toMatchObject({ actual: 3, count: 1 });
  });

  it('rates satisfaction and NPS over the survey responses answered in the period', async () => {
    await seedAll();
    const staff = await goalsOf(t.staff);
    // CSAT 5, 4, 3, 5 of 5 and 7 of 7: four in the top two boxes of five; NPS (3 − 1) promoters of 5.
    expect(staff['customer-satisfaction']).toMatchObject({ actual: 4 / 5, count: 5, status: 'missed' });
    expect(staff['customer-nps']).toMatchObject({ actual: 40, count: 5, status: 'met' });
    const team = await goalsOf(t.manager);
    expect(team['customer-satisfaction']).toMatchObject({ actual: 4 / 6, count: 6 });
  });

  it('rates positive share (more than 70%) and negative reports clarified as of the report instant', async () => {
    await seedAll();
    const staff = await goalsOf(t.staff);
    expect(staff['media-positive-share']).toMatchObject({ actual: 3 / 6, count: 6, comparator: '>', status: 'missed' });
    expect(staff['media-negative-clarified']).toMatchObject({ actual: 1 / 2, count: 2, status: 'missed' });
    const team = await goalsOf(t.manager);
    expect(team['media-positive-share']).toMatchObject({ actual: 3 / 7, count: 7 });
    expect(team['media-negative-clarified']).toMatchObject({ actual: 2 / 3, count: 3 });
    // Before Friday 10:00 Sam's negative report was not clarified yet.
    const thursday = await goalsOf(t.staff, { asOf: at('13T09:00') });
    expect(thursday['media-negative-clarified']).toMatchObject({ actual: 0, count: 2 });
  });

  it('has no data without records, and none for goals outside the report’s filter', async () => {
    const empty = await goalsOf(t.manager);
    for (const id of ['complaint-resolution', 'customer-nps', 'media-positive-share', 'partner-issue-resolution'])
      expect(empty[id]).toMatchObject({ actual: null, count: 0, status: 'no_data' });
    await seedAll();
    // A report on product feedback: the complaint goals are out of its scope; surveys have no purpose.
    const feedback = await goalsOf(t.manager, { filter: { purpose: 'product_feedback' } });
    expect(feedback['complaint-resolution']).toMatchObject({ actual: null, status: 'no_data', drill: null });
    expect(feedback['customer-nps']).toMatchObject({ actual: 40 });
  });
});

describe('evaluation goals a plan adds', () => {
  it('reads CSAT on its main scale, per dimension, 0–100 means and coverage items per period', async () => {
    await seedAll();
    await addGoals([
      goal('csat', 'csat_mean', { stakeholderType: 'customer' }, '>=', 4.4),
      goal('csat-usability', 'csat_mean', { stakeholderType: 'customer', dimension: 'usability' }, '>=', 4.5),
      goal('delivery', 'score100_mean', { stakeholderType: 'partner', dimension: 'project delivery' }, '>=', 80),
      { ...goal('items', 'coverage_items', {}, '>=', 4), period: 'week' },
      goal('any-resolution', 'complaint_resolution_rate', {}, '>=', 0.5),
      goal('fast-complaints', 'resolution_working_days', { purpose: 'complaint' }, '<', 1),
    ]);
    const staff = await goalsOf(t.staff);
    // The 1–5 responses are the most: 5, 4, 3, 5; the one 1–7 response is left out of the mean. 4.25 ≥ 4.4 × 0.95.
    expect(staff.csat).toMatchObject({ actual: 4.25, count: 4, status: 'near' });
    expect(staff['csat-usability']).toMatchObject({ actual: 4.5, count: 2, status: 'met' });
    expect(staff['csat-usability']!.scope.dimension).toBe('usability');
    expect(staff.delivery).toMatchObject({ actual: 85, count: 2, status: 'met' });
    expect(staff.items).toMatchObject({ actual: 7, count: 7, periodTarget: 4, status: 'met' });
    // Complaint resolution without a purpose reads complaints, of any stakeholder type.
    expect(staff['any-resolution']).toMatchObject({ actual: 3 / 5, count: 5, status: 'met' });
    expect(staff['any-resolution']!.scope.purpose).toBe('complaint');
    // Median of 5/9, 1 and 2 working days is 1: not under 1, but within 5% of it.
    expect(staff['fast-complaints']).toMatchObject({ actual: 1, count: 3, status: 'near' });
    const team = await goalsOf(t.manager);
    expect(team.csat).toMatchObject({ actual: 18 / 5, count: 5 });
  });
});

describe('drill-downs of the goals', () => {
  it('name the list behind each figure, which lists as many records as the figure counts', async () => {
    const { outletId } = await seedAll();
    for (const who of [t.manager, t.staff]) {
      const goals = Object.values(await goalsOf(who));
      for (const g of goals) await expectDrillMatches(who, g);
    }
    const staff = await goalsOf(t.staff);
    expect(staff['complaint-first-contact']!.drill).toEqual({
      kind: 'threads',
      filter: {
        filter: { ...period, stakeholderType: ['customer'], purpose: 'complaint', userId: [t.staff.user.id] },
        state: ['resolved'],
        asOf: new Date(Date.parse(period.to) - 1).toISOString(),
      },
    });
    expect(staff['customer-nps']!.drill).toMatchObject({
      kind: 'surveys',
      filter: { from: period.from, to: period.to, instrument: 'nps', stakeholderType: 'customer' },
    });
    expect(staff['media-negative-clarified']!.drill).toMatchObject({ kind: 'coverage', filter: { tone: 'negative' } });
    expect(staff['customer-on-time']!.drill).toMatchObject({
      kind: 'interactions',
      filter: { waitsOnly: true, asOf: new Date(asOf).toISOString() },
    });
    expect(staff['customer-coverage']!.drill).toBeNull();
    const oneOutlet = await goalsOf(t.manager, { filter: { stakeholderId: [outletId] } });
    expect(oneOutlet['media-positive-share']!.drill).toMatchObject({ filter: { outletStakeholderId: outletId } });
  });
});

async function expectDrillMatches(who: TestMember, g: ReportGoal) {
  const { drill } = g;
  if (!drill) return;
  if (drill.kind === 'threads') {
    const res = await who.caller.metrics.threads({ ...drill.filter, limit: 200 });
    expect(res.total, g.id).toBe(g.count);
  } else if (drill.kind === 'surveys') {
    const res = await who.caller.evaluations.listSurveys({ ...drill.filter, limit: 200 });
    if (g.metric !== 'csat_mean') expect(res.items.length, g.id).toBe(g.count);
  } else if (drill.kind === 'coverage') {
    const res = await who.caller.evaluations.listCoverage({ ...drill.filter, limit: 200 });
    const counted = g.metric === 'positive_coverage_share' ? res.items.filter((i) => i.tone !== null) : res.items;
    expect(counted.length, g.id).toBe(g.count);
  } else if (g.metric === 'on_time_rate') {
    const res = await who.caller.metrics.interactions({ ...drill.filter, limit: 200 });
    const decided = res.items.filter((i) => i.status === 'on_time' || i.status === 'late');
    expect(decided.length, g.id).toBe(g.count);
  }
}

describe('the period report’s evaluation goals', () => {
  it('gives the same goals as reports.goals and says what to do about the missed ones in both languages', async () => {
    await seedAll();
    const en = await t.manager.caller.reports.period({ filter: period, asOf, language: 'en' });
    expect(en.goals).toEqual((await t.manager.caller.reports.goals({ filter: period, asOf, language: 'en' })).goals);
    expect(en.gaps.missedGoals.map((g) => g.id)).toEqual(
      expect.arrayContaining(['complaint-resolution', 'complaint-first-contact', 'media-positive-share']),
    );
    const texts = en.actions.filter((a) => a.kind === 'missed_goal').map((a) => a.text);
    expect(texts).toContainEqual(
      expect.stringMatching(/^Goal missed — "Complaints resolved ≥ 98%": 50\.0% against >= 98\.0%\./),
    );
    expect(texts).toContainEqual(
      expect.stringMatching(/"Positive share of media coverage > 70%": 42\.9% against > 70\.0%/),
    );
    const zh = await t.manager.caller.reports.period({ filter: period, asOf, language: 'zh-CN' });
    expect(zh.goals.find((g) => g.id === 'complaint-resolution')!.label).toBe('客户投诉解决率 ≥ 98%');
    expect(zh.actions.map((a) => a.text)).toContainEqual(
      expect.stringMatching(/^未达成目标「客户投诉解决率 ≥ 98%」：实际 50\.0%，目标 >= 98\.0%。请在明细中/),
    );
  });

  it('writes resolution time in working days', async () => {
    await seedAll();
    await addGoals([goal('partner-fast', 'resolution_working_days', { stakeholderType: 'partner' }, '<=', 2)]);
    const en = await t.manager.caller.reports.period({ filter: period, asOf, language: 'en' });
    expect(en.actions.map((a) => a.text)).toContainEqual(
      expect.stringMatching(/"partner-fast": 3\.0 working days against <= 2\.0 working days/),
    );
    const zh = await t.manager.caller.reports.period({ filter: period, asOf, language: 'zh-CN' });
    expect(zh.actions.map((a) => a.text)).toContainEqual(
      expect.stringMatching(/实际 3\.0 个工作日，目标 <= 2\.0 个工作日/),
    );
  });
});
