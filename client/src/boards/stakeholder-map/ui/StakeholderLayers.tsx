import { mendelowQuadrant, QUADRANT_LABELS } from '@pc/shared';
import { memo, useMemo, useRef } from 'react';
import { Arrow, Circle, Group, Layer, Rect as KonvaRect, Ring, Text } from 'react-konva';
import type Konva from 'konva';
import type { Camera } from '../../../canvas/camera';
import { eventWorld, trackPointer } from '../../../canvas/pointer';
import { useShortcuts } from '../../../canvas/useShortcuts';
import { FONT_FAMILY } from '../../../lib/theme';
import { useValue, useValueBy } from '../../../lib/hooks';
import { throttle } from '../../../lib/throttle';
import type { ValueStore } from '../../../lib/valueStore';
import type { BoardCanvasLayersProps } from '../../types';
import { lockedFor } from '../../../collab/locks';
import { addRelationship, dropStakeholder } from '../actions';
import { labelShown } from '../model/cardMetrics';
import { CardScene, type CardDraw } from '../model/cardScene';
import { GRID_LEVELS, levelsAt } from '../model/grid';
import { cardAt, GRID_WORLD, ONION_WORLD, type CardPlacement, type MapLayout } from '../model/mapLayout';
import { ownerColours } from '../model/encodings';
import { ringAt, ringRadii, RING_LABELS } from '../model/onion';
import { Backdrop } from './Backdrop';
import { CardsLayer } from './CardsLayer';
import { Edges, edgesToDraw } from './Edges';
import { StakeholderCard, type CardHandlers, type CardProps } from './StakeholderCard';
import { useMapModel, type MapModel } from './useMapModel';
import { useShownOnce } from '../../../canvas/useShownOnce';

/** Others see a dragged card move ~20 times a second; the drop itself is written at once. */
export const DRAG_WRITE_INTERVAL_MS = 50;
const NO_COLOUR = '#bdbdbd';

/** What the canvas draws for every placed, shown card but the dragged one, in drawing order. */
function cardDraws(model: MapModel, draggingId: string | null, editable: boolean): CardDraw[] {
  const { placements, byId, colours, partners, searchHits, shownIds, state } = model;
  const partnerColours = new Map(partners.map((p) => [p.id, p.colour]));
  const owners = new Map<string, string[]>();
  const cards: CardDraw[] = [];
  for (const [id, placement] of placements) {
    if (id === draggingId || !shownIds.has(id)) continue;
    const s = byId.get(id);
    if (!s) continue;
    const selected = state.selectedId === id;
    // Most stakeholders share an owner list (none, or the same partner): one array per list.
    const ownerIds = s.ownerPartnerIds ?? [];
    const key = ownerIds.join(',');
    let ownerList = owners.get(key);
    if (!ownerList) {
      ownerList = [...new Set(ownerIds)].flatMap((owner) => partnerColours.get(owner) ?? []);
      owners.set(key, ownerList);
    }
    cards.push({
      id,
      name: s.name,
      x: placement.x,
      y: placement.y,
      radius: placement.radius,
      scale: placement.scale,
      fill: colours.colourOf.get(id) ?? NO_COLOUR,
      owners: ownerList,
      isPartner: s.partnerId !== null,
      highlight: searchHits === null ? null : searchHits.has(id) ? 'hit' : 'miss',
      selected,
      handle: selected && editable && state.layout === 'network',
    });
  }
  return cards;
}

function cardProps(model: MapModel, id: string, placement: CardPlacement, zoom: number, editable: boolean): CardProps | null {
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
    fill: model.colours.colourOf.get(id) ?? NO_COLOUR,
    owners: ownerColours(s, model.partners).join(','),
    selected,
    highlight: model.searchHits === null ? null : model.searchHits.has(id) ? 'hit' : 'miss',
    isPartner: s.partnerId !== null,
    showLabel: labelShown(zoom, placement.scale),
    handle: selected && editable && model.state.layout === 'network',
    handlers: null,
  };
}

/**
 * The stakeholder map on the canvas, as three layers: a static one (template and
 * relationships, never listening), the cards (painted imperatively, see
 * CardsLayer), and the card being dragged (with its edges and the drop target)
 * on a layer of its own, so a drag redraws one card rather than thousands.
 * React renders here only when the records or the person's encodings change:
 * the camera moving re-renders nothing of the map.
 */
