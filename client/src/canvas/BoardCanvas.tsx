import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { Group, Rect as KonvaRect, Stage } from 'react-konva';
import { LazyHitLayer, type LazyHitKonvaLayer } from './hitLayers';
import type Konva from 'konva';
import type { BoardView, CanvasItem } from '@pc/shared';
import { useValue, useValueBy } from '../lib/hooks';
import type { Peer } from '../collab/presence';
import type { ValueStore } from '../lib/valueStore';
import { panBy, screenToWorld, wheelZoomFactor, zoomBy, type Camera } from './camera';
import { startPan } from './pan';
import { eventWorld, stagePointer, stagePointerWorld, trackPointer, watchLockedDrag } from './pointer';
import { LOCKED_LABEL } from '../collab/locks';
import { boardShortcuts } from './useShortcuts';
import { topItemAt } from './items';
import { NoteBatch } from './NoteBatch';
import { splitNoteLayer } from './noteLayer';
import { cullToViewport } from './spatialIndex';
import { decorationVisible, textReadable } from '../lib/theme';
import { Cursors } from './Cursors';
import { DOT_GRID_IMAGE, dotGridStyle, dotGridTile } from './grid';
import { pointerOn, type Point, type Rect, type Size } from '../lib/geometry';
import { pinchCamera } from './pinch';
import { boxBetween } from './selection';
import { NOTE_FONT_SIZE, NOTE_SHADOW_PX, StickyNote, type NoteHandlers } from './StickyNote';
import { planCapture, type CapturePlan } from './capture';
import { useHitsPausedWhileMoving } from './useCameraMoving';
import type { CanvasFocus } from './useCanvasFocus';
import { useShownOnce } from './useShownOnce';
import { useCullRegion } from './useCullRegion';

/** Share of a viewport mounted beyond each edge, so a pan re-culls only now and then. */
const CULL_MARGIN_RATIO = 0.15;
/**
 * From this many mounted notes, their hit graph (what pointer events test against,
 * redrawn with every frame) is left alone while the camera moves and redrawn once
 * it rests: a pan over thousands of notes then draws each note once a frame, not twice.
 */
const HIT_PAUSE_FROM_NOTES = 300;
/** How far (screen px) a press on a batched note must travel before it becomes a drag. */
const GRAB_DRAG_PX = 3;

export interface CanvasActions {
  /** A press on an item: `additive` when shift is held (toggle). Null: a click on empty canvas. */
  select(id: string | null, additive?: boolean): void;
  /** A box dragged with shift on empty canvas, in world coordinates; `done` on release. */
  boxSelect?(box: Rect, done: boolean): void;
  edit(id: string): void;
  createAt(world: Point): void;
  dragStart(id: string): void;
  dragMove(id: string, to: Point): void;
  dragEnd(id: string, to: Point): void;
  pointer(world: Point | null): void;
  cameraMoved(): void;
  resize(size: Size): void;
  /**
   * Why what is at a world point may not be moved now (a facilitator's lock),
   * or null. Set only while some lock is: the canvas then shows a not-allowed
   * cursor over it, and a press there that moves says why through `refuse`.
   */
  lockedAt?(world: Point): string | null;
  /** The same for one free item, by id. */
  locked?(id: string): string | null;
  refuse?(message: string): void;
}

/** A PNG of the board as drawn, without what only this screen shows (dot grid, selection, cursors). */
export interface CanvasPicture extends CapturePlan {
  dataUrl: string;
}

export interface CanvasCapture {
  /** What the canvas shows now, at `scale` times its screen pixels. */
  visible(scale: number): Promise<CanvasPicture>;
  /** A world rectangle at zoom 1 (so every label is drawn), at `scale` pixels per world unit. */
  region(rect: Rect, scale: number): Promise<CanvasPicture>;
}

/** Konva node name of what a picture leaves out: layers and shapes that only help on screen. */
export const SCREEN_ONLY = 'screen-only';

const NOTHING_SELECTED: ReadonlySet<string> = new Set();

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

