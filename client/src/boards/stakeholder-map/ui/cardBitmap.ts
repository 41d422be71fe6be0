/**
 * The frame-by-frame drawing of the ordinary cards: the ones intersecting the
 * CURRENT viewport painted live, or, with many on screen, one bitmap of the
 * whole map. The bitmap holds every card, so a pan only moves it; it is
 * redrawn when the cards change, and after a zoom gesture (stretched while the
 * gesture lasts, made sharp once the camera rests).
 */
import { paintPlan, type PaintPlan } from '../model/cardMetrics';
import type { CardDraw, CardScene } from '../model/cardScene';
import { paintCard, paintCards, warmLabels, type LabelBudget } from './cardPainter';
import { type Rect } from '../../../lib/geometry';

/** How long the zoom must stay put before a stretched bitmap is redrawn sharp. */
const REST_MS = 180;
/**
 * How long one frame may spend laying out labels it has not laid out before;
 * the rest are laid out in idle slices of `WARM_SLICE_MS` and drawn by the
 * frame after (thousands of names on a first frame took 300 ms).
 */
const LABEL_BUDGET_MS = 16;
const WARM_SLICE_MS = 12;

interface Bitmap {
  canvas: HTMLCanvasElement;
  rect: Rect;
  zoom: number;
  version: number;
  /** Painted with some labels left out (over the frame's label budget): shown until they are laid out, then made again. */
  incomplete: boolean;
}

export interface FrameView {
  rect: Rect;
  zoom: number;
  pixelRatio: number;
}

export class CardFrames {
  private bitmap: Bitmap | null = null;
  private lastZoom = NaN;
  private zoomChangedAt = 0;
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  /** The last frame's choice, for diagnosis and tests. */
  lastPlan: PaintPlan = 'live';
  private warming = false;
  private disposed = false;

  constructor(
    private readonly scene: CardScene,
    /** Ask for another frame (the layer's batchDraw). */
    private readonly redraw: () => void,
  ) {}

  dispose(): void {
    this.disposed = true;
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = null;
    this.bitmap = null;
  }

  /** Paint this frame onto a context already in world coordinates. */
  draw(ctx: CanvasRenderingContext2D, view: FrameView): void {
    const { scene } = this;
    const now = performance.now();
    if (view.zoom !== this.lastZoom) {
      // The first frame is not a gesture: it may make the bitmap at once.
      this.zoomChangedAt = Number.isNaN(this.lastZoom) ? -Infinity : now;
      this.lastZoom = view.zoom;
    }
    const resting = now - this.zoomChangedAt >= REST_MS;
    const selected = scene.selectedCard;
    this.patch();
    let ordinary: CardDraw[] | null = null;
    const onScreen = () => {
      const visible = scene.visible(view.rect);
      ordinary = selected ? visible.filter((card) => card !== selected) : visible;
      return ordinary.length;
    };
    const plan = paintPlan({
      onScreen,
      content: scene.content,
      zoom: view.zoom,
      pixelRatio: view.pixelRatio,
      bitmap: this.bitmap,
      version: scene.version,
      resting,
    });
    this.lastPlan = plan;
    const budget: LabelBudget = { until: now + LABEL_BUDGET_MS, skipped: 0 };
    let painted: readonly CardDraw[] = [];
    if (plan === 'live') {
      if (ordinary === null) onScreen();
      painted = ordinary!;
      paintCards(ctx, painted, view.zoom, budget);
      // Settled close up: the whole-map bitmap (up to 64 MB) is not coming back at this zoom.
      if (resting) this.bitmap = null;
    }
    else {
      if (plan === 'rebuild') painted = this.rebuild(view, budget);
      const bitmap = this.bitmap!;
      ctx.drawImage(bitmap.canvas, bitmap.rect.x, bitmap.rect.y, bitmap.rect.width, bitmap.rect.height);
    }
    if (budget.skipped > 0) this.warmThenRedraw(painted, view.zoom);
    // Nothing else redraws once a zoom gesture stops: look again when it has rested.
    if (!resting) this.sharpenLater();
    // The selected card is drawn live, over everything (off screen it is clipped away).
    if (selected) {
      ctx.save();
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      paintCard(ctx, selected, view.zoom);
      ctx.restore();
    }
  }

