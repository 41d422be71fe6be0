import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { Arrow, Circle, Group, Layer, Rect as KonvaRect, Ring, Text } from 'react-konva';
import KonvaLib from 'konva';
import type Konva from 'konva';
import { screenToWorld, visibleWorldRect, type Camera } from '../../../canvas/camera';
import { expandRect, type Size } from '../../../canvas/geometry';
import { FONT_FAMILY } from '../../../canvas/StickyNote';
import { useValue, useValueBy } from '../../../collab/hooks';
import { throttle } from '../../../collab/throttle';
import type { ValueStore } from '../../../collab/valueStore';
import type { BoardCanvasLayersProps } from '../../types';
import { addRelationship, dropStakeholder } from '../actions';
import { circleBounds, SpatialIndex, type Rect } from '../model/culling';
import { GRID_LEVELS, levelsAt, mendelowQuadrant, QUADRANT_LABELS } from '../model/grid';
import { cardAt, GRID_WORLD, layoutBounds, ONION_WORLD, type CardPlacement, type MapLayout } from '../model/mapLayout';
import { ownerColours } from '../model/encodings';
import { ringAt, ringRadii, RING_LABELS } from '../model/onion';
import { Backdrop } from './Backdrop';
import { Edges, edgesToDraw, type DrawnEdge } from './Edges';
import type { MapUi } from './mapStore';
import { StakeholderCard, LABEL_FONT_SIZE, type CardHandlers, type CardProps } from './StakeholderCard';
import { useMapModel, type MapModel } from './useMapModel';

/** Others see a dragged card move ~20 times a second; the drop itself is written at once. */
export const DRAG_WRITE_INTERVAL_MS = 50;
/** Labels smaller than this many screen pixels are unreadable: skip drawing them (level of detail). */
const MIN_LABEL_PX = 6.5;
/** Beyond this many edges in view their type labels are noise (and slow): lines only. */
const MAX_LABELLED_EDGES = 150;
/** Room under each circle for its name, in the spatial index. */
const LABEL_ROOM = 34;

interface CullRegion {
  rect: Rect;
  zoom: number;
  size: Size;
}

function contains(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The world area whose cards are mounted: the viewport plus 30% of a viewport on
 * every side. It changes only when a pan leaves it or the zoom moves by 30%, so
 * panning re-renders nothing in React most frames: Konva just redraws the layers
 * at the new stage offset.
 */
function useCullRegion(camera: ValueStore<Camera>, size: Size): CullRegion {
  const ref = useRef<CullRegion | null>(null);
  const [settled, setSettled] = useState(0);
  const getSnapshot = useCallback(() => {
    const cam = camera.get();
    const visible = visibleWorldRect(cam, size);
    const current = ref.current;
    if (current && current.size === size && contains(current.rect, visible) && cam.zoom / current.zoom < 1.3 && current.zoom / cam.zoom < 1.3) {
      return current;
    }
    const next = { rect: expandRect(visible, Math.max(visible.width, visible.height) * 0.3), zoom: cam.zoom, size };
    ref.current = next;
    return next;
    // `settled` forces a fresh snapshot function after a zoom comes to rest (see below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [camera, size, settled]);
  // The cached bitmaps are drawn at the region's zoom: once a zoom gesture rests at
  // another zoom, start a new region so cards are redrawn sharp.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = camera.subscribe(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const current = ref.current;
        if (current && Math.abs(camera.get().zoom / current.zoom - 1) > 0.02) {
          ref.current = null;
          setSettled((n) => n + 1);
        }
      }, 180);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [camera]);
  return useSyncExternalStore(camera.subscribe, getSnapshot, getSnapshot);
}

/** Largest cache bitmap side, in device pixels; beyond it the group is drawn live. */
const MAX_CACHE_PX = 4096;
/** Maps with fewer cards draw live: cheap enough, and always sharp. */
const CACHE_FROM_CARDS = 150;
/** Re-make the bitmap once the content has been still this long (a drag elsewhere keeps it live). */
const CACHE_SETTLE_MS = 300;

/**
 * Keep a group's drawing as ONE bitmap of the cull region at screen resolution.
 * A pan only moves the stage, so each frame then draws one image instead of
 * thousands of shapes, labels and edges. When what the group draws changes (a
 * card moved, the region moved on), the bitmap is dropped at once and the group
 * is drawn live, which Konva only does when something changed; the bitmap is
 * re-made when things have been still for a moment, so a stream of remote drag
 * updates never pays for a full-region bitmap 20 times a second. Konva still
 * hit-tests a cached group, through its cached hit canvas.
 */
