import Konva from 'konva';
import type { KonvaNodeComponent } from 'react-konva';
import type { Point } from '../lib/geometry';

/** Which shape of the layer is under a stage point (layer coordinates are the caller's to work out), or null. */
export type LayerHitTest = (stagePoint: Point) => Konva.Shape | null;

/**
 * A Konva layer whose pointer hits are answered by the code that draws it (a
 * spatial index over what it painted), never by Konva's hit canvas: the layer
 * keeps its hit canvas at 0 x 0. A listening Konva layer otherwise allocates a
 * stage-sized hit bitmap when it is added (11-18 ms for 1120 x 800 on the
 * benchmark machine, 3.5 MB), clears it on every draw and, when hits are
 * paused while the camera moves, frees and allocates it again at each rest.
 * Pointer events still reach the layer's shapes through `hitTest`: the stage
 * asks each layer for the shape under the pointer.
 */
export class SelfHitKonvaLayer extends Konva.Layer {
  hitTest: LayerHitTest | null = null;

  override getIntersection(pos: Point): Konva.Shape | null {
    return this.hitTest && this.isListening() && this.isVisible() ? this.hitTest(pos) : null;
  }

  override _syncHitCanvasSize(): void {
    this.hitCanvas.setSizeIfChanged(0, 0);
  }
}

const TYPE = 'SelfHitLayer';
// react-konva creates a host element's node as `new Konva[type]()`.
(Konva as unknown as Record<string, unknown>)[TYPE] = SelfHitKonvaLayer;

/** `<Layer>` whose hits `hitTest` answers (see SelfHitKonvaLayer). */
export const SelfHitLayer = TYPE as unknown as KonvaNodeComponent<SelfHitKonvaLayer, Konva.LayerConfig>;
