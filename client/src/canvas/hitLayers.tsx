import Konva from 'konva';
import type { HitCanvas } from 'konva/lib/Canvas';
import type { KonvaNodeComponent } from 'react-konva';
import type { Point } from '../lib/geometry';

/**
 * Konva layers that spend nothing on pointer hits until a pointer asks. A
 * listening Konva layer allocates a stage-sized hit bitmap when it is added
 * (11-18 ms for 1120 x 800 on the benchmark machine, 3.5 MB) and redraws its
 * hit graph, every shape a second time, on each draw, whether or not a pointer
 * ever comes: a board opening, or a projector showing a workshop's edits with
 * no mouse over it, pays for hits nobody tests.
 *
 * react-konva creates a host element's node as `new Konva[type]()`, so each
 * class is registered on Konva under its element name.
 */

/**
 * A Konva layer whose requested frame draws only if nothing has drawn it
 * since the request. Konva's `batchDraw` always draws at the next frame, even
 * when a synchronous `draw` has meanwhile drawn the same shapes: a board
 * opening does exactly that, as every shape added to a layer requests a frame
 * and the stage then draws the layer at once when React attaches it, so each
 * layer drew all its shapes twice before the first frame reached the screen.
 * A request made during or after a draw still draws at the next frame.
 */
export class FrameKonvaLayer extends Konva.Layer {
  private drawPending = false;
  private frameRequested = false;

  override batchDraw(): this {
    this.drawPending = true;
    if (this.frameRequested) return this;
    this.frameRequested = true;
    Konva.Util.requestAnimFrame(() => {
      // Reset before drawing, so a throwing draw does not freeze the layer.
      this.frameRequested = false;
      if (this.drawPending) this.draw();
    }, this.getStage()?._getOwnerWindow());
    return this;
  }

  override draw(): this {
    this.drawPending = false;
    return super.draw();
  }
}

/** Which shape of the layer is under a stage point (layer coordinates are the caller's to work out), or null. */
export type LayerHitTest = (stagePoint: Point) => Konva.Shape | null;

/**
 * A Konva layer whose hit graph is drawn when it is asked for, not when the
 * layer draws: a draw only marks it stale, and the next hit query (a pointer
 * moving or pressing over the stage) redraws it first, for the shapes and the
 * camera as they are then. The hit bitmap is allocated at that first query.
 * Hits are exactly Konva's; only their timing moves.
 */
export class LazyHitKonvaLayer extends FrameKonvaLayer {
  private hitStale = true;
  private hitAsked = false;

  override getIntersection(pos: Point): Konva.Shape | null {
    if (!this.isListening() || !this.isVisible()) return null;
    if (this.hitStale) {
      this.hitAsked = true;
      this.hitStale = false;
      super.drawHit();
    }
    return super.getIntersection(pos);
  }

  override drawHit(can?: HitCanvas, top?: Konva.Node): this {
    // Drawing into a canvas someone else gave (an export, a cache) is theirs to ask for.
    if (can) return super.drawHit(can, top);
    this.hitStale = true;
    return this;
  }

  override _syncHitCanvasSize(): void {
    if (this.hitAsked) super._syncHitCanvasSize();
    else this.hitCanvas.setSizeIfChanged(0, 0);
  }
}

/**
 * A Konva layer whose pointer hits are answered by the code that draws it (a
 * spatial index over what it painted), never by Konva's hit canvas: the layer
 * keeps its hit canvas at 0 x 0, and is never asked to clear or redraw it.
 * Pointer events still reach the layer's shapes through `hitTest`: the stage
 * asks each layer for the shape under the pointer.
 */
export class SelfHitKonvaLayer extends FrameKonvaLayer {
  hitTest: LayerHitTest | null = null;

  override getIntersection(pos: Point): Konva.Shape | null {
    return this.hitTest && this.isListening() && this.isVisible() ? this.hitTest(pos) : null;
  }

  override drawHit(can?: HitCanvas, top?: Konva.Node): this {
    return can ? super.drawHit(can, top) : this;
  }

  override _syncHitCanvasSize(): void {
    this.hitCanvas.setSizeIfChanged(0, 0);
  }
}

const LAZY = 'LazyHitLayer';
const SELF = 'SelfHitLayer';
Object.assign(Konva, { [LAZY]: LazyHitKonvaLayer, [SELF]: SelfHitKonvaLayer });

/** `<Layer>` whose hit graph is drawn on demand (see LazyHitKonvaLayer): the board layers' default. */
export const LazyHitLayer = LAZY as unknown as KonvaNodeComponent<LazyHitKonvaLayer, Konva.LayerConfig>;

/** `<Layer>` whose hits `hitTest` answers (see SelfHitKonvaLayer). */
export const SelfHitLayer = SELF as unknown as KonvaNodeComponent<SelfHitKonvaLayer, Konva.LayerConfig>;
