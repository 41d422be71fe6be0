import type { BoardView, CanvasItem, CollectionName, Lock, LockableCollection } from '../../schema';
import { carriedIds, type PlacedItem } from '../canvas/frames';

/**
 * Facilitator locks, as pure rules over plain records: what a lock covers,
 * which lock holds a record still, and the sentence a person sees when a
 * change is refused. The server's update gate and the client's canvas both
 * call these, so the screen blocks exactly what the server refuses.
 *
 * A record is held by a lock on itself, on the tab it is drawn on, or (a free
 * item) on a frame that holds it (`carriedIds`: frames in frames too). A
 * matrix cell is held with its row. The template choice is held by a template
 * lock or a lock on the logic model tab.
 */

/** The fields lock rules read; any record of any collection fits. */
export type LockSubjectRecord = Partial<Pick<CanvasItem, 'kind' | 'view' | 'x' | 'y' | 'width' | 'height'>> & {
  rowId?: unknown;
};

/** One side (before or after a change) of the board as lock rules see it. */
export interface LockWorld {
  locks: readonly Lock[];
  record(collection: CollectionName, id: string): LockSubjectRecord | undefined;
  /** Every free item's place (read only when a frame is locked). */
  canvasItems(): readonly PlacedItem[];
}

/** Deterministic ids: locking twice (two facilitator windows) makes one lock, and unlocking finds it. */
export function recordLockId(collection: LockableCollection, recordId: string): string {
  return `lock:${collection}:${recordId}`.slice(0, 64);
}
export function tabLockId(view: BoardView): string {
  return `lock:tab:${view}`;
}
export const TEMPLATE_LOCK_ID = 'lock:template';

/** The tab a record is drawn on, or null for records of no tab (comments, votes). */
export function viewOfRecord(collection: CollectionName, record: LockSubjectRecord | undefined): BoardView | null {
  switch (collection) {
    case 'canvasItems':
      return record?.view ?? 'stakeholder-map';
    case 'stakeholders':
    case 'relationships':
      return 'stakeholder-map';
    case 'partners':
    case 'matrixRows':
    case 'matrixCells':
      return 'skills-matrix';
    case 'logicNodes':
    case 'logicLinks':
      return 'logic-model';
    default:
      return null;
  }
}

const TAB_NAMES: Record<BoardView, string> = {
  'stakeholder-map': 'stakeholder map',
  'skills-matrix': 'skills matrix',
  'logic-model': 'logic model',
  health: 'health check',
};

const KIND_NOUNS: Record<string, string> = { sticky: 'note', text: 'text', frame: 'frame', connector: 'connector' };

/** "note", "stakeholder", "logic model card": what a person calls the record. */
export function recordNoun(collection: CollectionName, record: LockSubjectRecord | undefined): string {
  switch (collection) {
    case 'canvasItems':
      return KIND_NOUNS[record?.kind ?? 'sticky'] ?? 'item';
    case 'stakeholders':
      return 'stakeholder';
    case 'relationships':
      return 'relationship';
    case 'partners':
      return 'partner';
    case 'matrixRows':
      return 'matrix row';
    case 'matrixCells':
      return 'matrix cell';
    case 'logicNodes':
      return 'card';
    case 'logicLinks':
      return 'link';
    default:
      return 'item';
  }
}

export function findTabLock(locks: readonly Lock[], view: BoardView): Lock | null {
  return locks.find((lock) => lock.kind === 'tab' && lock.view === view) ?? null;
}

export function findTemplateLock(locks: readonly Lock[]): Lock | null {
  return locks.find((lock) => lock.kind === 'template') ?? findTabLock(locks, 'logic-model');
}

function findRecordLock(locks: readonly Lock[], collection: CollectionName, id: string): Lock | null {
  return locks.find((lock) => lock.kind === 'record' && lock.collection === collection && lock.recordId === id) ?? null;
}

/** The locked frames that hold a free item (directly or through frames in frames), nearest first. */
function holdingFrameLock(world: LockWorld, id: string): Lock | null {
  const frameLocks = world.locks.filter((lock) => lock.kind === 'record' && lock.collection === 'canvasItems');
  if (frameLocks.length === 0) return null;
  const items = world.canvasItems();
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const lock of frameLocks) {
    const frame = byId.get(lock.recordId ?? '');
    if (frame?.kind !== 'frame' || frame.id === id) continue;
    if (carriedIds([frame.id], items).has(id)) return lock;
  }
  return null;
}

export interface Held {
  lock: Lock;
  /** How the lock reaches the record. */
  how: 'itself' | 'tab' | 'frame' | 'row';
}

/** The lock holding a record still in this world, or null. */
export function lockHolding(world: LockWorld, collection: CollectionName, id: string): Held | null {
  if (world.locks.length === 0) return null;
  const record = world.record(collection, id);
  const own = findRecordLock(world.locks, collection, id);
  if (own) return { lock: own, how: 'itself' };
  const view = viewOfRecord(collection, record);
  const tab = view ? findTabLock(world.locks, view) : null;
  if (tab) return { lock: tab, how: 'tab' };
  if (collection === 'matrixCells' && typeof record?.rowId === 'string') {
    const row = findRecordLock(world.locks, 'matrixRows', record.rowId);
    if (row) return { lock: row, how: 'row' };
  }
  if (collection === 'canvasItems' && record) {
    const frame = holdingFrameLock(world, id);
    if (frame) return { lock: frame, how: 'frame' };
  }
  return null;
}

/** The sentence for a refused change to a held record: "This card is locked by the facilitator". */
export function describeHeld(held: Held, collection: CollectionName, record: LockSubjectRecord | undefined): string {
  const noun = recordNoun(collection, record);
  switch (held.how) {
    case 'itself':
      return `This ${noun} is locked by the facilitator`;
    case 'tab':
      return `The ${TAB_NAMES[held.lock.view ?? 'stakeholder-map']} is locked by the facilitator`;
    case 'frame':
      return `This ${noun} is in a frame locked by the facilitator`;
    case 'row':
      return 'This matrix row is locked by the facilitator';
  }
}

export const TEMPLATE_LOCKED_MESSAGE = 'The logic model template is locked by the facilitator';

export interface TouchedSubject {
  collection: CollectionName;
  id: string;
  change: 'created' | 'updated' | 'deleted';
}

/**
 * Why a change (records touched, board settings set) may not be made under
 * the board's locks, or null. Each record is judged before the change (an
 * edit, a move out of a locked frame, a deletion) and after it (a note
 * dropped into a locked frame, a card added to a locked tab).
 */
export function lockRefusal(
  touched: readonly TouchedSubject[],
  metaKeys: readonly string[],
  before: LockWorld,
  after: LockWorld,
): string | null {
  if (before.locks.length === 0) return null;
  if (metaKeys.includes('logicTemplate') && findTemplateLock(before.locks)) return TEMPLATE_LOCKED_MESSAGE;
  for (const { collection, id, change } of touched) {
    if (change !== 'created') {
      const held = lockHolding(before, collection, id);
      if (held) return describeHeld(held, collection, before.record(collection, id));
    }
    if (change !== 'deleted') {
      const held = lockHolding(after, collection, id);
      if (held) return describeHeld(held, collection, after.record(collection, id));
    }
  }
  return null;
}
