import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createRecord,
  getCollection,
  getMetaMap,
  recordLockId,
  refusalFromClose,
  TEMPLATE_LOCK_ID,
  updateRecord,
} from '@pc/shared';
import { createBoard, restartServer, startServer, tempDataDir, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * Facilitator locks at the server: an editor's stock client changing a locked
 * stakeholder, a note in a locked frame or the locked template choice is closed
 * with a plain refusal; the change reaches no other client and no storage (the
 * server is restarted and the board read back); the owner is never held.
 */
describe('facilitator locks', () => {
  const dataDir = tempDataDir();
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();
  let owner: SyncClient;
  let bystander: SyncClient;

  beforeAll(async () => {
    server = await startServer({ dataDir });
    board = await createBoard(server, 'Locks');
    owner = pool.connect(server, board.id, board.tokens.owner);
    bystander = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([owner.synced(), bystander.synced()]);
    createRecord(owner.doc, 'stakeholders', { id: 'council', name: 'Council', organisation: '', power: 2, interest: 2, attitude: 0 });
    createRecord(owner.doc, 'canvasItems', { id: 'frame', kind: 'frame', text: 'Agreed', x: 0, y: 0, width: 400, height: 300 });
    createRecord(owner.doc, 'canvasItems', { id: 'held', kind: 'sticky', text: 'in the frame', x: 20, y: 20 });
    createRecord(owner.doc, 'canvasItems', { id: 'free', kind: 'sticky', text: 'outside', x: 900, y: 900 });
    getMetaMap(owner.doc).set('logicTemplate', 'kellogg');
    createRecord(owner.doc, 'locks', { id: recordLockId('stakeholders', 'council'), kind: 'record', collection: 'stakeholders', recordId: 'council' });
    createRecord(owner.doc, 'locks', { id: recordLockId('canvasItems', 'frame'), kind: 'record', collection: 'canvasItems', recordId: 'frame' });
    createRecord(owner.doc, 'locks', { id: TEMPLATE_LOCK_ID, kind: 'template' });
    await waitFor(() => getCollection(bystander.doc, 'locks').size === 3);
  }, 60_000);
  afterAll(async () => {
    pool.destroyAll();
    await server?.dispose();
  });

  const editors = new ClientPool();
  afterEach(() => editors.destroyAll());

  async function refused(change: (client: SyncClient) => void): Promise<string | null> {
    const editor = editors.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    change(editor);
    await waitFor(() => editor.closes.length >= 1, { message: 'the editor was not closed' });
    editor.destroy();
    return refusalFromClose(editor.closes[0]!.code, editor.closes[0]!.reason);
  }

  it('refuses an editor moving a locked stakeholder, a note out of a locked frame, or the template', async () => {
    expect(await refused((c) => updateRecord(c.doc, 'stakeholders', 'council', { power: 4, interest: 4 }))).toBe(
      'This stakeholder is locked by the facilitator',
    );
    expect(await refused((c) => updateRecord(c.doc, 'canvasItems', 'held', { x: 800 }))).toBe(
      'This note is in a frame locked by the facilitator',
    );
    expect(await refused((c) => updateRecord(c.doc, 'canvasItems', 'free', { x: 30, y: 30 }))).toBe(
      'This note is in a frame locked by the facilitator',
    );
    expect(await refused((c) => getCollection(c.doc, 'stakeholders').delete('council'))).toMatch(/locked by the facilitator/);
    expect(await refused((c) => getMetaMap(c.doc).set('logicTemplate', 'ess'))).toBe('The logic model template is locked by the facilitator');
  });

  it('lets editors change what is not locked, and the owner change anything', async () => {
    updateRecord(bystander.doc, 'canvasItems', 'free', { text: 'still free' });
    updateRecord(owner.doc, 'canvasItems', 'held', { text: 'owner edit' });
    await waitFor(() => getCollection(owner.doc, 'canvasItems').get('free')?.get('text') === 'still free');
    await waitFor(() => getCollection(bystander.doc, 'canvasItems').get('held')?.get('text') === 'owner edit');
    expect(bystander.closes).toEqual([]);
    expect(owner.closes).toEqual([]);
  });

  it('never showed the refused changes to anyone nor stored them (read back after a restart)', async () => {
    const expectUntouched = (client: SyncClient) => {
      expect(getCollection(client.doc, 'stakeholders').get('council')?.toJSON()).toMatchObject({ power: 2, interest: 2 });
      expect(getCollection(client.doc, 'canvasItems').get('held')?.toJSON()).toMatchObject({ x: 20 });
      expect(getCollection(client.doc, 'canvasItems').get('free')?.toJSON()).toMatchObject({ x: 900, y: 900 });
      expect(getMetaMap(client.doc).get('logicTemplate')).toBe('kellogg');
    };
    expectUntouched(bystander);
    expectUntouched(owner);
    pool.destroyAll();
    await server.stop('SIGTERM');
    server = await restartServer(server);
    const fresh = pool.connect(server, board.id, board.tokens.view);
    await fresh.synced();
    expectUntouched(fresh);
    expect(getCollection(fresh.doc, 'canvasItems').get('free')?.get('text')).toBe('still free');
  });
});
