import { describe, expect, it } from 'vitest';
import { lockSchema, type CollectionName, type Lock } from '../../schema';
import type { PlacedItem } from '../canvas/frames';
import {
  findTemplateLock,
  lockHolding,
  lockRefusal,
  recordLockId,
  tabLockId,
  TEMPLATE_LOCK_ID,
  type LockSubjectRecord,
  type LockWorld,
} from './locks';

const recordLock = (collection: Lock['collection'], recordId: string) =>
  lockSchema.parse({ id: recordLockId(collection!, recordId), kind: 'record', collection, recordId });
const tabLock = (view: Lock['view']) => lockSchema.parse({ id: tabLockId(view!), kind: 'tab', view });
const templateLock = () => lockSchema.parse({ id: TEMPLATE_LOCK_ID, kind: 'template' });

type Records = Partial<Record<CollectionName, Record<string, LockSubjectRecord>>>;

function world(locks: Lock[], records: Records): LockWorld {
  return {
    locks,
    record: (collection, id) => records[collection]?.[id],
    canvasItems: () =>
      Object.entries(records.canvasItems ?? {}).map(([id, r]) => ({ id, kind: r.kind ?? 'sticky', x: r.x ?? 0, y: r.y ?? 0, width: r.width ?? 100, height: r.height ?? 60 }) as PlacedItem),
  };
}

const board: Records = {
  canvasItems: {
    frame: { kind: 'frame', x: 0, y: 0, width: 400, height: 300, view: 'stakeholder-map' },
    inner: { kind: 'frame', x: 200, y: 20, width: 150, height: 100, view: 'stakeholder-map' },
    inFrame: { kind: 'sticky', x: 20, y: 20, width: 100, height: 60, view: 'stakeholder-map' },
    inInner: { kind: 'sticky', x: 220, y: 40, width: 50, height: 40, view: 'stakeholder-map' },
    outside: { kind: 'sticky', x: 900, y: 900, width: 100, height: 60, view: 'stakeholder-map' },
    logicNote: { kind: 'sticky', x: 0, y: 0, view: 'logic-model' },
  },
  stakeholders: { council: {} },
  matrixRows: { venue: {} },
  matrixCells: { 'venue:p1': { rowId: 'venue' }, 'data:p1': { rowId: 'data' } },
  logicNodes: { card: {} },
};

describe('what a lock covers', () => {
  it('a record lock holds that record only', () => {
    const w = world([recordLock('stakeholders', 'council')], board);
    expect(lockHolding(w, 'stakeholders', 'council')?.how).toBe('itself');
    expect(lockHolding(w, 'logicNodes', 'card')).toBeNull();
  });

  it('a frame lock holds what lies in the frame, frames in frames too, and nothing outside', () => {
    const w = world([recordLock('canvasItems', 'frame')], board);
    expect(lockHolding(w, 'canvasItems', 'frame')?.how).toBe('itself');
    expect(lockHolding(w, 'canvasItems', 'inFrame')?.how).toBe('frame');
    expect(lockHolding(w, 'canvasItems', 'inInner')?.how).toBe('frame');
    expect(lockHolding(w, 'canvasItems', 'outside')).toBeNull();
  });

  it('a lock on a note (not a frame) holds nothing around it', () => {
    const w = world([recordLock('canvasItems', 'inFrame')], board);
    expect(lockHolding(w, 'canvasItems', 'frame')).toBeNull();
  });

  it('a tab lock holds every record and free item drawn on that tab', () => {
    const w = world([tabLock('logic-model')], board);
    expect(lockHolding(w, 'logicNodes', 'card')?.how).toBe('tab');
    expect(lockHolding(w, 'logicLinks', 'any')?.how).toBe('tab');
    expect(lockHolding(w, 'canvasItems', 'logicNote')?.how).toBe('tab');
    expect(lockHolding(w, 'canvasItems', 'outside')).toBeNull();
    expect(lockHolding(w, 'stakeholders', 'council')).toBeNull();
    expect(lockHolding(w, 'comments', 'c1')).toBeNull();
  });

  it('a matrix row lock holds the row and its cells', () => {
    const w = world([recordLock('matrixRows', 'venue')], board);
    expect(lockHolding(w, 'matrixCells', 'venue:p1')?.how).toBe('row');
    expect(lockHolding(w, 'matrixCells', 'data:p1')).toBeNull();
  });

  it('the template choice is held by a template lock or a logic model tab lock', () => {
    expect(findTemplateLock([templateLock()])).not.toBeNull();
    expect(findTemplateLock([tabLock('logic-model')])).not.toBeNull();
    expect(findTemplateLock([tabLock('skills-matrix')])).toBeNull();
  });
});

describe('lockRefusal', () => {
  const locks = [recordLock('canvasItems', 'frame'), recordLock('stakeholders', 'council'), templateLock()];
  const before = world(locks, board);
  const moved = (id: string, x: number, y: number): Records => ({
    ...board,
    canvasItems: { ...board.canvasItems, [id]: { ...board.canvasItems![id]!, x, y } },
  });

  it('refuses editing, moving or deleting a locked record, in words a person understands', () => {
    expect(lockRefusal([{ collection: 'stakeholders', id: 'council', change: 'updated' }], [], before, before)).toBe(
      'This stakeholder is locked by the facilitator',
    );
    expect(lockRefusal([{ collection: 'stakeholders', id: 'council', change: 'deleted' }], [], before, before)).toMatch(/locked/);
    expect(lockRefusal([{ collection: 'canvasItems', id: 'frame', change: 'updated' }], [], before, before)).toBe(
      'This frame is locked by the facilitator',
    );
  });

  it('refuses a note dragged out of a locked frame and one dropped into it', () => {
    const out = world(locks, moved('inFrame', 900, 20));
    expect(lockRefusal([{ collection: 'canvasItems', id: 'inFrame', change: 'updated' }], [], before, out)).toBe(
      'This note is in a frame locked by the facilitator',
    );
    const into = world(locks, moved('outside', 30, 30));
    expect(lockRefusal([{ collection: 'canvasItems', id: 'outside', change: 'updated' }], [], before, into)).toMatch(/in a frame locked/);
  });

  it('refuses a new record on a locked tab, and the template choice under a template lock', () => {
    const tab = world([tabLock('logic-model')], board);
    const added = world([tabLock('logic-model')], { ...board, logicNodes: { card: {}, fresh: {} } });
    expect(lockRefusal([{ collection: 'logicNodes', id: 'fresh', change: 'created' }], [], tab, added)).toBe(
      'The logic model is locked by the facilitator',
    );
    expect(lockRefusal([], ['logicTemplate'], before, before)).toBe('The logic model template is locked by the facilitator');
  });

  it('allows everything the locks do not cover', () => {
    const out = world(locks, moved('outside', 950, 950));
    expect(lockRefusal([{ collection: 'canvasItems', id: 'outside', change: 'updated' }, { collection: 'logicNodes', id: 'card', change: 'updated' }], ['title'], before, out)).toBeNull();
    expect(lockRefusal([{ collection: 'stakeholders', id: 'council', change: 'updated' }], ['logicTemplate'], world([], board), world([], board))).toBeNull();
  });
});