interface BoardCanvasProps {
  /** The tab's sticky notes, in z-order: drawn here, batched. */
  items: readonly CanvasItem[];
  /** The free item a double-click at a world point edits (any kind), if any. */
  editableAt?(world: Point): string | null;
  view: BoardView;
  camera: ValueStore<Camera>;
  peers: ValueStore<Peer[]>;
  editable: boolean;
  selectedIds: ReadonlySet<string>;
  editingId: string | null;
  actions: CanvasActions;
  label: string;
  /** The board's structured content (Konva layers), drawn between the grid and the notes. */
  layers?(size: Size): ReactNode;
  /**
   * Free content (Konva groups, not layers) drawn in the notes' layer under the notes (frames)
   * and in the top layer over them (text, connectors, selection handles); `underShown` /
   * `overShown` say whether they draw anything, so an empty layer is not composited each frame.
   */
  under?: ReactNode;
  over?: ReactNode;
  underShown?: boolean;
  overShown?: boolean;
  /**
   * Drawn over everything, on screen only (left out of pictures), in the top
   * layer with the cursors: a comparison's marks. Shapes, not layers; they read
   * the camera as they draw (camera frames re-render no React component).
   */
  screenOverlay?(camera: ValueStore<Camera>, size: Size): ReactNode;
  /** Filled with the canvas's picture export while it is mounted. */
  capture?: { current: CanvasCapture | null };
  children?: ReactNode;
  /** Keyboard focus over the canvas's items: the canvas element's focus props, the ring round the focused item and the live announcement. */
  focus?: CanvasFocus;
  /** The canvas element's id (the skip link's target). */
  id?: string;
}

/**
 * The Konva stage: pan (drag empty canvas, space+drag, middle button, wheel),
 * zoom (ctrl/cmd+wheel, pinch) around the pointer, dot grid, culled items and
 * other people's cursors. Layers that never take input are `listening={false}`.
 */
