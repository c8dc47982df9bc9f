import { useMemo, useState } from 'react';
import { customPeriod, periodDates, presetPeriod, type Period, type PeriodPreset } from '../../lib/report/period';
import type { PeriodChoice } from './period-bar';

/**
 * The period picked at the top of the page, resolved in the plan's zone at the page's instant: null while a custom
 * period is not a valid one.
 */
export function usePeriod(initial: PeriodPreset, asOf: string, zone: string) {
  const [period, setPeriod] = useState<PeriodChoice>({ preset: initial, first: '', last: '' });
  const resolved: Period | null = useMemo(() => {
    if (period.preset !== 'custom') return presetPeriod(period.preset, new Date(asOf), zone);
    return customPeriod(period.first, period.last, zone);
  }, [period, zone, asOf]);

  const onPeriod = (p: PeriodChoice) => {
    // Switching to custom starts from the period on screen, so the dates are never blank.
    if (p.preset === 'custom' && period.preset !== 'custom' && resolved) {
      const d = periodDates(resolved, zone);
      setPeriod({ ...p, first: d.first, last: d.last });
    } else {
      setPeriod(p);
    }
  };
  return { period, resolved, onPeriod };
}
