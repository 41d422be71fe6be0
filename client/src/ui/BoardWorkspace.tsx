import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { canEdit, type BoardView, type CanvasItem, type Role } from '@pc/shared';
import { PartnersControl } from '../boards/partners/PartnersControl';
import { BOARD_TABS, tabFor } from '../boards/tabs';
import type { BoardContext } from '../boards/types';
import { BoardCanvas, type CanvasActions } from '../canvas/BoardCanvas';
import { plainKey, withMod } from '../canvas/shortcuts';
import { ShortcutHelp } from '../canvas/ShortcutHelp';
import { useShortcutListener, useShortcuts } from '../canvas/useShortcuts';
import {
  DEFAULT_CAMERA,
  ZOOM_STEP,
  centreOn,
  fitBounds,
  fitReadable,
  visibleWorldRect,
  viewportCentre,
  zoomAt,
  zoomBy,
  zoomForLabels,
  type Camera,
} from '../canvas/camera';
import { OPENING_LABEL_PX, PRESENTATION_LABEL_PX } from '../lib/theme';
import { rectContainsPoint, rectsIntersect, screenPoint, unionRects, worldPoint, type Point, type Rect, type Size } from '../lib/geometry';
import { boundsOfItems, freeSpotNear, itemsForView } from '../canvas/items';
import { connectionIndicator } from '../collab/connection';
import { useValue, useValueBy } from '../lib/hooks';
import { useCollection } from '../collab/useCollection';
import { peopleKey } from '../collab/presence';
import type { Identity } from '../collab/identity';
import {
  STICKY_SIZE,
  addSticky,
  bringToFront,
  moveItem,
  nudgeItem,
  removeItem,
  setItemColour,
  setItemText,
} from '../collab/itemActions';
import type { BoardSession } from '../collab/session';
import { throttle, type Throttled } from '../lib/throttle';
import { createValueStore } from '../lib/valueStore';
import { BoardHeader } from './BoardHeader';
import { DamagedRecords } from './DamagedRecords';
import { TabEmptyState } from './EmptyState';
import { ItemList } from './ItemList';
import { NameDialog } from './NameDialog';
import { NoteEditor } from './NoteEditor';
import { finishTextEdit } from '../canvas/textEdit';
import { Toolbar, panelId, tabId } from './Toolbar';
import { ShareButton } from './share/ShareButton';

/** Live drag positions reach others ~20 times a second; the final position is written on drop. */
const DRAG_WRITE_INTERVAL_MS = 50;

interface BoardWorkspaceProps {
  session: BoardSession;
  title: string;
  role: Role | null;
  identity: Identity;
  onIdentity(identity: Identity): void;
  /** More board-wide header controls (e.g. review points). */
  headerActions?: ReactNode;
  /** A strip under the header (e.g. "viewing a review point"). */
  banner?: ReactNode;
}

