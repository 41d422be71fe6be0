import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, orderKeys } from '@pc/shared';
import { joinBoard } from '../helpers/browser';
import { createBoard, startServer, tempDataDir, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool } from '../helpers/sync';

/**
 * A board larger than the server's update limit (1 MiB), opened again by
 * someone whose browser holds its offline copy: the copy is read while the
 * socket is open, and must reach the server as what the server lacks (edits
 * made offline), never as the whole board, which the server would refuse as
 * too big, and the page would then drop the copy with the offline edits in it.
 */

const LIST = 'ul[aria-label="Items on this board"]';
const NOTES = 600;
const NOTE_TEXT = 'Community transport rota and the volunteer drivers it needs. '.repeat(33);

const dataDir = tempDataDir();
const suite = browserSuite('offline-large', { dataDir });
const { contexts, errors } = suite;
let board: CreatedBoard;
const pool = new ClientPool();

/** The sizes of the WebSocket frames a page sends from now on. */
function sentFrames(page: Page): number[] {
  const sizes: number[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (frame) => sizes.push(typeof frame.payload === 'string' ? frame.payload.length : frame.payload.byteLength)));
  return sizes;
}

async function noteCount(page: Page): Promise<number> {
  return Number(await page.locator(LIST).getAttribute('data-count'));
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Large shared board');
  // Written by a stock Yjs client, in updates under the limit: about 1.2 MB in all.
  const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
  await seeder.synced();
  const keys = orderKeys(NOTES);
  for (let batch = 0; batch < NOTES; batch += 60) {
    seeder.doc.transact(() => {
      for (let i = batch; i < batch + 60; i += 1) {
        createRecord(seeder.doc, 'canvasItems', { kind: 'sticky', view: 'stakeholder-map', text: `${i + 1}. ${NOTE_TEXT}`, x: (i % 30) * 220, y: Math.floor(i / 30) * 160, width: 180, height: 120, order: keys[i]! });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  pool.destroyAll();
}, 60_000);

afterAll(() => {
  pool.destroyAll();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a large board opened again from its offline copy', () => {
  it('sends the server only what it lacks, keeps the copy and delivers edits made offline', async () => {
    const alice = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Alice Adams', { contexts, errors });
    await expect.poll(() => noteCount(alice), { timeout: 20_000 }).toBe(NOTES);
    // The offline copy now holds the board (the first sync is written as it came).
    await alice.waitForTimeout(1500);

    // Opened again: the copy is read while the socket is open.
    const sent = sentFrames(alice);
    await alice.reload();
    await alice.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => noteCount(alice), { timeout: 20_000 }).toBe(NOTES);
    await alice.waitForTimeout(1500);
    expect(await alice.getByText(/not kept/).count()).toBe(0);
    expect(Math.max(...sent), `frames sent: ${sent.join(', ')}`).toBeLessThan(64 * 1024);

    // Alice works offline: the server goes down, she adds a note, and closes the tab.
    await suite.server.stop('SIGKILL');
    await alice.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
    await alice.getByRole('button', { name: 'Add note' }).click();
    const editor = alice.getByRole('textbox', { name: 'Note text' });
    await editor.pressSequentially('Written on the train');
    await alice.keyboard.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
    await expect.poll(() => noteCount(alice)).toBe(NOTES + 1);
    await alice.waitForTimeout(500);
    const context = alice.context();
    await alice.close();

    // Back online, she opens the board again: her note comes from the offline copy and reaches everyone.
    suite.server = await startServer({ dataDir, port: suite.server.port });
    const again = await context.newPage();
    const sentAgain = sentFrames(again);
    await again.goto(new URL(board.links.edit, suite.server.url).href);
    await again.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => noteCount(again), { timeout: 20_000 }).toBe(NOTES + 1);
    const bob = await joinBoard(suite.browser, suite.server.url, board.links.view, 'Bob Brown', { contexts, errors });
    await expect.poll(() => noteCount(bob), { timeout: 20_000 }).toBe(NOTES + 1);
    await expect.poll(() => bob.locator(`${LIST} li[data-item-id]`, { hasText: 'Written on the train' }).count(), { timeout: 10_000 }).toBe(1);
    await again.waitForTimeout(1000);
    expect(await again.getByText(/not kept/).count()).toBe(0);
    expect(Math.max(...sentAgain), `frames sent: ${sentAgain.join(', ')}`).toBeLessThan(64 * 1024);
    for (const [name, list] of errors) expect(list.filter((e) => !e.startsWith('console:')), `errors in ${name}'s page`).toEqual([]);
  });
});
