import type { CoverageTone } from '../../schemas/media-coverage';
import { percentileNearestRank } from '../percentiles';
import { type Grouped, groupThenApply } from './group';
import { type Ratio, ratio } from './ratio';

/** What the coverage figures read of a media report (the caller picks the reports, e.g. those published in the period). */
export type CoverageItem = {
  outletStakeholderId: string;
  tone: CoverageTone | null;
  reach?: number | null | undefined;
  eventTag?: string | null | undefined;
  publishedAtMs: number;
  clarifiedAtMs?: number | null | undefined;
};

/** Positive share = positive reports ÷ reports with a tone (reports not yet judged are left out). */
export function positiveShare(items: readonly CoverageItem[]): Ratio {
  let positive = 0;
  let toned = 0;
  for (const item of items) {
    if (item.tone === null) continue;
    toned++;
    if (item.tone === 'positive') positive++;
  }
  return ratio(positive, toned);
}

const isClarified = (item: CoverageItem, asOfMs: number) =>
  item.clarifiedAtMs !== null && item.clarifiedAtMs !== undefined && item.clarifiedAtMs <= asOfMs;

/**
 * Negative clarified rate = negative reports clarified by `asOfMs` (default: any time) ÷ negative reports.
 */
export function negativeClarifiedRate(items: readonly CoverageItem[], asOfMs = Number.POSITIVE_INFINITY): Ratio {
  const negative = items.filter((item) => item.tone === 'negative');
  return ratio(negative.filter((item) => isClarified(item, asOfMs)).length, negative.length);
}

/** Reports of one outlet, tone or event, and their summed reach. */
export type CoverageTally = {
  items: number;
  /** Σ reach over the reports that state it. */
  reach: number;
  /** How many of the reports state a reach. */
  withReach: number;
};

const coverageKey: Record<'outlet' | 'tone' | 'event', (item: CoverageItem) => string | null> = {
  outlet: (item) => item.outletStakeholderId,
  tone: (item) => item.tone,
  event: (item) => item.eventTag ?? null,
};

/**
 * Reports and reach per outlet (its stakeholder id), per tone or per event tag; null is the key of reports
 * without a tone or an event. Groups in the order their first report comes.
 */
export function coverageTally(
  items: readonly CoverageItem[],
  by: 'outlet' | 'tone' | 'event',
): Grouped<string | null, CoverageTally>[] {
  return groupThenApply(items, coverageKey[by], (group) => {
    let reach = 0;
    let withReach = 0;
    for (const item of group) {
      if (item.reach === null || item.reach === undefined) continue;
      reach += item.reach;
      withReach++;
    }
    return { items: group.length, reach, withReach };
  });
}

/**
 * Time to clarify a negative report = clarification − publication, calendar ms (a reply to the press does not
 * wait for office hours). Median by nearest rank over the clarified negative reports; null when there is none.
 */
export function clarificationTime(items: readonly CoverageItem[]): { medianMs: number | null; n: number } {
  const times: number[] = [];
  for (const item of items) {
    if (item.tone !== 'negative' || item.clarifiedAtMs === null || item.clarifiedAtMs === undefined) continue;
    times.push(item.clarifiedAtMs - item.publishedAtMs);
  }
  times.sort((a, b) => a - b);
  return { medianMs: percentileNearestRank(times, 50), n: times.length };
}
