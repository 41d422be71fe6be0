import type { ComponentType } from 'react';
import type { BoardView, CollectionName, Role } from '@pc/shared';
import type { Camera, ReadableAnchor } from '../canvas/camera';
import type { ShortcutHint } from '../canvas/shortcuts';
import type { FocusableItem } from '../canvas/useCanvasFocus';
import type { Point, Rect, Size } from '../lib/geometry';
import type { Identity } from '../collab/identity';
import type { BoardSession } from '../collab/session';
import type { ValueStore } from '../lib/valueStore';

/** What a board's own components get from the shell. */
export interface BoardContext {
  session: BoardSession;
  /** False for view links and until the server has told us our role. */
  editable: boolean;
  /** The link's role once the server has told us (owner-only settings need it); null before. */
  role: Role | null;
  camera: ValueStore<Camera>;
  /** The canvas's current size in screen pixels. */
  viewportSize(): Size;
  identity: Identity;
  /** Bring a world rectangle into view (e.g. when its row in the list gets focus). */
  reveal(rect: Rect): void;
}

export interface BoardCanvasLayersProps extends BoardContext {
  size: Size;
}

/** What the board shell needs to know about each board tab. */
export interface BoardTab {
  view: BoardView;
  label: string;
  /** One line under the tab title in the empty state. */
  purpose: string;
  /** Shown while the tab holds nothing at all. */
  comingSoon: string;
  /** The board's structured content: Konva layers drawn under the free sticky notes. */
  CanvasLayers?: ComponentType<BoardCanvasLayersProps>;
  /** DOM drawn over the canvas: layout switchers, legends, table views. */
  CanvasOverlay?: ComponentType<BoardContext>;
  /** The board's side panel: its accessible list or table and its editors. */
  SidePanel?: ComponentType<BoardContext>;
  /**
   * A tab made of DOM rather than canvas (forms, tables, rich text): when set,
   * the shell shows it in place of the canvas and side panel, and offers no
   * sticky notes or zoom on that tab.
   */
  Page?: ComponentType<BoardContext>;
  /** A line the board shows under the header on every tab (a reminder), or nothing. */
  Notice?: ComponentType<BoardContext>;
  /** Screen pixels at the top of the canvas that the board's floating toolbars cover; zoom-to-fit keeps content below them. */
  insetTop?: number;
  /** Screen pixels at the left of the canvas that the board's floating panels cover (a tray, a legend); framing keeps content right of them. */
  insetLeft?: number;
  /** World bounds of the structured content, so zoom-to-fit frames it with the notes. */
  contentBounds?(session: BoardSession): Rect | null;
  /** World area the board's own content covers (matrix, columns, grid): a double-click there acts on the board and never adds a note. */
  ownArea?(session: BoardSession): Rect | null;
  /**
   * The world rectangle where one of the board's records (a stakeholder card, a
   * matrix row's band, a logic card) is drawn right now, or null when it is not
   * drawn on this tab. Connectors, comments and votes anchor to it; use
   * `boundsOfAnything` (freeCanvas/bounds.ts) to cover free items too.
   */
  recordBounds?(session: BoardSession, id: string): Rect | null;
  /**
   * Make `to` (a read-only session over another state of this board, e.g. a
   * review point) lay the tab out the way `from` does now (layout choice,
   * filters, collapsed groups), so `recordBounds` on the two can be compared
   * place by place. Tabs whose layout follows the document alone leave it out.
   */
  matchLayout?(from: BoardSession, to: BoardSession): void;
  /** The record drawn at a world point (the topmost), for a connector dropped on it; null on empty board. */
  recordAt?(session: BoardSession, point: Point): string | null;
  /** A press that moves on one of this tab's records drags it (stakeholder cards, logic cards), rather than panning: a locked one then says why it stays. */
  dragsRecords?: boolean;
  /** World size of the tab's main labels: the tab opens, and "Presentation size" zooms, so they read at a set screen size. */
  labelPx?: number;
  /** Where the tab starts reading when it cannot be shown whole at a readable size (default the centre). */
  readableAnchor?: ReadableAnchor;
  /**
   * The board's records the keyboard steps through on the canvas (stakeholder
   * cards, matrix rows, logic cards), each with where it is drawn, what a screen
   * reader says for it, and what Enter, Delete and Ctrl+arrows do to it.
   */
  focusables?(context: BoardContext): FocusableItem[];
  /** The `?` help's lines for what those keys do on this tab. */
  focusHints?: readonly ShortcutHint[];
  /** Collections holding the board's structured content; any record in them hides the empty state. */
  contentCollections?: readonly CollectionName[];
}

/**
 * What each board exports (from its `index.ts`): its tab for the shell, the
 * factory of its per-session store (the session keeps one per open board and
 * destroys it with itself: `session.storeFor(createStore)`), and its actions,
 * each called as `action(session, ...arguments)`.
 */
export interface BoardModule<Store extends object = object, Actions extends object = object> {
  tab: BoardTab;
  createStore(session: BoardSession): Store;
  actions: Actions;
}
