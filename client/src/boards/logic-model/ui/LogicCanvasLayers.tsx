import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Arrow, Circle, Group, Layer, Line, Path, Rect, Text } from 'react-konva';
import type Konva from 'konva';
import type { LogicLink } from '@pc/shared';
import type { BoardCanvasLayersProps } from '../../types';
import { screenToWorld } from '../../../canvas/camera';
import { cullToViewport } from '../../../canvas/culling';
import { rectsIntersect } from '../../../canvas/geometry';
import { decorationVisible, textReadable } from '../../../canvas/levelOfDetail';
import { useCullRegion } from '../../../canvas/useCullRegion';
import { cardAt, dropTarget, type BoardLayout, type ColumnBox, type DropTarget, type Point } from '../model/columnLayout';
import { classifyLink, pathwayHighlight } from '../model/graph';
import { routeBounds, routeEnd, routeMidpoint, routePath, type LinkRoute } from '../model/routing';
import { getTemplate, type LogicTemplate } from '../model/templates';
import { removeDanglingLinks } from '../docRepair';
import { addCard, addLink, moveCard, removeCard, removeLink } from './actions';
import { CARD, FONT_FAMILY } from './cardMetrics';
import { CARD_SHADOW_PX, LogicCard, type CardHandlers } from './LogicCard';
import { logicModelStore, useLogicModel, useLogicUi, useRoutes, type LogicModelSnapshot } from './store';
import { COLUMN_ACCENT, LINK_COLOUR } from './theme';

interface LinkDraft {
  from: string;
  to: Point;
  over: string | null;
}

/** The logic model on the canvas: columns and lanes, causal links, cards and their link handles. */
export function LogicCanvasLayers(props: BoardCanvasLayersProps) {
  const model = useLogicModel(props.session);
  if (!model.layout || !model.template) return null;
  return <LogicBoardLayers {...props} model={model} layout={model.layout} template={getTemplate(model.template)} />;
}

