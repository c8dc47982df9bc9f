import { DateTime } from 'luxon';
import {
  clarificationTime,
  coverageTally,
  negativeClarifiedRate,
  positiveShare,
  type CoverageItem,
  type CoverageTone,
  type MediaCoverage,
} from '@comms-log/shared';

/** A listed report as the shared coverage figures read it. */
export const toCoverageItem = (c: MediaCoverage): CoverageItem => ({
  outletStakeholderId: c.outletStakeholderId,
  tone: c.tone,
  reach: c.reach,
  eventTag: c.eventTag,
  publishedAtMs: Date.parse(c.publishedAt),
  clarifiedAtMs: c.clarifiedAt === null ? null : Date.parse(c.clarifiedAt),
});

/**
 * The period's coverage figures over the reports published in it (docs/metrics.md "Goals"): positive share, the
 * negative reports clarified by `asOfMs`, how long clarifying took, and items and reach per outlet, tone and event.
 */
export function coverageFigures(reports: readonly MediaCoverage[], asOfMs: number) {
  const items = reports.map(toCoverageItem);
  const tally = coverageTally(items, 'tone');
  return {
    positive: positiveShare(items),
    clarified: negativeClarifiedRate(items, asOfMs),
    clarification: clarificationTime(items),
    items: items.length,
    reach: tally.reduce((sum, g) => sum + g.value.reach, 0),
    byOutlet: coverageTally(items, 'outlet').sort((a, b) => b.value.items - a.value.items),
    byTone: tally,
    byEvent: coverageTally(items, 'event').sort((a, b) => b.value.items - a.value.items),
  };
}

export type CoverageFigures = ReturnType<typeof coverageFigures>;

/** Bars of the tone chart: days for up to two weeks, weeks up to four months, then months. */
export function toneUnit(period: { from: string; to: string }): 'day' | 'week' | 'month' {
  const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
  return days <= 14 ? 'day' : days <= 122 ? 'week' : 'month';
}

/** Reports per tone (`none`: not judged yet) in one bar of the chart. */
export type ToneBar = { bar: string } & Record<CoverageTone | 'none', number>;

/**
 * Reports per tone, a bar per day, week (from its Monday) or month of publication in `zone`, oldest first; bars
 * without a report are left out.
 */
export function toneSeries(reports: readonly MediaCoverage[], unit: 'day' | 'week' | 'month', zone: string): ToneBar[] {
  const bars = new Map<string, ToneBar>();
  for (const r of reports) {
    const at = DateTime.fromISO(r.publishedAt, { zone }).startOf(unit);
    const bar = unit === 'month' ? at.toFormat('yyyy-LL') : (at.toISODate() ?? '');
    const row = bars.get(bar) ?? { bar, positive: 0, neutral: 0, negative: 0, none: 0 };
    row[r.tone ?? 'none'] += 1;
    bars.set(bar, row);
  }
  return [...bars.values()].sort((a, b) => a.bar.localeCompare(b.bar));
}
