/** A period of time in epoch ms: `fromMs` inclusive, `toMs` exclusive (as the metrics filters are). */
export type Period = { fromMs: number; toMs: number };

/** Whether instant `ms` lies in the period. */
export function inPeriod(ms: number, period: Period): boolean {
  return ms >= period.fromMs && ms < period.toMs;
}