  /** Lay out the labels a frame left out, in idle slices, then ask for the frame that draws them. */
  private warmThenRedraw(cards: readonly CardDraw[], zoom: number): void {
    if (this.warming) return;
    this.warming = true;
    const step = () => {
      if (this.disposed) return;
      const end = performance.now() + WARM_SLICE_MS;
      if (!warmLabels(cards, zoom, () => end - performance.now())) {
        setTimeout(step, 0);
        return;
      }
      this.warming = false;
      // A bitmap painted without them is made again, whole, by the next frame.
      if (this.bitmap?.incomplete) this.bitmap = null;
      this.redraw();
    };
    setTimeout(step, 0);
  }

  private sharpenLater(): void {
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => {
      this.restTimer = null;
      this.redraw();
    }, REST_MS + 10);
  }

  /**
   * Bring the bitmap up to the scene's version by repainting only the areas
   * that changed (a remote drag, a selection), when the scene can say which:
   * otherwise it stays stale and the plan redraws it whole.
   */
  private patch(): void {
    const bitmap = this.bitmap;
    if (!bitmap || bitmap.incomplete || bitmap.version === this.scene.version) return;
    const areas = this.scene.changedSince(bitmap.version);
    if (!areas) return;
    const ctx = bitmap.canvas.getContext('2d')!;
    const scale = bitmap.canvas.width / bitmap.rect.width;
    const selected = this.scene.selectedCard;
    for (const area of areas) {
      // Whole device pixels, so the repainted patch has no seam where antialiasing would blend.
      const x0 = Math.floor((area.x - bitmap.rect.x) * scale);
      const y0 = Math.floor((area.y - bitmap.rect.y) * scale);
      const x1 = Math.ceil((area.x + area.width - bitmap.rect.x) * scale);
      const y1 = Math.ceil((area.y + area.height - bitmap.rect.y) * scale);
      const world = { x: bitmap.rect.x + x0 / scale, y: bitmap.rect.y + y0 / scale, width: (x1 - x0) / scale, height: (y1 - y0) / scale };
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.beginPath();
      ctx.rect(x0, y0, x1 - x0, y1 - y0);
      ctx.clip();
      ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
      ctx.setTransform(scale, 0, 0, scale, -bitmap.rect.x * scale, -bitmap.rect.y * scale);
      const cards = this.scene.visible(world);
      paintCards(ctx, selected ? cards.filter((card) => card !== selected) : cards, bitmap.zoom);
      ctx.restore();
    }
    bitmap.version = this.scene.version;
  }

  /** Paint every card into the bitmap; returns the cards painted. */
  private rebuild(view: FrameView, budget: LabelBudget): readonly CardDraw[] {
    const rect = this.scene.content!;
    const scale = view.zoom * view.pixelRatio;
    const width = Math.max(1, Math.ceil(rect.width * scale));
    const height = Math.max(1, Math.ceil(rect.height * scale));
    const canvas = this.bitmap?.canvas ?? document.createElement('canvas');
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(scale, 0, 0, scale, -rect.x * scale, -rect.y * scale);
    const selected = this.scene.selectedCard;
    const all = this.scene.all();
    const cards = selected ? all.filter((card) => card !== selected) : all;
    paintCards(ctx, cards, view.zoom, budget);
    // Drawn at the size it is shown: the bitmap's own rectangle is its pixels, rounded up.
    this.bitmap = {
      canvas,
      rect: { x: rect.x, y: rect.y, width: width / scale, height: height / scale },
      zoom: view.zoom,
      version: this.scene.version,
      incomplete: budget.skipped > 0,
    };
    return cards;
  }
}
