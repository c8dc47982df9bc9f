import { channels, type Channel } from '../../schemas/common';
import { responseBuckets } from '../../schemas/metrics';
import type { PeriodReport } from '../../schemas/reports';
import type { ReportWords } from './labels';
import type { DocPart, DocTable, ReportNumbers } from './model';
import { horizontalBarsSvg, rateLineSvg, stackedBarsSvg } from './svg';

/*
 * The report's charts, each with the table of its figures (the CSV, XLSX and Markdown exports carry the table;
 * the page and the printable report show the chart): where people look rather than read.
 */

type Chart = { chart: Extract<DocPart, { kind: 'chart' }>; table: DocTable };

/** Weekly volume by channel, stacked. */
export function weeklyVolumeChart(r: PeriodReport, w: ReportWords): Chart {
  const rows = r.sections.weeklyByChannel;
  const weeks = [...new Set(rows.map((x) => x.week))].sort();
  const used = channels.filter((c) => rows.some((x) => x.channel === c));
  const at = new Map(rows.map((x) => [`${x.week}|${x.channel}`, x.count]));
  const series = used.map((c: Channel) => ({
    name: w.channel(c),
    values: weeks.map((wk) => at.get(`${wk}|${c}`) ?? 0),
  }));
  const title = w.w('chartWeekly');
  return {
    chart: { kind: 'chart', id: 'weekly-volume', title, svg: stackedBarsSvg(title, weeks, series) },
    table: {
      id: 'weekly-volume',
      title,
      columns: [w.w('week'), ...used.map((c) => w.channel(c)), w.w('interactions')],
      rows: weeks.map((wk, i) => [
        wk,
        ...series.map((s) => s.values[i]!),
        series.reduce((a, s) => a + s.values[i]!, 0),
      ]),
    },
  };
}

/** How long waits took to answer, working time, in the buckets of `metrics.responseTimes`. */
export function responseBucketsChart(r: PeriodReport, w: ReportWords): Chart {
  const b = r.response.total.buckets;
  const title = w.w('chartBuckets');
  const labels = responseBuckets.map((k) => w.bucket(k));
  return {
    chart: {
      kind: 'chart',
      id: 'response-buckets',
      title,
      svg: stackedBarsSvg(title, labels, [{ name: w.w('waits'), values: responseBuckets.map((k) => b[k] ?? 0) }]),
    },
    table: {
      id: 'response-buckets',
      title,
      columns: [w.w('bucket'), w.w('waits')],
      rows: responseBuckets.map((k, i) => [labels[i]!, b[k] ?? 0]),
    },
  };
}

/** The weekly on-time rate against the plan's on-time target (the first team-wide on-time goal, if any). */
export function onTimeChart(r: PeriodReport, w: ReportWords, n: ReportNumbers): Chart {
  const weeks = r.sections.weeklyOnTime;
  const goal = r.goals.find((g) => g.metric === 'on_time_rate');
  const title = w.w('chartOnTime');
  const target = goal ? { value: goal.periodTarget, label: `${w.w('target_line')} ${n.pct(goal.periodTarget)}` } : null;
  return {
    chart: {
      kind: 'chart',
      id: 'weekly-on-time',
      title,
      svg: rateLineSvg(
        title,
        weeks.map((x) => x.week),
        weeks.map((x) => x.onTimeRate),
        target,
      ),
    },
    table: {
      id: 'weekly-on-time',
      title,
      columns: [w.w('week'), w.w('onTime'), w.w('late'), w.w('onTimeRate')],
      rows: weeks.map((x) => [x.week, x.onTime, x.late, n.pct(x.onTimeRate)]),
    },
  };
}

/** Each goal's actual as a share of its target (inverted for "at most" goals), 100% = just met. */
export function goalAttainmentChart(
  r: PeriodReport,
  w: ReportWords,
  n: ReportNumbers,
): Extract<DocPart, { kind: 'chart' }> {
  const colors = { met: 2, near: 1, missed: 3, no_data: 7 } as const;
  const rows = r.goals.map((g) => {
    const lower = g.comparator === '<=' || g.comparator === '<';
    const share =
      g.actual === null || g.periodTarget === 0
        ? null
        : lower
          ? g.periodTarget / Math.max(g.actual, 1e-9)
          : g.actual / g.periodTarget;
    return {
      label: g.label,
      value: share,
      text: `${n.goalValue(g, g.actual)} · ${w.w(g.status)}`,
      color: colors[g.status],
    };
  });
  const title = w.w('chartGoals');
  return { kind: 'chart', id: 'goal-attainment', title, svg: horizontalBarsSvg(title, rows, 1.5, 1) };
}

/** Coverage (within cadence ÷ active) per stakeholder type. */
export function coverageChart(r: PeriodReport, w: ReportWords, n: ReportNumbers): Extract<DocPart, { kind: 'chart' }> {
  const title = w.w('chartCoverage');
  const rows = r.coverage.map((c, i) => ({
    label: w.type(c.stakeholderType),
    value: c.rate,
    text: n.pct(c.rate),
    color: i,
  }));
  return { kind: 'chart', id: 'coverage', title, svg: horizontalBarsSvg(title, rows, 1, null) };
}
