import type { ReportTexts } from '../../schemas/report-edition';
import type { PeriodReport, ReportGoal } from '../../schemas/reports';
import { goalAttainmentChart, onTimeChart, responseBucketsChart, weeklyVolumeChart, coverageChart } from './charts';
import type { ReportWords } from './labels';
import { type DocPart, type DocSection, type DocTable, type ReportNumbers, signedChange } from './model';

/* Sections 1–3 and the quantitative part of 4: what the figures say, each beside the manager's analysis. */

const managerText = (texts: ReportTexts, key: keyof ReportTexts, w: ReportWords): DocPart => ({
  kind: 'managerText',
  key,
  label: w.w('analysis'),
  text: String(texts[key] ?? ''),
});

/** Section 1: period, scope and headline figures against the previous period of the same length. */
export function overviewSection(r: PeriodReport, texts: ReportTexts, w: ReportWords, n: ReportNumbers): DocSection {
  const cur = r.comparison.current;
  const prev = r.comparison.previous;
  const count = (x: number) => String(x);
  const byType = (list: typeof cur.byType, t: string) => list.find((x) => x.key === t)?.count ?? 0;
  const types = [...new Set([...cur.byType, ...prev.byType].map((x) => x.key))];
  const headline: DocTable = {
    id: 'overview',
    title: w.w('headlineFigures'),
    columns: [w.w('figure'), w.w('previous'), w.w('thisPeriod'), w.w('change')],
    rows: [
      [w.w('interactions'), prev.total, cur.total, signedChange(prev.total, cur.total, count)],
      ...types.map((t) => {
        const a = byType(prev.byType, t);
        const b = byType(cur.byType, t);
        return [`${w.w('interactions')}: ${w.type(t)}`, a, b, signedChange(a, b, count)];
      }),
      [
        w.w('waits'),
        prev.response.waits,
        cur.response.waits,
        signedChange(prev.response.waits, cur.response.waits, count),
      ],
      [
        w.w('onTimeRate'),
        n.pct(prev.response.onTimeRate),
        n.pct(cur.response.onTimeRate),
        signedChange(prev.response.onTimeRate, cur.response.onTimeRate, (x) => `${n.round1(x * 100)} pp`),
      ],
      [
        w.w('medianHours'),
        n.hours(prev.response.medianMs),
        n.hours(cur.response.medianMs),
        signedChange(prev.response.medianMs, cur.response.medianMs, (x) => n.hours(x)),
      ],
    ],
  };
  const scope = r.meta.scope === 'own' ? w.w('scopeOwn') : w.w('scopeTeam');
  return {
    id: 'overview',
    title: w.w('sec1'),
    parts: [
      {
        kind: 'text',
        text: `${w.w('period')}: ${n.period(r.meta.from, r.meta.to)} · ${w.w('scope')}: ${scope} · ${w.w('asOf')}: ${n.dateTime(r.meta.asOf)} (${r.meta.timeZone})`,
      },
      {
        kind: 'text',
        headline: true,
        text: w.fill(
          'headline',
          r.overview.total,
          r.overview.inbound,
          r.overview.outbound,
          r.response.total.waits,
          n.pct(r.response.total.onTimeRate),
          n.hours(r.response.total.medianMs),
        ),
      },
      { kind: 'table', table: headline },
      managerText(texts, 'overview', w),
    ],
  };
}

const goalRow = (g: ReportGoal, w: ReportWords, n: ReportNumbers) => [
  g.label,
  `${g.comparator.replace('>=', '≥').replace('<=', '≤')} ${n.goalValue(g, g.periodTarget)}`,
  n.goalValue(g, g.actual),
  g.count,
  w.w(g.status),
];

const goalsTable = (
  id: string,
  title: string,
  goals: readonly ReportGoal[],
  w: ReportWords,
  n: ReportNumbers,
): DocTable => ({
  id,
  title,
  columns: [w.w('goal'), w.w('target'), w.w('actual'), w.w('basedOn'), w.w('status')],
  rows: goals.map((g) => goalRow(g, w, n)),
});

/** Section 2: per stakeholder type, interactions by purpose and that type's goals. */
export function typesGoalsSection(
  r: PeriodReport,
  texts: ReportTexts,
  w: ReportWords,
  n: ReportNumbers,
  zh: boolean,
): DocSection {
  const labels = r.sections.purposeLabels;
  const purpose = (p: string | null) => (p === null ? w.w('noPurpose') : ((zh ? labels[p]?.zh : labels[p]?.en) ?? p));
  const types = [...new Set(r.sections.byTypePurpose.map((x) => x.stakeholderType))];
  const parts: DocPart[] = [
    {
      kind: 'table',
      table: {
        id: 'types-purposes',
        title: `${w.w('type')} × ${w.w('purpose')}`,
        columns: [w.w('type'), w.w('purpose'), w.w('interactions')],
        rows: r.sections.byTypePurpose.map((x) => [w.type(x.stakeholderType), purpose(x.purpose), x.count]),
      },
    },
  ];
  for (const t of types) {
    const goals = r.goals.filter((g) => g.scope.stakeholderType === t);
    if (goals.length)
      parts.push({ kind: 'table', table: goalsTable(`goals-${t}`, `${w.w('goal')}: ${w.type(t)}`, goals, w, n) });
  }
  parts.push(managerText(texts, 'typesAndGoals', w));
  return { id: 'types-goals', title: w.w('sec2'), parts };
}

