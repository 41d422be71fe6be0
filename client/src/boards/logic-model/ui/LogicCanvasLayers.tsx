import { pathwayHighlight, type LogicTemplate } from '@pc/shared';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Arrow, Rect } from 'react-konva';
import { LazyHitLayer, type LazyHitKonvaLayer } from '../../../canvas/hitLayers';
import type Konva from 'konva';
import type { BoardCanvasLayersProps } from '../../types';
import { startPan } from '../../../canvas/pan';
import { eventWorld, stagePointerWorld, trackPointer } from '../../../canvas/pointer';
import { boardShortcuts, useShortcuts } from '../../../canvas/useShortcuts';
import { useHitsPausedWhileMoving } from '../../../canvas/useCameraMoving';
import { useKeepInPlace } from '../../../canvas/useKeepInPlace';
import { logicAnchors } from '../model/anchors';
import { cardAt, dropTarget, type BoardLayout, type ColumnBox, type DropTarget } from '../model/columnLayout';
import { removeDanglingLinks } from '../docRepair';
import { addCard, addLink, moveCard, removeCard, removeLink } from './actions';
import { cardIndex, linkIndex, type BoardScene } from './boardPainter';
import { CardsAndLinks, type DragOffset, type SceneHandlers } from './CardsAndLinks';
import { ColumnBackground, LinkHandle } from './ColumnBackground';
import { logicModelStore, useLogicModel, useLogicUi, useRoutes, type LogicModelSnapshot } from './store';
import { type Point } from '../../../lib/geometry';
import { lockedFor, tabLockedFor, sayLocked } from '../../../collab/locks';
import { cardHeld } from './lockGuard';

interface LinkDraft {
  from: string;
  to: Point;
  over: string | null;
}

/** The logic model on the canvas: columns and lanes, causal links, cards and their link handles. */
// Memoised: the shell hands over a new element on each of its renders with the same props.
export const LogicCanvasLayers = memo(function LogicCanvasLayers(props: BoardCanvasLayersProps) {
  const model = useLogicModel(props.session);
  if (!model.layout || !model.shownTemplate) return null;
  return <LogicBoardLayers {...props} model={model} layout={model.layout} template={model.shownTemplate} />;
});

