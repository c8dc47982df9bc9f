import { useEffect, useState } from 'react';

export type Charts = typeof import('./charts');

let loaded: Charts | null = null;
let loading: Promise<Charts | null> | null = null;

/**
 * Recharts is most of the dashboard's code: it loads once a view wants a chart, which is when the figures' own
 * queries have just gone out, so it parses while the server works instead of delaying the page's first queries.
 * A failed load leaves the charts out; the tables beside them carry the same figures.
 */
function loadCharts(): Promise<Charts | null> {
  loading ??= import('./charts').then(
    ({ SimpleBarChart, StackedBarChart }) => {
      loaded = { SimpleBarChart, StackedBarChart };
      return loaded;
    },
    () => null,
  );
  return loading;
}

/** The chart components once their code has loaded (at once if it already has), else null. */
export function useCharts(): Charts | null {
  const [charts, setCharts] = useState(loaded);
  useEffect(() => {
    if (charts) return;
    let live = true;
    void loadCharts().then((m) => live && m && setCharts(m));
    return () => {
      live = false;
    };
  }, [charts]);
  return charts;
}
