import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchChromium, trackPageErrors, joinBoard, canvasScreenPoint } from '../helpers/browser';
import * as Y from 'yjs';
import { getCollection, updateRecord, type BoardId } from '@pc/shared';
import { SqliteBoardStore } from '../../server/src/storage/sqlite';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * End to end through the real server and Chromium: two editors and a viewer on one
 * board. The board is read through its accessible list (the DOM contract), never
 * by inspecting canvas pixels.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

const LIST = 'ul[aria-label="Items on this board"]';

async function openBoard(link: string, name: string): Promise<Page> {
  const page = await joinBoard(browser, server.url, link, name, { contexts, errors, viewport: { width: 1280, height: 800 } });
  return page;
}

interface ListedItem {
  id: string;
  text: string;
  x: number;
  y: number;
}

async function listedItems(page: Page): Promise<ListedItem[]> {
  return page.$$eval(`${LIST} li[data-item-id]`, (lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-item-id') ?? '',
      text: li.querySelector('.item-text')?.textContent ?? '',
      x: Number(li.getAttribute('data-x')),
      y: Number(li.getAttribute('data-y')),
    })),
  );
}

/** Wait until `check` holds for the page's list; return how long it took in ms. */
async function timeUntil(page: Page, check: (items: ListedItem[]) => boolean, timeout = 5000): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (check(await listedItems(page))) return Date.now() - start;
    if (Date.now() - start > timeout) throw new Error(`condition not met in ${timeout} ms; list: ${JSON.stringify(await listedItems(page))}`);
    await page.waitForTimeout(20);
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Riverside Youth Partnership');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('home page', () => {
  it('creates a board, shows its three share links and remembers it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const pageErrors = trackPageErrors(page);
    // The app's script and styles arrive as the build's Brotli copies (a quarter of the script's size).
    const assets: { url: string; encoding: string | undefined }[] = [];
    page.on('response', (response) => {
      if (/\/assets\/(index|appStart)-[^/]+\.(js|css)$/.test(response.url())) assets.push({ url: response.url(), encoding: response.headers()['content-encoding'] });
    });
    await page.goto(server.url);
    expect(await page.locator('h1').textContent()).toBe('Partnership Canvas');
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) expect(asset, asset.url).toMatchObject({ encoding: 'br' });
    // The first script (it opens a board's socket before the app loads) stays small: no schemas, no React.
    const html = await (await fetch(server.url)).text();
    const first = /<script type="module"[^>]* src="([^"]+)"/.exec(html)?.[1];
    expect(first).toMatch(/^\/assets\/index-/);
    const firstScript = await (await fetch(`${server.url}${first}`, { headers: { 'accept-encoding': 'identity' } })).text();
    expect(firstScript.length).toBeLessThan(16_000);
    expect(html).toMatch(/<link rel="modulepreload"[^>]* href="\/assets\/appStart-/);
    await page.getByLabel('Board title').fill('Northside Health Alliance');
    await page.getByRole('button', { name: 'Create board' }).click();
    const links = page.locator('ul[aria-label="Share links"] li');
    await links.first().waitFor();
    expect(await links.count()).toBe(3);
    const urls = await page.locator('.link-field').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    for (const url of urls) expect(url).toMatch(/\/b\/[^/#]+#t=.+/);
    await page.locator('ul[aria-label="Recently opened boards"] li').first().waitFor();
    expect(await page.locator('ul[aria-label="Recently opened boards"]').textContent()).toContain('Northside Health Alliance');
    await page.screenshot({ path: join(artifactsDir, 'home.png') });
    expect(pageErrors).toEqual([]);
  });
});