/** The board page once a session exists: header, toolbar, canvas and the accessible list. */
export function BoardWorkspace({ session, title, role, identity, onIdentity, headerActions, banner }: BoardWorkspaceProps) {
  // Until the server has told us our role, nothing offers editing.
  const editable = role !== null && canEdit(role);
  const [view, setView] = useState<BoardView>('stakeholder-map');
  const viewRef = useRef(view);
  viewRef.current = view;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [editingName, setEditingName] = useState(false);
  const camera = useMemo(() => createValueStore<Camera>(DEFAULT_CAMERA), []);
  const viewport = useRef<Size>({ width: 0, height: 0 });
  /** Per tab: the camera to restore, and whether the person has moved it (then we never auto-fit). */
  const tabCameras = useRef(new Map<BoardView, Camera>());
  const cameraTouched = useRef(new Set<BoardView>());

  const allItems = useCollection(session.canvasItems);
  const items = useMemo(() => itemsForView(allItems, view), [allItems, view]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const selected = items.find((item) => item.id === selectedId) ?? null;
  const editing = editable ? (items.find((item) => item.id === editingId) ?? null) : null;

  const connection = useValue(session.connection);
  const indicator = connectionIndicator(connection, role);
  const peers = useValueBy(session.peers, peopleKey);
  const undoState = useValue(session.undoState);

  /** Notes plus the board's structured content, for zoom-to-fit. */
  const boundsFor = useCallback(
    (forView: BoardView, notes: readonly CanvasItem[]): Rect | null => {
      const content = tabFor(forView).contentBounds?.(session) ?? null;
      const noteBounds = boundsOfItems(notes);
      return unionRects([content, noteBounds].filter((rect): rect is Rect => rect !== null));
    },
    [session],
  );

  /**
   * Camera moves the shell makes itself (auto-fit, restoring a tab's view). Any
   * other move, by the person or by a board's own framing, means "leave my view
   * alone": auto-fit never runs again on that tab.
   */
  const framing = useRef(false);
  const frameCamera = useCallback(
    (next: Camera) => {
      framing.current = true;
      try {
        camera.set(next);
      } finally {
        framing.current = false;
      }
    },
    [camera],
  );
  useEffect(
    () =>
      camera.subscribe(() => {
        if (!framing.current) cameraTouched.current.add(viewRef.current);
      }),
    [camera],
  );

  const homeCamera = useCallback(
    (forView: BoardView, notes: readonly CanvasItem[]): Camera => {
      const bounds = boundsFor(forView, notes);
      const tab = tabFor(forView);
      if (!bounds) return centreOn(worldPoint(0, 0), viewport.current, 1);
      return fitReadable(bounds, viewport.current, {
        insetTop: tab.insetTop,
        readableZoom: tab.labelPx ? zoomForLabels(tab.labelPx, OPENING_LABEL_PX) : undefined,
        anchor: tab.readableAnchor,
      });
    },
    [boundsFor],
  );

  /**
   * The first framing of each tab happens once, when the board's content is all here
   * (first sync, or the local copy when the server cannot be reached): framing earlier
   * and again as content arrives would move what the person is about to click.
   */
  const contentReady = connection.synced || (connection.localLoaded && connection.status === 'disconnected');
  const contentReadyRef = useRef(contentReady);
  contentReadyRef.current = contentReady;
  const framedTabs = useRef(new Set<BoardView>());
  const autoFit = useCallback(() => {
    if (!contentReadyRef.current || framedTabs.current.has(view) || viewport.current.width === 0) return;
    framedTabs.current.add(view);
    if (cameraTouched.current.has(view)) return;
    frameCamera(homeCamera(view, itemsRef.current));
  }, [frameCamera, view, homeCamera]);

  useEffect(autoFit, [autoFit, contentReady]);

  const switchView = (next: BoardView) => {
    if (next === view) return;
    tabCameras.current.set(view, camera.get());
    setView(next);
    setSelectedId(null);
    setEditingId(null);
    session.setView(next);
    const saved = tabCameras.current.get(next);
    if (saved) frameCamera(saved);
    else if (contentReady && viewport.current.width > 0) {
      framedTabs.current.add(next);
      frameCamera(homeCamera(next, itemsForView(allItems, next)));
    }
  };

  const touchCamera = useCallback(() => cameraTouched.current.add(view), [view]);

  const revealItem = useCallback(
    (id: string) => {
      const item = itemsRef.current.find((i) => i.id === id);
      if (!item || viewport.current.width === 0) return;
      const visible = visibleWorldRect(camera.get(), viewport.current);
      if (!rectsIntersect(item, visible)) {
        camera.set(centreOn(worldPoint(item.x + item.width / 2, item.y + item.height / 2), viewport.current, camera.get().zoom));
        touchCamera();
      }
    },
    [camera, touchCamera],
  );

  const createNote = useCallback(
    (centre: Point) => {
      session.stopCapturing();
      const spot = freeSpotNear(centre, itemsRef.current, STICKY_SIZE);
      const note = addSticky(session, { view, centre: spot, author: identity.name });
      session.stopCapturing();
      touchCamera();
      setSelectedId(note.id);
      setEditingId(note.id);
    },
    [session, view, identity.name, touchCamera],
  );

  const dragWriter = useRef<Throttled<[string, Point]> | null>(null);
  const actions = useMemo<CanvasActions>(
    () => ({
      select: (id) => setSelectedId(id),
      edit: (id) => {
        if (!editable) return;
        setSelectedId(id);
        setEditingId(id);
      },
      // Notes go on free canvas only: a double-click on the board's own area belongs to the board.
      createAt: (world) => {
        const area = tabFor(viewRef.current).ownArea?.(session) ?? null;
        if (editable && !(area && rectContainsPoint(area, world))) createNote(world);
      },
      dragStart: (id) => {
        session.stopCapturing();
        setSelectedId(id);
        bringToFront(session, id);
        dragWriter.current?.cancel();
        dragWriter.current = throttle((itemId: string, to: Point) => moveItem(session, itemId, to), DRAG_WRITE_INTERVAL_MS);
      },
      dragMove: (id, to) => {
        dragWriter.current?.(id, to);
      },
      dragEnd: (id, to) => {
        dragWriter.current?.cancel();
        dragWriter.current = null;
        moveItem(session, id, to);
        session.stopCapturing();
      },
      pointer: (world) => session.setCursor(world),
      cameraMoved: touchCamera,
      resize: (size) => {
        const first = viewport.current.width === 0;
        viewport.current = size;
        if (first) autoFit();
      },
    }),
    [editable, createNote, session, touchCamera, autoFit],
  );

  const deleteItem = useCallback(
    (id: string) => {
      removeItem(session, id);
      setSelectedId((current) => (current === id ? null : current));
      setEditingId((current) => (current === id ? null : current));
    },
    [session],
  );

  const zoomActions = useMemo(() => {
    const centre = () => screenPoint(viewport.current.width / 2, viewport.current.height / 2);
    return {
      zoomIn: () => {
        camera.set((c) => zoomBy(c, centre(), ZOOM_STEP));
        touchCamera();
      },
      zoomOut: () => {
        camera.set((c) => zoomBy(c, centre(), 1 / ZOOM_STEP));
        touchCamera();
      },
      reset: () => {
        camera.set((c) => zoomAt(c, centre(), 1));
        touchCamera();
      },
      presentation: () => {
        const labelPx = tabFor(viewRef.current).labelPx ?? 14;
        camera.set((c) => zoomAt(c, centre(), zoomForLabels(labelPx, PRESENTATION_LABEL_PX)));
        touchCamera();
      },
      fit: () => {
        const bounds = boundsFor(viewRef.current, itemsRef.current);
        camera.set(bounds ? fitBounds(bounds, viewport.current, 48, 2, tabFor(viewRef.current).insetTop) : centreOn(worldPoint(0, 0), viewport.current, 1));
        touchCamera();
      },
    };
  }, [camera, touchCamera, boundsFor]);

  // Board-wide shortcuts; typing in a field or the list's own keys take precedence.
  useShortcutListener();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts([
    { group: 'Board', keys: 'Ctrl+Z', description: 'Undo your last change', match: (e) => withMod(e) && !e.shiftKey && e.key.toLowerCase() === 'z' && editable, run: (e) => (e.preventDefault(), session.undo()) },
    { group: 'Board', keys: 'Ctrl+Shift+Z', description: 'Redo', match: (e) => withMod(e) && e.shiftKey && e.key.toLowerCase() === 'z' && editable, run: (e) => (e.preventDefault(), session.redo()) },
    { group: 'Board', keys: 'Ctrl+Y', description: 'Redo', match: (e) => withMod(e) && e.key.toLowerCase() === 'y' && editable, run: (e) => (e.preventDefault(), session.redo()) },
    { group: 'Notes', keys: 'Delete', description: 'Delete the selected note', match: (e) => (e.key === 'Delete' || e.key === 'Backspace') && selectedId !== null && editable, run: (e) => {
      e.preventDefault();
      if (selectedId) deleteItem(selectedId);
    } },
    { group: 'Notes', keys: 'Enter', description: 'Edit the selected note', onButtons: false, match: (e) => e.key === 'Enter' && selectedId !== null && editable, run: (e) => {
      e.preventDefault();
      setEditingId(selectedId);
    } },
    { group: 'Notes', keys: 'Escape', description: 'Clear the selected note', match: (e) => e.key === 'Escape', run: () => setSelectedId(null) },
    { group: 'Board', keys: '+', description: 'Zoom in', match: plainKey('+', '='), run: () => zoomActions.zoomIn() },
    { group: 'Board', keys: '-', description: 'Zoom out', match: plainKey('-'), run: () => zoomActions.zoomOut() },
    { group: 'Board', keys: 'Shift+1', description: 'Zoom to fit', match: (e) => e.shiftKey && e.key === '!', run: () => zoomActions.fit() },
    { group: 'Board', keys: 'Shift+2', description: 'Presentation size: labels large enough for a projector', match: (e) => e.shiftKey && (e.key === '@' || e.code === 'Digit2'), run: () => zoomActions.presentation() },
    { group: 'Board', keys: 'Space+drag', description: 'Pan (or drag empty canvas, or the middle button)' },
    { group: 'Board', keys: 'Ctrl+wheel', description: 'Zoom at the pointer' },
    { group: 'Board', keys: '?', description: 'Show these shortcuts', match: (e) => e.key === '?' && !withMod(e), run: () => setHelpOpen(true) },
  ]);

  const boardContext = useMemo<BoardContext>(
    () => ({
      session,
      editable,
      camera,
      identity,
      role,
      viewportSize: () => viewport.current,
      reveal: (rect: Rect) => {
        if (viewport.current.width === 0) return;
        if (!rectsIntersect(rect, visibleWorldRect(camera.get(), viewport.current))) {
          camera.set(centreOn(worldPoint(rect.x + rect.width / 2, rect.y + rect.height / 2), viewport.current, camera.get().zoom));
          touchCamera();
        }
      },
    }),
    [session, editable, role, camera, identity, touchCamera],
  );

  const tab = tabFor(view);
  const { CanvasLayers, CanvasOverlay, SidePanel, Page } = tab;
  return (
    <div className="board-page">
      <BoardHeader title={title} role={role} indicator={indicator} peers={peers} onEditName={() => setEditingName(true)} actions={<>{headerActions}<ShareButton boardId={session.options.boardId} title={title} role={role} token={session.options.token} /><PartnersControl session={session} editable={editable} /></>} notices={<DamagedRecords session={session} />} />
      {banner}
      {BOARD_TABS.map((t) => t.Notice && <t.Notice key={t.view} {...boardContext} />)}
      <Toolbar
        view={view}
        onView={switchView}
        editable={editable}
        selected={selected}
        undo={undoState}
        camera={camera}
        zoom={zoomActions}
        onAdd={() => createNote(viewportCentre(camera.get(), viewport.current))}
        onDelete={() => selected && deleteItem(selected.id)}
        onColour={(colour) => selected && setItemColour(session, selected.id, colour)}
        onFront={() => selected && bringToFront(session, selected.id)}
        onUndo={() => session.undo()}
        onRedo={() => session.redo()}
        canvas={!Page}
      />
      {Page ? (
        <div className="board-body board-page-tab" id={panelId} role="tabpanel" aria-labelledby={tabId(view)}>
          <Page {...boardContext} />
        </div>
      ) : (
      <div className="board-body" id={panelId} role="tabpanel" aria-labelledby={tabId(view)}>
        <BoardCanvas
          items={items}
          view={view}
          camera={camera}
          peers={session.peers}
          editable={editable}
          selectedId={selectedId}
          editingId={editing?.id ?? null}
          actions={actions}
          label={`${tab.label} canvas`}
          layers={CanvasLayers ? (size) => <CanvasLayers {...boardContext} size={size} /> : undefined}
        >
          <TabEmptyState key={tab.view} tab={tab} editable={editable} session={session} notes={items.length} />
          {CanvasOverlay && <CanvasOverlay {...boardContext} />}
          {editing && (
            <NoteEditor
              key={editing.id}
              item={editing}
              camera={camera}
              onCommit={(text) => {
                const outcome = finishTextEdit(editing.text, text);
                if (outcome.kind === 'write') setItemText(session, editing.id, outcome.text);
                setEditingId(null);
                if (outcome.kind === 'remove') deleteItem(editing.id);
              }}
            />
          )}
        </BoardCanvas>
        <div className="board-side">
        {SidePanel && <SidePanel {...boardContext} />}
        <ItemList
          items={items}
          tabLabel={tab.label}
          editable={editable}
          selectedId={selectedId}
          onSelect={(id) => {
            setSelectedId(id);
            revealItem(id);
          }}
          onEdit={(id) => {
            revealItem(id);
            setSelectedId(id);
            setEditingId(id);
          }}
          onDelete={deleteItem}
          onNudge={(id, dx, dy) => {
            const item = itemsRef.current.find((i) => i.id === id);
            if (item) nudgeItem(session, item, dx, dy);
          }}
        />
        </div>
      </div>
      )}
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      {editingName && (
        <NameDialog
          identity={identity}
          title="Your name on this board"
          submitLabel="Save"
          onSave={(next) => {
            onIdentity(next);
            setEditingName(false);
          }}
          onClose={() => setEditingName(false)}
        />
      )}
    </div>
  );
}