function LogicBoardLayers({ session, editable, camera, size, model, layout, template }: BoardCanvasLayersProps & { model: LogicModelSnapshot; layout: BoardLayout; template: LogicTemplate }) {
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
  const pointerWorldRef = useRef(pointerWorld);
  pointerWorldRef.current = pointerWorld;

  const handlers = useMemo<CardHandlers>(
    () => ({
      select: (id) => store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null })),
      edit: (id) => {
        if (!editable) return;
        store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null, editingId: id }));
      },
      hover: (id) => setHovered(id),
      dragStart: (id) => {
        session.stopCapturing();
        store.ui.set((s) => ({ ...s, selectedId: id, selectedLinkId: null }));
        setDragging({ id, target: null });
      },
      dragMove: (id) => {
        const world = pointerWorldRef.current();
        const target = world ? dropTarget(layoutRef.current, world, id) : null;
        setDragging((d) => (d && sameTarget(d.target, target) ? d : { id, target }));
      },
      dragEnd: (id, node) => {
        const world = pointerWorldRef.current();
        const current = layoutRef.current;
        const target = world ? dropTarget(current, world, id) : null;
        const home = current.cards.get(id);
        // Konva moved the node itself; put it back and let the new layout place it.
        if (home) node.position({ x: home.x, y: home.y });
        setDragging(null);
        if (target) moveCard(session, current, id, target);
      },
    }),
    [store, editable, session],
  );

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

  const selectLink = (id: string) => store.ui.set((s) => ({ ...s, selectedLinkId: id, selectedId: null }));

  // Only cards and links around the viewport are mounted; a pan re-culls when it leaves the region.
  const region = useCullRegion(camera, size);
  const showText = textReadable(CARD.fontSize, region.zoom);
  const showShadow = decorationVisible(CARD_SHADOW_PX, region.zoom);
  const draggingId = dragging?.id ?? null;
  const shownCards = useMemo(() => {
    const inView = cullToViewport([...layout.cards.values()], region.rect);
    // The card being dragged stays mounted wherever the view goes, or Konva would lose the drag.
    const dragged = draggingId ? layout.cards.get(draggingId) : undefined;
    return dragged && !inView.includes(dragged) ? [...inView, dragged] : inView;
  }, [layout, region, draggingId]);
  const linkBounds = useMemo(() => new Map([...routes].map(([id, route]) => [id, routeBounds(route.shape)])), [routes]);
  const shownLinks = useMemo(
    () => model.links.filter((link) => {
      const bounds = linkBounds.get(link.id);
      return bounds !== undefined && rectsIntersect(bounds, region.rect);
    }),
    [model.links, linkBounds, region],
  );

  const handleFor = hovered ?? ui.selectedId;
  const draftFrom = draft ? layout.cards.get(draft.from) : undefined;
  const indicator = dragging?.target ? dropIndicator(layout, dragging.target) : null;

  return (
    <>
      <Layer>
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
      <Layer ref={layerRef}>
        {shownLinks.map((link) => {
          const route = routes.get(link.id);
          if (!route || !model.graph.links.has(link.id)) return null;
          return (
            <LinkShape
              key={link.id}
              link={link}
              route={route}
              kind={classifyLink(model.graph, link)?.direction ?? 'forward'}
              highlighted={highlight?.linkIds.has(link.id) ?? false}
              dimmed={highlight !== null && !highlight.linkIds.has(link.id)}
              selected={ui.selectedLinkId === link.id}
              onSelect={selectLink}
            />
          );
        })}
        {shownCards.map((box) => {
          const node = model.nodesById.get(box.nodeId);
          if (!node) return null;
          const results = model.report.byNode.get(node.id) ?? [];
          return (
            <LogicCard
              key={node.id}
              node={node}
              box={box}
              lead={node.leadPartnerId ? (model.partnersById.get(node.leadPartnerId) ?? null) : null}
              severity={model.report.worstByNode.get(node.id) ?? null}
              checkCount={results.length}
              selected={ui.selectedId === node.id}
              dimmed={highlight !== null && !highlight.nodeIds.has(node.id)}
              editing={ui.editingId === node.id}
              draggable={editable && ui.editingId !== node.id}
              editable={editable}
              showText={showText}
              showShadow={showShadow}
              handlers={handlers}
            />
          );
        })}
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

interface ColumnBackgroundProps {
  column: ColumnBox;
  template: LogicTemplate;
  editable: boolean;
  empty: boolean;
  onPointerDown(event: Konva.KonvaEventObject<PointerEvent>): void;
  onAdd(world: Point | null): void;
  pointerWorld(): Point | null;
}

const ColumnBackground = memo(function ColumnBackground({ column, template, editable, empty, onPointerDown, onAdd, pointerWorld }: ColumnBackgroundProps) {
  const spec = template.columns.find((c) => c.key === column.key) ?? template.lanes.find((l) => l.key === column.key);
  const label = spec?.label ?? column.key;
  const prompt = spec?.prompt ?? '';
  const accent = COLUMN_ACCENT[column.key];
  const lane = column.kind === 'lane';
  const addX = column.x + column.width - 30;
  const addY = column.y + (lane ? 6 : 10);
  return (
    <Group>
      <Rect
        x={column.x}
        y={column.y}
        width={column.width}
        height={column.height}
        cornerRadius={12}
        fill={lane ? '#f7f5f0' : '#f3f6fa'}
        stroke="#e3e8ef"
        strokeWidth={1}
        strokeScaleEnabled={false}
        onPointerDown={onPointerDown}
        onDblClick={(event) => {
          event.cancelBubble = true;
          onAdd(pointerWorld());
        }}
        onDblTap={(event) => {
          event.cancelBubble = true;
          onAdd(pointerWorld());
        }}
        perfectDrawEnabled={false}
      />
      <Rect x={column.x + 12} y={column.y + column.header.height - 6} width={column.width - 24} height={2} fill={accent} opacity={0.55} listening={false} />
      <Text
        x={column.x + 14}
        y={column.y + (lane ? 11 : 12)}
        width={column.width - 56}
        text={label}
        fontSize={14}
        fontStyle="bold"
        fontFamily={FONT_FAMILY}
        fill="#0f172a"
        wrap="none"
        ellipsis
        listening={false}
      />
      {!lane && (
        <Text
          x={column.x + 14}
          y={column.y + 31}
          width={column.width - 28}
          height={27}
          text={prompt}
          fontSize={10.5}
          lineHeight={1.15}
          fontFamily={FONT_FAMILY}
          fill="#64748b"
          ellipsis
          listening={false}
        />
      )}
      {lane && (
        <Text x={column.x + 150} y={column.y + 12} width={column.width - 200} text={prompt} fontSize={11.5} fontFamily={FONT_FAMILY} fill="#78716c" wrap="none" ellipsis listening={false} />
      )}
      {empty && !lane && (
        <Text
          x={column.cardX + 6}
          y={column.header.y + column.header.height + 18}
          width={column.cardWidth - 12}
          text={editable ? `${prompt}\n\nDouble-click here or press + to add a card.` : prompt}
          fontSize={12}
          lineHeight={1.4}
          fontFamily={FONT_FAMILY}
          fill="#94a3b8"
          align="center"
          listening={false}
        />
      )}
      {empty && lane && editable && (
        <Text x={column.cardX + 4} y={column.y + column.header.height + 24} text="Double-click here or press + to add a card." fontSize={12} fontFamily={FONT_FAMILY} fill="#a8a29e" listening={false} />
      )}
      {editable && (
        <Group
          x={addX}
          y={addY}
          name="column-add"
          onPointerDown={(event) => {
            event.cancelBubble = true;
          }}
          onClick={(event) => {
            event.cancelBubble = true;
            onAdd(null);
          }}
          onTap={() => onAdd(null)}
          onMouseEnter={(event) => {
            const c = event.target.getStage()?.container();
            if (c) c.style.cursor = 'pointer';
          }}
          onMouseLeave={(event) => {
            const c = event.target.getStage()?.container();
            if (c) c.style.cursor = '';
          }}
        >
          <Rect width={22} height={22} cornerRadius={6} fill="#ffffff" stroke="#cbd5e1" strokeWidth={1} />
          <Line points={[11, 6, 11, 16]} stroke="#334155" strokeWidth={1.6} lineCap="round" listening={false} />
          <Line points={[6, 11, 16, 11]} stroke="#334155" strokeWidth={1.6} lineCap="round" listening={false} />
        </Group>
      )}
    </Group>
  );
});

interface LinkShapeProps {
  link: LogicLink;
  route: LinkRoute;
  kind: string;
  highlighted: boolean;
  dimmed: boolean;
  selected: boolean;
  onSelect(id: string): void;
}

const LinkShape = memo(function LinkShape({ link, route, kind, highlighted, dimmed, selected, onSelect }: LinkShapeProps) {
  const backward = kind === 'backward' || kind === 'self';
  const annotation = kind === 'annotation';
  const colour = selected ? LINK_COLOUR.selected : highlighted ? LINK_COLOUR.highlighted : backward ? LINK_COLOUR.backward : annotation ? LINK_COLOUR.annotation : LINK_COLOUR.normal;
  const width = selected ? 2.75 : highlighted ? 2.25 : 1.5;
  const { tip, angle } = routeEnd(route.shape);
  const size = 8;
  const back = { x: tip.x - Math.cos(angle) * size, y: tip.y - Math.sin(angle) * size };
  const normal = { x: -Math.sin(angle) * (size / 2), y: Math.cos(angle) * (size / 2) };
  const mid = link.rationale.trim() ? routeMidpoint(route.shape) : null;
  return (
    <Group opacity={dimmed ? 0.18 : 1} name="logic-link" id={`link-${link.id}`}>
      <Path
        data={routePath(route.shape)}
        stroke={colour}
        strokeWidth={width}
        dash={backward ? [7, 5] : annotation ? [3, 4] : undefined}
        hitStrokeWidth={12}
        lineCap="round"
        lineJoin="round"
        onPointerDown={(event) => {
          if (event.evt.button !== 0) return;
          event.cancelBubble = true;
          onSelect(link.id);
        }}
        perfectDrawEnabled={false}
      />
      <Line
        points={[tip.x, tip.y, back.x + normal.x, back.y + normal.y, back.x - normal.x, back.y - normal.y]}
        closed
        fill={colour}
        listening={false}
        perfectDrawEnabled={false}
      />
      {mid && (
        <Group x={mid.x} y={mid.y} listening={false}>
          <Circle radius={7} fill="#ffffff" stroke={colour} strokeWidth={1.25} />
          <Text x={-7} y={-5} width={14} align="center" text="i" fontSize={10} fontStyle="bold" fontFamily={FONT_FAMILY} fill={colour} />
        </Group>
      )}
    </Group>
  );
});

function LinkHandle({ box, onPointerDown, onHover }: { box: { x: number; y: number; width: number; height: number }; onPointerDown(e: Konva.KonvaEventObject<PointerEvent>): void; onHover(inside: boolean): void }) {
  const [over, setOver] = useState(false);
  return (
    <Group
      x={box.x + box.width}
      y={box.y + box.height / 2}
      name="link-handle"
      onPointerDown={onPointerDown}
      onMouseEnter={(event) => {
        setOver(true);
        onHover(true);
        const c = event.target.getStage()?.container();
        if (c) c.style.cursor = 'crosshair';
      }}
      onMouseLeave={(event) => {
        setOver(false);
        onHover(false);
        const c = event.target.getStage()?.container();
        if (c) c.style.cursor = '';
      }}
    >
      <Circle radius={14} fill="transparent" />
      <Circle radius={over ? 8 : 6.5} fill={over ? '#2563eb' : '#ffffff'} stroke="#2563eb" strokeWidth={1.75} />
      <Line points={[-2.5, 0, 2.5, 0]} stroke={over ? '#ffffff' : '#2563eb'} strokeWidth={1.5} lineCap="round" listening={false} />
    </Group>
  );
}
