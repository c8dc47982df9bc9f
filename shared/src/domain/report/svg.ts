/*
 * Small static SVG charts as strings: no script, no browser, the same markup in the printable report, its PDF,
 * the e-mail body and the extension's report (docs/report.md "Charts"). Every text is escaped: names come from
 * outside.
 */

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as XML/HTML text. */
export const escapeXml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ESC[c]!);

export const CHART_COLORS = ['#3b6fb6', '#e08a2c', '#4e9a57', '#c4473d', '#8063b5', '#8c6d4f', '#d36fa8', '#7a7a7a'];

const W = 640;
const H = 240;
const PAD = { left: 44, right: 12, top: 28, bottom: 54 };
const FONT = `font-family="system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif" font-size="11"`;

const n2 = (x: number) => Math.round(x * 10) / 10;

function frame(title: string, body: string, height = H): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${escapeXml(title)}" ${FONT}><title>${escapeXml(title)}</title><text x="${PAD.left}" y="16" font-size="13" font-weight="600">${escapeXml(title)}</text>${body}</svg>`;
}

/** About how wide `s` is at 11 px: CJK characters take a full em, others about half. */
const textWidth = (s: string) => [...s].reduce((w, c) => w + (c.codePointAt(0)! >= 0x2e80 ? 11.5 : 6.5), 0);

function legend(names: readonly string[], y: number): string {
  let x = PAD.left;
  return names
    .map((name, i) => {
      const item = `<rect x="${x}" y="${y - 9}" width="10" height="10" fill="${CHART_COLORS[i % CHART_COLORS.length]}"/><text x="${x + 14}" y="${y}">${escapeXml(name)}</text>`;
      x += 22 + textWidth(name);
      return item;
    })
    .join('');
}

/** A y axis from 0 to `max` with three grid lines, labelled by `fmt`. */
function yAxis(max: number, fmt: (v: number) => string): string {
  const plotH = H - PAD.top - PAD.bottom;
  return [0, 0.5, 1]
    .map((f) => {
      const y = n2(H - PAD.bottom - f * plotH);
      return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${PAD.left - 4}" y="${y + 4}" text-anchor="end">${escapeXml(fmt(f * max))}</text>`;
    })
    .join('');
}

/** Category labels under the plot, every `step`-th when they would crowd. */
function xLabels(categories: readonly string[], slot: number): string {
  const step = Math.max(1, Math.ceil((categories.length * 48) / (W - PAD.left - PAD.right)));
  return categories
    .map((c, i) =>
      i % step
        ? ''
        : `<text x="${n2(PAD.left + slot * (i + 0.5))}" y="${H - PAD.bottom + 14}" text-anchor="middle">${escapeXml(c)}</text>`,
    )
    .join('');
}

export interface BarSeries {
  name: string;
  values: readonly number[];
}

/** Stacked columns: one column per category, one colour per series (one series: a plain column chart). */
export function stackedBarsSvg(title: string, categories: readonly string[], series: readonly BarSeries[]): string {
  const totals = categories.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plotH = H - PAD.top - PAD.bottom;
  const slot = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const bars: string[] = [];
  categories.forEach((_, i) => {
    let y = H - PAD.bottom;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      if (v <= 0) return;
      const h = (v / max) * plotH;
      y -= h;
      bars.push(
        `<rect x="${n2(PAD.left + slot * i + slot * 0.15)}" y="${n2(y)}" width="${n2(slot * 0.7)}" height="${n2(h)}" fill="${CHART_COLORS[k % CHART_COLORS.length]}"><title>${escapeXml(`${categories[i]} · ${s.name}: ${v}`)}</title></rect>`,
      );
    });
  });
  const names =
    series.length > 1
      ? legend(
          series.map((s) => s.name),
          H - 12,
        )
      : '';
  return frame(title, yAxis(max, (v) => String(Math.round(v))) + bars.join('') + xLabels(categories, slot) + names);
}

/** A line of 0–1 rates (null: a gap) with a dashed target line. */
export function rateLineSvg(
  title: string,
  categories: readonly string[],
  values: readonly (number | null)[],
  target: { value: number; label: string } | null,
): string {
  const plotH = H - PAD.top - PAD.bottom;
  const slot = (W - PAD.left - PAD.right) / Math.max(1, categories.length);
  const y = (v: number) => n2(H - PAD.bottom - Math.min(1, Math.max(0, v)) * plotH);
  const segments: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) segments.push([]);
    else segments[segments.length - 1]!.push(`${n2(PAD.left + slot * (i + 0.5))},${y(v)}`);
  });
  const lines = segments
    .filter((s) => s.length)
    .map((s) => `<polyline points="${s.join(' ')}" fill="none" stroke="${CHART_COLORS[0]}" stroke-width="2"/>`)
    .join('');
  const dots = values
    .map((v, i) =>
      v === null
        ? ''
        : `<circle cx="${n2(PAD.left + slot * (i + 0.5))}" cy="${y(v)}" r="2.5" fill="${CHART_COLORS[0]}"><title>${escapeXml(`${categories[i]}: ${Math.round(v * 1000) / 10}%`)}</title></circle>`,
    )
    .join('');
  const targetLine = target
    ? `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(target.value)}" y2="${y(target.value)}" stroke="${CHART_COLORS[3]}" stroke-dasharray="5 4"/><text x="${W - PAD.right}" y="${y(target.value) - 4}" text-anchor="end" fill="${CHART_COLORS[3]}">${escapeXml(target.label)}</text>`
    : '';
  return frame(
    title,
    yAxis(1, (v) => `${Math.round(v * 100)}%`) + lines + dots + targetLine + xLabels(categories, slot),
  );
}

export interface HBar {
  label: string;
  /** 0–`max`; null: no figure (an empty row). */
  value: number | null;
  /** Shown at the bar's end. */
  text: string;
  /** Index into the palette. */
  color: number;
}

/** Horizontal bars from 0 to `max`, with a marker line at `mark` (e.g. 1 = the target met). */
export function horizontalBarsSvg(title: string, rows: readonly HBar[], max: number, mark: number | null): string {
  const rowH = 20;
  const height = PAD.top + rows.length * rowH + 16;
  const left = 200;
  const plotW = W - left - 70;
  const x = (v: number) => n2(left + (Math.min(max, Math.max(0, v)) / max) * plotW);
  const bars = rows
    .map((r, i) => {
      const top = PAD.top + i * rowH;
      const label = [...r.label].length > 30 ? `${[...r.label].slice(0, 29).join('')}…` : r.label;
      const bar =
        r.value === null
          ? ''
          : `<rect x="${left}" y="${top + 3}" width="${n2(x(r.value) - left)}" height="${rowH - 6}" fill="${CHART_COLORS[r.color % CHART_COLORS.length]}"/>`;
      return `<text x="${left - 6}" y="${top + 14}" text-anchor="end">${escapeXml(label)}</text>${bar}<text x="${r.value === null ? left + 4 : x(r.value) + 4}" y="${top + 14}">${escapeXml(r.text)}</text>`;
    })
    .join('');
  const markLine =
    mark === null
      ? ''
      : `<line x1="${x(mark)}" x2="${x(mark)}" y1="${PAD.top}" y2="${height - 12}" stroke="#555" stroke-dasharray="4 3"/>`;
  return frame(title, bars + markLine, height);
}