function useRegionCache(group: RefObject<KonvaLib.Group | null>, area: CacheArea | null, contentKey: string) {
  const cached = useRef<{ area: CacheArea; key: string } | null>(null);
  useLayoutEffect(() => {
    const node = group.current;
    if (!node) return;
    const make = () => {
      if (!area || node.getChildren().length === 0) return;
      const { x, y, width, height } = area.rect;
      node.cache({ x, y, width, height, pixelRatio: area.pixelRatio, hitCanvasPixelRatio: Math.min(0.5, area.pixelRatio), imageSmoothingEnabled: true });
      cached.current = { area, key: contentKey };
      node.getLayer()?.batchDraw();
    };
    const previous = cached.current;
    if (previous && previous.area === area && previous.key === contentKey) return;
    node.clearCache();
    cached.current = null;
    if (!area) return;
    // Only the view moved on: one re-make now. The content changed: draw live until it settles.
    if (previous && previous.key === contentKey) {
      make();
      return;
    }
    const timer = setTimeout(make, CACHE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [group, area, contentKey]);
}

interface CacheArea {
  rect: Rect;
  pixelRatio: number;
}

/** A number that changes only when `value` differs from the previous render's by `same`. */
function useContentVersion<T>(value: T, same: (a: T, b: T) => boolean): number {
  const ref = useRef<{ value: T; version: number } | null>(null);
  if (ref.current === null) ref.current = { value, version: 0 };
  else if (!same(ref.current.value, value)) ref.current = { value, version: ref.current.version + 1 };
  return ref.current.version;
}

interface Drawn<T> {
  items: readonly T[];
  /** The culling rectangle the items were picked with. */
  area: Rect;
}

/**
 * Same content, as far as the cached bitmap is concerned: every item drawn in both
 * is drawn identically, and, unless the culling area moved, no item came or went.
 * Items entering or leaving because the view moved on are a view change (one
 * immediate re-make), not a content change (draw live until it settles).
 */
function sameDrawn<T extends { id: string }>(a: Drawn<T>, b: Drawn<T>, same: (x: T, y: T) => boolean): boolean {
  const before = new Map(a.items.map((item) => [item.id, item]));
  let shared = 0;
  for (const item of b.items) {
    const previous = before.get(item.id);
    if (!previous) continue;
    shared += 1;
    if (!same(previous, item)) return false;
  }
  return a.area !== b.area || (shared === a.items.length && shared === b.items.length);
}

function sameCard(x: CardProps, y: CardProps): boolean {
  for (const key of Object.keys(x) as (keyof CardProps)[]) if (x[key] !== y[key]) return false;
  return true;
}

function sameEdge(x: DrawnEdge, y: DrawnEdge): boolean {
  const g = x.geometry;
  const h = y.geometry;
  return x.type === y.type && g.start.x === h.start.x && g.start.y === h.start.y && g.end.x === h.end.x && g.end.y === h.end.y && g.width === h.width && g.arrowHeads.length === h.arrowHeads.length;
}

function cardProps(model: MapModel, id: string, placement: CardPlacement, zoom: number, handlers: CardHandlers | null, editable: boolean): CardProps | null {
  const s = model.byId.get(id);
  if (!s) return null;
  const selected = model.state.selectedId === id;
  return {
    id,
    name: s.name,
    x: placement.x,
    y: placement.y,
    radius: placement.radius,
    scale: placement.scale,
    fill: model.colours.colourOf.get(id) ?? '#bdbdbd',
    owners: ownerColours(s, model.partners).join(','),
    selected,
    highlight: model.searchHits === null ? null : model.searchHits.has(id) ? 'hit' : 'miss',
    isPartner: s.partnerId !== null,
    showLabel: zoom * LABEL_FONT_SIZE * Math.max(0.7, placement.scale) >= MIN_LABEL_PX,
    handle: selected && editable && model.state.layout === 'network',
    handlers,
  };
}

/**
 * The stakeholder map on the canvas, as three layers: a static one (template and
 * relationships, never listening), the culled cards, and the card being dragged
 * (with its edges and the drop target) on a layer of its own, so a drag redraws
 * one card rather than thousands.
 */
export const StakeholderLayers = memo(function StakeholderLayers(props: BoardCanvasLayersProps) {
  const { session, editable, camera, size } = props;
  const model = useMapModel(session);
  const { ui, placements, state, shownIds } = model;
  const region = useCullRegion(camera, size);

  const index = useMemo(() => new SpatialIndex(256), []);
  const previous = useRef<ReadonlyMap<string, CardPlacement>>(new Map());
  // Synced during render (not in an effect) so this very render culls with it; moving a
  // card that stays in its index cells costs one bounds update.
  const indexed = useMemo(() => {
    for (const id of previous.current.keys()) if (!placements.has(id)) index.delete(id);
    for (const [id, p] of placements) {
      if (previous.current.get(id) === p) continue;
      index.set(id, circleBounds({ x: p.x, y: p.y + LABEL_ROOM / 2 }, p.radius + LABEL_ROOM));
    }
    previous.current = placements;
    return { placements };
  }, [index, placements]);

  const dragging = useValueBy(ui.drag, (d) => (d?.source === 'map' ? d.id : ''));
  const draggingId = dragging?.source === 'map' ? dragging.id : null;

  const latest = useRef({ model, editable, session, camera });
  latest.current = { model, editable, session, camera };

  const handlers = useMemo<CardHandlers>(() => makeHandlers(latest), []);

  // Content bounds (cards plus labels), to cache the whole map as one bitmap when it fits.
  const contentKey = useMemo(() => {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of placements.values()) {
      minX = Math.min(minX, p.x - p.radius - 16);
      minY = Math.min(minY, p.y - p.radius - 16);
      maxX = Math.max(maxX, p.x + p.radius + 60);
      maxY = Math.max(maxY, p.y + p.radius + LABEL_ROOM + 8);
    }
    const template = state.layout === 'network' ? null : layoutBounds(state.layout, placements);
    if (template) {
      minX = Math.min(minX, template.x);
      minY = Math.min(minY, template.y);
      maxX = Math.max(maxX, template.x + template.width);
      maxY = Math.max(maxY, template.y + template.height);
    }
    if (minX === Infinity) return '';
    // Snapped outwards to 128 units: a card moving inside the map keeps the same rectangle (and cache).
    const snap = 128;
    return [Math.floor(minX / snap), Math.floor(minY / snap), Math.ceil(maxX / snap), Math.ceil(maxY / snap)].map((v) => v * snap).join(',');
  }, [placements, state.layout]);
  const contentRect = useMemo<Rect | null>(() => {
    if (contentKey === '') return null;
    const [x0, y0, x1, y1] = contentKey.split(',').map(Number) as [number, number, number, number];
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  }, [contentKey]);
  const cacheEnabled = placements.size > CACHE_FROM_CARDS;
  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  const wholeFits = contentRect !== null && Math.max(contentRect.width, contentRect.height) * region.zoom * dpr <= MAX_CACHE_PX;
  // Whole mode: everything mounted and cached once per zoom; a pan never touches it.
  const cullRect = wholeFits && contentRect ? contentRect : region.rect;
  const cacheArea = useMemo<CacheArea | null>(() => {
    if (!cacheEnabled) return null;
    const rect = wholeFits && contentRect ? contentRect : region.rect;
    const pixelRatio = region.zoom * dpr;
    if (Math.max(rect.width, rect.height) * pixelRatio > MAX_CACHE_PX) return null;
    return { rect, pixelRatio };
    // In whole mode only the zoom matters, not where the region is.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cacheEnabled, wholeFits, contentRect, wholeFits ? region.zoom : region, dpr]);

  const visibleIds = useMemo(() => index.query(cullRect), [index, indexed, cullRect]);
  const cards: CardProps[] = [];
  let selectedCard: CardProps | null = null;
  for (const id of visibleIds) {
    if (id === draggingId || !shownIds.has(id)) continue;
    const placement = placements.get(id);
    if (!placement) continue;
    const card = cardProps(model, id, placement, region.zoom, handlers, editable);
    if (!card) continue;
    if (card.selected) selectedCard = card;
    else cards.push(card);
  }
  if (selectedCard) cards.push(selectedCard); // drawn last: on top

  const staticEdges = useMemo(
    () =>
      state.layout === 'network'
        ? edgesToDraw(model.relationships, (id) => (shownIds.has(id) ? placements.get(id) : undefined), { area: cullRect, ...(draggingId ? { skip: draggingId } : {}) })
        : [],
    [state.layout, model.relationships, placements, shownIds, cullRect, draggingId],
  );

  const cardsLayer = useRef<Konva.Layer>(null);
  const staticGroup = useRef<KonvaLib.Group>(null);
  const cardsGroup = useRef<KonvaLib.Group>(null);
  // Small maps draw live (always sharp); big ones pan as cached bitmaps.
  const cardsVersion = useContentVersion<Drawn<CardProps>>({ items: cards, area: cullRect }, (a, b) => sameDrawn(a, b, sameCard));
  const edgesVersion = useContentVersion<Drawn<DrawnEdge>>({ items: staticEdges, area: cullRect }, (a, b) => sameDrawn(a, b, sameEdge));
  useRegionCache(staticGroup, cacheArea, `${state.layout}:${edgesVersion}`);
  useRegionCache(cardsGroup, cacheArea, String(cardsVersion));
  useEffect(() => {
    const stage = cardsLayer.current?.getStage();
    if (!stage) return;
    const onDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
      if (event.target === stage) ui.update({ selectedId: null });
    };
    stage.on('pointerdown.stakeholders', onDown);
    return () => {
      stage.off('pointerdown.stakeholders');
    };
  }, [ui]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === 'Escape' && !typing) ui.update({ selectedId: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ui]);

  return (
    <>
      <Layer listening={false} name="stakeholder-static">
        <Group ref={staticGroup}>
          <Backdrop layout={state.layout} />
          {staticEdges.length > 0 && <Edges edges={staticEdges} showLabels={region.zoom >= 0.45 && staticEdges.length <= MAX_LABELLED_EDGES} />}
        </Group>
      </Layer>
      {/* Empty layers are hidden: every visible layer is a full-size canvas redrawn and composited each frame. */}
      <Layer ref={cardsLayer} name="stakeholder-cards" visible={cards.length > 0}>
        <Group ref={cardsGroup}>
          {cards.map((card) => (
            <StakeholderCard key={card.id} {...card} />
          ))}
        </Group>
      </Layer>
      <DragLayer model={model} zoom={region.zoom} editable={editable} />
    </>
  );
});

type Latest = { current: { model: MapModel; editable: boolean; session: BoardCanvasLayersProps['session']; camera: ValueStore<Camera> } };

/** Pointer handling for cards: drag to move (grid: levels, onion: ring, network: x/y), handle-drag to relate. */
function makeHandlers(latest: Latest): CardHandlers {
  const track = (event: Konva.KonvaEventObject<PointerEvent>, onMove: (e: PointerEvent, world: { x: number; y: number }) => void, onEnd: (e: PointerEvent | null, world: { x: number; y: number } | null) => void) => {
    const stage = event.target.getStage();
    if (!stage) return;
    const box = stage.container().getBoundingClientRect();
    const pointerId = event.evt.pointerId;
    const toWorld = (e: PointerEvent) => screenToWorld(latest.current.camera.get(), { x: e.clientX - box.left, y: e.clientY - box.top });
    const move = (e: PointerEvent) => {
      if (e.pointerId === pointerId) onMove(e, toWorld(e));
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      onEnd(e.type === 'pointercancel' ? null : e, e.type === 'pointercancel' ? null : toWorld(e));
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    return toWorld(event.evt);
  };

  return {
    pointerDown(id, event) {
      if (event.evt.button !== 0) return;
      const { model, editable, session } = latest.current;
      const { ui } = model;
      if (ui.state.get().selectedId !== id) ui.update({ selectedId: id });
      const placement = model.placements.get(id);
      if (!editable || !placement) return;
      event.cancelBubble = true;
      const layout = model.state.layout;
      const startX = event.evt.clientX;
      const startY = event.evt.clientY;
      let dragging = false;
      let offset = { x: 0, y: 0 };
      const { doc, localOrigin } = session;
      const write = throttle((point: { x: number; y: number }) => dropStakeholder(doc, localOrigin, id, layout, point), DRAG_WRITE_INTERVAL_MS);
      const start = track(
        event,
        (e, world) => {
          if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < 4) return;
          if (!dragging) {
            dragging = true;
            session.stopCapturing();
          }
          const point = { x: world.x + offset.x, y: world.y + offset.y };
          ui.drag.set({ id, ...point, overCanvas: true, source: 'map' });
          write(point);
        },
        (e, world) => {
          write.cancel();
          if (dragging && e && world) dropStakeholder(doc, localOrigin, id, layout, { x: world.x + offset.x, y: world.y + offset.y });
          if (dragging) session.stopCapturing();
          ui.drag.set(null);
        },
      );
      if (start) offset = { x: placement.x - start.x, y: placement.y - start.y };
    },
    handleDown(id, event) {
      if (event.evt.button !== 0) return;
      const { model, session } = latest.current;
      const { ui } = model;
      const targetAt = (world: { x: number; y: number }) => {
        const near = [...latest.current.model.placements].filter(([other, p]) => other !== id && latest.current.model.shownIds.has(other) && Math.abs(p.x - world.x) < 80 && Math.abs(p.y - world.y) < 80);
        return cardAt(world, near);
      };
      track(
        event,
        (_e, world) => ui.edgeDraft.set({ from: id, to: world, target: targetAt(world) }),
        (_e, world) => {
          ui.edgeDraft.set(null);
          const target = world ? targetAt(world) : null;
          if (!target) return;
          session.stopCapturing();
          addRelationship(session.doc, session.localOrigin, id, target);
          session.stopCapturing();
        },
      );
    },
    open(id) {
      latest.current.model.ui.update({ selectedId: id });
      // The editor lives in the side panel; move focus there so typing edits the card.
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#stakeholder-editor-name')?.focus());
    },
    hover(id) {
      const { editable } = latest.current;
      const container = document.querySelector<HTMLElement>('.canvas');
      if (container) container.style.cursor = id === null ? '' : editable ? 'grab' : 'pointer';
    },
  };
}

/** The drop target under a drag: the grid cell or onion ring the card would land in. */
function DropTarget({ layout, x, y }: { layout: MapLayout; x: number; y: number }) {
  if (layout === 'grid') {
    const { power, interest } = levelsAt({ x, y }, GRID_WORLD);
    const cell = GRID_WORLD.width / GRID_LEVELS;
    const left = GRID_WORLD.x + interest * cell;
    const top = GRID_WORLD.y + (GRID_LEVELS - 1 - power) * cell;
    return (
      <Group>
        <KonvaRect x={left} y={top} width={cell} height={cell} fill="rgba(37, 99, 235, 0.08)" stroke="#2563eb" strokeWidth={2} dash={[6, 4]} cornerRadius={4} />
        <Text x={left + 8} y={top + cell - 22} width={cell - 16} text={`Power ${power} · Interest ${interest} · ${QUADRANT_LABELS[mendelowQuadrant(power, interest)]}`} fontSize={11.5} fill="#1d4ed8" fontFamily={FONT_FAMILY} />
      </Group>
    );
  }
  if (layout === 'onion') {
    const ring = ringAt({ x, y }, ONION_WORLD);
    const band = ringRadii(ONION_WORLD.radius).find((b) => b.ring === ring)!;
    return (
      <Group>
        <Ring x={ONION_WORLD.cx} y={ONION_WORLD.cy} innerRadius={band.inner} outerRadius={band.outer} fill="rgba(37, 99, 235, 0.1)" stroke="#2563eb" strokeWidth={2} dash={[6, 4]} />
        <Text x={ONION_WORLD.cx - 150} y={ONION_WORLD.cy + band.outer - 24} width={300} align="center" text={`Drop in: ${RING_LABELS[ring]}`} fontSize={12} fill="#1d4ed8" fontFamily={FONT_FAMILY} />
      </Group>
    );
  }
  return null;
}

/** Its own layer, subscribed to the drag and edge-draft stores, so pointer moves re-render this layer only. */
function DragLayer({ model, zoom, editable }: { model: MapModel; zoom: number; editable: boolean }) {
  const drag = useValue(model.ui.drag);
  const draft = useValue(model.ui.edgeDraft);
  const { placements, state } = model;
  const draggedEdges = useMemo(() => {
    if (!drag || drag.source !== 'map' || state.layout !== 'network') return [];
    const moved = placements.get(drag.id);
    return edgesToDraw(model.relationships, (id) => (id === drag.id && moved ? { ...moved, x: drag.x, y: drag.y } : model.shownIds.has(id) ? placements.get(id) : undefined), { only: drag.id });
  }, [drag, state.layout, placements, model.relationships, model.shownIds]);
  const parts = [];
  if (drag && drag.overCanvas) {
    parts.push(<DropTarget key="target" layout={state.layout} x={drag.x} y={drag.y} />);
    if (draggedEdges.length) parts.push(<Edges key="edges" edges={draggedEdges} showLabels colour="#2563eb" />);
    const placement = placements.get(drag.id);
    if (drag.source === 'map' && placement) {
      const card = cardProps(model, drag.id, { ...placement, x: drag.x, y: drag.y }, zoom, null, editable);
      if (card) parts.push(<StakeholderCard key="card" {...card} selected handle={false} />);
    }
  }
  if (draft) {
    const from = placements.get(draft.from);
    const target = draft.target ? placements.get(draft.target) : undefined;
    if (from) {
      const to = target ?? draft.to;
      parts.push(
        <Arrow key="draft" points={[from.x, from.y, to.x, to.y]} stroke="#2563eb" fill="#2563eb" strokeWidth={2} dash={[8, 5]} pointerLength={10} pointerWidth={10} />,
      );
      if (target) parts.push(<Circle key="draft-target" x={target.x} y={target.y} radius={target.radius + 7} stroke="#2563eb" strokeWidth={3} />);
    }
  }
  return (
    <Layer listening={false} name="stakeholder-drag" visible={parts.length > 0}>
      {parts}
    </Layer>
  );
}