export function BoardCanvas({ items, editableAt, view, camera: cameraStore, peers, editable, selectedIds: chosenIds, editingId, actions, label, layers, under, over, underShown = false, overShown = false, screenOverlay, capture, children, focus, id }: BoardCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<Konva.Stage>(null);
  const [screenSize, setSize] = useState<Size>({ width: 0, height: 0 });
  // While a whole-tab picture is drawn, the stage takes the content's size (it overflows the hidden container).
  const [captureSize, setCaptureSize] = useState<Size | null>(null);
  const size = captureSize ?? screenSize;
  const [capturing, setCapturing] = useState(false);
  const selectedIds = capturing ? NOTHING_SELECTED : chosenIds;
  const spaceHeld = useValue(boardShortcuts.spaceHeld);
  const [panning, setPanning] = useState(false);
  const [hovering, setHovering] = useState(false);
  const [overLocked, setOverLocked] = useState(false);
  const actionsRef = useRef(actions);
  actionsRef.current = actions;

  // Measured as the element mounts, before the browser paints: the stage and its layers mount in the same
  // frame as the rest of the page (a ResizeObserver alone answers after that frame, so a large board would
  // lay out and paint the whole page once without its canvas). The observer follows later changes.
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    let last: Size = { width: 0, height: 0 };
    const resize = (next: Size) => {
      if (next.width === last.width && next.height === last.height) return;
      last = next;
      setSize(next);
      actionsRef.current.resize(next);
    };
    resize({ width: element.clientWidth, height: element.clientHeight });
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      resize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Wheel: native listener, because React's is passive and cannot stop the browser's own page zoom.
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const pointer = pointerOn(element, event);
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? rect.height : 1;
      if (event.ctrlKey || event.metaKey) {
        cameraStore.set((c) => zoomBy(c, pointer, wheelZoomFactor(event.deltaY * unit)));
      } else if (event.shiftKey && event.deltaX === 0) {
        cameraStore.set((c) => panBy(c, -event.deltaY * unit, 0));
      } else {
        cameraStore.set((c) => panBy(c, -event.deltaX * unit, -event.deltaY * unit));
      }
      actionsRef.current.cameraMoved();
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [cameraStore]);

  const stopPan = useRef<(() => void) | null>(null);
  const panFrom = useCallback(
    (down: { clientX: number; clientY: number; pointerId: number }) => {
      setPanning(true);
      stopPan.current = startPan(cameraStore, down, {
        moved: () => actionsRef.current.cameraMoved(),
        end: () => {
          stopPan.current = null;
          setPanning(false);
        },
      });
    },
    [cameraStore],
  );

  // Two fingers: pinch zooms at their midpoint and a two-finger drag pans. The
  // first finger's pan (or box) stops when the second comes down.
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ a: number; b: number; startA: Point; startB: Point; camera: Camera } | null>(null);
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const local = (e: PointerEvent): Point => pointerOn(element, e);
    const down = (e: PointerEvent) => {
      if (e.pointerType !== 'touch') return;
      touches.current.set(e.pointerId, local(e));
      if (touches.current.size === 2 && !pinch.current) {
        const [[a, startA], [b, startB]] = [...touches.current.entries()] as [[number, Point], [number, Point]];
        stopPan.current?.();
        stopPan.current = null;
        setPanning(false);
        stopBox.current?.();
        pinch.current = { a, b, startA, startB, camera: cameraStore.get() };
      }
    };
    const move = (e: PointerEvent) => {
      if (!touches.current.has(e.pointerId)) return;
      touches.current.set(e.pointerId, local(e));
      const p = pinch.current;
      if (!p) return;
      const nowA = touches.current.get(p.a);
      const nowB = touches.current.get(p.b);
      if (!nowA || !nowB) return;
      cameraStore.set(pinchCamera(p.camera, p.startA, p.startB, nowA, nowB));
      actionsRef.current.cameraMoved();
    };
    const up = (e: PointerEvent) => {
      touches.current.delete(e.pointerId);
      if (pinch.current && (e.pointerId === pinch.current.a || e.pointerId === pinch.current.b)) pinch.current = null;
    };
    element.addEventListener('pointerdown', down, { capture: true });
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', up);
    return () => {
      element.removeEventListener('pointerdown', down, { capture: true });
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', up);
    };
  }, [cameraStore]);

  // Shift+drag on empty canvas draws a selection box (a plain drag pans, as ever).
  const stopBox = useRef<(() => void) | null>(null);
  const boxFrom = (down: PointerEvent) => {
    const element = containerRef.current;
    if (!element || !actionsRef.current.boxSelect) return;
    const start = eventWorld(element, down, cameraStore);
    const boxTo = (e: PointerEvent) => boxBetween(start, eventWorld(element, e, cameraStore));
    const stop = trackPointer(down.pointerId, {
      move: (e) => actionsRef.current.boxSelect?.(boxTo(e), false),
      end: (e, cancelled) => {
        stopBox.current = null;
        actionsRef.current.boxSelect?.(cancelled ? { x: start.x, y: start.y, width: 0, height: 0 } : boxTo(e), true);
      },
    });
    stopBox.current = () => {
      stop();
      stopBox.current = null;
      actionsRef.current.boxSelect?.({ x: start.x, y: start.y, width: 0, height: 0 }, true);
    };
  };

  const onStagePointerDown = (event: Konva.KonvaEventObject<PointerEvent>) => {
    const stage = event.target.getStage();
    const onEmpty = event.target === stage;
    const { button, clientX, clientY, pointerId } = event.evt;
    if (touches.current.size > 1) return;
    if (button === 0 && onEmpty && event.evt.shiftKey && !spaceHeld && actions.boxSelect) {
      boxFrom(event.evt);
      return;
    }
    if (button === 1 || (button === 0 && (spaceHeld || onEmpty))) {
      if (onEmpty && button === 0 && !spaceHeld) actions.select(null);
      panFrom({ clientX, clientY, pointerId });
    }
  };

  const onStageDoubleTap = (event: Konva.KonvaEventObject<TouchEvent>) => {
    const stage = event.target.getStage();
    if (!editable || event.target !== stage) return;
    const world = stagePointerWorld(stage, cameraStore);
    if (world) actions.createAt(world);
  };

  // Double-click from the DOM, not Konva: Konva pairs the two clicks by the shape
  // they hit, and the first click turns a batched note into a node of its own.
  const onDoubleClick = (event: ReactMouseEvent<HTMLDivElement>) => {
    const stage = stageRef.current;
    // Only the canvas itself: not the overlays and editors laid over it.
    if (!stage || !(event.target instanceof Node) || !stage.content.contains(event.target)) return;
    stage.setPointersPositions(event.nativeEvent);
    const pointer = stagePointer(stage);
    if (!pointer) return;
    const world = screenToWorld(cameraStore.get(), pointer);
    const hit = editableAt ? editableAt(world) : (topItemAt(visible, world.x, world.y)?.id ?? null);
    if (hit) actions.edit(hit);
    else if (editable && !stage.getIntersection(pointer)) actions.createAt(world);
  };

  const noteHandlers = useMemo<NoteHandlers>(
    () => ({
      select: (id, additive) => actionsRef.current.select(id, additive),
      edit: (id) => actionsRef.current.edit(id),
      dragStart: (id) => actionsRef.current.dragStart(id),
      dragMove: (id, to) => actionsRef.current.dragMove(id, to),
      dragEnd: (id, to) => actionsRef.current.dragEnd(id, to),
      hover: (id) => setHovering(id !== null),
      grab: (id, event) => {
        actionsRef.current.select(id, event.shiftKey);
        const { pointerId, clientX: x, clientY: y } = event;
        const stop = trackPointer(pointerId, {
          move: (e) => {
            if (Math.max(Math.abs(e.clientX - x), Math.abs(e.clientY - y)) < GRAB_DRAG_PX) return;
            stop();
            const node = stageRef.current?.findOne((n: Konva.Node) => n.name() === 'note' && n.id() === id);
            if (!node?.draggable() || actionsRef.current.locked?.(id)) return;
            // Catch up with the pointer, so Konva follows it from here as if the press had started on the node.
            const at = node.absolutePosition();
            node.absolutePosition({ x: at.x + e.clientX - x, y: at.y + e.clientY - y });
            node.startDrag();
          },
        });
      },
    }),
    [],
  );

  // Culled to a region around the viewport that pans re-use: camera frames move the
  // stage and leave the notes (and the board's own layers) alone in React.
  const region = useCullRegion(cameraStore, size, CULL_MARGIN_RATIO);
  const visible = useMemo(() => (size.width === 0 ? [] : cullToViewport(items, region.rect)), [items, region, size]);
  const showText = textReadable(NOTE_FONT_SIZE, region.zoom);
  const showShadow = decorationVisible(NOTE_SHADOW_PX, region.zoom);
  const notesLayerRef = useRef<LazyHitKonvaLayer>(null);
  useHitsPausedWhileMoving(cameraStore, [notesLayerRef], visible.length >= HIT_PAUSE_FROM_NOTES);
  const parts = useMemo(() => splitNoteLayer(visible, editingId === null ? selectedIds : new Set([...selectedIds, editingId])), [visible, selectedIds, editingId]);
  // Other people (the list includes me): their cursors' group is drawn only while there are some.
  const peerCount = useValueBy(peers, (all) => String(all.filter((peer) => !peer.isSelf).length)).filter((peer) => !peer.isSelf).length;
  // A board with no notes (yet) never sizes the notes layer's two canvases.
  const notesVisible = visible.length > 0 || underShown;
  const notesMounted = useShownOnce(notesVisible || items.length > 0);
  const overVisible = overShown || peerCount > 0 || Boolean(screenOverlay) || Boolean(focus?.ring);
  const overMounted = useShownOnce(overVisible, true);
  // Only the focus ring's width follows the zoom in React; pans re-render nothing.
  const zoom = useValueBy(cameraStore, (camera) => (focus?.ring ? String(camera.zoom) : '')).zoom;
  const boardLayers = useMemo(() => (size.width === 0 ? null : layers?.(size)), [layers, size]);

  // Camera frames never re-render React: the stage's transform (and the camera the
  // tests and benchmarks read) follow the store directly; Konva redraws the layers.
  const mounted = size.width > 0;
  useLayoutEffect(() => {
    const stage = stageRef.current;
    const element = containerRef.current;
    if (!mounted || !stage || !element) return;
    element.style.backgroundImage = DOT_GRID_IMAGE;
    const apply = () => {
      const camera = cameraStore.get();
      stage.setAttrs({ x: camera.x, y: camera.y, scaleX: camera.zoom, scaleY: camera.zoom });
      Object.assign(element.style, dotGridStyle(dotGridTile(camera)));
      element.dataset.camera = `${camera.x.toFixed(1)},${camera.y.toFixed(1)},${camera.zoom.toFixed(4)}`;
    };
    apply();
    return cameraStore.subscribe(apply);
  }, [cameraStore, mounted]);

  const cursor = panning ? 'grabbing' : spaceHeld ? 'grab' : overLocked && editable ? 'not-allowed' : hovering && editable ? 'move' : 'default';
  const lockedAt = actions.lockedAt;
  useEffect(() => {
    if (!lockedAt) setOverLocked(false);
  }, [lockedAt]);

  useEffect(() => {
    if (!capture) return;
    /** Draw the stage as it is now into a PNG, screen-only layers left out. Synchronous. */
    const drawNow = (scale: number): CanvasPicture => {
      const stage = stageRef.current;
      if (!stage) throw new Error('The canvas is not ready yet');
      const hidden = stage.find(`.${SCREEN_ONLY}`).filter((node) => node.visible());
      hidden.forEach((node) => node.hide());
      try {
        const plan = planCapture(stage.width(), stage.height(), scale);
        const drawn = stage.toCanvas({ pixelRatio: plan.pixelRatio });
        // On white, as the board looks: a transparent PNG turns black in some slide tools.
        const out = document.createElement('canvas');
        out.width = plan.width;
        out.height = plan.height;
        const context = out.getContext('2d')!;
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, out.width, out.height);
        context.drawImage(drawn, 0, 0, out.width, out.height);
        return { ...plan, dataUrl: out.toDataURL('image/png') };
      } finally {
        hidden.forEach((node) => node.show());
      }
    };
    /**
     * Render the canvas for a picture, draw it and put everything back, all in
     * one task: React commits each state synchronously (`flushSync`) and Konva
     * draws the picture on its own canvas, so the browser never paints a frame
     * of the picture's camera, size or hidden selection.
     */
    const drawAs = (state: { size: Size | null; camera: Camera | null }, scale: number): CanvasPicture => {
      const before = cameraStore.get();
      try {
        flushSync(() => {
          setCapturing(true);
          if (state.size) setCaptureSize(state.size);
          if (state.camera) cameraStore.set(state.camera);
        });
        return drawNow(scale);
      } finally {
        flushSync(() => {
          if (state.camera) cameraStore.set(before);
          setCaptureSize(null);
          setCapturing(false);
        });
      }
    };
    capture.current = {
      async visible(scale) {
        // Text laid out off the render path is in place after a frame.
        await nextFrame();
        return drawAs({ size: null, camera: null }, scale);
      },
      async region(rect, scale) {
        await nextFrame();
        return drawAs({ size: { width: Math.ceil(rect.width), height: Math.ceil(rect.height) }, camera: { x: -rect.x, y: -rect.y, zoom: 1 } }, scale);
      },
    };
    return () => {
      capture.current = null;
    };
  }, [capture, cameraStore]);

  return (
    <div
      ref={containerRef}
      className="canvas"
      style={{ cursor }}
      id={id}
      role="application"
      aria-label={label}
      aria-roledescription="whiteboard canvas"
      aria-describedby={focus ? `${id ?? 'canvas'}-focus` : undefined}
      {...focus?.containerProps}
      onPointerMove={(event) => {
        const world = eventWorld(event.currentTarget, event, cameraStore);
        actions.pointer(world);
        const locked = editable && actions.lockedAt ? actions.lockedAt(world) !== null : false;
        if (locked !== overLocked) setOverLocked(locked);
      }}
      onPointerDownCapture={(event) => {
        focus?.containerProps.onPointerDownCapture();
        // A press on something locked moves nothing (the board and the free canvas do not start a drag there); if it moves on, say why.
        if (!editable || event.button !== 0 || spaceHeld || !actions.lockedAt || !actions.refuse) return;
        const stage = stageRef.current;
        if (!stage || !(event.target instanceof Node) || !stage.content.contains(event.target)) return;
        const message = actions.lockedAt(eventWorld(event.currentTarget, event, cameraStore));
        const refuse = actions.refuse;
        if (message) watchLockedDrag(event.nativeEvent, () => refuse(message));
      }}
      onPointerLeave={() => {
        actions.pointer(null);
        setOverLocked(false);
      }}
      title={overLocked && editable ? LOCKED_LABEL : undefined}
      onDoubleClick={onDoubleClick}
    >
      {size.width > 0 && (
        <Stage
          ref={stageRef}
          // Out of the flow while enlarged for a whole-tab picture, so it cannot push the side panel.
          style={captureSize ? { position: 'absolute', top: 0, left: 0 } : undefined}
          width={size.width}
          height={size.height}
          onPointerDown={onStagePointerDown}
          onDblTap={onStageDoubleTap}
        >
          {/* At most four layers on any board (Konva's advice is five; each is a canvas composited every frame):
              the board's own (at most two), the notes with the frames under them, and one top layer for what
              goes over everything (free text and connectors, handles, cursors). The dot grid is the element's
              CSS background (grid.ts), set with the stage's transform. */}
          {boardLayers}
          {notesMounted && (
            <LazyHitLayer ref={notesLayerRef} name="notes" visible={notesVisible}>
              {under}
              {parts.map((part) =>
                part.kind === 'batch' ? (
                  <NoteBatch key={part.key} items={part.items} editable={editable} showText={showText} showShadow={showShadow} handlers={noteHandlers} />
                ) : (
                  <StickyNote
                    key={part.key}
                    item={part.item}
                    selected={selectedIds.has(part.item.id)}
                    editing={part.item.id === editingId}
                    draggable={editable && !spaceHeld && part.item.id !== editingId && !actions.locked?.(part.item.id)}
                    editable={editable}
                    showText={showText}
                    showShadow={showShadow}
                    handlers={noteHandlers}
                  />
                ),
              )}
            </LazyHitLayer>
          )}
          {/* Empty layers are hidden: every visible layer is a full-size canvas redrawn and composited each frame. */}
          {overMounted && (
            <LazyHitLayer name="over" visible={overVisible}>
              {over}
              <Group listening={false} name={SCREEN_ONLY}>
                {screenOverlay?.(cameraStore, size)}
                {peerCount > 0 && <Cursors peers={peers} view={view} camera={cameraStore} />}
                {focus?.ring && <FocusRing rect={focus.ring} zoom={zoom} />}
              </Group>
            </LazyHitLayer>
          )}
        </Stage>
      )}
      {children}
      {focus && (
        <div id={`${id ?? 'canvas'}-focus`} className="sr-only" aria-live="polite" aria-atomic="true" data-canvas-focus>
          {focus.announcement}
        </div>
      )}
    </div>
  );
}

/** The keyboard focus ring round an item: a white halo under a dark blue line, a constant width on screen. */
function FocusRing({ rect, zoom }: { rect: Rect; zoom: number }) {
  const pad = 6 / zoom;
  const box = { x: rect.x - pad, y: rect.y - pad, width: rect.width + 2 * pad, height: rect.height + 2 * pad, cornerRadius: 6 / zoom };
  return (
    <>
      <KonvaRect {...box} stroke="#ffffff" strokeWidth={7} strokeScaleEnabled={false} />
      <KonvaRect {...box} stroke="#1d4ed8" strokeWidth={3} strokeScaleEnabled={false} name="focus-ring" />
    </>
  );
}
