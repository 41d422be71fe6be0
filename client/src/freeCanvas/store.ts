/**
 * Local (per person) state of the free canvas on one open board: what is
 * selected on each tab (the board's one selection), what is being edited, the tool in hand, and the live
 * geometry of a drag or resize in progress (drawn, and followed by connectors,
 * before it is written to the document). Never synced.
 */
import type { BoardSession } from '../collab/session';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import type { Selection } from '../canvas/selection';
import { selectionFor } from '../canvas/selectionStore';

/** Items being moved together, by this offset from where the document has them. */
export interface LiveMove {
  ids: ReadonlySet<string>;
  dx: number;
  dy: number;
}

/** An item being resized by its corner handle. */
export interface LiveResize {
  id: string;
  width: number;
  height: number;
}

export interface LiveGeometry {
  move: LiveMove | null;
  resize: LiveResize | null;
}

export type FreeTool = 'select' | 'connector';

/** A connector being drawn: from an item or record, to the pointer or the thing under it. */
export interface ConnectorDraft {
  fromId: string;
  to: { x: number; y: number };
  targetId: string | null;
}

export interface FreeCanvasStore {
  /** The board's one selection (`canvas/selectionStore`): free items and board records, per tab. */
  selection: ValueStore<Selection>;
  editingId: ValueStore<string | null>;
  tool: ValueStore<FreeTool>;
  live: ValueStore<LiveGeometry>;
  draft: ValueStore<ConnectorDraft | null>;
  /** The rectangle being dragged out on empty canvas, in world coordinates. */
  box: ValueStore<{ x: number; y: number; width: number; height: number } | null>;
  /** The last copy, for when the system clipboard is refused. */
  memoryClipboard: { text: string | null };
}

export const NO_LIVE_GEOMETRY: LiveGeometry = { move: null, resize: null };

export function createFreeCanvasStore(session: BoardSession): FreeCanvasStore {
  return {
    selection: selectionFor(session),
    editingId: createValueStore<string | null>(null),
    tool: createValueStore<FreeTool>('select'),
    live: createValueStore<LiveGeometry>(NO_LIVE_GEOMETRY),
    draft: createValueStore<ConnectorDraft | null>(null),
    box: createValueStore<{ x: number; y: number; width: number; height: number } | null>(null),
    memoryClipboard: { text: null },
  };
}

/** The free canvas's state for one open board (made on first use, gone with the session). */
export function freeCanvasFor(session: BoardSession): FreeCanvasStore {
  return session.storeFor(createFreeCanvasStore);
}