export const StakeholderLayers = memo(function StakeholderLayers(props: BoardCanvasLayersProps) {
  const { session, editable, camera } = props;
  const model = useMapModel(session);
  const { ui, placements, state, shownIds } = model;

  const dragging = useValueBy(ui.drag, (d) => (d?.source === 'map' ? d.id : ''));
  const draggingId = dragging?.source === 'map' ? dragging.id : null;

  const scene = useMemo(() => new CardScene(), []);
  // Synced during render (not in an effect) so this very commit draws with it.
  const version = useMemo(() => {
    scene.setCards(cardDraws(model, draggingId, editable));
    return scene.version;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scene, placements, model.byId, model.colours, model.partners, model.searchHits, shownIds, state.selectedId, state.layout, draggingId, editable]);

  const latest = useRef({ model, editable, session, camera });
  latest.current = { model, editable, session, camera };

  const handlers = useMemo<CardHandlers>(() => makeHandlers(latest), []);

  const staticEdges = useMemo(
    () =>
      state.layout === 'network'
        ? edgesToDraw(model.relationships, (id) => (shownIds.has(id) ? placements.get(id) : undefined), draggingId ? { skip: draggingId } : {})
        : [],
    [state.layout, model.relationships, placements, shownIds, draggingId],
  );

  useShortcuts([{ group: 'Stakeholder map', keys: 'Escape', description: 'Clear the selected stakeholder', match: (e) => e.key === 'Escape', run: () => ui.update({ selectedId: null }) }]);

  return (
    <>
      {/* The backdrop and edges share the cards' layer (a board has at most two layers of its own). */}
      <CardsLayer scene={scene} version={version} handlers={handlers} onEmptyPointerDown={() => ui.update({ selectedId: null })}>
        <Group listening={false} name="stakeholder-static">
          <Backdrop layout={state.layout} />
          {staticEdges.length > 0 && <Edges edges={staticEdges} cull />}
        </Group>
      </CardsLayer>
      <DragLayer model={model} camera={camera} editable={editable} />
    </>
  );
});

type Latest = { current: { model: MapModel; editable: boolean; session: BoardCanvasLayersProps['session']; camera: ValueStore<Camera> } };

/** Pointer handling for cards: drag to move (grid: levels, onion: ring, network: x/y), handle-drag to relate. */
function makeHandlers(latest: Latest): CardHandlers {
  const track = (event: Konva.KonvaEventObject<PointerEvent>, onMove: (e: PointerEvent, world: { x: number; y: number }) => void, onEnd: (e: PointerEvent | null, world: { x: number; y: number } | null) => void) => {
    const stage = event.target.getStage();
    if (!stage) return;
    const container = stage.container();
    const toWorld = (e: PointerEvent) => eventWorld(container, e, latest.current.camera);
    trackPointer(event.evt.pointerId, {
      move: (e) => onMove(e, toWorld(e)),
      end: (e, cancelled) => onEnd(cancelled ? null : e, cancelled ? null : toWorld(e)),
    });
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
      // Held by a facilitator's lock: it stays put (the canvas says why if the pointer moves on).
      if (lockedFor(session, 'stakeholder-map', id)) return;
      const layout = model.state.layout;
      const startX = event.evt.clientX;
      const startY = event.evt.clientY;
      let dragging = false;
      let offset = { x: 0, y: 0 };
      const { doc, localOrigin } = session;
      const write = throttle((point: { x: number; y: number }) => dropStakeholder({ doc, localOrigin }, id, layout, point), DRAG_WRITE_INTERVAL_MS);
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
          if (dragging && e && world) dropStakeholder({ doc, localOrigin }, id, layout, { x: world.x + offset.x, y: world.y + offset.y });
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
          addRelationship(session, id, target);
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
      const { editable, session } = latest.current;
      const container = document.querySelector<HTMLElement>('.canvas');
      if (container) container.style.cursor = id === null ? '' : !editable ? 'pointer' : lockedFor(session, 'stakeholder-map', id) ? 'not-allowed' : 'grab';
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
function DragLayer({ model, camera, editable }: { model: MapModel; camera: ValueStore<Camera>; editable: boolean }) {
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
    if (draggedEdges.length) parts.push(<Edges key="edges" edges={draggedEdges} colour="#2563eb" />);
    const placement = placements.get(drag.id);
    if (drag.source === 'map' && placement) {
      const card = cardProps(model, drag.id, { ...placement, x: drag.x, y: drag.y }, camera.get().zoom, editable);
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
  const mounted = useShownOnce(parts.length > 0);
  if (!mounted) return null;
  return (
    <Layer listening={false} name="stakeholder-drag" visible={parts.length > 0}>
      {parts}
    </Layer>
  );
}