function LogicBoardLayers({ session, editable, camera, model, layout, template }: BoardCanvasLayersProps & { model: LogicModelSnapshot; layout: BoardLayout; template: LogicTemplate }) {
  const [ui] = useLogicUi(session);
  const routes = useRoutes(session);
  const store = logicModelStore(session);
  const [hovered, setHovered] = useState<string | null>(null);
  const [dragging, setDragging] = useState<{ id: string; target: DropTarget | null } | null>(null);
  const [draft, setDraft] = useState<LinkDraft | null>(null);
  const layerRef = useRef<LazyHitKonvaLayer>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const pointerWorld = (): Point | null => stagePointerWorld(layerRef.current?.getStage(), camera);
  // A card above grows, a column comes in with a template change: the card under a resting pointer stays there.
  useKeepInPlace({ camera, layout, source: logicAnchors, container: () => layerRef.current?.getStage()?.container() ?? null });

  const dragOffset = useRef<DragOffset | null>(null);
  const toWorld = (e: PointerEvent): Point | null => {
    const container = layerRef.current?.getStage()?.container();
    return container ? eventWorld(container, e, camera) : null;
  };
  const toWorldRef = useRef(toWorld);
  toWorldRef.current = toWorld;

  const handlers = useMemo<SceneHandlers>(() => {
    const select = (id: string) => store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null }));
    return {
      cardDown: (id, down, start) => {
        select(id);
        // A locked card stays put; the canvas says why if the pointer moves on.
        if (!editable || store.ui.get().editingId === id || lockedFor(session, 'logic-model', id)) return;
        // The card follows the pointer from its first move, as a Konva drag did; the layout places it on release.
        const { pointerId } = down;
        let started = false;
        const move = (e: PointerEvent) => {
          const world = toWorldRef.current(e);
          if (!world || (!started && world.x === start.x && world.y === start.y)) return;
          if (!started) {
            started = true;
            session.stopCapturing();
          }
          dragOffset.current = { id, dx: world.x - start.x, dy: world.y - start.y };
          layerRef.current?.batchDraw();
          const target = dropTarget(layoutRef.current, world, id);
          setDragging((d) => (d && d.id === id && sameTarget(d.target, target) ? d : { id, target }));
        };
        const end = (e: PointerEvent, cancelled: boolean) => {
          if (!started) return;
          const world = cancelled ? null : toWorldRef.current(e);
          const current = layoutRef.current;
          const target = world ? dropTarget(current, world, id) : null;
          dragOffset.current = null;
          setDragging(null);
          layerRef.current?.batchDraw();
          if (target) moveCard(session, current, id, target);
        };
        trackPointer(pointerId, { move, end });
      },
      cardEdit: (id) => {
        if (!editable || cardHeld(session, id)) return;
        store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null, editingId: id }));
      },
      hover: (id) => setHovered(id),
      linkDown: (id) => store.ui.set((s) => ({ ...s, selectedLinkId: id, selectedId: null })),
    };
  }, [store, editable, session]);

  // A link drawn to a card someone deleted at the same moment points at nothing: tidy it away.
  const dangling = model.graph.ignored.filter((i) => i.reason === 'missingEnd').length;
  useEffect(() => {
    if (editable && dangling > 0) removeDanglingLinks(session.doc);
  }, [editable, dangling, session]);

  const highlight = useMemo(() => (ui.selectedId ? pathwayHighlight(model.graph, ui.selectedId) : null), [model.graph, ui.selectedId]);

  // Keyboard on the canvas: Delete removes the selected card or link, Enter edits the card, Escape clears.
  useShortcuts([
    {
      group: 'Logic model',
      keys: 'Escape',
      description: 'Clear the selected card or link',
      onButtons: false,
      match: (e) => e.key === 'Escape' && (store.ui.get().selectedId !== null || store.ui.get().selectedLinkId !== null),
      run: () => store.ui.set((s) => ({ ...s, selectedId: null, selectedLinkId: null })),
    },
    {
      group: 'Logic model',
      keys: 'Delete',
      description: 'Remove the selected card or link',
      onButtons: false,
      match: (e) => (e.key === 'Delete' || e.key === 'Backspace') && editable && !store.ui.get().actionPlanOpen && (store.ui.get().selectedId !== null || store.ui.get().selectedLinkId !== null),
      run: (event) => {
        const state = store.ui.get();
        const target = state.selectedId ?? state.selectedLinkId;
        if (target && cardHeld(session, target)) {
          event.preventDefault();
          return;
        }
        if (state.selectedId) {
          event.preventDefault();
          removeCard(session, state.selectedId);
          store.ui.set((s) => ({ ...s, selectedId: null, editingId: null }));
        } else if (state.selectedLinkId) {
          event.preventDefault();
          removeLink(session, state.selectedLinkId);
          store.ui.set((s) => ({ ...s, selectedLinkId: null }));
        }
      },
    },
    {
      group: 'Logic model',
      keys: 'Enter',
      description: 'Edit the selected card',
      onButtons: false,
      match: (e) => e.key === 'Enter' && editable && store.ui.get().selectedId !== null && !store.ui.get().actionPlanOpen,
      run: (event) => {
        event.preventDefault();
        const id = store.ui.get().selectedId;
        if (id && cardHeld(session, id)) return;
        store.ui.set((s) => ({ ...s, editingId: s.selectedId }));
      },
    },
  ]);

  const panBackground = (event: Konva.KonvaEventObject<PointerEvent>) => {
    // Space+drag is the shell's pan (the press reaches the stage).
    if (event.evt.button !== 0 || boardShortcuts.spaceHeld.get()) return;
    store.ui.set((s) => (s.selectedId || s.selectedLinkId ? { ...s, selectedId: null, selectedLinkId: null } : s));
    startPan(camera, event.evt);
  };

  const addAt = (column: ColumnBox, world: Point | null) => {
    if (!editable) return;
    const tabLocked = tabLockedFor(session, 'logic-model');
    if (tabLocked) {
      sayLocked(session, tabLocked);
      return;
    }
    const target = world ? dropTarget(layout, world) : null;
    const node = addCard(session, layout, column.key, target && target.column === column.key ? target : null);
    store.ui.set((s) => ({ ...s, selectedId: node.id, selectedLinkId: null, editingId: node.id }));
  };

  // While a link is drawn and the layout changes under a resting pointer, its end and target follow the card now under it.
  const linkPointer = useRef<{ move(e: PointerEvent): void; event: PointerEvent } | null>(null);
  useEffect(() => {
    const drawing = linkPointer.current;
    if (drawing) drawing.move(drawing.event);
  }, [layout]);

  const startLink = (from: string, event: Konva.KonvaEventObject<PointerEvent>) => {
    if (!editable || event.evt.button !== 0) return;
    event.cancelBubble = true;
    const stage = event.target.getStage();
    const container = stage?.container();
    if (!container) return;
    const { pointerId } = event.evt;
    const toWorld = (e: PointerEvent): Point => eventWorld(container, e, camera);
    const initial = toWorld(event.evt);
    setDraft({ from, to: initial, over: null });
    const move = (e: PointerEvent) => {
      linkPointer.current = { move, event: e };
      const world = toWorld(e);
      const over = cardAt(layoutRef.current, world);
      setDraft({ from, to: world, over: over === from ? null : over });
    };
    const end = (e: PointerEvent, cancelled: boolean) => {
      linkPointer.current = null;
      setDraft(null);
      if (cancelled) return;
      const to = cardAt(layoutRef.current, toWorld(e));
      if (!to) return;
      const result = addLink(session, from, to);
      if (result.ok) store.ui.set((s) => ({ ...s, selectedId: null, selectedLinkId: result.id, notice: null }));
      else if (result.reason !== 'self') {
        store.ui.set((s) => ({ ...s, notice: result.reason === 'duplicate' ? 'Those cards are already linked that way.' : 'That card is no longer on the board.' }));
      }
    };
    trackPointer(pointerId, { move, end });
  };

  // Indexes over the boxes and routes, rebuilt only when those change; every frame queries them for the viewport.
  const cards = useMemo(() => cardIndex(layout), [layout]);
  const links = useMemo(() => linkIndex(model.links, model.graph, routes), [model.links, model.graph, routes]);
  const scene = useMemo<Omit<BoardScene, 'drag'>>(
    () => ({ layout, model, cards, links, selectedId: ui.selectedId, selectedLinkId: ui.selectedLinkId, editingId: ui.editingId, editable, highlight }),
    [layout, model, cards, links, ui.selectedId, ui.selectedLinkId, ui.editingId, editable, highlight],
  );
  // The hit canvas is left alone while the camera moves and redrawn once it rests: a pan frame draws the board once, not twice.
  useHitsPausedWhileMoving(camera, [layerRef], true);

  const handleFor = hovered ?? ui.selectedId;
  const draftFrom = draft ? layout.cards.get(draft.from) : undefined;
  const indicator = dragging?.target ? dropIndicator(layout, dragging.target) : null;

  return (
    <>
      {/* One layer (one canvas and its hit canvas) for the columns and the cards on them: the columns
          are a handful of shapes, cheaper to redraw with the cards than a second full-size canvas. */}
      <LazyHitLayer ref={layerRef}>
        {layout.columns.map((column) => (
          <ColumnBackground
            key={column.key}
            column={column}
            template={template}
            editable={editable}
            empty={(layout.cardsByColumn.get(column.key) ?? []).length === 0}
            onPointerDown={panBackground}
            onAdd={(world) => addAt(column, world)}
            pointerWorld={pointerWorld}
          />
        ))}
        <CardsAndLinks scene={scene} drag={dragOffset} handlers={handlers} />
        {indicator && <Rect {...indicator} fill="#2563eb" cornerRadius={2} listening={false} />}
        {editable && handleFor && !dragging && layout.cards.get(handleFor) && (
          <LinkHandle
            box={layout.cards.get(handleFor)!}
            onPointerDown={(event) => startLink(handleFor, event)}
            onHover={(inside) => setHovered(inside ? handleFor : null)}
          />
        )}
        {draft && draftFrom && (
          <>
            {draft.over && layout.cards.get(draft.over) && (
              <Rect {...outline(layout.cards.get(draft.over)!)} stroke="#2563eb" strokeWidth={2} dash={[6, 4]} cornerRadius={10} listening={false} />
            )}
            <Arrow
              points={[draftFrom.x + draftFrom.width, draftFrom.y + draftFrom.height / 2, draft.to.x, draft.to.y]}
              stroke="#2563eb"
              fill="#2563eb"
              strokeWidth={2}
              pointerLength={9}
              pointerWidth={9}
              dash={[6, 4]}
              listening={false}
            />
          </>
        )}
      </LazyHitLayer>
    </>
  );
}

