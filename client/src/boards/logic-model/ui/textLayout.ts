import Konva from 'konva';

/**
 * Text for the imperatively drawn cards, laid out exactly as Konva.Text lays it
 * out (word wrap, ellipsis, alignment, baseline) so the pixels match the
 * react-konva cards they replace. Konva does the wrapping once per distinct
 * (text, box, font) and the lines are cached; a frame then costs one fillText
 * per line.
 */

export interface TextSpec {
  readonly text: string;
  readonly width: number;
  /** Unset: as tall as the text. Set with ellipsis: lines past it are cut and the last ends with "…". */
  readonly height?: number;
  readonly fontSize: number;
  readonly fontFamily: string;
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
const cache = new Map<string, TextBlock>();

interface KonvaTextInternals {
  textArr: { text: string; width: number }[];
  _getContextFont(): string;
}

export function layoutText(spec: TextSpec): TextBlock {
  const key = `${spec.width}|${spec.height ?? ''}|${spec.fontSize}|${spec.fontStyle ?? ''}|${spec.lineHeight ?? 1}|${spec.wrap ?? 'word'}|${spec.ellipsis ? 1 : 0}|${spec.align ?? 'left'}|${spec.fontFamily}|${spec.text}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const node = new Konva.Text({
    text: spec.text,
    width: spec.width,
    ...(spec.height !== undefined ? { height: spec.height } : {}),
    fontSize: spec.fontSize,
    fontFamily: spec.fontFamily,
    fontStyle: spec.fontStyle ?? 'normal',
    lineHeight: spec.lineHeight ?? 1,
    wrap: spec.wrap ?? 'word',
    ellipsis: spec.ellipsis ?? false,
    align: spec.align ?? 'left',
  });
  const internals = node as unknown as KonvaTextInternals;
  const lineHeightPx = (spec.lineHeight ?? 1) * spec.fontSize;
  // The same baseline Konva.Text uses outside its legacy mode (see its _sceneFunc).
  const metrics = node.measureSize('M');
  const firstBaseline = (metrics.fontBoundingBoxAscent - metrics.fontBoundingBoxDescent) / 2 + lineHeightPx / 2;
  const centre = spec.align === 'center';
  const block: TextBlock = {
    font: internals._getContextFont(),
    lines: internals.textArr.map((l) => ({ text: l.text, x: centre ? (spec.width - l.width) / 2 : 0 })),
    firstBaseline,
    lineHeightPx,
  };
  node.destroy();
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, block);
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
