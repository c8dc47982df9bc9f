/** Plain aligned text tables and the ✓/✗ marks of the targets. */

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (ms: number) =>
  ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
export const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** Rows of cells as columns two spaces apart, indented; `align` per column, 'l' by default. */
export function table(rows: string[][], align: ('l' | 'r')[] = [], indent = '  '): string {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
  }
  return rows
    .map((row) =>
      (
        indent +
        row
          .map((cell, i) => {
            const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
            return align[i] === 'r' ? pad + cell : cell + pad;
          })
          .join('  ')
      ).trimEnd(),
    )
    .join('\n');
}