function sameTarget(a: DropTarget | null, b: DropTarget | null): boolean {
  if (a === null || b === null) return a === b;
  return a.column === b.column && a.index === b.index;
}

function outline(box: { x: number; y: number; width: number; height: number }) {
  return { x: box.x - 4, y: box.y - 4, width: box.width + 8, height: box.height + 8 };
}

function dropIndicator(layout: BoardLayout, target: DropTarget) {
  const column = layout.columns.find((c) => c.key === target.column);
  if (!column) return null;
  const gap = layout.options.cardGap;
  const prev = target.previousNodeId ? layout.cards.get(target.previousNodeId) : undefined;
  const next = target.nextNodeId ? layout.cards.get(target.nextNodeId) : undefined;
  if (column.kind === 'lane') {
    const ref = prev ?? next;
    const x = prev ? prev.x + prev.width + gap / 2 - 1.5 : next ? next.x - gap / 2 - 1.5 : column.cardX;
    const y = ref ? ref.y : column.y + column.header.height + layout.options.padding;
    return { x, y, width: 3, height: ref ? ref.height : 40 };
  }
  const y = prev ? prev.y + prev.height + gap / 2 - 1.5 : next ? next.y - gap / 2 - 1.5 : column.y + column.header.height + 4;
  return { x: column.cardX, y, width: column.cardWidth, height: 3 };
}
