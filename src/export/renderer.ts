// The PDF renderer the core is handed, loaded on first use (pdfkit and its fonts stay out of start-up).
import type { PdfRenderer } from '../core/meeting/protokoll-load.js';

export const minutesPdf: PdfRenderer = async (doc, createdAt) => (await import('./protokoll-pdf.js')).protokollPdf(doc, { createdAt });
