import { type LinkDirection } from '@pc/shared';
import { routeEnd, routeMidpoint, traceRoute, type RouteShape } from '../model/routing';
import { fillTextBlock, layoutText } from '../../../canvas/textLayout';
import { LINK_COLOUR } from './theme';
import { type Point } from '../../../lib/geometry';

/**
 * One causal arrow drawn straight on the 2D context, as the react-konva link
 * drew it: the route (rounded corners on polylines, the same 0.1-unit rounding
 * as `routePath`), the arrowhead and, for links with a rationale, the "i" marker.
 */

export interface LinkLook {
  readonly shape: RouteShape;
  readonly kind: LinkDirection;
  readonly highlighted: boolean;
  readonly dimmed: boolean;
  readonly selected: boolean;
  readonly hasRationale: boolean;
}

const DIMMED_ALPHA = 0.18;
const ARROW = 8;

export function linkColour(look: Pick<LinkLook, 'kind' | 'selected' | 'highlighted'>): string {
  const backward = look.kind === 'backward' || look.kind === 'self';
  if (look.selected) return LINK_COLOUR.selected;
  if (look.highlighted) return LINK_COLOUR.highlighted;
  if (backward) return LINK_COLOUR.backward;
  if (look.kind === 'annotation') return LINK_COLOUR.annotation;
  return LINK_COLOUR.normal;
}

export function paintLink(ctx: CanvasRenderingContext2D, look: LinkLook): void {
  const backward = look.kind === 'backward' || look.kind === 'self';
  const colour = linkColour(look);
  ctx.globalAlpha = look.dimmed ? DIMMED_ALPHA : 1;
  ctx.beginPath();
  traceRoute(ctx, look.shape);
  ctx.strokeStyle = colour;
  ctx.lineWidth = look.selected ? 2.75 : look.highlighted ? 2.25 : 1.5;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const dashed = backward ? [7, 5] : look.kind === 'annotation' ? [3, 4] : null;
  if (dashed) ctx.setLineDash(dashed);
  ctx.stroke();
  if (dashed) ctx.setLineDash([]);
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';

  const { tip, angle } = routeEnd(look.shape);
  const back = { x: tip.x - Math.cos(angle) * ARROW, y: tip.y - Math.sin(angle) * ARROW };
  const normal = { x: -Math.sin(angle) * (ARROW / 2), y: Math.cos(angle) * (ARROW / 2) };
  ctx.beginPath();
  ctx.moveTo(tip.x, tip.y);
  ctx.lineTo(back.x + normal.x, back.y + normal.y);
  ctx.lineTo(back.x - normal.x, back.y - normal.y);
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();

  if (look.hasRationale) {
    const mid = routeMidpoint(look.shape);
    ctx.beginPath();
    ctx.arc(mid.x, mid.y, 7, 0, Math.PI * 2, false);
    ctx.closePath();
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.strokeStyle = colour;
    ctx.lineWidth = 1.25;
    ctx.stroke();
    const block = layoutText({ text: 'i', width: 14, fontSize: 10, fontStyle: 'bold', align: 'center' });
    fillTextBlock(ctx, block, mid.x - 7, mid.y - 5, colour);
  }
  ctx.globalAlpha = 1;
}

/** Distance from a point to a route, for picking the link under the pointer. */
export function distanceToRoute(shape: RouteShape, p: Point): number {
  const samples: Point[] = [];
  if (shape.kind === 'curve') {
    const [a, b, c, d] = shape.points;
    for (let i = 0; i <= 24; i += 1) {
      const t = i / 24;
      const u = 1 - t;
      samples.push({
        x: u * u * u * a.x + 3 * u * u * t * b.x + 3 * u * t * t * c.x + t * t * t * d.x,
        y: u * u * u * a.y + 3 * u * u * t * b.y + 3 * u * t * t * c.y + t * t * t * d.y,
      });
    }
  } else samples.push(...shape.points);
  let best = Infinity;
  for (let i = 1; i < samples.length; i += 1) best = Math.min(best, segmentDistance(p, samples[i - 1]!, samples[i]!));
  return samples.length === 1 ? Math.hypot(p.x - samples[0]!.x, p.y - samples[0]!.y) : best;
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
