import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshOrgPerTest, interactionData, pushAccepted, type TestOrg } from '../../testing/test-org';
import { periodReport } from '../reports/period-report';
import { findReportFont } from './report-font';
import { reportPdf } from './report-pdf';

let handle: DbHandle;
let org: TestOrg;
freshOrgPerTest((h, o) => {
  handle = h;
  org = o;
});

/** The text of every stream of a PDF, inflated where it is compressed. */
function pdfStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    const bytes = pdf.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
  }
  return out;
}

const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');

describe('the report PDF', () => {
  it('embeds a font with the Chinese glyphs it shows', async () => {
    const font = findReportFont({});
    if (!font) throw new Error('no CJK font: install fonts-noto-cjk (apt-get install -y fonts-noto-cjk)');
    await pushAccepted(org.staff, [interactionData({ author: { name: '王小明', handle: 'wang@acme.cn' } })]);
    const ctx = { db: handle.db, user: org.admin.user, now: Date.parse('2026-04-01T00:00:00Z') };
    const report = await periodReport(ctx, {
      filter: { from: '2026-03-01T00:00:00+08:00', to: '2026-04-01T00:00:00+08:00' },
      language: 'zh-CN',
    });
    const pdf = await reportPdf(report, font);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile[23]? /);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    // The ToUnicode map of the embedded subset holds the report's Chinese words: the glyphs are in the file.
    const maps = pdfStreams(pdf)
      .filter((s) => s.includes('begincmap'))
      .join('\n')
      .toLowerCase();
    for (const ch of '对外沟通报告') expect(maps).toContain(`<${hex(ch)}>`);
  });
});
