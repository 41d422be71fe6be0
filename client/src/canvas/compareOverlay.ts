/**
 * What a comparison draws over a tab: pure drawing instructions from the
 * marks (a record added, changed or moved is outlined where it is now; a
 * removed one is a dashed ghost at its old place; a moved one also gets a
 * ghost where it was and a thin arrow to where it is), culled to the view.
 * Sizes are in screen pixels, turned into world units at the camera's zoom,
 * so outlines read the same at any zoom. `CompareOverlay` paints them with
 * one Konva shape.
 */
import { expandRect, rectsIntersect, segmentIntersectsRect, type Point, type Rect } from '../lib/geometry';

export type CompareKind = 'added' | 'changed' | 'moved' | 'removed';

export interface CompareMark {
  id: string;
  kind: CompareKind;
  /** Where the record is drawn now (absent for a removed one). */
  now: Rect | null;
  /** Where it was drawn at the earlier state (absent for an added one). */
  before: Rect | null;
}

/** One colour per kind, also used by the legend (each reads at 3:1 or more on white and on the boards' pale fills). */
export const COMPARE_COLOURS: Readonly<Record<CompareKind, string>> = {
  added: '#1a7f37',
  changed: '#b35900',
  moved: '#1f5fbf',
  removed: '#c0262d',
};

export const COMPARE_LABELS: Readonly<Record<CompareKind, string>> = {
  added: 'Added',
  changed: 'Changed',
  moved: 'Moved',
  removed: 'Removed',
};

/** Screen pixels: the outline's width and its gap from the record, the ghost's line and dashes, the arrow. */
export const OVERLAY_PX = { halo: 3, haloGap: 4, ghost: 1.5, dash: 6, gap: 4, arrow: 1.5, head: 9 } as const;

export type OverlayInstruction =
  | { op: 'halo'; id: string; kind: CompareKind; rect: Rect; colour: string; lineWidth: number }
  | { op: 'ghost'; id: string; kind: CompareKind; rect: Rect; colour: string; lineWidth: number; dash: [number, number] }
  | { op: 'arrow'; id: string; kind: CompareKind; from: Point; to: Point; head: [Point, Point]; colour: string; lineWidth: number };

const centre = (rect: Rect): Point => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 });

/** Where the line from the rectangle's centre towards `towards` leaves the rectangle (its centre when `towards` is inside). */
export function exitPoint(rect: Rect, towards: Point): Point {
  const c = centre(rect);
  const dx = towards.x - c.x;
  const dy = towards.y - c.y;
  const tx = dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy);
  const t = Math.min(tx, ty);
  if (!Number.isFinite(t) || t >= 1) return c;
  return { x: c.x + dx * t, y: c.y + dy * t };
}

/** The two back corners of an arrow head at `to`, pointing away from `from`. */
function arrowHead(from: Point, to: Point, length: number): [Point, Point] {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const spread = Math.PI / 7;
  return [
    { x: to.x - length * Math.cos(angle - spread), y: to.y - length * Math.sin(angle - spread) },
    { x: to.x - length * Math.cos(angle + spread), y: to.y - length * Math.sin(angle + spread) },
  ];
}

/**
 * The instructions for `marks` that touch `view` (a world rectangle), in
 * drawing order: ghosts and arrows first, outlines over them.
 */
export function planCompareOverlay(marks: readonly CompareMark[], view: Rect, zoom: number): OverlayInstruction[] {
  const px = (n: number) => n / zoom;
  const under: OverlayInstruction[] = [];
  const over: OverlayInstruction[] = [];
  const dash: [number, number] = [px(OVERLAY_PX.dash), px(OVERLAY_PX.gap)];
  for (const mark of marks) {
    const colour = COMPARE_COLOURS[mark.kind];
    const ghost = mark.kind === 'removed' || mark.kind === 'moved' ? mark.before : null;
    if (ghost && rectsIntersect(ghost, view)) {
      under.push({ op: 'ghost', id: mark.id, kind: mark.kind, rect: ghost, colour, lineWidth: px(OVERLAY_PX.ghost), dash });
    }
    if (mark.kind === 'moved' && mark.before && mark.now) {
      const from = exitPoint(mark.before, centre(mark.now));
      const to = exitPoint(expandRect(mark.now, px(OVERLAY_PX.haloGap + OVERLAY_PX.halo)), centre(mark.before));
      if ((from.x !== to.x || from.y !== to.y) && segmentIntersectsRect(from, to, view)) {
        under.push({ op: 'arrow', id: mark.id, kind: mark.kind, from, to, head: arrowHead(from, to, px(OVERLAY_PX.head)), colour, lineWidth: px(OVERLAY_PX.arrow) });
      }
    }
    if (mark.kind !== 'removed' && mark.now) {
      const rect = expandRect(mark.now, px(OVERLAY_PX.haloGap + OVERLAY_PX.halo / 2));
      if (rectsIntersect(rect, view)) over.push({ op: 'halo', id: mark.id, kind: mark.kind, rect, colour, lineWidth: px(OVERLAY_PX.halo) });
    }
  }
  return [...under, ...over];
}

/** The drawing context calls the instructions need (a canvas 2D context or Konva's wrapper of one). */
export interface OverlayContext {
  beginPath(): void;
  rect(x: number, y: number, width: number, height: number): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
  setLineDash(segments: number[]): void;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
}

/** Paint the instructions, in world coordinates (the stage's camera transform applies). */
export function paintCompareOverlay(context: OverlayContext, instructions: readonly OverlayInstruction[]): void {
  for (const item of instructions) {
    context.strokeStyle = item.colour;
    context.lineWidth = item.lineWidth;
    if (item.op === 'arrow') {
      context.setLineDash([]);
      context.beginPath();
      context.moveTo(item.from.x, item.from.y);
      context.lineTo(item.to.x, item.to.y);
      context.stroke();
      context.fillStyle = item.colour;
      context.beginPath();
      context.moveTo(item.to.x, item.to.y);
      context.lineTo(item.head[0].x, item.head[0].y);
      context.lineTo(item.head[1].x, item.head[1].y);
      context.closePath();
      context.fill();
      continue;
    }
    context.setLineDash(item.op === 'ghost' ? item.dash : []);
    context.beginPath();
    context.rect(item.rect.x, item.rect.y, item.rect.width, item.rect.height);
    context.stroke();
  }
  context.setLineDash([]);
}
