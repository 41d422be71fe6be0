import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Font } from 'fontkit';
import { PAGE, type FontWeight, type Measure, type Page } from './layout';

/**
 * Draws laid-out pages with pdfkit. The text needs a font with wide Unicode
 * coverage (Welsh ŵ/ŷ, Polish ł, Irish names, curly quotes): pdfkit's standard
 * fonts print only Windows-1252. DejaVu Sans (Debian's fonts-dejavu-core) is
 * embedded when present, as a subset of the glyphs used; else Liberation Sans;
 * else Helvetica with every other character shown as its base letter.
 */

export interface PdfFonts {
  /** A parsed font (parsed once: parsing DejaVu takes longer than laying out a pack) or a standard font's name. */
  regular: string | Font;
  bold: string | Font;
  /** False when only the standard fonts were found. */
  unicode: boolean;
}

const CANDIDATES: [string, string][] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
];

/**
 * pdfkit and fontkit, loaded on the first pack: together they hold about 14 MB
 * of a server's memory, and most servers never print a pack.
 */
let libraries: { PDFDocument: typeof import('pdfkit'); parseFont: typeof import('fontkit').create } | undefined;

async function loadLibraries() {
  if (!libraries) {
    const [pdfkit, fontkit] = await Promise.all([import('pdfkit'), import('fontkit')]);
    libraries = { PDFDocument: pdfkit.default, parseFont: fontkit.create };
  }
  return libraries;
}

function loaded() {
  if (!libraries) throw new Error('pdfkit is not loaded yet: call findFonts first');
  return libraries;
}

/**
 * Loads pdfkit and finds the font files; called once per server, on the first
 * pack. `configured` is PDF_FONT (its bold: the same name with -Bold, if present).
 */
export async function findFonts(configured?: string): Promise<PdfFonts> {
  const { parseFont } = await loadLibraries();
  if (configured) {
    const bold = join(dirname(configured), configured.split('/').pop()!.replace(/(-Regular)?\.(ttf|otf)$/i, '-Bold.$2'));
    return { regular: parseFont(readFileSync(configured)), bold: parseFont(readFileSync(existsSync(bold) ? bold : configured)), unicode: true };
  }
  for (const [regular, bold] of CANDIDATES) {
    if (existsSync(regular) && existsSync(bold)) return { regular: parseFont(readFileSync(regular)), bold: parseFont(readFileSync(bold)), unicode: true };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', unicode: false };
}

/** Characters Windows-1252 has beyond Latin-1, which the standard fonts can print. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can print: accents dropped from letters they lack, the rest as "?". */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) out += char;
    else {
      const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => c.codePointAt(0)! <= 0xff) && base ? base : '?';
    }
  }
  return out;
}

function newDocument(fonts: PdfFonts, options: { compress: boolean; title: string }): PDFKit.PDFDocument {
  const doc = new (loaded().PDFDocument)({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    compress: options.compress,
    info: { Title: options.title, Creator: 'Partnership Canvas', Producer: 'Partnership Canvas' },
    lang: 'en-GB',
  });
  // pdfkit takes a parsed fontkit font as it is (its types name only files and buffers).
  doc.registerFont('regular', fonts.regular as PDFKit.Mixins.PDFFontSource);
  doc.registerFont('bold', fonts.bold as PDFKit.Mixins.PDFFontSource);
  return doc;
}

/** Text widths from the fonts the PDF will use, for the layout. */
export function pdfMeasure(fonts: PdfFonts): Measure & { dispose(): void } {
  const doc = newDocument(fonts, { compress: false, title: '' });
  const clean = fonts.unicode ? (t: string) => t : toWinAnsi;
  const cache = new Map<string, number>();
  return {
    width(text: string, size: number, weight: FontWeight): number {
      const key = `${weight}\u0000${text}`;
      let unit = cache.get(key);
      if (unit === undefined) {
        unit = doc.font(weight).fontSize(1000).widthOfString(clean(text)) / 1000;
        if (cache.size > 50_000) cache.clear();
        cache.set(key, unit);
      }
      return unit * size;
    },
    dispose() {
      doc.end();
    },
  };
}

/** The PDF file of the given pages. */
export function renderPdf(pages: readonly Page[], fonts: PdfFonts, options: { compress: boolean; title: string }): Promise<Buffer> {
  const doc = newDocument(fonts, options);
  const clean = fonts.unicode ? (t: string) => t : toWinAnsi;
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const page of pages) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    for (const op of page.ops) {
      switch (op.kind) {
        case 'text':
          doc.font(op.weight).fontSize(op.size).fillColor(op.color);
          if (op.rotate) {
            doc.save().rotate(op.rotate, { origin: [op.x, op.y] });
            doc.text(clean(op.text), op.x, op.y, { lineBreak: false });
            doc.restore();
          } else doc.text(clean(op.text), op.x, op.y, { lineBreak: false });
          break;
        case 'rect':
          if (op.radius) doc.roundedRect(op.x, op.y, op.w, op.h, op.radius);
          else doc.rect(op.x, op.y, op.w, op.h);
          if (op.fill && op.stroke) doc.lineWidth(0.6).fillAndStroke(op.fill, op.stroke);
          else if (op.fill) doc.fill(op.fill);
          else if (op.stroke) doc.lineWidth(0.6).stroke(op.stroke);
          break;
        case 'circle':
          doc.circle(op.x, op.y, op.r);
          if (op.stroke) doc.lineWidth(0.4).fillAndStroke(op.fill, op.stroke);
          else doc.fill(op.fill);
          break;
        case 'line': {
          doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).stroke(op.color);
          if (op.arrow) {
            const angle = Math.atan2(op.y2 - op.y1, op.x2 - op.x1);
            const size = 4;
            doc
              .moveTo(op.x2, op.y2)
              .lineTo(op.x2 - size * Math.cos(angle - 0.45), op.y2 - size * Math.sin(angle - 0.45))
              .lineTo(op.x2 - size * Math.cos(angle + 0.45), op.y2 - size * Math.sin(angle + 0.45))
              .closePath()
              .fill(op.color);
          }
          break;
        }
      }
    }
  }
  doc.end();
  return done;
}
