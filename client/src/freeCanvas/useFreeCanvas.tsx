import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { newRecordId, orderKeys, type BoardView, type CanvasItem } from '@pc/shared';
import type { BoardTab } from '../boards/types';
import type { CanvasActions } from '../canvas/BoardCanvas';
import type { Camera } from '../canvas/camera';
import { screenToWorld } from '../canvas/camera';
import { compareZOrder, freeSpotNear, itemsForView, topItemAt, describeItem, KIND_LABELS, type ZMove } from '../canvas/items';
import { trackPointer } from '../canvas/pointer';
import { clearSelection, idsInBox, keepExisting, selectMany, selectOnly, selectedIn, toggleSelected } from '../canvas/selection';
import { withMod, type KeyInput } from '../canvas/shortcuts';
import type { FocusableItem } from '../canvas/useCanvasFocus';
import { finishTextEdit } from '../canvas/textEdit';
import { boardShortcuts, useShortcuts } from '../canvas/useShortcuts';
import type { BoardSession } from '../collab/session';
import { useCollection } from '../collab/useCollection';
import { pointerOn, rectContainsPoint, screenPoint, type Point, type Rect, type Size } from '../lib/geometry';
import { useSorted, useValue, useValueBy } from '../lib/hooks';
import { throttle, type Throttled } from '../lib/throttle';
import type { ValueStore } from '../lib/valueStore';
import {
  STICKY_SIZE,
  addConnector,
  addItem,
  addSticky,
  bringToFront,
  clampItemSize,
  createItems,
  fitTextHeight,
  moveItemsBy,
  nudgeItem,
  placeItems,
  removeItems,
  reorderItems,
  resizeItem,
  setItemColour,
  setItemText,
} from './actions';
import { boundsOfAnything } from './bounds';
import { align, distribute, type AlignMode, type DistributeAxis } from './model/arrange';
import { decodeClipboard, encodeClipboard, planPaste, PASTE_OFFSET } from './model/clipboard';
import { routeConnector, routeToPoint, type ConnectorRoute } from './model/connector';
import { carriedIds } from './model/frames';
import { itemRectNow } from './model/liveRect';
import { nameOfAnything } from './names';
import { lockedFor, sayLocked } from '../collab/locks';
import { freeCanvasFor, NO_LIVE_GEOMETRY } from './store';
import { FramesGroup, FreeOverGroup, freeOverShown, type FreeHandlers } from './ui/FreeLayers';
import { ItemEditor } from './ui/ItemEditor';
import { ItemList } from './ui/ItemList';
import { FreeTools, type FreeCommands } from './ui/FreeTools';
import { FRAME_TITLE_HEIGHT } from './ui/look';

/** Live drag positions reach others ~20 times a second; the final position is written on drop. */
const DRAG_WRITE_INTERVAL_MS = 50;
/** Keyboard nudge of the selection, in world pixels (Shift: ten times). */
const NUDGE_STEP = 10;
const NO_ITEMS: readonly CanvasItem[] = [];

interface FreeCanvasOptions {
  session: BoardSession;
  tab: BoardTab;
  view: BoardView;
  editable: boolean;
  author: string;
  camera: ValueStore<Camera>;
  viewport(): Size;
  /** The person acted on the canvas: never auto-frame this tab again. */
  touchCamera(): void;
  /** Bring a world rectangle into view. */
  reveal(rect: Rect): void;
  /** The canvas element, for pointer positions of handle drags. */
  canvasElement(): HTMLElement | null;
}

export interface FreeCanvas {
  /** Sticky notes of the tab (drawn batched by the canvas). */
  notes: readonly CanvasItem[];
  /** Every free item of the tab, z-ordered. */
  items: readonly CanvasItem[];
  /** The tab's free items selected (what the free canvas's commands act on). */
  selectedIds: ReadonlySet<string>;
  /** Everything selected on the tab: free items and the board's records (what comments, locks and votes take). */
  tabSelectedIds: ReadonlySet<string>;
  editingId: string | null;
  canvasActions: Pick<CanvasActions, 'select' | 'edit' | 'createAt' | 'dragStart' | 'dragMove' | 'dragEnd' | 'boxSelect'>;
  editableAt(world: Point): string | null;
  /** Konva groups for the canvas: frames under the notes, the rest over them; whether each draws anything. */
  under: ReactNode;
  over: ReactNode;
  underShown: boolean;
  overShown: boolean;
  editor: ReactNode;
  tools: ReactNode;
  list: ReactNode;
  createNote(centre: Point): void;
  /** Before switching tabs: close the editor (its text is kept). */
  leaveTab(): void;
  /**
   * The tab's notes, text and frames for keyboard focus (connectors are reached
   * through their ends): Enter edits, Delete removes, Ctrl+arrows nudge.
   * `edit` is the shell's (it refuses a locked item).
   */
  focusables(edit: (id: string) => void): FocusableItem[];
}