const FREQUENCY_METRICS = new Set(['outbound_posts', 'meetings', 'coverage', 'attendance_rate']);

/** Section 3: volume by channel and week, and the plan's frequency norms against what happened. */
export function channelsSection(r: PeriodReport, texts: ReportTexts, w: ReportWords, n: ReportNumbers): DocSection {
  const weekly = weeklyVolumeChart(r, w);
  const o = r.overview;
  return {
    id: 'channels',
    title: w.w('sec3'),
    parts: [
      weekly.chart,
      {
        kind: 'table',
        table: {
          id: 'channels',
          title: w.w('mainChannels'),
          columns: [w.w('channel'), w.w('interactions'), '%'],
          rows: o.byChannel.map((x) => [w.channel(x.key), x.count, n.pct(o.total ? x.count / o.total : null)]),
        },
      },
      { kind: 'table', table: weekly.table },
      {
        kind: 'table',
        table: {
          id: 'per-person',
          title: w.w('perPerson'),
          columns: [w.w('person'), w.w('interactions')],
          rows: o.perPerson.map((p) => [p.name ?? p.userId, p.count]),
        },
      },
      {
        kind: 'table',
        table: goalsTable(
          'frequency-norms',
          w.w('frequencyNorms'),
          r.goals.filter((g) => FREQUENCY_METRICS.has(g.metric)),
          w,
          n,
        ),
      },
      managerText(texts, 'channels', w),
    ],
  };
}

/** Section 4.1: every goal of the plan, response times, coverage, as charts with their tables. */
export function quantitativeParts(r: PeriodReport, w: ReportWords, n: ReportNumbers): DocPart[] {
  const buckets = responseBucketsChart(r, w);
  const onTime = onTimeChart(r, w, n);
  return [
    { kind: 'heading', text: w.w('sec4a') },
    goalAttainmentChart(r, w, n),
    { kind: 'table', table: goalsTable('goals', w.w('goalsPlanActual'), r.goals, w, n) },
    buckets.chart,
    onTime.chart,
    { kind: 'table', table: buckets.table },
    { kind: 'table', table: onTime.table },
    coverageChart(r, w, n),
    {
      kind: 'table',
      table: {
        id: 'coverage',
        title: w.w('coverage'),
        columns: [w.w('type'), w.w('active'), w.w('covered'), w.w('due'), w.w('overdue'), w.w('coverage')],
        rows: r.coverage.map((c) => [w.type(c.stakeholderType), c.active, c.covered, c.due, c.overdue, n.pct(c.rate)]),
      },
    },
    { kind: 'table', table: overdueTable(r, w, n) },
    { kind: 'table', table: worstWaitsTable(r, w, n) },
  ];
}

function overdueTable(r: PeriodReport, w: ReportWords, n: ReportNumbers): DocTable {
  return {
    id: 'overdue-stakeholders',
    title: w.w('overdueStakeholders'),
    columns: [w.w('stakeholder'), w.w('type'), w.w('tier'), w.w('lastContact'), w.w('daysSince')],
    rows: r.gaps.overdueStakeholders.map((s) => [
      s.name,
      w.type(s.stakeholderType),
      s.tier,
      s.lastContactAt ? n.date(s.lastContactAt) : w.w('never'),
      s.daysSince ?? '—',
    ]),
  };
}

const waitWords = { on_time: 'on_time', late: 'wait_late', pending: 'pending', closed: 'closed' } as const;

function worstWaitsTable(r: PeriodReport, w: ReportWords, n: ReportNumbers): DocTable {
  return {
    id: 'worst-waits',
    title: w.w('worstWaits'),
    columns: [
      w.w('started'),
      w.w('stakeholder'),
      w.w('channel'),
      w.w('person'),
      w.w('status'),
      w.w('waitedWorkH'),
      w.w('waitedCalH'),
      w.w('case'),
    ],
    rows: r.gaps.worstWaits.map((x) => [
      n.dateTime(x.occurredAt),
      x.stakeholderName ?? '—',
      w.channel(x.channel),
      x.userName ?? x.userId,
      w.w(waitWords[x.status]),
      n.hours(x.waitedWorkMs),
      n.hours(x.waitedMs),
      x.title ?? '',
    ]),
  };
}
