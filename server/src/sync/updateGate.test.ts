import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, newBoardId } from '@pc/shared';
import { admitUpdate, type UpdateContext } from './updateGate';

function editUpdate(): Uint8Array {
  const doc = new Y.Doc();
  createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'hello' });
  return Y.encodeStateAsUpdate(doc);
}

function context(patch: Partial<UpdateContext>): UpdateContext {
  return { boardId: newBoardId(), role: 'edit', doc: new Y.Doc(), update: editUpdate(), source: 'update', ...patch };
}

describe('admitUpdate', () => {
  it('admits well-formed updates from owners and editors', () => {
    expect(admitUpdate(context({ role: 'owner' }))).toEqual({ ok: true });
    expect(admitUpdate(context({ role: 'edit', source: 'sync-step2' }))).toEqual({ ok: true });
  });

  it('refuses every update from a viewer, even an empty one', () => {
    expect(admitUpdate(context({ role: 'view' }))).toEqual({ ok: false, reason: 'read-only' });
    expect(admitUpdate(context({ role: 'view', update: Y.encodeStateAsUpdate(new Y.Doc()) }))).toEqual({
      ok: false,
      reason: 'read-only',
    });
  });

  it('refuses garbage and truncated updates', () => {
    const update = editUpdate();
    expect(admitUpdate(context({ update: update.slice(0, update.length - 3) }))).toEqual({
      ok: false,
      reason: 'malformed',
    });
    expect(admitUpdate(context({ update: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff]) }))).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });
});
