import {
  reportWords,
  type DocCell,
  type DocPart,
  type DocSection,
  type PeriodReport,
  type ReportLanguage,
} from '@comms-log/shared';
import { printableReportDocument } from './report-document';
import type { ReportFont } from './report-font';

/*
 * The period report as an A4 PDF in a font with Chinese glyphs (./report-font.ts), embedded as a subset: the printable
 * document's sections, texts and tables. Its charts are in the HTML body and attachment; the tables carry the same
 * figures.
 */

type Doc = PDFKit.PDFDocument;
const MARGIN = 40;
const CELL_PAD = 3;

/** One table: a header row, then the rows, each as high as its tallest cell; the header repeats on a new page. */
function drawTable(doc: Doc, columns: string[], rows: DocCell[][]): void {
  const width = doc.page.width - 2 * MARGIN;
  const colWidth = width / columns.length;
  const drawRow = (cells: DocCell[], header: boolean) => {
    const texts = cells.map((c) => String(c ?? ''));
    doc.fontSize(header ? 7.5 : 7.5);
    const height =
      Math.max(...texts.map((t) => doc.heightOfString(t, { width: colWidth - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!header) drawRow(columns, true);
    }
    const y = doc.y;
    texts.forEach((t, i) => {
      const x = MARGIN + i * colWidth;
      if (header) doc.rect(x, y, colWidth, height).fillAndStroke('#f1f3f5', '#bbbbbb').fillColor('#111111');
      else doc.rect(x, y, colWidth, height).stroke('#bbbbbb');
      doc.text(t, x + CELL_PAD, y + CELL_PAD, { width: colWidth - 2 * CELL_PAD });
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  drawRow(columns, true);
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string, size: number): void {
  if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
  doc.x = MARGIN;
  doc.fontSize(size).fillColor('#111111').text(text).moveDown(0.3);
}

function paragraph(doc: Doc, text: string, color = '#111111'): void {
  doc.x = MARGIN;
  doc
    .fontSize(9)
    .fillColor(color)
    .text(text, { width: doc.page.width - 2 * MARGIN })
    .fillColor('#111111');
  doc.moveDown(0.5);
}

function drawPart(doc: Doc, part: DocPart, empty: { text: string; rows: string }): void {
  if (part.kind === 'heading') heading(doc, part.text, 11);
  else if (part.kind === 'text') paragraph(doc, part.text);
  else if (part.kind === 'managerText') {
    heading(doc, part.label, 11);
    const written = part.text.trim();
    paragraph(doc, written || empty.text, written ? '#111111' : '#777777');
  } else if (part.kind === 'table') {
    heading(doc, part.table.title, 10);
    if (part.table.rows.length) drawTable(doc, part.table.columns, part.table.rows);
    else paragraph(doc, empty.rows, '#777777');
  }
  // A chart ('chart') is in the HTML; the table beside it carries its figures.
}

function drawDocument(doc: Doc, report: { title: string; sections: DocSection[] }, language: ReportLanguage): void {
  const words = reportWords(language);
  const empty = { text: words.w('noText'), rows: words.w('noRows') };
  doc.fontSize(16).text(report.title).moveDown(0.5);
  for (const section of report.sections) {
    heading(doc, section.title, 13);
    for (const part of section.parts) drawPart(doc, part, empty);
  }
}

/** The whole report as PDF bytes, in `font`. */
export async function reportPdf(report: PeriodReport, font: ReportFont): Promise<Buffer> {
  // Loaded by the first PDF (~0.6 s, ~29 MB): a bundle that holds this file (the report thread's) loads it only then.
  const { default: PDFDocument } = await import('pdfkit');
  const document = printableReportDocument(report);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: document.title } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });
  doc.registerFont('report', font.path, font.family ?? undefined);
  doc.font('report');
  drawDocument(doc, document, report.meta.language);
  doc.end();
  return done;
}
