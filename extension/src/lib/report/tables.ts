import { DateTime } from 'luxon';
import {
  goalMetricUnits,
  type Channel,
  type CsvCell,
  type DurationSpec,
  type GoalStatus,
  type PeriodReport,
  type ReportGoal,
  type ResponseStats,
  type StakeholderType,
} from '@comms-log/shared';
import { translate, type Lang, type MessageKey } from '../i18n';
import { channelKey, stakeholderTypeKey } from '../label-keys';

/*
 * The period report as tables: one model that the on-page report, the printable HTML, the Markdown and the CSV
 * exports all render, so they cannot disagree. Labels are in the report's language, not the UI's.
 */

export interface ReportTable {
  /** Stable id, also the CSV file name's stem. */
  id: string;
  title: string;
  columns: string[];
  rows: CsvCell[][];
}

export const reportLang = (language: PeriodReport['meta']['language']): Lang => (language === 'zh-CN' ? 'zh_CN' : 'en');

const statusKeys: Record<GoalStatus, MessageKey> = {
  met: 'dashGoalMet',
  near: 'dashGoalNear',
  missed: 'dashGoalMissed',
  no_data: 'dashNoData',
};
const waitStatusKeys: Record<'on_time' | 'late' | 'pending' | 'closed', MessageKey> = {
  on_time: 'dashOnTime',
  late: 'dashLate',
  pending: 'dashPending',
  closed: 'dashClosed',
};
const comparatorSymbols: Record<ReportGoal['comparator'], string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };
const unitKeys: Record<DurationSpec['unit'], MessageKey> = {
  minutes: 'dashUnitMinutes',
  hours: 'dashUnitHours',
  working_hours: 'dashUnitWorkingHours',
  working_days: 'dashUnitWorkingDays',
};

