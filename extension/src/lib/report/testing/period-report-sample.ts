import type { PeriodReport, ResponseStats } from '@comms-log/shared';

const stats = (over: Partial<ResponseStats> = {}): ResponseStats => ({
  waits: 10,
  answered: 8,
  meanMs: 3 * 3_600_000,
  medianMs: 2.5 * 3_600_000,
  p90Ms: 9 * 3_600_000,
  buckets: { lt1h: 2, '1to4h': 4, '4to24h': 1, '24to72h': 1, gt72h: 0 },
  onTime: 7,
  late: 2,
  pending: 1,
  closed: 0,
  onTimeRate: 7 / 9,
  ...over,
});

/** A small, hand-made period report (a week in Shanghai) with hostile text in the places that come from users. */
export function samplePeriodReport(language: 'en' | 'zh-CN' = 'en'): PeriodReport {
  const from = '2026-03-09T00:00:00+08:00';
  const to = '2026-03-16T00:00:00+08:00';
  return {
    meta: {
      language,
      from,
      to,
      asOf: '2026-03-16T00:00:00+08:00',
      timeZone: 'Asia/Shanghai',
      generatedAt: '2026-03-17T01:00:00.000Z',
      scope: 'team',
      planVersion: 2,
    },
    overview: {
      total: 30,
      inbound: 18,
      outbound: 12,
      byType: [
        { key: 'customer', count: 20 },
        { key: 'media', count: 10 },
      ],
      byChannel: [
        { key: 'email', count: 24 },
        { key: 'social', count: 6 },
      ],
      byTypeChannel: [
        { stakeholderType: 'customer', channel: 'email', count: 20 },
        { stakeholderType: 'media', channel: 'email', count: 4 },
        { stakeholderType: 'media', channel: 'social', count: 6 },
      ],
      perDay: ['09', '10', '11', '12', '13', '14', '15'].map((d, i) => ({
        key: `2026-03-${d}`,
        count: [6, 5, 4, 6, 9, 0, 0][i]!,
      })),
      perPerson: [
        { userId: 'u1', name: 'Li | Na', count: 18 },
        { userId: 'u2', name: null, count: 12 },
      ],
    },
    goals: [
      {
        id: 'g1',
        label: 'Customer on time ≥ 98%',
        metric: 'on_time_rate',
        scope: { stakeholderType: 'customer', channel: null, tier: null, purpose: null, dimension: null },
        comparator: '>=',
        target: 0.98,
        goalPeriod: 'month',
        periodTarget: 0.98,
        actual: 7 / 9,
        count: 9,
        status: 'missed',
        drill: null,
      },
      {
        id: 'g2',
        label: 'Mean ≤ 4 h',
        metric: 'mean_response_hours',
        scope: { stakeholderType: null, channel: null, tier: null, purpose: null, dimension: null },
        comparator: '<=',
        target: 4,
        goalPeriod: 'month',
        periodTarget: 4,
        actual: 3,
        count: 8,
        status: 'met',
        drill: null,
      },
    ],
    response: {
      total: stats(),
      totalCalendar: stats({ meanMs: 20 * 3_600_000 }),
      byTypeChannel: [
        { stakeholderType: 'customer', channel: 'email', sla: { value: 4, unit: 'working_hours' }, stats: stats() },
      ],
    },
    coverage: [{ stakeholderType: 'customer', active: 4, covered: 3, due: 0, overdue: 1, rate: 0.75 }],
    comparison: {
      current: { from, to, total: 30, byType: [{ key: 'customer', count: 20 }], response: stats() },
      previous: {
        from: '2026-03-02T00:00:00+08:00',
        to: from,
        total: 40,
        byType: [{ key: 'customer', count: 25 }],
        response: stats({ onTimeRate: 0.9 }),
      },
    },
    gaps: {
      missedGoals: [],
      overdueStakeholders: [
        {
          stakeholderId: 's1',
          name: '<script>alert(1)</script> Acme',
          stakeholderType: 'customer',
          tier: 'key',
          ownerUserId: null,
          lastContactAt: '2026-01-05T02:00:00Z',
          daysSince: 70,
          maxDays: 30,
        },
      ],
      worstWaits: [
        {
          id: 'w1',
          occurredAt: '2026-03-13T09:00:00Z',
          stakeholderId: 's1',
          stakeholderName: 'Acme',
          stakeholderType: 'customer',
          channel: 'email',
          userId: 'u1',
          userName: 'Li Na',
          title: 'Refund, "urgent"\nsecond line',
          url: 'https://mail.google.com/mail/u/0/#inbox/abc',
          status: 'late',
          waitedWorkMs: 12 * 3_600_000,
          waitedMs: 60 * 3_600_000,
        },
      ],
    },
    actions: [{ kind: 'missed_goal', text: 'Answer the late customer emails first.' }],
    sections: {
      weeklyByChannel: [
        { week: '2026-W11', channel: 'email', count: 22 },
        { week: '2026-W11', channel: 'phone', count: 8 },
      ],
      byTypePurpose: [
        { stakeholderType: 'customer', purpose: 'complaint', count: 5 },
        { stakeholderType: 'customer', purpose: null, count: 15 },
        { stakeholderType: 'media', purpose: 'crisis_response', count: 10 },
      ],
      purposeLabels: {
        complaint: { en: 'Complaint', zh: '投诉处理' },
        crisis_response: { en: 'Crisis response', zh: '危机应对' },
      },
      weeklyOnTime: [{ week: '2026-W11', onTime: 7, late: 2, onTimeRate: 7 / 9 }],
      surveysByDimension: [
        {
          dimension: '=HYPERLINK("http://evil.example","usability")',
          responses: 4,
          csatMean: 4.5,
          csatScale: 5,
          satisfactionRate: 0.75,
          nps: null,
          score100Mean: null,
        },
      ],
      surveyComments: [
        {
          answeredAt: '2026-03-10T02:00:00Z',
          dimension: null,
          score: 2,
          comment: '<img src=x onerror=alert(1)> slow | late',
        },
      ],
      cases: [
        {
          kind: 'complaint',
          threadKey: 'gmail:complaint-1',
          firstInteractionId: 'i1',
          openedAt: '2026-03-10T01:00:00Z',
          purpose: 'complaint',
          state: 'resolved',
          resolvedAt: '2026-03-11T01:00:00Z',
          replies: 2,
          resolutionWorkMs: 8 * 3_600_000,
          channel: 'email',
          stakeholderId: 's1',
          stakeholderName: 'Acme',
          stakeholderType: 'customer',
          userId: 'u1',
          userName: 'Li Na',
          title: 'Broken delivery </td><script>alert(1)</script>',
          url: null,
        },
      ],
    },
  };
}
