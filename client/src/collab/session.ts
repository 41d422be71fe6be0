import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { batchRemoteWrites } from './offlineCopy';
import { sendOfflineCopyAsCatchUp } from './offlineCatchUp';
import { WebsocketProvider } from 'y-websocket';
import { applyLargeSyncsWithoutReencode, readOfflineCopyWithoutReencode } from './largeSync';
import { installFastStringDecoding } from './fastStrings';
import { Awareness } from 'y-protocols/awareness';
import { COLLECTION_NAMES, getCollection, getMetaMap, readMeta, readMetaData, readPaintSnapshot, refusalFromClose, type BoardView, type CollectionName, type Meta, type PaintSnapshot } from '@pc/shared';
import { CollectionStore } from './collectionStore';
import { adoptingWebSocket, earlyPaint, syncParams, syncServerUrl, syncSocketUrl } from './earlySocket';
import { cleanSyncUrls, nextSyncUrl } from './failover';
import { INITIAL_CONNECTION, MAX_RECONNECT_MS, accessProblemFromCloseCode, reconnectDelay, type ConnectionState } from './connection';
import { peersFromStates, type Peer, type PresenceState } from './presence';
import { throttle, type Throttled } from '../lib/throttle';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import type { Point, Rect } from '../lib/geometry';
import { afterFramesShown } from '../lib/afterPaint';

/** ~20 cursor updates a second: smooth enough to follow, cheap for a 40-person room. */
export const CURSOR_INTERVAL_MS = 50;
/** Edits within this window undo together (a drag's many writes are one step). */
export const UNDO_CAPTURE_MS = 600;
/** Viewport changes reach followers ~8 times a second: smooth enough to follow, cheap for a large room. */
export const VIEWPORT_INTERVAL_MS = 120;

export interface SessionOptions {
  boardId: string;
  token: string;
  user: { name: string; colour: string };
  view: BoardView;
  /**
   * Open this state (one Yjs update: a review point) read-only instead of the
   * live board: no server connection, no offline copy, nothing shared.
   */
  snapshot?: Uint8Array;
}

/** A board's store of derived state for one session: made on first use, destroyed (when it has `destroy`) with the session. */
export type SessionStore = object & { destroy?(): void };

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * Everything one open board needs to collaborate: the Y.Doc, the server connection,
 * the offline copy, presence and per-user undo. React components read from it
 * through small stores; they never talk to Yjs transports directly.
 */
export class BoardSession {
  readonly doc = new Y.Doc();
  /** Transaction origin of this person's edits; undo tracks only these. */
  readonly localOrigin = { kind: 'local-user' } as const;
  /** Null for a review point opened read-only. */
  readonly provider: WebsocketProvider | null;
  readonly awareness: Awareness;
  readonly persistence: IndexeddbPersistence | null;
  readonly undoManager: Y.UndoManager;
  readonly canvasItems: CollectionStore<'canvasItems'>;
  readonly connection: ValueStore<ConnectionState> = createValueStore(INITIAL_CONNECTION);
  readonly peers: ValueStore<Peer[]>;
  readonly undoState: ValueStore<UndoState> = createValueStore<UndoState>({ canUndo: false, canRedo: false });
  /**
   * Set when the server refused one of this copy's changes for good (a lock,
   * an owner-only part): the sentence to show. The session has stopped
   * connecting; the page drops this copy and its offline copy (`discard`)
   * and opens the board afresh, so the refused change is never sent again.
   */
  readonly refused: ValueStore<string | null> = createValueStore<string | null>(null);
  private readonly publishCursor: Throttled<[Point | null]>;
  private readonly publishViewport: Throttled<[Rect]>;
  private readonly cleanups: (() => void)[] = [];
  private readonly stores = new Map<CollectionName, CollectionStore<CollectionName>>();
  private readonly boardStores = new Map<(session: BoardSession) => object, SessionStore>();
  /** Every node's sync URL, when the server runs several (empty: the page's own host only). */
  private syncUrls: string[] = [];
  /** The board settings as `meta()` last read them, and the version of the settings and the paint snapshot they were read from. */
  private metaRead: { version: number; paint: PaintSnapshot | null; record: Meta } | null = null;
  /** Counts transactions that changed the settings (meta map), told before any observer runs. */
  private metaVersion = 0;
  /** The server's paint snapshot, drawn until the first sync (null after it, or without one). */
  private paint: PaintSnapshot | null = null;
  /** The parsed message `paint` was read from. */
  private paintJson: unknown = undefined;
  private destroyed = false;

