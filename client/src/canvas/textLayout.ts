/**
 * Text drawn straight onto a canvas by every board's painters: one line-breaking
 * rule (Konva.Text's: word wrap breaking after a space or a dash, inside a word
 * only when it alone is too wide, trailing spaces trimmed, an ellipsis on the
 * last line when text is left over), cached measuring per font, cached layouts,
 * and the fill helpers. Measuring is the expensive part, so widths are cached
 * per font and whole layouts per (text, box, font).
 */
import { fontFor } from '../lib/theme';

export interface Measure {
  (text: string): number;
  /**
   * One character's width when a text's width is the sum of its characters'
   * (measurerFor's, for Latin text), else -1 (a character of a shaped script,
   * measured only with its neighbours). Lets line counting walk characters
   * without building a string per word.
   */
  advance?(code: number): number;
}

export interface TextLine {
  text: string;
  width: number;
}

export const ELLIPSIS = '…';

const isBreak = (char: string) => char === ' ' || char === '-';

/** Words with their trailing break (space or dash) attached, so joining them gives the text back. */
export function breakTokens(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  for (const char of text) {
    current += char;
    if (isBreak(char)) {
      tokens.push(current);
      current = '';
    }
  }
  if (current) tokens.push(current);
  return tokens;
}

/** The longest grapheme prefix of `chars[start..]` no wider than `maxWidth` (a word longer than the line). */
function longestFittingPrefix(chars: readonly string[], start: number, maxWidth: number, measure: Measure): number {
  let low = start;
  let high = chars.length;
  while (high - low > 0) {
    const mid = (low + high + 1) >>> 1;
    if (measure(chars.slice(start, mid).join('')) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `text` cut with an ellipsis to fit `maxWidth` (whole when it fits; empty when not even the ellipsis fits). */
export function fitLine(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}${ELLIPSIS}`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  const cut = `${chars.slice(0, low).join('').trimEnd()}${ELLIPSIS}`;
  return measure(cut) <= maxWidth ? cut : '';
}

function addEllipsis(lines: TextLine[], maxWidth: number, measure: Measure): void {
  const last = lines[lines.length - 1];
  if (!last) return;
  const chars = Array.from(last.text);
  let text = last.text + ELLIPSIS;
  while (chars.length && measure(text) > maxWidth) {
    chars.pop();
    text = chars.join('').trimEnd() + ELLIPSIS;
  }
  if (measure(text) > maxWidth) text = '';
  last.text = text;
  last.width = measure(text);
}

/**
 * Lines of `text` in a box `maxWidth` wide holding `maxLines` lines (Infinity:
 * as many as it takes). With `ellipsis`, the last line ends in "…" when text
 * is left over; without, the rest is cut.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, measure: Measure, ellipsis = true): TextLine[] {
  const lines: TextLine[] = [];
  if (!text || maxLines < 1 || maxWidth <= 0) return lines;
  const paragraphs = text.split('\n');
  const push = (line: string) => lines.push({ text: line, width: measure(line) });
  const cut = () => {
    if (ellipsis) addEllipsis(lines, maxWidth, measure);
    return lines;
  };
  for (let p = 0; p < paragraphs.length; p += 1) {
    const paragraph = paragraphs[p]!;
    const moreParagraphs = p < paragraphs.length - 1;
    if (measure(paragraph) <= maxWidth) {
      push(paragraph);
      if (lines.length >= maxLines) return moreParagraphs ? cut() : lines;
      continue;
    }
    let tokens = breakTokens(paragraph);
    while (tokens.length > 0) {
      // The longest run of whole words that fits (a word's trailing space may overhang).
      let line = '';
      let used = 0;
      for (let i = 0; i < tokens.length; i += 1) {
        const candidate = line + tokens[i]!;
        if (measure(candidate.trimEnd()) > maxWidth) break;
        line = candidate;
        used = i + 1;
      }
      if (used === tokens.length) {
        push(line);
        if (lines.length >= maxLines && moreParagraphs) return cut();
        break;
      }
      let rest: string;
      if (used === 0) {
        // A single word wider than the box: cut it where it stops fitting.
        const chars = Array.from(tokens.join(''));
        const end = longestFittingPrefix(chars, 0, maxWidth, measure);
        if (end === 0) return lines;
        line = chars.slice(0, end).join('');
        rest = chars.slice(end).join('');
      } else {
        rest = tokens.slice(used).join('');
      }
      push(line.trimEnd());
      if (lines.length >= maxLines) return cut();
      tokens = breakTokens(rest.replace(/^\s+/, ''));
    }
    if (lines.length >= maxLines) return lines;
  }
  return lines;
}

/**
 * How many lines `wrapText` would give, without building them: the same
 * breaking rule, with a line's width taken as the sum of its tokens' widths.
 * Layouts size every record (10,000 logic cards) from this before any is
 * drawn, so it measures each distinct token once and allocates no lines.
 */
export function countWrappedLines(text: string, maxWidth: number, measure: Measure): number {
  if (maxWidth <= 0) return 1;
  if (measure.advance) {
    const counted = countSummedLines(text, maxWidth, measure.advance);
    if (counted > 0) return counted;
  }
  const fill: LineFill = { lines: 0, used: 0 };
  for (const paragraph of text.split('\n')) {
    fill.lines += 1;
    fill.used = 0;
    for (const token of breakTokens(paragraph)) {
      const width = measure(token);
      placeWord(fill, width, token.endsWith(' ') ? measure(token.trimEnd()) : width, maxWidth);
    }
  }
  return fill.lines;
}

/** Lines counted so far, and the width used on the last one. */
interface LineFill {
  lines: number;
  used: number;
}

/** Puts a word of `width` (`bare` without its trailing whitespace) after what `fill` holds, wrapping as wrapText does. */
function placeWord(fill: LineFill, width: number, bare: number, maxWidth: number): void {
  // Spaces alone never break a line: a line's trailing spaces may overhang.
  if (bare === 0) {
    fill.used += width;
    return;
  }
  if (fill.used > 0 && fill.used + bare > maxWidth) {
    fill.lines += 1;
    fill.used = 0;
  }
  if (fill.used === 0 && bare > maxWidth) {
    // A word wider than the line is cut where it stops fitting, as often as needed.
    const cuts = Math.ceil(bare / maxWidth) - 1;
    fill.lines += cuts;
    fill.used = bare - cuts * maxWidth + (width - bare);
  } else fill.used += width;
}

/** Whitespace that `trimEnd` removes, among the summed characters (line feeds split paragraphs first). */
const trimmed = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 0xa0;

/**
 * countWrappedLines for text whose width is the sum of its characters'
 * (`advance`), walking the characters once: the same words (a break after a
 * space or a dash), the same widths added in the same order, no strings
 * built. 0 when a character is not summed (the caller counts by words).
 */
function countSummedLines(text: string, maxWidth: number, advance: (code: number) => number): number {
  const fill: LineFill = { lines: 1, used: 0 };
  // The current word: its width, its width without trailing whitespace, whether it ends in a space.
  let width = 0;
  let solid = 0;
  let endsInSpace = false;
  const endWord = () => {
    placeWord(fill, width, endsInSpace ? solid : width, maxWidth);
    width = 0;
    solid = 0;
    endsInSpace = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (width > 0) endWord();
      fill.lines += 1;
      fill.used = 0;
      continue;
    }
    const a = advance(code);
    if (a < 0) return 0;
    width += a;
    if (!trimmed(code)) solid = width;
    endsInSpace = code === 32;
    if (code === 32 || code === 45) endWord();
  }
  if (width > 0) endWord();
  return fill.lines;
}

/** Line counts per (font and width), then per text: the texts are the records' own strings, whose hashes the engine keeps. */
const lineCounts = new Map<string, Map<string, number>>();
let lineCountSize = 0;

/** `countWrappedLines` in `font`, cached per (font, width, text). */
export function wrappedLineCount(text: string, maxWidth: number, font: string): number {
  const box = `${font}|${maxWidth}`;
  let counts = lineCounts.get(box);
  if (!counts) lineCounts.set(box, (counts = new Map()));
  let count = counts.get(text);
  if (count === undefined) {
    count = countWrappedLines(text, maxWidth, measurerFor(font));
    if (lineCountSize >= WIDTH_CACHE_LIMIT) {
      lineCounts.clear();
      lineCounts.set(box, (counts = new Map()));
      lineCountSize = 0;
    }
    counts.set(text, count);
    lineCountSize += 1;
  }
  return count;
}

// ---- Measuring on a real canvas (browser only) ----

let measureContext: CanvasRenderingContext2D | null = null;
function context(): CanvasRenderingContext2D {
  measureContext ??= document.createElement('canvas').getContext('2d')!;
  return measureContext;
}

const WIDTH_CACHE_LIMIT = 50_000;
const measurers = new Map<string, Measure>();

/** Cached text widths in `font`: a board's texts share words ("Stakeholder", "Trust", "Outcome"). */
export function measurerFor(font: string): Measure {
  let measure = measurers.get(font);
  if (measure) return measure;
  const widths = new Map<string, number>();
  if (typeof document === 'undefined') {
    // No canvas (unit tests, a worker): an estimate of 0.55 em per character.
    const em = Number(/([\d.]+)px/.exec(font)?.[1] ?? 14);
    measure = (text) => Array.from(text).length * em * 0.55;
    measurers.set(font, measure);
    return measure;
  }
  const measured = (text: string) => {
    let width = widths.get(text);
    if (width === undefined) {
      const ctx = context();
      if (ctx.font !== font) ctx.font = font;
      width = ctx.measureText(text).width;
      if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
      widths.set(text, width);
    }
    return width;
  };
  // Latin text is the sum of its characters' advances, each measured once: no measureText per word
  // (a board of 10,000 cards has that many distinct words and numbers, ~10 µs each). Kerning only
  // ever narrows such a run, so the sum is at most ~1% wide: lines break a little early, never overflow.
  const advances = new Float64Array(SUMMED_BELOW).fill(-1);
  const advance = (code: number) => {
    // Other scripts shape their glyphs (joining, ligatures, marks): measured as a whole.
    if (code >= SUMMED_BELOW) return -1;
    let width = advances[code]!;
    if (width < 0) advances[code] = width = measured(String.fromCharCode(code));
    return width;
  };
  const summed: Measure = (text) => {
    let width = 0;
    for (let i = 0; i < text.length; i += 1) {
      const a = advance(text.charCodeAt(i));
      if (a < 0) return measured(text);
      width += a;
    }
    return width;
  };
  summed.advance = advance;
  measurers.set(font, summed);
  return summed;
}

/** Characters below this (Basic Latin to Latin Extended-B) are measured one by one and summed. */
const SUMMED_BELOW = 0x250;

const fitted = new Map<string, string>();

/** `fitLine` in `font`, cached: labels do not change per frame. */
export function fittedLine(text: string, maxWidth: number, font: string): string {
  const key = `${font}|${maxWidth}|${text}`;
  let line = fitted.get(key);
  if (line === undefined) {
    line = fitLine(text, maxWidth, measurerFor(font));
    if (fitted.size >= WIDTH_CACHE_LIMIT) fitted.clear();
    fitted.set(key, line);
  }
  return line;
}

const baselines = new Map<string, number>();

/** From the middle of a line box to the alphabetic baseline, as Konva.Text places it (font ascent and descent). */
export function baselineShift(font: string): number {
  let shift = baselines.get(font);
  if (shift === undefined && typeof document === 'undefined') {
    // No canvas (unit tests, a worker): about a third of an em, as system sans fonts have it.
    shift = Number(/([\d.]+)px/.exec(font)?.[1] ?? 14) * 0.35;
    baselines.set(font, shift);
  }
  if (shift === undefined) {
    const ctx = context();
    ctx.font = font;
    const m = ctx.measureText('M');
    const ascent = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent;
    const descent = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent;
    shift = (ascent - descent) / 2;
    baselines.set(font, shift);
  }
  return shift;
}

// ---- Laid-out blocks and the painters that fill them ----

export interface TextSpec {
  readonly text: string;
  readonly width: number;
  /** Unset: as tall as the text. Set: lines past it are cut (ending with "…" when `ellipsis`). */
  readonly height?: number;
  readonly fontSize: number;
  readonly fontStyle?: 'normal' | 'bold';
  readonly lineHeight?: number;
  readonly wrap?: 'word' | 'none';
  readonly ellipsis?: boolean;
  readonly align?: 'left' | 'center';
}

export interface TextBlock {
  readonly font: string;
  /** x of each line relative to the box, and its text. */
  readonly lines: readonly { readonly text: string; readonly x: number }[];
  /** Alphabetic baseline of the first line below the box's top. */
  readonly firstBaseline: number;
  readonly lineHeightPx: number;
}

const MAX_CACHED = 20_000;
const blocks = new Map<string, TextBlock>();

function blockKey(spec: TextSpec): string {
  return `${spec.width}|${spec.height ?? ''}|${spec.fontSize}|${spec.fontStyle ?? ''}|${spec.lineHeight ?? 1}|${spec.wrap ?? 'word'}|${spec.ellipsis ? 1 : 0}|${spec.align ?? 'left'}|${spec.text}`;
}

/** The block `layoutText` made for this spec, if it is still cached; never measures. */
export function cachedText(spec: TextSpec): TextBlock | null {
  return blocks.get(blockKey(spec)) ?? null;
}

/** Lay out a text box once per distinct (text, box, font); a frame then costs one fillText per line. */
export function layoutText(spec: TextSpec): TextBlock {
  const key = blockKey(spec);
  const cached = blocks.get(key);
  if (cached) return cached;
  const font = fontFor(spec.fontSize, spec.fontStyle ?? 'normal');
  const measure = measurerFor(font);
  const lineHeightPx = (spec.lineHeight ?? 1) * spec.fontSize;
  const maxLines = spec.height === undefined ? Infinity : Math.floor(spec.height / lineHeightPx + 1e-9);
  const ellipsis = spec.ellipsis ?? false;
  let lines: TextLine[];
  if (spec.wrap === 'none') {
    lines = spec.text
      .split('\n')
      .slice(0, maxLines)
      .map((line) => (ellipsis ? fitLine(line, spec.width, measure) : line))
      .map((text) => ({ text, width: measure(text) }));
  } else lines = wrapText(spec.text, spec.width, maxLines, measure, ellipsis);
  const centre = spec.align === 'center';
  const block: TextBlock = {
    font,
    lines: lines.map((l) => ({ text: l.text, x: centre ? (spec.width - l.width) / 2 : 0 })),
    firstBaseline: baselineShift(font) + lineHeightPx / 2,
    lineHeightPx,
  };
  if (blocks.size >= MAX_CACHED) blocks.clear();
  blocks.set(key, block);
  return block;
}

/** Fill a laid-out block with its top-left corner at (x, y), in the context's current transform. */
export function fillTextBlock(ctx: CanvasRenderingContext2D, block: TextBlock, x: number, y: number, fill: string): void {
  if (block.lines.length === 0) return;
  ctx.font = block.font;
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  ctx.fillStyle = fill;
  let baseline = y + block.firstBaseline;
  for (const line of block.lines) {
    ctx.fillText(line.text, x + line.x, baseline);
    baseline += block.lineHeightPx;
  }
}

/** A text waiting to be drawn: a frame draws its texts font by font, since every font change costs. */
export interface TextJob {
  readonly block: TextBlock;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly alpha: number;
}

/**
 * Draw queued texts grouped by font (in queue order within a font). Setting the
 * context's font is far dearer than any other state change (the browser resolves
 * it against the canvas element's style), so a frame sets each font once.
 */
export function flushTextJobs(ctx: CanvasRenderingContext2D, jobs: TextJob[]): void {
  if (jobs.length === 0) return;
  const fonts = new Map<string, TextJob[]>();
  for (const job of jobs) {
    const list = fonts.get(job.block.font);
    if (list) list.push(job);
    else fonts.set(job.block.font, [job]);
  }
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const [font, list] of fonts) {
    ctx.font = font;
    for (const { block, x, y, fill, alpha } of list) {
      ctx.globalAlpha = alpha;
      ctx.fillStyle = fill;
      let baseline = y + block.firstBaseline;
      for (const line of block.lines) {
        ctx.fillText(line.text, x + line.x, baseline);
        baseline += block.lineHeightPx;
      }
    }
  }
  ctx.globalAlpha = 1;
  jobs.length = 0;
}
