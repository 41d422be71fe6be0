import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { Size } from '../lib/geometry';
import type { ValueStore } from '../lib/valueStore';
import { visibleWorldRect, type Camera } from './camera';
import { paintCompareOverlay, planCompareOverlay, type CompareMark } from './compareOverlay';

type KonvaContext = Konva.Context & { _context: CanvasRenderingContext2D };

/**
 * A comparison's marks on the canvas: one shape for all of them, drawn in a
 * screen-only layer (never in a picture export). What it draws is planned by
 * `compareOverlay.ts`, culled to the view as each frame is drawn (camera
 * frames re-render no React component; Konva redraws the layer).
 */
export function CompareOverlay({ marks, camera, size }: { marks: readonly CompareMark[]; camera: ValueStore<Camera>; size: Size }) {
  return (
    <Shape
      name="compare-overlay"
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const now = camera.get();
        paintCompareOverlay((context as KonvaContext)._context, planCompareOverlay(marks, visibleWorldRect(now, size), now.zoom));
      }}
    />
  );
}
