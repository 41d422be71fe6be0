import { type LogicLink, classifyLink, type LinkDirection, type LogicGraph, type PathwayHighlight } from '@pc/shared';
import { decorationVisible, textReadable } from '../../../lib/theme';
import type { BoardLayout, CardBox } from '../model/columnLayout';
import { indexItems, type ItemIndex } from '../../../canvas/spatialIndex';
import { routeBounds, type LinkRoute } from '../model/routing';
import { CARD } from './cardMetrics';
import { CARD_SHADOW_PX, mainTextSpec, paintCard, roundRectPath } from './cardPainter';
import { distanceToRoute, paintLink } from './linkPainter';
import { traceRoute } from '../model/routing';
import { flushTextJobs, layoutText, type TextJob } from '../../../canvas/textLayout';
import type { LogicModelSnapshot } from './store';
import { type Point, type Rect } from '../../../lib/geometry';

/**
 * What the cards and links shapes draw each frame: the cards and links that
 * intersect the viewport at that moment, found through grid indexes over the
 * layout boxes and route bounds. Nothing here goes through React; a pan or
 * zoom frame is one index query and a few hundred canvas calls.
 */

export interface LinkEntry {
  readonly link: LogicLink;
  readonly route: LinkRoute;
  readonly kind: LinkDirection;
}

export interface BoardScene {
  readonly layout: BoardLayout;
  readonly model: LogicModelSnapshot;
  readonly cards: ItemIndex<CardBox>;
  readonly links: ItemIndex<LinkEntry>;
  readonly selectedId: string | null;
  readonly selectedLinkId: string | null;
  readonly editingId: string | null;
  readonly editable: boolean;
  readonly highlight: PathwayHighlight | null;
  /** The card being dragged and how far it has moved from its place (world units). */
  readonly drag: { readonly id: string; readonly dx: number; readonly dy: number } | null;
}

/** Card index for a layout; build once per layout. */
export function cardIndex(layout: BoardLayout): ItemIndex<CardBox> {
  return indexItems([...layout.cards.values()], (b) => b);
}

/** Link index for a set of routes; build once per routes and graph. */
export function linkIndex(links: readonly LogicLink[], graph: LogicGraph, routes: ReadonlyMap<string, LinkRoute>): ItemIndex<LinkEntry> {
  const entries: LinkEntry[] = [];
  for (const link of links) {
    const route = routes.get(link.id);
    if (!route || !graph.links.has(link.id)) continue;
    entries.push({ link, route, kind: classifyLink(graph, link)?.direction ?? 'forward' });
  }
  return indexItems(entries, (e) => routeBounds(e.route.shape));
}

/** The world rectangle a stage shows, from its own position and scale (what this frame draws). */
export function stageViewport(stage: { x(): number; y(): number; scaleX(): number; width(): number; height(): number }): { rect: Rect; zoom: number } {
  const zoom = stage.scaleX() || 1;
  return { rect: { x: -stage.x() / zoom, y: -stage.y() / zoom, width: stage.width() / zoom, height: stage.height() / zoom }, zoom };
}

/** Shadow reach and the selection outline, so a card at the viewport edge is still drawn whole. */
const CARD_MARGIN = 4;

function grow(rect: Rect, by: number): Rect {
  return { x: rect.x - by, y: rect.y - by, width: rect.width + 2 * by, height: rect.height + 2 * by };
}

