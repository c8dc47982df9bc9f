import { existsSync } from 'node:fs';

/*
 * The font a report PDF is set in: one with Chinese glyphs, embedded (subset) in every PDF, so Chinese shows
 * whatever fonts the reader's machine has. Debian's fonts-noto-cjk by default; REPORT_PDF_FONT names another
 * (a .ttf, .otf or .ttc; REPORT_PDF_FONT_FAMILY picks the face inside a .ttc). Without one no PDF is made: the
 * HTML attachment alone goes out, never a PDF with boxes for Chinese.
 */

export interface ReportFont {
  path: string;
  /** The face's PostScript name inside a collection (.ttc); null for a single font file. */
  family: string | null;
}

const DEBIAN_NOTO_CJK: ReportFont = {
  path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  family: 'NotoSansCJKsc-Regular',
};

export function findReportFont(env: NodeJS.ProcessEnv = process.env): ReportFont | null {
  const path = env.REPORT_PDF_FONT?.trim();
  if (path) {
    if (!existsSync(path)) throw new Error(`REPORT_PDF_FONT: no font file at ${path}`);
    return { path, family: env.REPORT_PDF_FONT_FAMILY?.trim() || null };
  }
  return existsSync(DEBIAN_NOTO_CJK.path) ? DEBIAN_NOTO_CJK : null;
}
