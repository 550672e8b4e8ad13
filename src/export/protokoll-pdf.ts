// The protokoll as PDF/A-2b (pdfkit): an A4 document with DejaVu Sans embedded (å, ä, ö and every
// other character the forums write), page numbers, and a creation date fixed to the approval, so the
// same approved minutes always give the same bytes — and the SHA-256 in the audit log stays true.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ProtokollDoc } from '../core/meeting/protokoll.js';
import { messages } from '../i18n/index.js';
import { sectionHeading } from './protokoll-md.js';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = join(fontDir, 'DejaVuSans.ttf');
const BOLD = join(fontDir, 'DejaVuSans-Bold.ttf');

export interface PdfOptions {
  /** The document's creation date: the approval time, so the bytes do not depend on when it is rendered. */
  createdAt: Date;
}

export function protokollPdf(doc: ProtokollDoc, opts: PdfOptions): Promise<Buffer> {
  const P = messages(doc.lang).protokoll;
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 62, right: 62 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    lang: doc.lang === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: { Title: doc.title, Creator: 'Samråd', Producer: 'Samråd (pdfkit)', CreationDate: opts.createdAt, ModDate: opts.createdAt },
  });
  pdf.registerFont('body', REGULAR);
  pdf.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  pdf.font('bold').fontSize(16).text(doc.title);
  pdf.moveDown(0.6);
  for (const f of doc.meta) pdf.font('bold').fontSize(10).text(`${f.label}: `, { continued: true }).font('body').text(f.value);
  for (const s of doc.sections) {
    pdf.moveDown(0.8);
    pdf.font('bold').fontSize(12).text(sectionHeading(s));
    pdf.moveDown(0.2);
    for (const l of s.lines) pdf.font('body').fontSize(10).text(l, { indent: 0 });
  }
  pdf.moveDown(1.2);
  for (const l of doc.closing) pdf.font('body').fontSize(10).text(l).moveDown(0.3);

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    pdf.font('body').fontSize(8).text(P.pageOf({ page: i + 1, pages: range.count }), pdf.page.margins.left, pdf.page.height - 40, { align: 'center', width: pdf.page.width - pdf.page.margins.left - pdf.page.margins.right });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
