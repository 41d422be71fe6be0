import { Shape } from 'react-konva';
import { visibleWorldRect } from './camera';
import { dotGridFor } from './grid';

const DOT_COLOUR = '#cbd5e1';

/**
 * The background dot grid: one Shape whose scene function draws only the dots
 * inside the viewport, straight onto the 2D context (no Konva node per dot). It
 * reads the camera from the stage's transform as it draws, so a camera frame
 * redraws it without a React render.
 */
export function DotGrid() {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context, shape) => {
        const stage = shape.getStage();
        if (!stage) return;
        const zoom = stage.scaleX();
        const grid = dotGridFor(visibleWorldRect({ x: stage.x(), y: stage.y(), zoom }, { width: stage.width(), height: stage.height() }), zoom);
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
