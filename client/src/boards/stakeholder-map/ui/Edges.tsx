import { memo } from 'react';
import { Shape } from 'react-konva';
import type { Relationship } from '@pc/shared';
import { edgeGeometry, parallelEdgeOffsets, type EdgeGeometry } from '../model/network';
import type { CardPlacement } from '../model/mapLayout';
import { segmentIntersectsRect, type Rect } from '../../../lib/geometry';

export interface DrawnEdge {
  id: string;
  type: string;
  geometry: EdgeGeometry;
}

const EDGE_COLOUR = '#64748b';
const LABEL_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Geometry of the relationships to draw: both ends placed and passing the filter,
 * the segment crossing `area` (culling), optionally only those touching `only`
 * or none touching `skip` (the dragged card's edges live on the drag layer).
 */
export function edgesToDraw(
  relationships: readonly Relationship[],
  positionOf: (id: string) => CardPlacement | undefined,
  options: { area?: Rect; only?: string; skip?: string },
): DrawnEdge[] {
  const offsets = parallelEdgeOffsets(relationships);
  const out: DrawnEdge[] = [];
  for (const rel of relationships) {
    if (options.only !== undefined && rel.from !== options.only && rel.to !== options.only) continue;
    if (options.skip !== undefined && (rel.from === options.skip || rel.to === options.skip)) continue;
    const from = positionOf(rel.from);
    const to = positionOf(rel.to);
    if (!from || !to) continue;
    if (options.area && !segmentIntersectsRect(from, to, options.area)) continue;
    const geometry = edgeGeometry(from, to, rel, { offset: offsets.get(rel.id) ?? 0, gap: 4 });
    if (geometry) out.push({ id: rel.id, type: rel.type, geometry });
  }
  return out;
}

/** Zoomed out further, edge type labels are too small to read. */
const MIN_LABEL_ZOOM = 0.45;
/** Beyond this many edges in view their type labels are noise (and slow): lines only. */
const MAX_LABELLED_EDGES = 150;

/**
 * Every relationship as ONE Konva shape drawn straight onto the context: a node
 * per edge (line + arrowheads + label) would triple the node count on big maps.
 * With `cull`, each frame draws the edges crossing the current viewport, with
 * their labels when few enough are in view and the zoom makes them readable;
 * without, every edge, labelled (the dragged card's few).
 */
export const Edges = memo(function Edges({ edges, cull = false, colour = EDGE_COLOUR }: { edges: readonly DrawnEdge[]; cull?: boolean; colour?: string }) {
  return (
    <Shape
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context, shape) => {
        let drawn = edges;
        let showLabels = true;
        const stage = shape.getStage();
        if (cull && stage) {
          const zoom = stage.scaleX();
          const view = { x: -stage.x() / zoom, y: -stage.y() / zoom, width: stage.width() / zoom, height: stage.height() / zoom };
          drawn = edges.filter((e) => segmentIntersectsRect(e.geometry.start, e.geometry.end, view));
          showLabels = zoom >= MIN_LABEL_ZOOM && drawn.length <= MAX_LABELLED_EDGES;
        }
        const ctx = context._context;
        ctx.strokeStyle = colour;
        ctx.fillStyle = colour;
        ctx.lineCap = 'round';
        ctx.globalAlpha = 0.8;
        for (const { geometry: g } of drawn) {
          ctx.lineWidth = g.width;
          ctx.beginPath();
          ctx.moveTo(g.lineStart.x, g.lineStart.y);
          ctx.lineTo(g.lineEnd.x, g.lineEnd.y);
          ctx.stroke();
          for (const head of g.arrowHeads) {
            const [tip, left, right] = head as [{ x: number; y: number }, { x: number; y: number }, { x: number; y: number }];
            ctx.beginPath();
            ctx.moveTo(tip.x, tip.y);
            ctx.lineTo(left.x, left.y);
            ctx.lineTo(right.x, right.y);
            ctx.closePath();
            ctx.fill();
          }
        }
        ctx.globalAlpha = 1;
        if (!showLabels) return;
        ctx.font = LABEL_FONT;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'bottom';
        ctx.lineWidth = 3;
        ctx.strokeStyle = 'rgba(251, 252, 254, 0.95)';
        for (const { type, geometry: g } of drawn) {
          if (!type) continue;
          ctx.save();
          ctx.translate(g.label.x, g.label.y);
          ctx.rotate(g.label.angle);
          ctx.strokeText(type, 0, -3);
          ctx.fillStyle = '#334155';
          ctx.fillText(type, 0, -3);
          ctx.restore();
        }
      }}
    />
  );
});
