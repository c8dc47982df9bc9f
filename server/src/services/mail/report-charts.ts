import type { PeriodReport } from '@comms-log/shared';
import { stakeholderTypeLabel } from './report-document';

/*
 * The report's charts as inline SVG, drawn on the server for the e-mail (no script, no image to fetch): the
 * interactions per day and per stakeholder type.
 */

const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const BAR = '#3b6fd8';

/** Vertical bars, one per day, with the largest count written above its bar. */
export function perDayChart(report: PeriodReport, title: string): string {
  const days = report.overview.perDay;
  const width = 600;
  const height = 140;
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = width / Math.max(1, days.length);
  const bars = days
    .map((d, i) => {
      const h = Math.round((d.count / max) * (height - 30));
      const x = (i * step + step * 0.15).toFixed(1);
      return `<rect x="${x}" y="${height - 15 - h}" width="${(step * 0.7).toFixed(1)}" height="${h}" fill="${BAR}"><title>${escapeXml(d.key)}: ${d.count}</title></rect>`;
    })
    .join('');
  const first = days[0]?.key ?? '';
  const last = days.at(-1)?.key ?? '';
  return `<figure><figcaption>${escapeXml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">${bars}<text x="0" y="${height - 2}">${escapeXml(first)}</text><text x="${width}" y="${height - 2}" text-anchor="end">${escapeXml(last)}</text><text x="0" y="11">${max}</text></svg></figure>`;
}

/** Horizontal bars, one per stakeholder type, each with its name and count. */
export function byTypeChart(report: PeriodReport, title: string): string {
  const rows = report.overview.byType.filter((r) => r.count > 0);
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 22;
  const height = Math.max(1, rows.length) * rowHeight;
  const bars = rows
    .map((r, i) => {
      const y = i * rowHeight;
      const w = Math.round((r.count / max) * 360);
      const name = escapeXml(stakeholderTypeLabel(report, r.key));
      return `<text x="0" y="${y + 15}">${name}</text><rect x="140" y="${y + 4}" width="${w}" height="14" fill="${BAR}"/><text x="${146 + w}" y="${y + 15}">${r.count}</text>`;
    })
    .join('');
  return `<figure><figcaption>${escapeXml(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(title)}" width="560" height="${height}" viewBox="0 0 560 ${height}" font-family="sans-serif" font-size="12">${bars}</svg></figure>`;
}
