import { pathwayHighlight, type LogicTemplate } from '@pc/shared';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Arrow, Layer, Rect } from 'react-konva';
import type Konva from 'konva';
import type { BoardCanvasLayersProps } from '../../types';
import { screenToWorld } from '../../../canvas/camera';
import { useCameraMoving } from '../../../canvas/useCameraMoving';
import { cardAt, dropTarget, type BoardLayout, type ColumnBox, type DropTarget, type Point } from '../model/columnLayout';
import { removeDanglingLinks } from '../docRepair';
import { addCard, addLink, moveCard, removeCard, removeLink } from './actions';
import { cardIndex, linkIndex, type BoardScene } from './boardPainter';
import { CardsAndLinks, type DragOffset, type SceneHandlers } from './CardsAndLinks';
import { ColumnBackground, LinkHandle } from './ColumnBackground';
import { logicModelStore, useLogicModel, useLogicUi, useRoutes, type LogicModelSnapshot } from './store';

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
  const layerRef = useRef<Konva.Layer>(null);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const spaceHeld = useSpaceHeld();

  const pointerWorld = (): Point | null => {
    const pointer = layerRef.current?.getStage()?.getPointerPosition();
    return pointer ? screenToWorld(camera.get(), pointer) : null;
  };

  const dragOffset = useRef<DragOffset | null>(null);
  const toWorld = (e: PointerEvent): Point | null => {
    const container = layerRef.current?.getStage()?.container();
    if (!container) return null;
    const rect = container.getBoundingClientRect();
    return screenToWorld(camera.get(), { x: e.clientX - rect.left, y: e.clientY - rect.top });
  };
  const toWorldRef = useRef(toWorld);
  toWorldRef.current = toWorld;

  const handlers = useMemo<SceneHandlers>(() => {
    const select = (id: string) => store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null }));
    return {
      cardDown: (id, down, start) => {
        select(id);
        if (!editable || store.ui.get().editingId === id) return;
        // The card follows the pointer from its first move, as a Konva drag did; the layout places it on release.
        const { pointerId } = down;
        let started = false;
        const move = (e: PointerEvent) => {
          if (e.pointerId !== pointerId) return;
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
        const end = (e: PointerEvent) => {
          if (e.pointerId !== pointerId) return;
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', end);
          window.removeEventListener('pointercancel', end);
          if (!started) return;
          const world = e.type === 'pointercancel' ? null : toWorldRef.current(e);
          const current = layoutRef.current;
          const target = world ? dropTarget(current, world, id) : null;
          dragOffset.current = null;
          setDragging(null);
          layerRef.current?.batchDraw();
          if (target) moveCard(session, current, id, target);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', end);
        window.addEventListener('pointercancel', end);
      },
      cardEdit: (id) => {
        if (!editable) return;
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

  // Keyboard on the canvas: Delete removes the selected card, Enter edits it, Escape clears.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)))) return;
      const state = store.ui.get();
      if (event.key === 'Escape' && (state.selectedId || state.selectedLinkId)) {
        store.ui.set((s) => ({ ...s, selectedId: null, selectedLinkId: null }));
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && editable && !state.actionPlanOpen) {
        if (state.selectedId) {
          event.preventDefault();
          removeCard(session, state.selectedId);
          store.ui.set((s) => ({ ...s, selectedId: null, editingId: null }));
        } else if (state.selectedLinkId) {
          event.preventDefault();
          removeLink(session, state.selectedLinkId);
          store.ui.set((s) => ({ ...s, selectedLinkId: null }));
        }
      } else if (event.key === 'Enter' && editable && state.selectedId && !state.actionPlanOpen) {
        event.preventDefault();
        store.ui.set((s) => ({ ...s, editingId: s.selectedId }));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, editable, session]);

  const startPan = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const { button, clientX, clientY, pointerId } = event.evt;
    if (button !== 0 || spaceHeld.current) return;
    store.ui.set((s) => (s.selectedId || s.selectedLinkId ? { ...s, selectedId: null, selectedLinkId: null } : s));
    const start = camera.get();
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      camera.set({ ...start, x: start.x + e.clientX - clientX, y: start.y + e.clientY - clientY });
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };

  const addAt = (column: ColumnBox, world: Point | null) => {
    if (!editable) return;
    const target = world ? dropTarget(layout, world) : null;
    const node = addCard(session, layout, column.key, target && target.column === column.key ? target : null);
    store.ui.set((s) => ({ ...s, selectedId: node.id, selectedLinkId: null, editingId: node.id }));
  };

  const startLink = (from: string, event: Konva.KonvaEventObject<PointerEvent>) => {
    if (!editable || event.evt.button !== 0) return;
    event.cancelBubble = true;
    const stage = event.target.getStage();
    const container = stage?.container();
    if (!container) return;
    const { pointerId } = event.evt;
    const toWorld = (e: PointerEvent): Point => {
      const rect = container.getBoundingClientRect();
      return screenToWorld(camera.get(), { x: e.clientX - rect.left, y: e.clientY - rect.top });
    };
    const initial = toWorld(event.evt);
    setDraft({ from, to: initial, over: null });
    const move = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      const world = toWorld(e);
      const over = cardAt(layoutRef.current, world);
      setDraft({ from, to: world, over: over === from ? null : over });
    };
    const end = (e: PointerEvent) => {
      if (e.pointerId !== pointerId) return;
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      setDraft(null);
      if (e.type === 'pointercancel') return;
      const to = cardAt(layoutRef.current, toWorld(e));
      if (!to) return;
      const result = addLink(session, from, to);
      if (result.ok) store.ui.set((s) => ({ ...s, selectedId: null, selectedLinkId: result.id, notice: null }));
      else if (result.reason !== 'self') {
        store.ui.set((s) => ({ ...s, notice: result.reason === 'duplicate' ? 'Those cards are already linked that way.' : 'That card is no longer on the board.' }));
      }
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
  };

  // Indexes over the boxes and routes, rebuilt only when those change; every frame queries them for the viewport.
  const cards = useMemo(() => cardIndex(layout), [layout]);
  const links = useMemo(() => linkIndex(model.links, model.graph, routes), [model.links, model.graph, routes]);
  const scene = useMemo<Omit<BoardScene, 'drag'>>(
    () => ({ layout, model, cards, links, selectedId: ui.selectedId, selectedLinkId: ui.selectedLinkId, editingId: ui.editingId, editable, highlight }),
    [layout, model, cards, links, ui.selectedId, ui.selectedLinkId, ui.editingId, editable, highlight],
  );
  // The hit canvas is left alone while the camera moves and redrawn once it rests: a pan frame draws the board once, not twice.
  const moving = useCameraMoving(camera, true);

  const handleFor = hovered ?? ui.selectedId;
  const draftFrom = draft ? layout.cards.get(draft.from) : undefined;
  const indicator = dragging?.target ? dropIndicator(layout, dragging.target) : null;

  return (
    <>
      <Layer listening={!moving}>
        {layout.columns.map((column) => (
          <ColumnBackground
            key={column.key}
            column={column}
            template={template}
            editable={editable}
            empty={(layout.cardsByColumn.get(column.key) ?? []).length === 0}
            onPointerDown={startPan}
            onAdd={(world) => addAt(column, world)}
            pointerWorld={pointerWorld}
          />
        ))}
      </Layer>
      <Layer ref={layerRef} listening={!moving}>
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
      </Layer>
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

function useSpaceHeld() {
  const held = useRef(false);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === 'Space') held.current = true;
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === 'Space') held.current = false;
    };
    const blur = () => (held.current = false);
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
    };
  }, []);
  return held;
}