describe('board with two editors and a viewer', () => {
  let alice: Page;
  let bob: Page;
  let xBeforeNudge = 0;

  it('shows a note added, written and dragged by one editor to the other within a second', async () => {
    alice = await openBoard(board.links.edit, 'Alice Adams');
    bob = await openBoard(board.links.edit, 'Bob Brown');

    // Both see each other in the who-is-here list.
    await alice.locator('ul[aria-label="People here"]', { hasText: 'Bob Brown' }).waitFor();
    await bob.locator('ul[aria-label="People here"]', { hasText: 'Alice Adams' }).waitFor();
    expect(await alice.locator('.board-title').textContent()).toBe('Riverside Youth Partnership');

    // Add: the note appears for Bob.
    await alice.getByRole('button', { name: 'Add note' }).click();
    const appeared = await timeUntil(bob, (items) => items.length === 1);
    expect(appeared).toBeLessThan(1000);

    // Write: the editor opens on the new note; Ctrl+Enter commits.
    const editor = alice.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    await editor.pressSequentially('Local council youth team');
    await alice.keyboard.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
    const texted = await timeUntil(bob, (items) => items[0]?.text === 'Local council youth team');
    expect(texted).toBeLessThan(1000);

    // Drag with the mouse on Alice's canvas; Bob sees it move during the drag and land.
    const [before] = await listedItems(alice);
    const grab = await canvasScreenPoint(alice, { x: before!.x + 90, y: before!.y + 60 });
    await alice.mouse.move(grab.x, grab.y);
    await alice.mouse.down();
    await alice.mouse.move(grab.x + 80, grab.y + 40, { steps: 8 });
    const live = await timeUntil(bob, (items) => items[0]!.x !== before!.x);
    expect(live).toBeLessThan(1000);
    await alice.mouse.move(grab.x + 240, grab.y + 130, { steps: 12 });
    await alice.mouse.up();
    const [after] = await listedItems(alice);
    const zoom = Number((await alice.locator('.canvas').getAttribute('data-camera'))!.split(',')[2]);
    expect(after!.x - before!.x).toBeCloseTo(240 / zoom, -1);
    expect(after!.y - before!.y).toBeCloseTo(130 / zoom, -1);
    const landed = await timeUntil(bob, (items) => items[0]?.x === after!.x && items[0]?.y === after!.y);
    expect(landed).toBeLessThan(1000);

    // Bob's pointer over the canvas shows as a named cursor on Alice's screen.
    const bobCanvas = (await bob.locator('.canvas').boundingBox())!;
    await bob.mouse.move(bobCanvas.x + bobCanvas.width * 0.3, bobCanvas.y + bobCanvas.height * 0.7, { steps: 4 });
    await alice.waitForTimeout(300);
    await alice.screenshot({ path: join(artifactsDir, 'board-two-clients.png') });
    await bob.screenshot({ path: join(artifactsDir, 'board-second-client.png') });
  });

  it('lets a viewer read the board live but offers no editing', async () => {
    const viewer = await openBoard(board.links.view, 'Vera Viewer');
    await timeUntil(viewer, (items) => items.length === 1 && items[0]!.text === 'Local council youth team');
    expect(await viewer.getByRole('button', { name: 'Add note' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    const indicator = viewer.locator('.connection');
    expect(await indicator.getAttribute('data-state')).toBe('read-only');
    expect(await indicator.locator('.connection-label').textContent()).toBe('Read-only');
    expect(await viewer.locator('.role-badge').textContent()).toBe('Viewer');

    // Double-clicking the canvas creates nothing for a viewer.
    const box = (await viewer.locator('.canvas').boundingBox())!;
    await viewer.mouse.dblclick(box.x + 60, box.y + 60);
    await viewer.waitForTimeout(300);
    expect(await listedItems(viewer)).toHaveLength(1);

    // Edits from an editor still reach the viewer live.
    const [item] = await listedItems(alice);
    xBeforeNudge = item!.x;
    await alice.locator(`${LIST} li[data-item-id="${item!.id}"]`).focus();
    await alice.keyboard.press('Control+ArrowRight');
    const nudged = await timeUntil(viewer, (items) => items[0]?.x === item!.x + 10);
    expect(nudged).toBeLessThan(1000);
    await viewer.screenshot({ path: join(artifactsDir, 'board-view-only.png') });

    // Viewers can still look around: drag empty canvas to pan, ctrl+wheel to zoom at the pointer.
    const camera = () => viewer.locator('.canvas').getAttribute('data-camera');
    const startCamera = await camera();
    await viewer.mouse.move(box.x + 80, box.y + 80);
    await viewer.mouse.down();
    await viewer.mouse.move(box.x + 180, box.y + 130, { steps: 5 });
    await viewer.mouse.up();
    const [px, py] = (await camera())!.split(',').map(Number) as [number, number];
    const [sx, sy] = startCamera!.split(',').map(Number) as [number, number];
    // The camera may sit on fractional pixels after zoom-to-fit; the pan itself is exact to the pixel.
    expect(Math.round(px - sx)).toBe(100);
    expect(Math.round(py - sy)).toBe(50);
    await viewer.keyboard.down('Control');
    await viewer.mouse.wheel(0, -100);
    await viewer.keyboard.up('Control');
    await viewer.waitForFunction(() => document.querySelector('.zoom-level')?.textContent !== '100%');
    expect(Number((await camera())!.split(',')[2])).toBeGreaterThan(1);
  });

  it('undoes only one’s own change and deletes from the keyboard', async () => {
    // Alice's last change was the keyboard nudge: undo puts the note back, for everyone.
    await alice.getByRole('button', { name: 'Undo' }).click();
    await timeUntil(alice, (items) => items[0]?.x === xBeforeNudge);
    await timeUntil(bob, (items) => items[0]?.x === xBeforeNudge);
    const [item] = await listedItems(bob);
    await bob.locator(`${LIST} li[data-item-id="${item!.id}"]`).focus();
    await bob.keyboard.press('Delete');
    await timeUntil(alice, (items) => items.length === 0);
    await alice.locator('.empty-state').waitFor();
    await alice.screenshot({ path: join(artifactsDir, 'board-empty.png') });
    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });

  it('draws a record stored badly (before the update gate) with defaults, and says so', async () => {
    // A live client can no longer write it: the server's update gate refuses the update.
    const pool = new ClientPool();
    const bad = (doc: Y.Doc) => {
      const map = new Y.Map<unknown>();
      map.set('id', 'from-other-tool');
      map.set('kind', 'sticky');
      map.set('text', 'Imported from a spreadsheet');
      map.set('x', 'left-ish');
      getCollection(doc, 'canvasItems').set('from-other-tool', map);
    };
    try {
      const other = pool.connect(server, board.id, board.tokens.edit);
      await other.synced();
      bad(other.doc);
      await waitFor(() => other.closes[0], { message: 'the bad write was not refused' });
      expect(other.closes[0]).toEqual({ code: 1008, reason: expect.stringMatching(/^refused: canvasItems\/from-other-tool\.x: /) });
      other.destroy();

      // A board that stored one before the gate existed (written into its storage here) still shows it.
      const older = await createBoard(server, 'Older board');
      const writer = new Y.Doc();
      bad(writer);
      const store = new SqliteBoardStore(server.dataDir);
      await store.appendUpdates([{ boardId: older.id as BoardId, update: Y.encodeStateAsUpdate(writer) }]);
      await store.close();
      const page = await openBoard(older.links.edit, 'Alice Adams');
      const notice = page.locator('.damaged-records');
      await notice.waitFor();
      expect(await notice.getAttribute('data-count')).toBe('1');
      await page.screenshot({ path: join(artifactsDir, 'board-damaged-record.png') });
      await timeUntil(page, (items) => items.some((i) => i.text === 'Imported from a spreadsheet' && i.x === 0));

      // Once someone writes a valid value (a field edit the gate admits), the notice goes away.
      const fixer = pool.connect(server, older.id, older.tokens.edit);
      await fixer.synced();
      updateRecord(fixer.doc, 'canvasItems', 'from-other-tool', { x: 120 });
      await notice.waitFor({ state: 'detached' });
      for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
    } finally {
      pool.destroyAll();
    }
  });
});
