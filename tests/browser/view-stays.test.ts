import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, canvasScreenPoint, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/sync';

/**
 * The view stays put: a board is framed once, when its content has loaded, and the
 * camera then moves only when the person pans, zooms or asks to fit. A double-click
 * on a board's own area acts on the board and never drops a sticky note there.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

const TABLE = 'table[aria-label="Skills matrix"]';

async function open(name: string, tab: string): Promise<Page> {
  const page = await joinBoard(browser, server.url, board.links.edit, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
  await page.getByRole('tab', { name: tab }).click();
  return page;
}

const cameraOf = (page: Page) => page.locator('.canvas').getAttribute('data-camera');
const noteCount = (page: Page) => page.locator('.item-panel .count').textContent();

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Riverside Youth Partnership');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('the view stays put', () => {
  it('shows the matrix at the same place on every load', async () => {
    const builder = await open('Fiona Facilitator', 'Skills matrix');
    await builder.getByRole('button', { name: /Add \d+ starter rows/ }).click();
    await builder.getByRole('button', { name: '+ Add partner' }).click();
    const partnerField = builder.getByLabel('Partner organisation');
    for (const partner of ['Alba Trust', 'Bridge Council']) {
      await partnerField.fill(partner);
      await partnerField.press('Enter');
    }
    await partnerField.press('Escape');
    await waitFor(async () => (await builder.locator(`${TABLE} thead th[data-partner-id]`).count()) === 2, { message: 'two partners' });
    const rowCount = await builder.locator(`${TABLE} tbody tr[data-row-id]`).count();
    expect(rowCount).toBeGreaterThan(3);

    // Three people load the board and go to the matrix as soon as its tab is there,
    // before the board has finished loading.
    const seen: string[] = [];
    for (const round of [1, 2, 3]) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
      contexts.push(context);
      const page = await context.newPage();
      // A slow venue network: the board's content arrives some time after the page.
      await page.routeWebSocket(/./, (ws) => {
        const upstream = ws.connectToServer();
        upstream.onMessage((message) => void setTimeout(() => ws.send(message), 300 * round));
        ws.onMessage((message) => upstream.send(message));
      });
      await page.goto(new URL(board.links.edit, server.url).href);
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Your name').fill(`Visitor ${round}`);
      await dialog.getByRole('button', { name: 'Join board' }).click();
      await page.getByRole('tab', { name: 'Skills matrix' }).click();
      await waitFor(async () => (await page.locator(`${TABLE} tbody tr[data-row-id]`).count()) === rowCount, { message: 'matrix rows loaded' });
      // Give any late framing the chance to happen: it must not.
      await page.waitForTimeout(600);
      const camera = await cameraOf(page);
      // The third row's top-left, as the person sees it.
      const row = await canvasScreenPoint(page, { x: 0, y: 200 });
      seen.push(`${camera} row@${row.x.toFixed(0)},${row.y.toFixed(0)}`);
      await page.screenshot({ path: join(shots, `matrix-load-${round}.png`) });
    }
    expect(new Set(seen).size, seen.join(' | ')).toBe(1);
  });

  it('double-clicking inside the matrix adds no sticky note', async () => {
    const page = await open('Grace Guest', 'Skills matrix');
    await waitFor(async () => (await page.locator(`${TABLE} tbody tr[data-row-id]`).count()) > 3, { message: 'matrix rows loaded' });
    expect(await noteCount(page)).toBe('0 notes');
    // Empty-looking space inside the matrix: the right part of a row, beyond the partner columns.
    const inside = await canvasScreenPoint(page, { x: 20, y: 20 });
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await page.mouse.dblclick(inside.x, Math.max(inside.y, canvas.y + 80));
    await page.waitForTimeout(400);
    expect(await page.locator('textarea.note-editor').count()).toBe(0);
    expect(await noteCount(page)).toBe('0 notes');
    // Below a collapsed category: empty canvas for now, partner cells once it opens again.
    const metrics = { header: 120, band: 36, row: 32 };
    const rows = await page.locator(`${TABLE} tbody tr[data-row-id]`).count();
    const bands = await page.locator(`${TABLE} tbody button.matrix-group-toggle`).count();
    const expandedBottom = metrics.header + bands * metrics.band + rows * metrics.row;
    await page.locator(`${TABLE} tbody button.matrix-group-toggle`).first().evaluate((button: HTMLButtonElement) => button.click());
    await waitFor(async () => (await page.locator(`${TABLE} tbody button.matrix-group-toggle`).first().getAttribute('aria-expanded')) === 'false', { message: 'category collapsed' });
    const below = await canvasScreenPoint(page, { x: 120, y: expandedBottom - metrics.row / 2 });
    await page.screenshot({ path: join(shots, 'matrix-collapsed-before-double-click.png') });
    await page.mouse.dblclick(below.x, below.y);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(shots, 'matrix-double-click.png') });
    expect(await page.locator('textarea.note-editor').count()).toBe(0);
    expect(await noteCount(page)).toBe('0 notes');
    // Free canvas, far below the matrix, still takes a note.
    await page.mouse.dblclick(canvas.x + canvas.width - 60, canvas.y + canvas.height - 40);
    await waitFor(async () => (await page.locator('textarea.note-editor').count()) === 1, { message: 'note editor on free canvas' });
    await page.keyboard.press('Escape');
  });

  it('keeps the logic model camera unchanged while cards are added', async () => {
    const page = await open('Hana Host', 'Logic model');
    await page.getByRole('button', { name: 'Use Kellogg' }).click();
    await page.waitForTimeout(300);
    const camera = await cameraOf(page);
    await page.screenshot({ path: join(shots, 'logic-before-cards.png') });
    for (const [column, text] of [
      ['Outcomes', 'Young people feel safer'],
      ['Outcomes', 'Young people join local clubs'],
      ['Outcomes', 'Families trust the youth service'],
    ] as const) {
      await page.getByRole('button', { name: `Add a card to ${column}` }).click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      expect(await cameraOf(page)).toBe(camera);
    }
    await page.screenshot({ path: join(shots, 'logic-after-cards.png') });
    expect(await cameraOf(page)).toBe(camera);
  });
});
