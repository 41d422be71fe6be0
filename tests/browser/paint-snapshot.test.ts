import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { MESSAGE_GZIPPED_SYNC, MESSAGE_PAINT_SNAPSHOT, createRecord, getCollection, updateMeta } from '@pc/shared';
import { launchChromium, trackPageErrors } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * A large board's records arrive first as a paint snapshot (gzipped JSON) and
 * are drawn before the Yjs sync reply is read; the board then runs on the
 * synced document. Written by a stock Yjs client, read in a real Chromium.
 */
let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const pool = new ClientPool();
const NOTES = 1200;
const LIST = 'ul[aria-label="Items on this board"]';

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Snapshot board');
  const seeder = pool.connect(server, board.id, board.tokens.owner);
  await seeder.synced();
  seeder.doc.transact(() => {
    for (let i = 0; i < NOTES; i++) {
      createRecord(seeder.doc, 'canvasItems', { id: `note-${i}`, kind: 'sticky', text: `Written elsewhere ${i}: what the partners said`, x: (i % 40) * 220, y: Math.floor(i / 40) * 160 });
    }
  });
  updateMeta(seeder.doc, { title: 'Renamed by another program' });
  const check = pool.connect(server, board.id, board.tokens.view);
  await waitFor(() => check.doc.getMap('canvasItems').size === NOTES);
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

/** Opens the board as a named editor, recording the first byte of each socket message received. */
async function open(): Promise<{ page: Page; received: number[]; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  // The connection's state when the list first counts every note: not live yet if the snapshot drew them.
  await page.addInitScript(`(() => {
    const observer = new MutationObserver(() => {
      const list = document.querySelector(${JSON.stringify(LIST)});
      if (Number(list?.getAttribute('data-count')) !== ${NOTES}) return;
      window.__allListedWhile = document.querySelector('.connection')?.getAttribute('data-state') ?? 'none';
      observer.disconnect();
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, attributes: true }));
    // Settings read from the snapshot, not the still-empty document: a board made today never says its review is due.
    const notices = new MutationObserver(() => {
      if (document.querySelector('.health-review-due')) window.__reviewDueShown = document.querySelector('.connection')?.getAttribute('data-state') ?? 'none';
    });
    document.addEventListener('DOMContentLoaded', () => notices.observe(document.body, { subtree: true, childList: true }));
  })();`);
  const errors = trackPageErrors(page);
  const received: number[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (frame) => typeof frame.payload !== 'string' && received.push(frame.payload[0]!)));
  await page.goto(new URL(board.links.edit, server.url).href);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Paula Paint');
  await dialog.getByRole('button', { name: 'Join board' }).click();
  return { page, received, errors };
}

describe('paint snapshot', () => {
  it('draws every record before the sync, then edits the synced board as usual', async () => {
    const { page, received, errors } = await open();
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    // The snapshot came before the sync reply.
    const paintAt = received.indexOf(MESSAGE_PAINT_SNAPSHOT);
    expect(paintAt).toBeGreaterThanOrEqual(0);
    expect(received.indexOf(MESSAGE_GZIPPED_SYNC)).toBeGreaterThan(paintAt);
    expect(received.filter((type) => type === MESSAGE_PAINT_SNAPSHOT)).toHaveLength(1);
    // Every note was listed (and drawn) before the sync made the board live.
    expect(await page.evaluate('window.__allListedWhile')).toBe('connecting');
    expect(await page.evaluate('window.__reviewDueShown ?? null')).toBeNull();

    // Every record, and the settings, as the document holds them.
    await page.waitForFunction(([list, n]) => Number(document.querySelector(list)?.getAttribute('data-count')) === n, [LIST, NOTES] as const);
    await page.locator(`${LIST} li[data-item-id="note-777"]`).waitFor({ state: 'attached' });
    expect(await page.locator('.board-title').textContent()).toBe('Renamed by another program');

    // The board runs on the synced document: an edit here reaches another program.
    const watcher = pool.connect(server, board.id, board.tokens.edit);
    await watcher.synced();
    await page.getByRole('button', { name: 'Add note' }).click();
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    await editor.pressSequentially('Added after the snapshot');
    await page.keyboard.press('Control+Enter');
    await waitFor(() => [...getCollection(watcher.doc, 'canvasItems').values()].some((item) => item.get('text') === 'Added after the snapshot'));
    // A change from elsewhere shows here, and the count is the document's.
    watcher.doc.transact(() => getCollection(watcher.doc, 'canvasItems').delete('note-5'));
    await page.waitForFunction(([list, n]) => Number(document.querySelector(list)?.getAttribute('data-count')) === n, [LIST, NOTES] as const);
    expect(await page.locator(`${LIST} li[data-item-id="note-5"]`).count()).toBe(0);
    // An edit to one note reaches its row (the list re-renders only the rows' chunk that changed).
    (getCollection(watcher.doc, 'canvasItems').get('note-777') as Y.Map<unknown>).set('text', 'Rewritten elsewhere');
    await page.locator(`${LIST} li[data-item-id="note-777"] .item-text`, { hasText: 'Rewritten elsewhere' }).waitFor({ state: 'attached' });
    expect(errors).toEqual([]);
  });
});