export function paintCards(ctx: CanvasRenderingContext2D, scene: BoardScene, view: Rect, zoom: number): void {
  const showText = textReadable(CARD.fontSize, zoom);
  const showShadow = decorationVisible(CARD_SHADOW_PX, zoom);
  const { model, highlight, drag } = scene;
  const texts: TextJob[] = [];
  const draw = (box: CardBox) => {
    const node = model.nodesById.get(box.nodeId);
    if (!node) return;
    paintCard(
      ctx,
      {
        node,
        box,
        lead: node.leadPartnerId ? (model.partnersById.get(node.leadPartnerId) ?? null) : null,
        severity: model.report.worstByNode.get(node.id) ?? null,
        checkCount: model.report.byNode.get(node.id)?.length ?? 0,
        selected: scene.selectedId === node.id,
        dimmed: highlight !== null && !highlight.nodeIds.has(node.id),
        editing: scene.editingId === node.id,
        editable: scene.editable,
        showText,
        showShadow,
      },
      zoom,
      texts,
    );
  };
  for (const box of scene.cards.query(grow(view, Math.max(CARD_MARGIN, 2 / zoom)))) if (box.nodeId !== drag?.id) draw(box);
  flushTextJobs(ctx, texts);
  // The dragged card follows the pointer above the others, wherever the view goes.
  const dragged = drag ? scene.layout.cards.get(drag.id) : undefined;
  if (drag && dragged) {
    draw({ ...dragged, x: dragged.x + drag.dx, y: dragged.y + drag.dy });
    flushTextJobs(ctx, texts);
  }
}

export function paintLinks(ctx: CanvasRenderingContext2D, scene: BoardScene, view: Rect): void {
  const { highlight } = scene;
  for (const { link, route, kind } of scene.links.query(view)) {
    const highlighted = highlight?.linkIds.has(link.id) ?? false;
    paintLink(ctx, {
      shape: route.shape,
      kind,
      highlighted,
      dimmed: highlight !== null && !highlighted,
      selected: scene.selectedLinkId === link.id,
      hasRationale: link.rationale.trim() !== '',
    });
  }
}

/** Hit regions: each card's rounded box in the shape's hit colour (the dragged card has none). */
export function hitCards(ctx: CanvasRenderingContext2D, scene: BoardScene, view: Rect, colour: string): void {
  ctx.fillStyle = colour;
  for (const box of scene.cards.query(view)) {
    if (box.nodeId === scene.drag?.id) continue;
    roundRectPath(ctx, box.x, box.y, box.width, box.height, 8);
    ctx.fill();
  }
}

/** Pointer slack around a link's line, as the react-konva link's hitStrokeWidth gave. */
export const LINK_HIT_WIDTH = 12;

export function hitLinks(ctx: CanvasRenderingContext2D, scene: BoardScene, view: Rect, colour: string): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = LINK_HIT_WIDTH;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  for (const { route } of scene.links.query(view)) traceRoute(ctx, route.shape);
  ctx.stroke();
}

/** The card under a world point (not the one being dragged). */
export function cardUnder(scene: BoardScene, point: Point): string | null {
  for (const box of scene.cards.at(point)) if (box.nodeId !== scene.drag?.id) return box.nodeId;
  return null;
}

/** The link whose line passes nearest a world point, within the hit slack. */
export function linkUnder(scene: BoardScene, point: Point): string | null {
  const reach = LINK_HIT_WIDTH / 2 + 1;
  let best: string | null = null;
  let bestDistance = reach;
  for (const { link, route } of scene.links.query({ x: point.x - reach, y: point.y - reach, width: 2 * reach, height: 2 * reach })) {
    const d = distanceToRoute(route.shape, point);
    if (d <= bestDistance) {
      bestDistance = d;
      best = link.id;
    }
  }
  return best;
}

const WARM_ZOOM_AHEAD = 1.6;

/**
 * Lay out, ahead of time, the text of the cards within one viewport of the view,
 * while the page is idle, so a pan at a readable zoom meets cards whose text is
 * ready. Returns false when it ran out of time before the last card.
 */
export function warmCardTexts(scene: Omit<BoardScene, 'drag'>, view: Rect, zoom: number, timeLeft: () => number): boolean {
  const readable = textReadable(CARD.fontSize, zoom);
  // A little short of readable: a zoom in is likely next, so the cards in view are worth it.
  if (!readable && !textReadable(CARD.fontSize, zoom * WARM_ZOOM_AHEAD)) return true;
  const around = readable ? { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 } : view;
  for (const box of scene.cards.query(around)) {
    if (timeLeft() < 2) return false;
    const node = scene.model.nodesById.get(box.nodeId);
    if (node) layoutText(mainTextSpec(node, box, scene.editable));
  }
  return true;
}
