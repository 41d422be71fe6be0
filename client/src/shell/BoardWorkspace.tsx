import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { canEdit, shareLinkPath, type BoardView, type Role } from '@pc/shared';
import { PartnersControl } from '../boards/partners/PartnersControl';
import { BOARD_TABS, tabFor } from '../boards/tabs';
import { openingView, showViewInAddress } from './boardView';
import type { BoardContext } from '../boards/types';
import { BoardCanvas, type CanvasActions, type CanvasCapture } from '../canvas/BoardCanvas';
import { tabCaptureRect, type CaptureArea, type CaptureScale } from '../canvas/capture';
import { plainKey, withMod } from '../canvas/shortcuts';
import { ShortcutHelp } from '../canvas/ShortcutHelp';
import { useShortcutListener, useShortcuts } from '../canvas/useShortcuts';
import { useCameraFraming } from '../canvas/useCameraFraming';
import { useCanvasFocus } from '../canvas/useCanvasFocus';
import { centreOn, visibleWorldRect } from '../canvas/camera';
import { rectsIntersect, unionRects, worldPoint, type Rect, type Size } from '../lib/geometry';
import { boundsOfItems, itemsForView } from '../canvas/items';
import { connectionIndicator } from '../collab/connection';
import { useValue, useValueBy } from '../lib/hooks';
import { peopleKey } from '../collab/presence';
import type { Identity } from '../collab/identity';
import type { BoardSession } from '../collab/session';
import { useFreeCanvas } from '../freeCanvas/useFreeCanvas';
import { useFacilitation } from '../facilitation/useFacilitation';
import { BoardHeader } from './BoardHeader';
import { DamagedRecords } from './DamagedRecords';
import { TabEmptyState } from './EmptyState';
import { NameDialog } from './NameDialog';
import { Toolbar, panelId, tabId } from './Toolbar';
import { ShareButton } from './share/ShareButton';
import { ExportMenu } from '../exports/ExportMenu';
import type { CreatedBoard } from '../collab/api';
import { remember } from './useRecentBoards';
import { FacilitationControls } from '../facilitation/FacilitationControls';
import { CommentLayer } from '../comments/CommentLayer';
import { CommentsPanel } from '../comments/CommentsPanel';
import { commentsUiFor } from '../comments/commentsUi';
import { commentCandidates, locatorFor } from '../comments/locate';
import { useCommentWriter } from '../comments/useCommentWriter';
import { FollowBanner } from '../facilitation/follow/FollowBanner';
import { useFollow } from '../facilitation/follow/useFollow';
import { SummonBanner } from '../facilitation/summon/SummonNotice';
import { CompareOverlay } from '../canvas/CompareOverlay';
import { CompareLegend } from '../review/CompareLegend';
import { marksFor, type CompareEntry } from '../review/compareMarks';
import { useCompareEntries } from '../review/useCompareEntries';
import type { CompareView } from '../review/useCompareView';
import { useSummon } from '../facilitation/summon/useSummon';
import { LockedNotice } from '../facilitation/locks/LockedNotice';
import { lockedFor, sayLocked, useAnyLock } from '../collab/locks';

/** The canvas element's id: the skip link's target. */
const CANVAS_ID = 'board-canvas';

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
  /** A comparison to show on the canvas and beside it, and how to end it. */
  compare?: CompareView | null;
  onCloseCompare?(): void;
}

