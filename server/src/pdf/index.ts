import type * as Y from 'yjs';
import { layoutReviewPack } from './sections';
import { buildReviewPack, type PackOptions } from './pack';
import { pdfMeasure, renderPdf, type PdfFonts } from './render';

export { PackTooLargeError } from './layout';
export { findFonts, type PdfFonts } from './render';

/**
 * The review pack of a board as a PDF file. The content and the layout are
 * worked out while the document is at hand (synchronously, so the board
 * cannot change half-way); the drawing follows.
 */
export function reviewPackPages(doc: Y.Doc, fallbackTitle: string, options: PackOptions & { fonts: PdfFonts; maxPages: number }) {
  const pack = buildReviewPack(doc, fallbackTitle, options);
  const measure = pdfMeasure(options.fonts);
  try {
    return { title: pack.title, pages: layoutReviewPack(pack, measure, options.maxPages) };
  } finally {
    measure.dispose();
  }
}

export function reviewPackPdf(laidOut: ReturnType<typeof reviewPackPages>, fonts: PdfFonts, compress = true): Promise<Buffer> {
  return renderPdf(laidOut.pages, fonts, { compress, title: `${laidOut.title}: review pack` });
}
