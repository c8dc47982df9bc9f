import { useEffect, useState } from 'react';

export type Charts = typeof import('./charts');

let loaded: Charts | null = null;
/**
 * Asked for when the dashboard's code first runs, so recharts downloads and parses while the first queries are
 * on the wire instead of before them. A failed load leaves the charts out; the tables carry the same figures.
 */
const loading: Promise<Charts | null> = import('./charts').then(
  (m) => (loaded = m),
  () => null,
);

/** The chart components once their code has loaded (at once if it already has), else null. */
export function useCharts(): Charts | null {
  const [charts, setCharts] = useState(loaded);
  useEffect(() => {
    if (charts) return;
    let live = true;
    void loading.then((m) => live && m && setCharts(m));
    return () => {
      live = false;
    };
  }, [charts]);
  return charts;
}
