import { describe, expect, it } from 'vitest';
import { horizontalBarsSvg, rateLineSvg, stackedBarsSvg } from './svg';

const hostile = '</text><script>alert(1)</script>';

describe('SVG charts', () => {
  it('stacks each series on the one below, scaled to the tallest column', () => {
    const svg = stackedBarsSvg(
      'Weekly',
      ['W1', 'W2'],
      [
        { name: 'email', values: [3, 1] },
        { name: 'phone', values: [1, 0] },
      ],
    );
    // The bars carry a tooltip (<title>); the legend's swatches do not.
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" fill="[^"]+"><title>/g)].map((m) => Number(m[1]));
    // W1: 3 + 1 fills the plot (158 px); W2's 1 is a quarter of it; the zero is not drawn.
    expect(heights).toEqual([118.5, 39.5, 39.5]);
    expect(svg).toContain('>email</text>');
  });

  it('breaks the rate line where a week has no figure, and draws the target dashed', () => {
    const svg = rateLineSvg('On time', ['W1', 'W2', 'W3', 'W4'], [0.5, 1, null, 0.8], {
      value: 0.9,
      label: 'target 90%',
    });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toMatch(/stroke-dasharray="5 4"/);
    expect(svg).toContain('target 90%');
  });

  it('shows every name as text, never as markup', () => {
    for (const svg of [
      stackedBarsSvg(hostile, [hostile], [{ name: hostile, values: [1] }]),
      rateLineSvg(hostile, [hostile], [0.5], { value: 0.5, label: hostile }),
      horizontalBarsSvg(hostile, [{ label: hostile, value: 0.5, text: hostile, color: 0 }], 1, 1),
    ]) {
      expect(svg).not.toContain('<script>');
      expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    }
  });
});
