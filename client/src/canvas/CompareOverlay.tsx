import { useMemo } from 'react';
import { Shape } from 'react-konva';
import type Konva from 'konva';
import type { Size } from '../lib/geometry';
import { visibleWorldRect, type Camera } from './camera';
import { paintCompareOverlay, planCompareOverlay, type CompareMark } from './compareOverlay';

type KonvaContext = Konva.Context & { _context: CanvasRenderingContext2D };

/**
 * A comparison's marks on the canvas: one shape for all of them, drawn in a
 * screen-only layer (never in a picture export). What it draws is planned by
 * `compareOverlay.ts`, culled to the view.
 */
export function CompareOverlay({ marks, camera, size }: { marks: readonly CompareMark[]; camera: Camera; size: Size }) {
  const instructions = useMemo(() => planCompareOverlay(marks, visibleWorldRect(camera, size), camera.zoom), [marks, camera, size]);
  return (
    <Shape
      name="compare-overlay"
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => paintCompareOverlay((context as KonvaContext)._context, instructions)}
    />
  );
}