/** Formatters in one language, shared by the report's renderers and the dashboard. */
export function reportFormat(lang: Lang) {
  const t = (key: MessageKey, ...subs: (string | number)[]) => translate(lang, key, ...subs);
  const round1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);
  return {
    t,
    type: (x: StakeholderType) => t(stakeholderTypeKey[x]),
    channel: (x: Channel) => t(channelKey[x]),
    goalStatus: (s: GoalStatus) => t(statusKeys[s]),
    waitStatus: (s: keyof typeof waitStatusKeys) => t(waitStatusKeys[s]),
    /** Hours with one decimal, or an em dash when there is no figure. */
    hours: (ms: number | null) => (ms === null ? '—' : round1(ms / 3_600_000)),
    pct: (r: number | null) => (r === null ? '—' : `${round1(r * 100)}%`),
    sla: (s: DurationSpec | null) => (s ? `${s.value} ${t(unitKeys[s.unit])}` : '—'),
    dateTime: (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd HH:mm'),
    date: (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toFormat('yyyy-LL-dd'),
    goalValue(g: Pick<ReportGoal, 'metric'>, value: number | null): string {
      if (value === null) return '—';
      const unit = goalMetricUnits[g.metric];
      if (unit === 'rate') return `${round1(value * 100)}%`;
      if (unit === 'hours') return t('dashHoursValue', round1(value));
      if (unit === 'working_days') return `${round1(value)} ${t('dashUnitWorkingDays')}`;
      return String(Math.round(value * 10) / 10);
    },
    comparator: (c: ReportGoal['comparator']) => comparatorSymbols[c],
  };
}

/** The last day a period covers, for titles ("2026-03-01 – 2026-03-31"). */
export function periodTitle(report: PeriodReport): string {
  const zone = report.meta.timeZone;
  const first = DateTime.fromISO(report.meta.from, { zone }).toISODate();
  const last = DateTime.fromISO(report.meta.to, { zone }).minus({ milliseconds: 1 }).toISODate();
  return `${first} – ${last}`;
}

const change = (prev: number | null, cur: number | null, fmt: (n: number | null) => string): string => {
  if (prev === null || cur === null) return '—';
  const d = cur - prev;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return `${sign}${fmt(Math.abs(d))}`;
};

type Format = ReturnType<typeof reportFormat>;

function responseRow(f: Format, s: ResponseStats): CsvCell[] {
  return [
    s.waits,
    s.answered,
    f.hours(s.medianMs),
    f.hours(s.p90Ms),
    f.hours(s.meanMs),
    s.onTime,
    s.late,
    s.pending,
    f.pct(s.onTimeRate),
  ];
}

const RESPONSE_COLUMNS: MessageKey[] = [
  'dashColWaits',
  'dashColAnswered',
  'dashColMedianH',
  'dashColP90H',
  'dashColMeanH',
  'dashOnTime',
  'dashLate',
  'dashPending',
  'dashOnTimeRate',
];

function volumeTables(report: PeriodReport, f: Format): ReportTable[] {
  const { t } = f;
  const o = report.overview;
  return [
    {
      id: 'volume-by-type-channel',
      title: t('dashTblTypeChannel'),
      columns: [t('dashColType'), t('dashColChannel'), t('dashColInteractions')],
      rows: o.byTypeChannel.map((r) => [f.type(r.stakeholderType), f.channel(r.channel), r.count]),
    },
    {
      id: 'volume-by-channel',
      title: t('dashTblChannel'),
      columns: [t('dashColChannel'), t('dashColInteractions'), t('dashColShare')],
      rows: o.byChannel.map((r) => [f.channel(r.key), r.count, f.pct(o.total ? r.count / o.total : null)]),
    },
    {
      id: 'volume-per-day',
      title: t('dashTblPerDay'),
      columns: [t('dashColDate'), t('dashColInteractions')],
      rows: o.perDay.map((r) => [r.key, r.count]),
    },
    {
      id: 'volume-per-person',
      title: t('dashTblPerPerson'),
      columns: [t('dashColPerson'), t('dashColInteractions')],
      rows: o.perPerson.map((r) => [r.name ?? r.userId, r.count]),
    },
  ];
}

function goalsTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  return {
    id: 'goals',
    title: t('dashTblGoals'),
    columns: [t('dashColGoal'), t('dashColTarget'), t('dashColActual'), t('dashColBasedOn'), t('dashColStatus')],
    rows: report.goals.map((g) => [
      g.label,
      `${f.comparator(g.comparator)} ${f.goalValue(g, g.periodTarget)}`,
      f.goalValue(g, g.actual),
      g.count,
      f.goalStatus(g.status),
    ]),
  };
}

function responseTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  return {
    id: 'response-by-type-channel',
    title: t('dashTblResponse'),
    columns: [t('dashColType'), t('dashColChannel'), t('dashColSla'), ...RESPONSE_COLUMNS.map((k) => t(k))],
    rows: [
      ...report.response.byTypeChannel.map((r) => [
        f.type(r.stakeholderType),
        f.channel(r.channel),
        f.sla(r.sla),
        ...responseRow(f, r.stats),
      ]),
      [t('dashAllWorking'), '', '', ...responseRow(f, report.response.total)],
      [t('dashAllCalendar'), '', '', ...responseRow(f, report.response.totalCalendar)],
    ],
  };
}

function coverageTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  return {
    id: 'coverage',
    title: t('dashTblCoverage'),
    columns: [
      t('dashColType'),
      t('dashColActive'),
      t('dashColCovered'),
      t('dashColDue'),
      t('dashColOverdue'),
      t('dashColCoverage'),
    ],
    rows: report.coverage.map((r) => [f.type(r.stakeholderType), r.active, r.covered, r.due, r.overdue, f.pct(r.rate)]),
  };
}

function comparisonTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  const cur = report.comparison.current;
  const prev = report.comparison.previous;
  const prevByType = new Map(prev.byType.map((r) => [r.key, r.count]));
  const curByType = new Map(cur.byType.map((r) => [r.key, r.count]));
  const types = [...new Set([...prevByType.keys(), ...curByType.keys()])];
  const count = (n: number | null) => (n === null ? '—' : String(n));
  const pctPoints = (n: number | null) => (n === null ? '—' : `${(Math.round(n * 1000) / 10).toFixed(1)} pp`);
  return {
    id: 'comparison',
    title: t('dashTblComparison'),
    columns: [t('dashColFigure'), t('dashColPrevious'), t('dashColThisPeriod'), t('dashColChange')],
    rows: [
      [t('dashColInteractions'), prev.total, cur.total, change(prev.total, cur.total, count)],
      ...types.map((ty) => {
        const a = prevByType.get(ty) ?? 0;
        const b = curByType.get(ty) ?? 0;
        return [`${t('dashColInteractions')}: ${f.type(ty)}`, a, b, change(a, b, count)];
      }),
      [
        t('dashColWaits'),
        prev.response.waits,
        cur.response.waits,
        change(prev.response.waits, cur.response.waits, count),
      ],
      [
        t('dashOnTimeRate'),
        f.pct(prev.response.onTimeRate),
        f.pct(cur.response.onTimeRate),
        change(prev.response.onTimeRate, cur.response.onTimeRate, pctPoints),
      ],
      [
        t('dashColMedianH'),
        f.hours(prev.response.medianMs),
        f.hours(cur.response.medianMs),
        change(prev.response.medianMs, cur.response.medianMs, (n) => f.hours(n)),
      ],
    ],
  };
}

function overdueStakeholdersTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  const zone = report.meta.timeZone;
  return {
    id: 'overdue-stakeholders',
    title: t('dashTblOverdue'),
    columns: [
      t('dashColStakeholder'),
      t('dashColType'),
      t('dashColTier'),
      t('dashColLastContact'),
      t('dashColDaysSince'),
      t('dashColMaxDays'),
    ],
    rows: report.gaps.overdueStakeholders.map((s) => [
      s.name,
      f.type(s.stakeholderType),
      s.tier,
      s.lastContactAt ? f.date(s.lastContactAt, zone) : t('dashNever'),
      s.daysSince ?? '—',
      s.maxDays,
    ]),
  };
}

function worstWaitsTable(report: PeriodReport, f: Format): ReportTable {
  const { t } = f;
  const zone = report.meta.timeZone;
  return {
    id: 'worst-waits',
    title: t('dashTblWorstWaits'),
    columns: [
      t('dashColStarted'),
      t('dashColStakeholder'),
      t('dashColType'),
      t('dashColChannel'),
      t('dashColPerson'),
      t('dashColStatus'),
      t('dashColWaitedWorkH'),
      t('dashColWaitedCalH'),
      t('dashColTitle'),
    ],
    rows: report.gaps.worstWaits.map((w) => [
      f.dateTime(w.occurredAt, zone),
      w.stakeholderName ?? t('dashUnknown'),
      f.type(w.stakeholderType),
      f.channel(w.channel),
      w.userName ?? w.userId,
      f.waitStatus(w.status),
      f.hours(w.waitedWorkMs),
      f.hours(w.waitedMs),
      w.title ?? '',
    ]),
  };
}

/** Every table of the report, in reading order. */
export function reportTables(report: PeriodReport): ReportTable[] {
  const f = reportFormat(reportLang(report.meta.language));
  return [
    ...volumeTables(report, f),
    goalsTable(report, f),
    responseTable(report, f),
    coverageTable(report, f),
    comparisonTable(report, f),
    overdueStakeholdersTable(report, f),
    worstWaitsTable(report, f),
  ];
}

/** The overview in one sentence, in the report's language. */
export function overviewSentence(report: PeriodReport): string {
  const f = reportFormat(reportLang(report.meta.language));
  const o = report.overview;
  const r = report.response.total;
  return f.t('dashOverviewSentence', o.total, o.inbound, o.outbound, r.waits, f.pct(r.onTimeRate), f.hours(r.medianMs));
}