/**
 * The free canvas on one tab: sticky notes, text, frames and connectors, one
 * selection, the commands on it (move, copy and paste, duplicate, align,
 * distribute, z-order, delete) with their shortcuts, and the list beside the
 * canvas. The shell mounts what this returns; the board's own content is the
 * board's.
 */
export function useFreeCanvas(options: FreeCanvasOptions): FreeCanvas {
  const { session, tab, view, editable, author, camera } = options;
  const store = freeCanvasFor(session);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const allItems = useCollection(session.canvasItems);
  // Patched, not sorted again, when someone moves or edits a few items (see lib/sortedView).
  const inView = useMemo(() => allItems.filter((item) => item.view === view), [allItems, view]);
  const items = useSorted(inView, compareZOrder);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const notes = useMemo(() => items.filter((item) => item.kind === 'sticky'), [items]);
  const selection = useValue(store.selection);
  const tabSelected = selectedIn(selection, view);
  // The tab's selection may hold a board's records too; the free canvas's commands act on its own items.
  // Looked up by id (the selection is a few ids; the tab may hold 10,000 items): a remote edit builds no set of every id.
  const isFreeItem = useCallback((id: string) => session.canvasItems.get(id)?.view === view, [session, view]);
  const selectedIds = useMemo(() => {
    if (tabSelected.size === 0) return tabSelected;
    const mine = [...tabSelected].filter(isFreeItem);
    return mine.length === tabSelected.size ? tabSelected : new Set(mine);
    // `items`: a change to the tab's items can take a selected one away (read through the store, not the array).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tabSelected, items, isFreeItem]);
  const selectedRef = useRef(selectedIds);
  selectedRef.current = selectedIds;
  /** True (and says why) when a facilitator's lock holds any of these items: nothing is changed then, so the server never has to refuse. */
  const held = (ids: Iterable<string>): boolean => {
    for (const id of ids) {
      const message = lockedFor(session, view, id);
      if (message) {
        sayLocked(session, message);
        return true;
      }
    }
    return false;
  };
  const isLocked = (id: string): boolean => lockedFor(session, view, id) !== null;
  const editingRaw = useValue(store.editingId);
  const editing = editable ? (items.find((item) => item.id === editingRaw) ?? null) : null;
  const live = useValue(store.live);
  const draftState = useValue(store.draft);
  const box = useValue(store.box);
  // The zoom only (handle sizes): a pan must not re-render the workspace.
  const zoom = useValueBy(camera, (c) => String(c.zoom)).zoom;
  const [spaceHeld] = [useValue(boardShortcuts.spaceHeld)];

  // Someone deleted a selected item: it leaves the selection (records selected on the board are the board's to keep).
  const previousItems = useRef<readonly CanvasItem[]>([]);
  useEffect(() => {
    const before = previousItems.current;
    previousItems.current = items;
    if (selectedIn(store.selection.get(), view).size === 0) return;
    // The items before this change, as a set only when a selected id is gone (a delete): rare, and then once.
    let beforeIds: ReadonlySet<string> | null = null;
    const wasFreeItem = (id: string) => (beforeIds ??= new Set(before.map((item) => item.id))).has(id);
    store.selection.set((s) => keepExisting(s, view, (id) => isFreeItem(id) || !wasFreeItem(id)));
  }, [items, store, view, isFreeItem]);

  const setSelection = useCallback((ids: Iterable<string>, add = false) => store.selection.set((s) => selectMany(s, view, ids, add)), [store, view]);

  /** Where each connector of the tab is drawn; followed on every frame while the tab has connectors, so they track moving records. */
  const [routes, setRoutes] = useState<ReadonlyMap<string, ConnectorRoute>>(new Map());
  const connectors = useMemo(() => items.filter((item) => item.kind === 'connector'), [items]);
  useEffect(() => {
    if (connectors.length === 0) {
      setRoutes((previous) => (previous.size === 0 ? previous : new Map()));
      return;
    }
    let frame = 0;
    let last = '';
    const tick = () => {
      const next = new Map<string, ConnectorRoute>();
      let key = '';
      for (const connector of connectors) {
        const from = connector.fromId ? boundsOfAnything(session, tab, connector.fromId) : null;
        const to = connector.toId ? boundsOfAnything(session, tab, connector.toId) : null;
        const route = routeConnector(from, to);
        if (!route) continue;
        next.set(connector.id, route);
        key += `${connector.id}:${route.from.x.toFixed(1)},${route.from.y.toFixed(1)},${route.to.x.toFixed(1)},${route.to.y.toFixed(1)};`;
      }
      if (key !== last) {
        last = key;
        setRoutes(next);
      }
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => cancelAnimationFrame(frame);
  }, [connectors, session, tab]);

  const finishEditing = useCallback(() => store.editingId.set(null), [store]);

  const createNote = useCallback(
    (centre: Point) => {
      session.stopCapturing();
      const spot = freeSpotNear(centre, itemsRef.current, STICKY_SIZE);
      const note = addSticky(session, { view, centre: spot, author });
      session.stopCapturing();
      options.touchCamera();
      store.selection.set((s) => selectOnly(s, view, note.id));
      store.editingId.set(note.id);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, view, author, store],
  );

  const centreOfView = useCallback((): Point => {
    const size = optionsRef.current.viewport();
    return screenToWorld(camera.get(), screenPoint(size.width / 2, size.height / 2));
  }, [camera]);

  const create = useCallback(
    (kind: 'text' | 'frame') => {
      session.stopCapturing();
      const centre = centreOfView();
      const selected = itemsRef.current.filter((item) => selectedRef.current.has(item.id) && item.kind !== 'connector');
      let made: CanvasItem;
      if (kind === 'frame' && selected.length > 0) {
        // A frame made with items selected goes round them.
        const rects = selected.map((item) => itemRectNow(item, NO_LIVE_GEOMETRY));
        const left = Math.min(...rects.map((r) => r.x)) - 24;
        const top = Math.min(...rects.map((r) => r.y)) - 24 - FRAME_TITLE_HEIGHT;
        const right = Math.max(...rects.map((r) => r.x + r.width)) + 24;
        const bottom = Math.max(...rects.map((r) => r.y + r.height)) + 24;
        made = addItem(session, { kind, view, centre: { x: (left + right) / 2, y: (top + bottom) / 2 }, author, size: { width: right - left, height: bottom - top } });
      } else {
        made = addItem(session, { kind, view, centre, author });
      }
      session.stopCapturing();
      options.touchCamera();
      store.selection.set((s) => selectOnly(s, view, made.id));
      store.editingId.set(made.id);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, view, author, store, centreOfView],
  );

  // ---- group drag ----
  const drag = useRef<{ id: string; start: Map<string, Point>; writer: Throttled<[number, number]> } | null>(null);
  const positionsFor = (dx: number, dy: number) => {
    const current = drag.current;
    if (!current) return new Map<string, Point>();
    return new Map([...current.start].map(([id, p]) => [id, { x: p.x + dx, y: p.y + dy }]));
  };
  const dragStart = (id: string) => {
    const selected = selectedRef.current.has(id) ? selectedRef.current : new Set([id]);
    if (!selectedRef.current.has(id)) store.selection.set((s) => selectOnly(s, view, id));
    const all = itemsRef.current;
    const moving = carriedIds(selected, all);
    moving.add(id);
    if (held(moving)) {
      drag.current?.writer.cancel();
      drag.current = null;
      return;
    }
    session.beginGesture();
    if (moving.size === 1 && all.find((item) => item.id === id)?.kind !== 'frame') bringToFront(session, id);
    const start = new Map(all.filter((item) => moving.has(item.id)).map((item) => [item.id, { x: item.x, y: item.y }]));
    drag.current?.writer.cancel();
    drag.current = {
      id,
      start,
      writer: throttle((dx: number, dy: number) => placeItems(session, positionsFor(dx, dy)), DRAG_WRITE_INTERVAL_MS),
    };
  };
  const offsetOf = (id: string, to: Point) => {
    const origin = drag.current?.start.get(id);
    return origin ? { dx: to.x - origin.x, dy: to.y - origin.y } : null;
  };
  const dragMove = (id: string, to: Point) => {
    const offset = offsetOf(id, to);
    if (offset) drag.current?.writer(offset.dx, offset.dy);
  };
  const dragEnd = (id: string, to: Point) => {
    const offset = offsetOf(id, to);
    const current = drag.current;
    // A drag refused at its start (a locked item in the selection) wrote nothing: the nodes go back.
    if (!current) return;
    current.writer.cancel();
    if (offset) placeItems(session, positionsFor(offset.dx, offset.dy));
    drag.current = null;
    session.endGesture();
  };

  // ---- selection ----
  const select = (id: string | null, additive = false) => {
    if (id === null) {
      store.selection.set((s) => clearSelection(s, view));
      return;
    }
    if (additive) store.selection.set((s) => toggleSelected(s, view, id));
    else if (!selectedRef.current.has(id)) store.selection.set((s) => selectOnly(s, view, id));
  };
  const edit = (id: string) => {
    if (!optionsRef.current.editable || held([id])) return;
    store.selection.set((s) => selectOnly(s, view, id));
    store.editingId.set(id);
  };
  const boxSelect = (rect: Rect, done: boolean) => {
    store.box.set(done ? null : rect);
    if (!done) return;
    const live = store.live.get();
    const candidates = itemsRef.current.filter((item) => item.kind !== 'connector').map((item) => ({ id: item.id, rect: itemRectNow(item, live) }));
    const hits = idsInBox(rect, candidates);
    // A box wholly inside a frame selects what it touches in the frame, not the frame round it.
    const inFrame = hits.filter((id) => {
      const item = itemsRef.current.find((i) => i.id === id);
      return !(item?.kind === 'frame' && rect.x > item.x && rect.y > item.y && rect.x + rect.width < item.x + item.width && rect.y + rect.height < item.y + item.height);
    });
    if (inFrame.length > 0) setSelection(inFrame, true);
  };
  const createAt = (world: Point) => {
    const area = tab.ownArea?.(session) ?? null;
    if (optionsRef.current.editable && !(area && rectContainsPoint(area, world))) createNote(world);
  };
  const editableAt = (world: Point): string | null => {
    const hit = topItemAt(
      itemsRef.current.filter((item) => item.kind === 'sticky' || item.kind === 'text'),
      world.x,
      world.y,
    );
    if (hit) return hit.id;
    const frame = [...itemsRef.current].reverse().find((item) => item.kind === 'frame' && rectContainsPoint({ ...item, height: FRAME_TITLE_HEIGHT }, world));
    return frame?.id ?? null;
  };

  // ---- resize and connect, from the handles ----
  const worldOf = (event: { clientX: number; clientY: number }): Point | null => {
    const element = optionsRef.current.canvasElement();
    return element ? screenToWorld(camera.get(), pointerOn(element, event)) : null;
  };
  const resizeStart = (id: string, down: PointerEvent) => {
    if (held([id])) return;
    const item = itemsRef.current.find((i) => i.id === id);
    const start = worldOf(down);
    if (!item || !start) return;
    const sizeAt = (e: PointerEvent) => {
      const now = worldOf(e) ?? start;
      const size = clampItemSize(item.width + now.x - start.x, item.height + now.y - start.y);
      return item.kind === 'text' ? { ...size, height: item.height } : size;
    };
    trackPointer(down.pointerId, {
      move: (e) => store.live.set({ move: null, resize: { id, ...sizeAt(e) } }),
      end: (e, cancelled) => {
        store.live.set(NO_LIVE_GEOMETRY);
        if (cancelled) return;
        session.stopCapturing();
        resizeItem(session, id, sizeAt(e));
        session.stopCapturing();
      },
    });
  };
  const targetAt = (world: Point, fromId: string): string | null => {
    const free = [...itemsRef.current].reverse().find((item) => item.kind !== 'connector' && item.id !== fromId && rectContainsPoint(itemRectNow(item, NO_LIVE_GEOMETRY), world));
    if (free && free.kind !== 'frame') return free.id;
    const record = tab.recordAt?.(session, world) ?? null;
    if (record && record !== fromId) return record;
    return free?.id ?? null;
  };
  const connectStart = (fromId: string, down: PointerEvent) => {
    const at = worldOf(down);
    if (!at) return;
    store.draft.set({ fromId, to: at, targetId: null });
    trackPointer(down.pointerId, {
      move: (e) => {
        const to = worldOf(e);
        if (to) store.draft.set({ fromId, to, targetId: targetAt(to, fromId) });
      },
      end: (e, cancelled) => {
        const to = worldOf(e);
        store.draft.set(null);
        const target = !cancelled && to ? targetAt(to, fromId) : null;
        if (!target) return;
        session.stopCapturing();
        const made = addConnector(session, { view, fromId, toId: target, author });
        session.stopCapturing();
        if (made) store.selection.set((s) => selectOnly(s, view, made.id));
      },
    });
  };

  const handlersRef = useRef({ select, edit, dragStart, dragMove, dragEnd, resizeStart, connectStart });
  handlersRef.current = { select, edit, dragStart, dragMove, dragEnd, resizeStart, connectStart };
  const handlers = useMemo<FreeHandlers>(
    () => ({
      select: (id, additive) => handlersRef.current.select(id, additive),
      edit: (id) => handlersRef.current.edit(id),
      dragStart: (id) => handlersRef.current.dragStart(id),
      dragMove: (id, to) => handlersRef.current.dragMove(id, to),
      dragEnd: (id, to) => handlersRef.current.dragEnd(id, to),
      resizeStart: (id, event) => handlersRef.current.resizeStart(id, event),
      connectStart: (id, event) => handlersRef.current.connectStart(id, event),
      measured: (id, height) => fitTextHeight(session, id, height),
    }),
    [session],
  );

  // ---- commands on the selection ----
  const selectedItems = () => itemsRef.current.filter((item) => selectedRef.current.has(item.id));
  const commands: FreeCommands = {
    addNote: () => createNote(centreOfView()),
    addText: () => create('text'),
    addFrame: () => create('frame'),
    connect: () => {
      const [from, to] = [...selectedRef.current];
      if (!from || !to || selectedRef.current.size !== 2) return;
      session.stopCapturing();
      const made = addConnector(session, { view, fromId: from, toId: to, author });
      session.stopCapturing();
      if (made) store.selection.set((s) => selectOnly(s, view, made.id));
    },
    remove: () => {
      const ids = [...selectedRef.current];
      if (ids.length === 0 || held(ids)) return;
      session.stopCapturing();
      removeItems(session, ids);
      session.stopCapturing();
      store.selection.set((s) => clearSelection(s, view));
      if (store.editingId.get() && ids.includes(store.editingId.get()!)) store.editingId.set(null);
    },
    colour: (colour) => {
      if (held(selectedRef.current)) return;
      session.stopCapturing();
      session.doc.transact(() => {
        for (const item of selectedItems()) if (item.kind === 'sticky') setItemColour(session, item.id, colour);
      }, session.localOrigin);
      session.stopCapturing();
    },
    reorder: (move: ZMove) => {
      if (held(selectedRef.current)) return;
      session.stopCapturing();
      reorderItems(session, itemsRef.current, selectedRef.current, move);
      session.stopCapturing();
    },
    align: (mode: AlignMode) => arrange(align(boxesOfSelection(), mode)),
    distribute: (axis: DistributeAxis) => arrange(distribute(boxesOfSelection(), axis)),
    copy: () => void copy(),
    paste: () => void paste(),
    duplicate: () => {
      const chosen = selectedItems();
      if (chosen.length === 0) return;
      pasteText(encodeClipboard(session.options.boardId, view, withConnectorsBetween(chosen)), 1);
    },
    selectAll: () => setSelection(itemsRef.current.map((item) => item.id)),
  };
  function boxesOfSelection() {
    return selectedItems()
      .filter((item) => item.kind !== 'connector')
      .map((item) => ({ id: item.id, x: item.x, y: item.y, width: item.width, height: item.height }));
  }
  function arrange(places: Map<string, Point>) {
    if (places.size === 0 || held(places.keys())) return;
    session.stopCapturing();
    placeItems(session, places);
    session.stopCapturing();
  }
  /** A copy takes the connectors whose two ends are both copied along. */
  function withConnectorsBetween(chosen: CanvasItem[]): CanvasItem[] {
    const ids = new Set(chosen.map((item) => item.id));
    const between = itemsRef.current.filter((item) => item.kind === 'connector' && !ids.has(item.id) && item.fromId && item.toId && ids.has(item.fromId) && ids.has(item.toId));
    return [...chosen, ...between];
  }
  const pasteCount = useRef({ text: '', count: 0 });
  async function copy() {
    const chosen = selectedItems();
    if (chosen.length === 0) return;
    const text = encodeClipboard(session.options.boardId, view, withConnectorsBetween(chosen));
    store.memoryClipboard.text = text;
    pasteCount.current = { text, count: 0 };
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Refused (no permission, no focus): the in-memory copy serves this tab.
    }
  }
  async function paste() {
    let text: string | null = null;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      text = null;
    }
    const read = text === null ? null : decodeClipboard(text);
    if (!read || read.kind !== 'items') {
      // Plain text from elsewhere becomes a note; a refused payload changes nothing.
      if (read?.kind === 'foreign' && text && text.trim() !== '' && optionsRef.current.editable && text.length <= 4000) {
        session.stopCapturing();
        const note = addSticky(session, { view, centre: freeSpotNear(centreOfView(), itemsRef.current, STICKY_SIZE), author, text: text.trim() });
        session.stopCapturing();
        store.selection.set((s) => selectOnly(s, view, note.id));
        return;
      }
      if (read?.kind === 'refused') return;
      if (store.memoryClipboard.text) pasteText(store.memoryClipboard.text, null);
      return;
    }
    pasteText(text!, null);
  }
  function pasteText(text: string, fixedSteps: number | null) {
    if (!optionsRef.current.editable) return;
    const read = decodeClipboard(text);
    if (read.kind !== 'items') return;
    const steps = fixedSteps ?? (pasteCount.current.text === text ? pasteCount.current.count + 1 : 1);
    if (fixedSteps === null) pasteCount.current = { text, count: steps };
    const keys: string[] = [];
    session.canvasItems.getSnapshot().forEach((item) => keys.push(item.order));
    const top = keys.reduce<string | null>((max, key) => (max === null || key > max ? key : max), null);
    const planned = planPaste(read.payload, {
      boardId: session.options.boardId,
      view,
      offset: { x: PASTE_OFFSET * steps, y: PASTE_OFFSET * steps },
      newId: () => newRecordId(),
      orderKeys: (count) => {
        try {
          return orderKeys(count, top);
        } catch {
          return orderKeys(count);
        }
      },
      existsOnTarget: (id) => boundsOfAnything(session, tab, id) !== null,
    });
    if (planned.length === 0) return;
    session.stopCapturing();
    createItems(session, planned);
    session.stopCapturing();
    setSelection(planned.map((item) => item.id));
  }

  const commandsRef = useRef(commands);
  commandsRef.current = commands;
  const has = () => selectedRef.current.size > 0 && optionsRef.current.editable;
  const mod = (key: string, shift = false) => (e: KeyInput) =>
    withMod(e) && e.shiftKey === shift && !e.altKey && e.key.toLowerCase() === key;
  const alt = (code: string, shift = false) => (e: KeyInput) =>
    e.altKey === true && !withMod(e) && e.shiftKey === shift && e.code === code;
  const run = (fn: () => void) => (e: { preventDefault(): void }) => {
    e.preventDefault();
    fn();
  };
  const G = 'Canvas items';
  useShortcuts([
    { group: G, keys: 'Click, Shift+click', description: 'Select an item; add or remove it from the selection' },
    { group: G, keys: 'Shift+drag', description: 'Select the items a box touches (on empty canvas)' },
    { group: G, keys: 'Delete', description: 'Delete the selected items', match: (e) => (e.key === 'Delete' || e.key === 'Backspace') && has(), run: run(() => commandsRef.current.remove()) },
    { group: G, keys: 'Enter', description: 'Edit the selected item', onButtons: false, match: (e) => e.key === 'Enter' && selectedRef.current.size === 1 && optionsRef.current.editable, run: run(() => edit([...selectedRef.current][0]!)) },
    { group: G, keys: 'Escape', description: 'Clear the selection', match: (e) => e.key === 'Escape' && selectedRef.current.size > 0, run: () => select(null) },
    { group: G, keys: 'Ctrl+A', description: 'Select every item on this tab', match: mod('a'), run: run(() => commandsRef.current.selectAll()) },
    { group: G, keys: 'Ctrl+C', description: 'Copy the selected items', match: (e) => mod('c')(e) && selectedRef.current.size > 0, run: run(() => commandsRef.current.copy()) },
    { group: G, keys: 'Ctrl+V', description: 'Paste (here or on another tab)', match: (e) => mod('v')(e) && optionsRef.current.editable, run: run(() => commandsRef.current.paste()) },
    { group: G, keys: 'Ctrl+D', description: 'Duplicate the selected items', match: (e) => mod('d')(e) && has(), run: run(() => commandsRef.current.duplicate()) },
    { group: G, keys: 'Arrows', description: 'Move the selected items (Shift: further)', match: (e) => /^Arrow(Up|Down|Left|Right)$/.test(e.key) && !withMod(e) && !e.altKey && has(), run: (e) => {
      e.preventDefault();
      const step = e.shiftKey ? NUDGE_STEP * 10 : NUDGE_STEP;
      const [dx, dy] = ({ ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] } as Record<string, [number, number]>)[e.key]!;
      const moving = carriedIds(selectedRef.current, itemsRef.current);
      if (held(moving)) return;
      moveItemsBy(session, [...itemsRef.current.filter((item) => moving.has(item.id))], dx, dy);
    } },
    { group: G, keys: 'Ctrl+]', description: 'Bring forward', match: (e) => withMod(e) && !e.shiftKey && (e.key === ']' || e.code === 'BracketRight') && has(), run: run(() => commandsRef.current.reorder('forward')) },
    { group: G, keys: 'Ctrl+Shift+]', description: 'Bring to front', match: (e) => withMod(e) && e.shiftKey && (e.key === '}' || e.key === ']' || e.code === 'BracketRight') && has(), run: run(() => commandsRef.current.reorder('front')) },
    { group: G, keys: 'Ctrl+[', description: 'Send backward', match: (e) => withMod(e) && !e.shiftKey && (e.key === '[' || e.code === 'BracketLeft') && has(), run: run(() => commandsRef.current.reorder('backward')) },
    { group: G, keys: 'Ctrl+Shift+[', description: 'Send to back', match: (e) => withMod(e) && e.shiftKey && (e.key === '{' || e.key === '[' || e.code === 'BracketLeft') && has(), run: run(() => commandsRef.current.reorder('back')) },
    { group: G, keys: 'Alt+A', description: 'Align left', match: (e) => alt('KeyA')(e) && has(), run: run(() => commandsRef.current.align('left')) },
    { group: G, keys: 'Alt+H', description: 'Align centres horizontally', match: (e) => alt('KeyH')(e) && has(), run: run(() => commandsRef.current.align('centre')) },
    { group: G, keys: 'Alt+D', description: 'Align right', match: (e) => alt('KeyD')(e) && has(), run: run(() => commandsRef.current.align('right')) },
    { group: G, keys: 'Alt+W', description: 'Align top', match: (e) => alt('KeyW')(e) && has(), run: run(() => commandsRef.current.align('top')) },
    { group: G, keys: 'Alt+V', description: 'Align middles vertically', match: (e) => alt('KeyV')(e) && has(), run: run(() => commandsRef.current.align('middle')) },
    { group: G, keys: 'Alt+S', description: 'Align bottom', match: (e) => alt('KeyS')(e) && has(), run: run(() => commandsRef.current.align('bottom')) },
    { group: G, keys: 'Alt+Shift+H', description: 'Distribute horizontally', match: (e) => alt('KeyH', true)(e) && has(), run: run(() => commandsRef.current.distribute('horizontal')) },
    { group: G, keys: 'Alt+Shift+V', description: 'Distribute vertically', match: (e) => alt('KeyV', true)(e) && has(), run: run(() => commandsRef.current.distribute('vertical')) },
    { group: G, keys: 'N', description: 'Add a sticky note', match: (e) => e.key.toLowerCase() === 'n' && !withMod(e) && !e.altKey && !e.shiftKey && optionsRef.current.editable, run: run(() => commandsRef.current.addNote()) },
    { group: G, keys: 'T', description: 'Add text', match: (e) => e.key.toLowerCase() === 't' && !withMod(e) && !e.altKey && !e.shiftKey && optionsRef.current.editable, run: run(() => commandsRef.current.addText()) },
    { group: G, keys: 'F', description: 'Add a frame (round the selection, if any)', match: (e) => e.key.toLowerCase() === 'f' && !withMod(e) && !e.altKey && !e.shiftKey && optionsRef.current.editable, run: run(() => commandsRef.current.addFrame()) },
    { group: G, keys: 'C', description: 'Connect the two selected items (or drag the blue handle)', match: (e) => e.key.toLowerCase() === 'c' && !withMod(e) && !e.altKey && !e.shiftKey && selectedRef.current.size === 2 && optionsRef.current.editable, run: run(() => commandsRef.current.connect()) },
  ]);

  // ---- what the shell mounts ----
  const single = selectedIds.size === 1 ? (items.find((item) => selectedIds.has(item.id)) ?? null) : null;
  const handleRect = single && single.kind !== 'connector' ? itemRectNow(single, live) : null;
  const draftFrom = draftState ? boundsOfAnything(session, tab, draftState.fromId) : null;
  const draftTo = draftState?.targetId ? boundsOfAnything(session, tab, draftState.targetId) : null;
  const draft = draftState && draftFrom ? (draftTo ? (routeConnector(draftFrom, draftTo) ?? routeToPoint(draftFrom, draftState.to)) : routeToPoint(draftFrom, draftState.to)) : null;
  const drawItems = useMemo(() => (live.resize ? items.map((item) => (item.id === live.resize!.id ? { ...item, width: live.resize!.width, height: live.resize!.height } : item)) : items), [items, live]);
  const drawNotes = useMemo(() => (live.resize ? drawItems.filter((item) => item.kind === 'sticky') : notes), [drawItems, notes, live.resize]);
  const dragging = editable && !spaceHeld;
  const editingLabelAt = editing?.kind === 'connector' ? (routes.get(editing.id)?.mid ?? null) : null;
  const describe = useCallback((item: CanvasItem) => describeItem(item, (id) => nameOfAnything(session, id)), [session]);

  const focusables = (editItem: (id: string) => void): FocusableItem[] => {
    const { editable: canEdit, view: tabView } = optionsRef.current;
    return itemsForView(session.canvasItems.getSnapshot(), tabView)
      .filter((item) => item.kind !== 'connector')
      .map((item) => ({
        id: item.id,
        rect: { x: item.x, y: item.y, width: item.width, height: item.height },
        label: `${describeItem(item)}, ${KIND_LABELS[item.kind].toLowerCase()}`,
        activate: canEdit ? () => editItem(item.id) : undefined,
        remove: canEdit ? () => removeItems(session, [item.id]) : undefined,
        move: canEdit
          ? (direction) => {
              const [dx, dy] = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction];
              nudgeItem(session, item, dx!, dy!);
            }
          : undefined,
      }));
  };

  return {
    focusables,
    notes: drawNotes,
    items,
    selectedIds,
    tabSelectedIds: tabSelected,
    editingId: editing?.id ?? null,
    canvasActions: { select, edit, createAt, dragStart, dragMove, dragEnd, boxSelect },
    editableAt,
    underShown: drawItems.some((item) => item.kind === 'frame'),
    overShown: freeOverShown({ items: drawItems, editingId: editing?.id ?? null, editable, routes, handleRect, draft, box }),
    under: <FramesGroup items={drawItems} selectedIds={selectedIds} editingId={editing?.id ?? null} editable={editable} dragging={dragging} locked={isLocked} handlers={handlers} />,
    over: (
      <FreeOverGroup
        items={drawItems}
        selectedIds={selectedIds}
        editingId={editing?.id ?? null}
        editable={editable}
        dragging={dragging}
        locked={isLocked}
        handlers={handlers}
        routes={routes}
        handleRect={handleRect}
        resizable={single !== null && single.kind !== 'connector' && !isLocked(single.id)}
        zoom={zoom}
        draft={draft}
        box={box}
      />
    ),
    editor: editing && (
      <ItemEditor
        key={editing.id}
        item={editing}
        labelAt={editingLabelAt}
        camera={camera}
        onCommit={(text) => {
          const outcome = finishTextEdit(editing.text, text);
          if (outcome.kind === 'write') setItemText(session, editing.id, outcome.text);
          finishEditing();
          // A new note or text nobody wrote in goes; a frame or a connector stays without words.
          if (outcome.kind === 'remove' && (editing.kind === 'sticky' || editing.kind === 'text')) {
            removeItems(session, [editing.id]);
            store.selection.set((s) => clearSelection(s, view));
          }
        }}
      />
    ),
    tools: <FreeTools editable={editable} selected={selectedIds.size === 0 ? NO_ITEMS : items.filter((item) => selectedIds.has(item.id))} commands={commands} />,
    list: (
      <ItemList
        items={items}
        tabLabel={tab.label}
        editable={editable}
        selectedIds={selectedIds}
        routes={routes}
        describe={describe}
        onSelect={(id, additive) => {
          select(id, additive);
          const rect = boundsOfAnything(session, tab, id);
          if (rect) options.reveal(rect);
        }}
        onEdit={(id) => {
          const rect = boundsOfAnything(session, tab, id);
          if (rect) options.reveal(rect);
          edit(id);
        }}
        onDelete={(id) => {
          session.stopCapturing();
          removeItems(session, [id]);
          session.stopCapturing();
        }}
        onNudge={(id, dx, dy) => {
          const moving = carriedIds([id], itemsRef.current);
          if (held(moving)) return;
          moveItemsBy(session, itemsRef.current.filter((item) => moving.has(item.id)), dx * NUDGE_STEP, dy * NUDGE_STEP);
        }}
      />
    ),
    createNote,
    leaveTab: finishEditing,
  };
}
