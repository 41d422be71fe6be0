import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, getCollection, getMetaMap, refusalFromClose } from '@pc/shared';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * Owner-only parts of a board (shared `OWNER_ONLY_COLLECTIONS` and
 * `OWNER_ONLY_META_KEYS`): an editor's stock client writing them is closed
 * with a refusal a person can read; nobody else ever sees the change; the
 * owner's own writes go through.
 */
describe('owner-only parts of a board', () => {
  let server: RunningServer;
  let board: CreatedBoard;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
    board = await createBoard(server, 'Owner only');
  }, 60_000);
  afterEach(() => pool.destroyAll());
  afterAll(async () => server?.dispose());

  it('refuses an editor writing a lock or the workshop setting, and no one sees it', async () => {
    const bystander = pool.connect(server, board.id, board.tokens.edit);
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([bystander.synced(), editor.synced()]);

    createRecord(editor.doc, 'locks', { id: 'sneaky', kind: 'tab', view: 'logic-model' });
    await waitFor(() => editor.closes.length >= 1, { message: 'editor was not closed' });
    expect(editor.closes[0]!.code).toBe(1008);
    expect(refusalFromClose(editor.closes[0]!.code, editor.closes[0]!.reason)).toBe('Locks can be changed by the board owner only');
    editor.destroy();

    const second = pool.connect(server, board.id, board.tokens.edit);
    await second.synced();
    getMetaMap(second.doc).set('viewersMayVote', true);
    await waitFor(() => second.closes.length >= 1, { message: 'second editor was not closed' });
    expect(refusalFromClose(second.closes[0]!.code, second.closes[0]!.reason)).toMatch(/workshop setting .* board owner only/);
    second.destroy();

    // The owner's write arrives after both refusals: once the bystander has it, it would have had theirs too.
    const owner = pool.connect(server, board.id, board.tokens.owner);
    await owner.synced();
    createRecord(owner.doc, 'locks', { id: 'real', kind: 'template' });
    getMetaMap(owner.doc).set('viewersMayVote', true);
    await waitFor(() => getCollection(bystander.doc, 'locks').has('real'));
    await waitFor(() => getMetaMap(bystander.doc).get('viewersMayVote') === true);
    expect([...getCollection(bystander.doc, 'locks').keys()]).toEqual(['real']);
    expect(owner.closes).toEqual([]);
  });
});