/** The board page once a session exists: header, toolbar, canvas with the board's layers and the free canvas, side panels. */
export function BoardWorkspace({ session, title, role, identity, onIdentity, headerActions, banner, compare = null, onCloseCompare }: BoardWorkspaceProps) {
  // Until the server has told us our role, nothing offers editing.
  const editable = role !== null && canEdit(role);
  const [view, setView] = useState<BoardView>(() => openingView(session.options.boardId));
  const viewRef = useRef(view);
  viewRef.current = view;
  const [editingName, setEditingName] = useState(false);
  const canvasRef = useRef<HTMLDivElement>(null);
  const captureRef = useRef<CanvasCapture | null>(null);

  const connection = useValue(session.connection);
  const indicator = connectionIndicator(connection, role);
  const peers = useValueBy(session.peers, peopleKey);
  const undoState = useValue(session.undoState);

  // The paint snapshot is the server's whole board too: frame on it rather than move the camera after the sync.
  const contentReady = connection.synced || connection.painted || (connection.localLoaded && connection.status === 'disconnected');
  /** The tab's structured content plus its free items, for zoom-to-fit. */
  const boundsFor = useCallback(
    (forView: string): Rect | null => {
      const tab = tabFor(forView as BoardView);
      const content = tab.contentBounds?.(session) ?? null;
      const free = boundsOfItems(itemsForView(session.canvasItems.getSnapshot(), tab.view).filter((item) => item.kind !== 'connector'));
      return unionRects([content, free].filter((rect): rect is Rect => rect !== null));
    },
    [session],
  );
  const framing = useCameraFraming({
    view,
    contentReady,
    boundsFor,
    fitting: (forView) => {
      const tab = tabFor(forView as BoardView);
      return { insetTop: tab.insetTop, insetLeft: tab.insetLeft, labelPx: tab.labelPx, anchor: tab.readableAnchor };
    },
  });
  const { camera, viewport } = framing;

  const tab = tabFor(view);
  const free = useFreeCanvas({
    session,
    tab,
    view,
    // A tab drawn as a page (no canvas) has no free items to add or edit.
    editable: editable && !tab.Page,
    author: identity.name,
    camera,
    viewport: () => viewport.current,
    touchCamera: framing.touch,
    reveal: framing.reveal,
    canvasElement: () => canvasRef.current?.querySelector<HTMLElement>('.canvas') ?? null,
  });

  const facilitation = useFacilitation({ session, tab, view, role, selectedIds: free.tabSelectedIds, camera, name: identity.name });

  const switchView = (next: BoardView) => {
    if (next === viewRef.current) return;
    free.leaveTab();
    framing.switchTo(next);
    // Right away, so following or a summon that switches and then moves the camera sees the new tab.
    viewRef.current = next;
    setView(next);
    session.setView(next);
    showViewInAddress(session.options.boardId, next);
  };

  // Following a person, and the owner's "Bring everyone here".
  const switchViewRef = useRef(switchView);
  switchViewRef.current = switchView;
  const viewControl = useMemo(
    () => ({ camera, viewportSize: () => viewport.current, view: () => viewRef.current, switchView: (next: BoardView) => switchViewRef.current(next) }),
    [camera, viewport],
  );
  const follow = useFollow(session, viewControl);
  const summon = useSummon(session, viewControl, follow, identity.name);

  // Comment threads.
  const people = useMemo(() => [...new Set(peers.map((p) => p.user.name))], [peers]);
  const commentWriter = useCommentWriter(session, role, identity.name, people);
  const locate = useMemo(() => locatorFor(session), [session]);
  const followRef = useRef(follow);
  followRef.current = follow;
  const revealThread = useCallback(
    (thread: { root: { targetId: string | null; view: BoardView | null; x: number | null; y: number | null } }) => {
      const { targetId, view: pointView, x, y } = thread.root;
      const found = targetId ? locate(targetId) : pointView && x !== null && y !== null ? { view: pointView, rect: { x, y, width: 1, height: 1 } } : null;
      if (!found) return;
      const rect = found.rect;
      followRef.current.moveTo(found.view, (size) => {
        const current = camera.get();
        return rectsIntersect(rect, visibleWorldRect(current, size)) ? current : centreOn(worldPoint(rect.x + rect.width / 2, rect.y + rect.height / 2), size, current.zoom);
      });
      framing.touch();
    },
    [locate, camera, framing],
  );

  // A comparison with a review point: marks on the canvas, the list beside it.
  const changes = useCompareEntries(compare, session, BOARD_TABS);
  const changeMarks = useMemo(() => marksFor(changes, view), [changes, view]);
  const goToChange = useCallback(
    (entry: CompareEntry) => {
      const rect = entry.now ?? entry.before;
      if (!entry.view || !rect) {
        const target = BOARD_TABS.find((t) => t.view === entry.group);
        if (target) switchViewRef.current(target.view);
        return;
      }
      follow.moveTo(entry.view, (size) => centreOn(worldPoint(rect.x + rect.width / 2, rect.y + rect.height / 2), size, camera.get().zoom));
      framing.touch();
    },
    [follow, camera, framing],
  );
  const compareLegend = compare && (
    <CompareLegend
      title={`${compare.comparison.from.name} → ${compare.comparison.to.id === 'current' ? 'now' : compare.comparison.to.name}`}
      entries={changes}
      view={view}
      tabLabel={(v) => tabFor(v).label}
      onGo={goToChange}
      onClose={() => onCloseCompare?.()}
    />
  );

  // While any lock is set, the canvas asks what is under the pointer: free items, and the records a person drags on this tab.
  const anyLock = useAnyLock(session);
  const lockedAt = (world: { x: number; y: number }): string | null => {
    const item = free.editableAt(world);
    const id = item ?? (tab.dragsRecords ? (tab.recordAt?.(session, world) ?? null) : null);
    return id ? lockedFor(session, view, id) : null;
  };
  const actions: CanvasActions = {
    ...free.canvasActions,
    ...(anyLock ? { lockedAt, locked: (id: string) => lockedFor(session, view, id), refuse: (message: string) => sayLocked(session, message) } : {}),
    // A locked item is not opened for editing; the server would refuse the change anyway.
    edit: (id) => {
      if (!facilitation.guard(id)) free.canvasActions.edit(id);
    },
    pointer: (world) => session.setCursor(world),
    cameraMoved: framing.touch,
    resize: (size) => {
      framing.resized(size);
      follow.publishViewport();
    },
  };

  // Board-wide shortcuts; typing in a field or the list's own keys take precedence.
  useShortcutListener();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts([
    { group: 'Board', keys: 'Ctrl+Z', description: 'Undo your last change', match: (e) => withMod(e) && !e.shiftKey && e.key.toLowerCase() === 'z' && editable, run: (e) => (e.preventDefault(), session.undo()) },
    { group: 'Board', keys: 'Ctrl+Shift+Z', description: 'Redo', match: (e) => withMod(e) && e.shiftKey && e.key.toLowerCase() === 'z' && editable, run: (e) => (e.preventDefault(), session.redo()) },
    { group: 'Board', keys: 'Ctrl+Y', description: 'Redo', match: (e) => withMod(e) && e.key.toLowerCase() === 'y' && editable, run: (e) => (e.preventDefault(), session.redo()) },
    { group: 'Board', keys: '+', description: 'Zoom in', match: plainKey('+', '='), run: () => framing.zoom.zoomIn() },
    { group: 'Board', keys: '-', description: 'Zoom out', match: plainKey('-'), run: () => framing.zoom.zoomOut() },
    { group: 'Board', keys: 'Shift+1', description: 'Zoom to fit', match: (e) => e.shiftKey && e.key === '!', run: () => framing.zoom.fit() },
    { group: 'Board', keys: 'Shift+2', description: 'Presentation size: labels large enough for a projector', match: (e) => e.shiftKey && (e.key === '@' || e.code === 'Digit2'), run: () => framing.zoom.presentation() },
    { group: 'Board', keys: 'Space+drag', description: 'Pan (or drag empty canvas, or the middle button)' },
    { group: 'Board', keys: 'Two fingers', description: 'Pinch to zoom, drag to pan (touch screens)' },
    { group: 'Board', keys: 'Ctrl+wheel', description: 'Zoom at the pointer' },
    { group: 'Comments', keys: 'Shift+C', description: 'Comment on the selected item, or click the canvas to comment there', match: (e) => e.shiftKey && !withMod(e) && e.key.toLowerCase() === 'c' && commentWriter.canWrite, run: (e) => {
      e.preventDefault();
      const ui = commentsUiFor(session);
      const [selected] = free.tabSelectedIds;
      if (free.tabSelectedIds.size === 1 && selected) ui.update({ draft: { kind: 'record', id: selected }, tool: false, openId: null });
      else ui.update({ tool: !ui.state.get().tool, draft: null });
    } },
    { group: 'Board', keys: '?', description: 'Show these shortcuts', match: (e) => e.key === '?' && !withMod(e), run: () => setHelpOpen(true) },
  ]);

  const boardContext = useMemo<BoardContext>(
    () => ({ session, editable, camera, identity, role, viewportSize: () => viewport.current, reveal: framing.reveal }),
    [session, editable, camera, identity, role, viewport, framing.reveal],
  );

  // Keyboard focus over the tab's items: the board's records, then the free notes, text and frames.
  const canvasFocus = useCanvasFocus({
    container: () => document.getElementById(CANVAS_ID),
    items: () => [...(tab.focusables?.(boardContext) ?? []), ...free.focusables(actions.edit)],
    camera,
    viewportSize: () => viewport.current,
    cameraMoved: framing.touch,
    label: `${tab.label} canvas`,
    group: 'Canvas items',
    hints: [
      { group: 'Canvas items', keys: 'Tab, or Skip to canvas', description: 'Give the canvas the keyboard (the link is the first stop on the page)' },
      { group: 'Canvas items', keys: 'Ctrl+Arrows (on a note)', description: 'Nudge the note, text or frame' },
      ...(tab.focusHints ?? []),
    ],
    subscribe: (listener) => {
      session.doc.on('update', listener);
      return () => session.doc.off('update', listener);
    },
    resetKey: view,
  });

  const picture = (area: CaptureArea, scale: CaptureScale) => {
    const capture = captureRef.current;
    if (!capture) return Promise.resolve(null);
    if (area === 'visible') return capture.visible(scale);
    const rect = tabCaptureRect(boundsFor(view));
    return rect ? capture.region(rect, scale) : Promise.resolve(null);
  };
  const openRestored = (board: CreatedBoard) => {
    remember({ id: board.id, title: board.title, role: 'owner', token: board.tokens.owner, tokens: board.tokens, lastOpened: Date.now() });
    location.assign(shareLinkPath(board.id, board.tokens.owner));
  };
  const { CanvasLayers, CanvasOverlay, SidePanel, Page } = tab;
  // The parts below hold still while only the free items change (someone moves a note, which re-renders
  // this component): the same element is skipped by React, so a note moved elsewhere does not re-render
  // the board's panel, layers, comments or notices.
  const notices = useMemo(() => BOARD_TABS.map((t) => t.Notice && <t.Notice key={t.view} {...boardContext} />), [boardContext]);
  const damaged = useMemo(() => <DamagedRecords session={session} />, [session]);
  const layers = useCallback((size: Size) => (CanvasLayers ? <CanvasLayers {...boardContext} size={size} /> : null), [CanvasLayers, boardContext]);
  const overlay = useMemo(() => CanvasOverlay && <CanvasOverlay {...boardContext} />, [CanvasOverlay, boardContext]);
  const sidePanel = useMemo(() => SidePanel && <SidePanel {...boardContext} />, [SidePanel, boardContext]);
  const candidates = useCallback((forView: BoardView) => commentCandidates(session, forView), [session]);
  const commentLayer = useMemo(
    () => <CommentLayer session={session} view={view} camera={camera} me={identity.name} people={people} writer={commentWriter} locate={locate} candidates={candidates} />,
    [session, view, camera, identity.name, people, commentWriter, locate, candidates],
  );
  const commentsPanel = useMemo(
    () => <CommentsPanel session={session} me={identity.name} people={people} writer={commentWriter} reveal={revealThread} />,
    [session, identity.name, people, commentWriter, revealThread],
  );
  return (
    <div className="board-page">
      {!Page && (
        <a
          className="skip-link"
          href={`#${CANVAS_ID}`}
          onClick={(event) => {
            event.preventDefault();
            document.getElementById(CANVAS_ID)?.focus();
          }}
        >
          Skip to canvas
        </a>
      )}
      <BoardHeader
        title={title}
        role={role}
        indicator={indicator}
        peers={peers}
        onEditName={() => setEditingName(true)}
        onFollow={(peer) => (follow.leader?.clientId === peer.clientId ? follow.stop() : follow.follow(peer.clientId))}
        followingId={follow.leader?.clientId ?? null}
        actions={<><FacilitationControls session={session} isOwner={role === 'owner'} name={identity.name} summon={summon} />{headerActions}<ExportMenu boardId={session.options.boardId} token={session.options.token} title={title} tabLabel={tab.label} role={role} picture={picture} onRestored={openRestored} /><ShareButton boardId={session.options.boardId} title={title} role={role} token={session.options.token} /><PartnersControl session={session} editable={editable} /></>} notices={damaged} />
      {banner}
      <div className="board-notices">{notices}</div>
      <Toolbar
        view={view}
        onView={switchView}
        editable={editable}
        tools={free.tools}
        undo={undoState}
        camera={camera}
        zoom={framing.zoom}
        onUndo={() => session.undo()}
        onRedo={() => session.redo()}
        canvas={!Page}
      />
      {Page ? (
        <div className="board-body board-page-tab" id={panelId} role="tabpanel" aria-labelledby={tabId(view)}>
          {compareLegend}
          <Page {...boardContext} />
          <div className="facilitation-notices">
            <FollowBanner follow={follow} />
            <SummonBanner summon={summon} />
          </div>
        </div>
      ) : (
      <div className="board-body" id={panelId} role="tabpanel" aria-labelledby={tabId(view)} ref={canvasRef}>
        <BoardCanvas
          items={free.notes}
          editableAt={free.editableAt}
          view={view}
          camera={camera}
          peers={session.peers}
          editable={editable}
          selectedIds={free.selectedIds}
          editingId={free.editingId}
          actions={actions}
          label={`${tab.label} canvas`}
          id={CANVAS_ID}
          focus={canvasFocus}
          capture={captureRef}
          layers={CanvasLayers ? layers : undefined}
          under={free.under}
          over={free.over}
          screenOverlay={compare ? (at, size) => <CompareOverlay marks={changeMarks} camera={at} size={size} /> : undefined}
          underShown={free.underShown}
          overShown={free.overShown}
        >
          <TabEmptyState key={tab.view} tab={tab} editable={editable} session={session} notes={free.items.length} />
          {overlay}
          {free.editor}
          {facilitation.overlay}
          {commentLayer}
          <div className="facilitation-notices">
            <LockedNotice session={session} />
            <FollowBanner follow={follow} />
            <SummonBanner summon={summon} />
          </div>
        </BoardCanvas>
        <div className="board-side">
          {compareLegend}
          {facilitation.panel}
          {commentsPanel}
          {sidePanel}
          {free.list}
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
