import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { newBoardId, newBoardToken } from '@pc/shared';
import { hashToken } from '../auth/tokens';
import { CorruptDatabaseError, shouldReclaimPages, SQLITE_FILE, SqliteBoardStore } from './sqlite';
import { corruptPages } from './corrupt.testutil';
import { describeBoardStore } from './storeContract.testutil';

describeBoardStore('SqliteBoardStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
  return {
    open: async () => new SqliteBoardStore(dir),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('shouldReclaimPages', () => {
  const page = 4096;
  it('leaves a few free pages for later inserts to reuse', () => {
    expect(shouldReclaimPages(100, 200, page)).toBe(false);
  });
  it('leaves many free pages alone when they are a small share of the file', () => {
    expect(shouldReclaimPages(5000, 100_000, page)).toBe(false);
  });
  it('reclaims when the free pages are both many and a large share', () => {
    expect(shouldReclaimPages(5000, 10_000, page)).toBe(true);
  });
});

describe('SqliteBoardStore file size', () => {
  it('hands the space of a compacted tail back to the file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    try {
      let store = new SqliteBoardStore(dir);
      const id = newBoardId();
      const hash = () => hashToken(newBoardToken());
      await store.createBoard({ id, title: 'Big', createdAt: 0, tokenHashes: { owner: hash(), edit: hash(), view: hash() } });
      // Twelve 1 MB values, each overwriting the last: a 12 MB tail, a small document.
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 0; i < 12; i++) doc.getMap('meta').set('blob', String(i).repeat(1024 * 1024));
      doc.getMap('meta').set('blob', 'small');
      const upto = (await store.appendUpdates(updates.map((update) => ({ boardId: id, update })))).get(id)!;
      await store.compact(id, Y.encodeStateAsUpdate(doc), upto);
      await store.close();
      expect(statSync(join(dir, SQLITE_FILE)).size).toBeLessThan(2 * 1024 * 1024);

      store = new SqliteBoardStore(dir);
      const loaded = new Y.Doc();
      const state = await store.loadBoard(id);
      expect(state.updates).toHaveLength(0);
      Y.applyUpdate(loaded, state.snapshot!);
      expect(loaded.getMap('meta').get('blob')).toBe('small');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteBoardStore integrity check', () => {
  it('refuses to open a database whose pages are damaged, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    try {
      const store = new SqliteBoardStore(dir);
      const hash = () => hashToken(newBoardToken());
      for (let i = 0; i < 200; i++) {
        await store.createBoard({ id: newBoardId(), title: `Board ${i}`.repeat(20), createdAt: i, tokenHashes: { owner: hash(), edit: hash(), view: hash() } });
      }
      await store.close();
      corruptPages(join(dir, SQLITE_FILE));
      expect(() => new SqliteBoardStore(dir)).toThrow(CorruptDatabaseError);
      expect(() => new SqliteBoardStore(dir)).toThrow(/damaged .*quick_check.*restore the file from a backup/s);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a database at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pc-store-'));
    try {
      writeFileSync(join(dir, SQLITE_FILE), Buffer.alloc(8192, 0x5a));
      expect(() => new SqliteBoardStore(dir)).toThrow(CorruptDatabaseError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
