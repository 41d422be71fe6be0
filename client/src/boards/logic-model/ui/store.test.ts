import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecord, orderKeys, runChecks, updateMeta, type LogicColumn } from '@pc/shared';
import { BoardSession } from '../../../collab/session';
import { CHECK_AT_ONCE_BELOW, NO_REPORT, logicModelStore } from './store';

/** A session over a board holding `count` activities (each one a finding: no lead partner). */
function openBoard(count: number): BoardSession {
  const doc = new Y.Doc();
  doc.transact(() => {
    updateMeta(doc, { logicTemplate: 'kellogg' });
    const keys = orderKeys(count);
    for (let i = 0; i < count; i++) createRecord(doc, 'logicNodes', { column: 'activities' as LogicColumn, text: `activity ${i + 1}`, order: keys[i]! });
  });
  return new BoardSession({
    boardId: 'b1',
    token: 't',
    user: { name: 'Ana', colour: '#336699' },
    view: 'logic-model',
    snapshot: Y.encodeStateAsUpdate(doc),
  });
}

/** The report checked directly, for comparison. */
function expectedReport(session: BoardSession) {
  const model = logicModelStore(session).getSnapshot();
  return runChecks({ nodes: model.nodes, links: model.links, partners: model.partners, matrixRows: model.matrixRows, matrixCells: model.matrixCells, template: model.template }, model.graph);
}

describe('LogicModelStore checks', () => {
  const sessions: BoardSession[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const session of sessions.splice(0)) session.destroy();
  });

  it('checks a small model with the change that needs it', () => {
    const session = openBoard(20);
    sessions.push(session);
    const model = logicModelStore(session).getSnapshot();
    expect(model.checking).toBe(false);
    expect(model.report.results.length).toBeGreaterThan(0);
    expect(model.report.counts).toEqual(expectedReport(session).counts);
  });

  it('checks a large model after the frame that shows it, then tells its readers; an edit keeps the last report until its own checks', () => {
    vi.useFakeTimers();
    const session = openBoard(CHECK_AT_ONCE_BELOW);
    sessions.push(session);
    const store = logicModelStore(session);
    const heard = vi.fn();
    store.subscribe(heard);

    const first = store.getSnapshot();
    expect(first.nodes).toHaveLength(CHECK_AT_ONCE_BELOW);
    expect(first.checking).toBe(true);
    expect(first.report).toBe(NO_REPORT);

    vi.advanceTimersByTime(100);
    const checked = store.getSnapshot();
    expect(heard).toHaveBeenCalled();
    expect(checked.checking).toBe(false);
    expect(checked.nodes).toBe(first.nodes);
    expect(checked.report.counts).toEqual(expectedReport(session).counts);
    expect(checked.report.results.length).toBeGreaterThanOrEqual(CHECK_AT_ONCE_BELOW);

    // An edit: the model is new at once, its checks follow.
    const added = createRecord(session.doc, 'logicNodes', { column: 'activities' as LogicColumn, text: 'one more', order: 'zzz' });
    const edited = store.getSnapshot();
    expect(edited.nodes).toHaveLength(CHECK_AT_ONCE_BELOW + 1);
    expect(edited.checking).toBe(true);
    expect(edited.report).toBe(checked.report);
    vi.advanceTimersByTime(100);
    const after = store.getSnapshot();
    expect(after.checking).toBe(false);
    expect(after.report.counts).toEqual(expectedReport(session).counts);
    expect(checked.report.byNode.has(added.id)).toBe(false);
    expect(after.report.byNode.has(added.id)).toBe(true);
    expect(after.report.results.length).toBeGreaterThan(checked.report.results.length);
  });

  it('runs no check for a store destroyed before its frame', () => {
    vi.useFakeTimers();
    const session = openBoard(CHECK_AT_ONCE_BELOW);
    const store = logicModelStore(session);
    const heard = vi.fn();
    store.subscribe(heard);
    expect(store.getSnapshot().checking).toBe(true);
    session.destroy();
    vi.advanceTimersByTime(100);
    expect(heard).not.toHaveBeenCalled();
  });
});
