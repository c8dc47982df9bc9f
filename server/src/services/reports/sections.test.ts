import { describe, expect, it } from 'vitest';
import { period, seedSurveys, seedThreads } from '../../testing/evaluation-seed';
import { freshOrgPerTest, type TestOrg } from '../../testing/test-org';

/* The period report's section figures: weekly series, purposes per type, surveys by dimension, notable cases. */

let t: TestOrg;
freshOrgPerTest((_h, org) => {
  t = org;
});

const report = () =>
  t.manager.caller.reports.period({ filter: period, language: 'en', asOf: '2026-03-20T09:00:00+08:00' });

describe('the report sections', () => {
  it('adds up the weekly series and the purposes to the overview, and lists the complaints as cases', async () => {
    await seedThreads(t);
    const r = await report();
    const s = r.sections;
    expect(s.weeklyByChannel.reduce((n, x) => n + x.count, 0)).toBe(r.overview.total);
    expect(s.byTypePurpose.reduce((n, x) => n + x.count, 0)).toBe(r.overview.total);
    expect(s.byTypePurpose).toContainEqual({ stakeholderType: 'partner', purpose: 'project_sync', count: 1 });
    expect(s.purposeLabels.complaint).toEqual({ en: 'Complaint', zh: '投诉处理' });
    expect(s.weeklyOnTime.reduce((n, x) => n + x.onTime + x.late, 0)).toBe(
      r.response.total.onTime + r.response.total.late,
    );
    // The complaint threads opened in the period (t0 opened the week before), newest first, with their state.
    const cases = s.cases.filter((c) => c.kind === 'complaint');
    expect(cases.map((c) => c.threadKey).sort()).toEqual(
      ['gmail:t1', 'gmail:t2', 'gmail:t3', 'gmail:t4', 'gmail:t5', 'gmail:t9'].sort(),
    );
    expect(cases.find((c) => c.threadKey === 'gmail:t1')).toMatchObject({ state: 'resolved', title: 'Broken lid' });
    expect(s.cases.some((c) => c.kind === 'crisis')).toBe(false);
  });

  it('gives survey answers per dimension and scale, and the latest comments', async () => {
    await seedSurveys(t);
    await t.staff.caller.evaluations.recordSurvey({
      id: '01JQ0000000000000000000001',
      instrument: 'csat',
      score: 2,
      stakeholderType: 'customer',
      dimension: 'service',
      answeredAt: '2026-03-12',
      comment: 'Waited two days for a reply',
    });
    const s = (await report()).sections;
    const usability = s.surveysByDimension.filter((d) => d.dimension === 'usability');
    // 5 and 4 on the 1–5 scale, 7 on the 1–7 scale: never averaged together.
    expect(usability.map((d) => [d.csatScale, d.csatMean, d.responses])).toEqual([
      [5, 4.5, 2],
      [7, 7, 1],
    ]);
    expect(s.surveysByDimension.find((d) => d.dimension === 'project delivery')).toMatchObject({ score100Mean: 85 });
    expect(s.surveyComments).toEqual([
      { answeredAt: expect.any(String), dimension: 'service', score: 2, comment: 'Waited two days for a reply' },
    ]);
  });
});
