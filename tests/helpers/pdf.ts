import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads a PDF the way a viewer does (pdf.js, offline): its page count and the
 * text of each page, so tests check what a reader sees rather than bytes.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const text: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // Items are drawn line by line; join those on one line with spaces.
      let lastY: number | null = null;
      let out = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = item.transform[5] as number;
        out += lastY === null ? '' : Math.abs(y - lastY) > 1 ? '\n' : ' ';
        out += item.str;
        lastY = y;
      }
      text.push(out);
    }
    return { pages: pdf.numPages, text };
  } finally {
    await pdf.destroy();
  }
}

/** Draws the first pages of a PDF as PNG images (pdf.js on @napi-rs/canvas), for test artifacts to look at. */
export async function pdfPagesToPng(bytes: Uint8Array, count: number, scale = 1.5): Promise<Buffer[]> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  try {
    const images: Buffer[] = [];
    for (let n = 1; n <= Math.min(count, pdf.numPages); n += 1) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: context as unknown as CanvasRenderingContext2D, viewport }).promise;
      images.push(canvas.toBuffer('image/png'));
    }
    return images;
  } finally {
    await pdf.destroy();
  }
}
