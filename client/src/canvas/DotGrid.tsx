import { Shape } from 'react-konva';
import type { Camera } from './camera';
import { visibleWorldRect } from './camera';
import type { Size } from '../lib/geometry';
import { dotGridFor } from './grid';

const DOT_COLOUR = '#cbd5e1';

/**
 * The background dot grid: one Shape whose scene function draws only the dots
 * inside the viewport, straight onto the 2D context (no Konva node per dot).
 */
export function DotGrid({ camera, size }: { camera: Camera; size: Size }) {
  const grid = dotGridFor(visibleWorldRect(camera, size), camera.zoom);
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        const d = grid.radius * 2;
        ctx.fillStyle = DOT_COLOUR;
        for (let col = 0; col < grid.columns; col++) {
          const x = grid.startX + col * grid.spacing - grid.radius;
          for (let row = 0; row < grid.rows; row++) {
            ctx.fillRect(x, grid.startY + row * grid.spacing - grid.radius, d, d);
          }
        }
      }}
    />
  );
}