  constructor(readonly options: SessionOptions) {
    // Before anything is decoded: the first sync reads every record's strings.
    installFastStringDecoding();
    // Before any observer hears of a change to the settings, `meta()` stops answering from its last read.
    const metaMap = getMetaMap(this.doc) as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;
    this.doc.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      if (transaction.changed.has(metaMap) || transaction.changedParentTypes.has(metaMap)) this.metaVersion += 1;
    });
    const { boardId, token } = options;
    if (options.snapshot) {
      Y.applyUpdate(this.doc, options.snapshot);
      this.persistence = null;
      this.provider = null;
      this.awareness = new Awareness(this.doc);
      this.patchConnection({ status: 'connected', synced: true, hasBeenLive: true, localLoaded: true });
    } else {
      // Offline copy first, so a board opens on a train; it merges with the server's on reconnect.
      this.persistence = typeof indexedDB === 'undefined' ? null : new IndexeddbPersistence(`pc-board-${boardId}`, this.doc);
      this.persistence?.whenSynced.then(
        () => this.patchConnection({ localLoaded: true }),
        () => this.patchConnection({ localLoaded: false }),
      );

      // The early socket may hold the board's paint snapshot already: the first render draws it.
      const painted = earlyPaint(syncSocketUrl(location, boardId, token));
      if (painted !== undefined) {
        try {
          this.readPaint(painted);
        } catch (error) {
          console.warn('Could not draw the board before its sync; reading the sync instead', error);
        }
      }

      const provider = new WebsocketProvider(syncServerUrl(location), boardId, this.doc, {
        params: syncParams(token),
        // Takes over the socket the page opened before the app started, if it is this board's;
        // a large board's records arrive first as a paint snapshot, drawn before the sync is read.
        WebSocketPolyfill: adoptingWebSocket((json) => this.drawPaint(json)),
        // Tabs sync through the server and IndexedDB. A BroadcastChannel would let a
        // view-only tab hand edits to an editing tab of the same browser.
        disableBc: true,
        maxBackoffTime: MAX_RECONNECT_MS,
      });
      // y-websocket backs off exponentially but without jitter; after a server restart
      // every client would return in the same millisecond. It caps each wait at
      // maxBackoffTime, read after this event, so a jittered cap spreads them out.
      provider.on('connection-close', (event) => {
        provider.maxBackoffTime = reconnectDelay(provider.wsUnsuccessfulReconnects + 1, Math.random());
        const refusal = event ? refusalFromClose(event.code, event.reason) : null;
        if (refusal) {
          // Reconnecting would send the refused change again, and be refused again: stop here.
          provider.shouldConnect = false;
          this.refused.set(refusal);
        }
        // Several nodes: the next attempt goes to another one (its node may be the one that died).
        if (this.syncUrls.length > 0) provider.serverUrl = nextSyncUrl(this.syncUrls, provider.serverUrl);
      });
      provider.on('status', ({ status }) => this.patchConnection({ status, ...(status !== 'connected' ? { synced: false } : {}) }));
      // What the server sent is kept there: the offline copy writes it merged, once a second.
      if (this.persistence) this.cleanups.push(batchRemoteWrites(this.doc, this.persistence, (origin) => origin === provider));
      provider.on('sync', (synced: boolean) => {
        if (synced) this.settlePaint();
        this.patchConnection(synced ? { synced, hasBeenLive: true } : { synced });
      });
      provider.on('closed', (close: { code: number }) => {
        const problem = accessProblemFromCloseCode(close.code);
        if (problem) this.patchConnection({ accessProblem: problem, status: 'disconnected' });
      });
      applyLargeSyncsWithoutReencode(provider);
      // The offline copy's content goes to the server as what it lacks, not as the whole board.
      const persistence = this.persistence;
      if (persistence) {
        const isCopyLoad = (origin: unknown) => origin === persistence;
        this.cleanups.push(sendOfflineCopyAsCatchUp(provider, isCopyLoad), readOfflineCopyWithoutReencode(this.doc, isCopyLoad));
      }
      this.provider = provider;
      this.awareness = provider.awareness;
    }
    const awareness = this.awareness;
    const presence: PresenceState = { user: options.user, cursor: null, view: options.view, viewport: null };
    awareness.setLocalState(presence);
    this.peers = createValueStore(peersFromStates(awareness.getStates(), this.doc.clientID));
    const onAwareness = () => this.peers.set(peersFromStates(awareness.getStates(), this.doc.clientID));
    awareness.on('change', onAwareness);
    this.cleanups.push(() => awareness.off('change', onAwareness));
    this.publishCursor = throttle((cursor: Point | null) => {
      awareness.setLocalStateField('cursor', cursor);
    }, CURSOR_INTERVAL_MS);
    this.publishViewport = throttle((viewport: Rect) => {
      awareness.setLocalStateField('viewport', viewport);
    }, VIEWPORT_INTERVAL_MS);

    // Undo covers every record collection and board settings, but only this person's edits.
    const scope = [...COLLECTION_NAMES.map((name) => getCollection(this.doc, name)), getMetaMap(this.doc)];
    this.undoManager = new Y.UndoManager(scope, {
      trackedOrigins: new Set([this.localOrigin]),
      captureTimeout: UNDO_CAPTURE_MS,
    });
    const onUndoStack = () =>
      this.undoState.set({ canUndo: this.undoManager.canUndo(), canRedo: this.undoManager.canRedo() });
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) {
      this.undoManager.on(event, onUndoStack);
    }

    this.canvasItems = this.collection('canvasItems');

    if (typeof window !== 'undefined') {
      const onOnline = () => this.patchConnection({ online: true });
      const onOffline = () => this.patchConnection({ online: false });
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      this.patchConnection({ online: navigator.onLine });
      this.cleanups.push(() => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      });
    }
  }

  /** The server runs several nodes: reconnect to another of these when the socket closes. */
  failOverTo(urls: unknown): void {
    this.syncUrls = cleanSyncUrls(urls);
  }

  /** The live store of one collection, created on first use and shared by every reader. */
  collection<C extends CollectionName>(name: C): CollectionStore<C> {
    let store = this.stores.get(name) as CollectionStore<C> | undefined;
    if (!store) {
      store = new CollectionStore(this.doc, name);
      this.stores.set(name, store as unknown as CollectionStore<CollectionName>);
      const seed = this.paint?.collections[name];
      if (seed) store.seed(seed);
    }
    return store;
  }

  /**
   * The board settings: the document's, or before the first sync the paint
   * snapshot's. Readers re-read on the meta map's changes and on `connection`
   * (which says when a paint snapshot is shown).
   */
  meta(): Meta {
    // Read (every setting through the schema) once per change to the settings: every
    // component showing one asks on each of its renders, and other people's edits re-render them.
    const read = this.metaRead;
    if (read && read.version === this.metaVersion && read.paint === this.paint && !this.doc._transaction) return read.record;
    const record = this.paint && getMetaMap(this.doc).size === 0 ? readMetaData(this.paint.meta).record : readMeta(this.doc).record;
    // Inside a transaction the settings may be changing: read them, keep nothing.
    if (!this.doc._transaction) this.metaRead = { version: this.metaVersion, paint: this.paint, record };
    return record;
  }

  /**
   * A paint snapshot arrived before the first sync reply: every store holds
   * its records (read-only: edits go to the document, which has none of them
   * yet) until the sync, which waits until they have been drawn. Reading a
   * 10,000-note sync takes half a second; this shows the board first.
   */
  private async drawPaint(json: unknown): Promise<void> {
    if (this.destroyed || this.connection.get().synced) return;
    // Read already when the session started (the same parsed message): only wait for it to be shown.
    if (json !== this.paintJson) this.readPaint(json);
    await afterFramesShown();
  }

  /** Hands a paint snapshot's records to the stores (throws, changing nothing, when it does not read). */
  private readPaint(json: unknown): void {
    const paint = readPaintSnapshot(json);
    this.paint = paint;
    this.paintJson = json;
    for (const [name, store] of this.stores) {
      const seed = paint.collections[name];
      if (seed) store.seed(seed);
    }
    this.patchConnection({ painted: true });
  }

  /** The document is synced: it is the only source from here on. */
  private settlePaint(): void {
    if (!this.paint) return;
    this.paint = null;
    for (const store of this.stores.values()) store.settle();
  }

  private patchConnection(patch: Partial<ConnectionState>): void {
    this.connection.set((previous) => ({ ...previous, ...patch }));
  }

  setCursor(cursor: Point | null): void {
    this.publishCursor(cursor);
    if (cursor === null) this.publishCursor.flush();
  }

  /** The world rectangle this person's canvas shows, for people following them (throttled). */
  setViewport(viewport: Rect): void {
    this.publishViewport(viewport);
  }

  setView(view: BoardView): void {
    this.awareness.setLocalStateField('view', view);
  }

  setUser(user: { name: string; colour: string }): void {
    this.awareness.setLocalStateField('user', user);
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  /**
   * Everything this person writes from here until `endGesture` is one undo step,
   * however long the gesture pauses (a group drag that writes as it goes).
   */
  beginGesture(): void {
    this.undoManager.stopCapturing();
    this.undoManager.captureTimeout = Number.POSITIVE_INFINITY;
  }

  endGesture(): void {
    this.undoManager.captureTimeout = UNDO_CAPTURE_MS;
    this.undoManager.stopCapturing();
  }

  /** Start a new undo step, so the next edit does not merge into the previous one. */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  /**
   * The store `create` makes for this session (a board's derived model and UI
   * state): made on first use, the same one after, destroyed with the session.
   */
  storeFor<S extends object>(create: (session: BoardSession) => S): S {
    let store = this.boardStores.get(create) as S | undefined;
    if (!store) {
      store = create(this);
      this.boardStores.set(create, store);
    }
    return store;
  }

  /** Close this session and delete its offline copy, so nothing of it (a refused change) is kept or sent again. */
  async discard(): Promise<void> {
    const persistence = this.persistence;
    if (this.provider) this.provider.shouldConnect = false;
    this.destroy();
    // clearData destroys the persistence and deletes its database.
    if (persistence) await persistence.clearData().catch(() => undefined);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const store of this.boardStores.values()) store.destroy?.();
    this.boardStores.clear();
    this.publishCursor.cancel();
    this.publishViewport.cancel();
    for (const cleanup of this.cleanups) cleanup();
    for (const store of this.stores.values()) store.destroy();
    this.undoManager.destroy();
    this.awareness.setLocalState(null);
    if (this.provider) this.provider.destroy();
    else this.awareness.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }
}
