// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useCharts } from './lazy-charts';

afterEach(cleanup);

function Probe() {
  const charts = useCharts();
  return <output>{charts ? Object.keys(charts).sort().join(',') : 'none'}</output>;
}

/** Every source file of the dashboard, as paths relative to this folder. */
function dashboardSources(dir = __dirname): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? dashboardSources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [relative(__dirname, join(dir, e.name))]
        : [],
  );
}

describe('useCharts', () => {
  it('gives the chart components once their module has loaded, and at once to later renders', async () => {
    const { rerender } = render(<Probe />);
    await act(async () => {
      await import('./charts');
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(screen.getByRole('status').textContent).toBe('SimpleBarChart,StackedBarChart');
    rerender(<Probe key="again" />);
    expect(screen.getByRole('status').textContent).toBe('SimpleBarChart,StackedBarChart');
  });

  it('keeps recharts out of the code the dashboard needs before its first query', () => {
    const sources = dashboardSources();
    expect(sources).toContain(join('overview', 'totals-view.tsx'));
    const staticRecharts = sources.filter((p) =>
      /from ['"]recharts['"]/.test(readFileSync(join(__dirname, p), 'utf8')),
    );
    expect(staticRecharts).toEqual(['charts.tsx']);
    const staticCharts = sources.filter((p) =>
      /from ['"]\.{1,2}\/(?:\.\.\/)*(?:dashboard\/)?charts['"]/.test(readFileSync(join(__dirname, p), 'utf8')),
    );
    expect(staticCharts).toEqual([]);
  });
});
