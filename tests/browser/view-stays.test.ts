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

  // The cell under this person's resting pointer stays under it while the matrix changes around it.
  it('keeps the matrix cell under a resting pointer in place while rows, categories and columns change', async () => {
    const shared = await createBoard(server, 'Matrix that holds still');
    const enter = (name: string) => joinBoard(browser, server.url, shared.links.edit, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
    const ana = await enter('Ana Analyst');
    const ben = await enter('Ben Builder');
    for (const page of [ana, ben]) await page.getByRole('tab', { name: 'Skills matrix' }).click();
    await ben.getByRole('button', { name: /Add \d+ starter rows/ }).click();
    await ben.getByRole('button', { name: '+ Add partner' }).click();
    const partnerField = ben.getByLabel('Partner organisation');
    for (const partner of ['Alba Trust', 'Bridge Council', 'Civic Hub']) {
      await partnerField.fill(partner);
      await partnerField.press('Enter');
    }
    await partnerField.press('Escape');
    await waitFor(async () => (await ana.locator(`${TABLE} thead th[data-partner-id]`).count()) === 3, { message: 'three partners on Ana\'s screen' });
    const rowIds = await ana.locator(`${TABLE} tbody tr[data-row-id]`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-row-id')!));
    const target = { rowId: rowIds[rowIds.length - 1]!, partner: 'Civic Hub' };

    /** Where the target cell's centre is on Ana's screen: its band in the table's order, its partner's column. */
    const cellOnScreen = async () => {
      const world = await ana.evaluate(
        ({ table, rowId, partner }) => {
          let y = 120;
          let rowY = -1;
          for (const tr of document.querySelectorAll(`${table} tbody tr`)) {
            if (tr.classList.contains('matrix-category-row')) y += 36;
            else if (tr.classList.contains('matrix-group-row')) y += 28;
            else if (tr.hasAttribute('data-row-id')) {
              if (tr.getAttribute('data-row-id') === rowId) rowY = y;
              y += 32;
            }
          }
          const names = [...document.querySelectorAll(`${table} thead th[data-partner-id]`)].map((th) => th.textContent?.trim() ?? '');
          const column = names.findIndex((name) => name.startsWith(partner));
          return { x: 240 + column * 56 + 28, y: rowY + 16, column };
        },
        { table: TABLE, rowId: target.rowId, partner: target.partner },
      );
      expect(world.column).toBeGreaterThanOrEqual(0);
      return canvasScreenPoint(ana, world);
    };

    // Ana rests her pointer on the last row's Civic Hub cell, about to click it.
    const start = await cellOnScreen();
    await ana.mouse.move(start.x, start.y);
    await ana.screenshot({ path: join(shots, 'matrix-pointer-before.png') });
    const stays = async (what: string) => {
      await ana.waitForTimeout(300);
      const now = await cellOnScreen();
      expect(Math.abs(now.x - start.x), `${what}: across`).toBeLessThanOrEqual(2);
      expect(Math.abs(now.y - start.y), `${what}: down`).toBeLessThanOrEqual(2);
    };

    // Ben adds two skills, drawn above Ana's row.
    const rowCount = rowIds.length;
    await ben.getByRole('button', { name: '+ Add row' }).click();
    const rowForm = ben.getByRole('form', { name: 'Add row' });
    for (const name of ['Youth work', 'Mentoring']) {
      await rowForm.getByLabel('Category').selectOption('skill');
      const field = rowForm.getByLabel('Skill, knowledge or resource');
      await field.fill(name);
      await field.press('Enter');
    }
    await rowForm.getByRole('button', { name: 'Close' }).click();
    await waitFor(async () => (await ana.locator(`${TABLE} tbody tr[data-row-id]`).count()) === rowCount + 2, { message: 'Ben\'s rows on Ana\'s screen' });
    await stays('rows added above');

    // The first category closes (from the matrix's list, Ana's pointer still resting on the cell).
    await ana.locator(`${TABLE} tbody button.matrix-group-toggle`).first().evaluate((button: HTMLButtonElement) => button.click());
    await waitFor(async () => (await ana.locator(`${TABLE} tbody button.matrix-group-toggle`).first().getAttribute('aria-expanded')) === 'false', { message: 'category closed' });
    await stays('category closed above');
    await ana.locator(`${TABLE} tbody button.matrix-group-toggle`).first().evaluate((button: HTMLButtonElement) => button.click());
    await waitFor(async () => (await ana.locator(`${TABLE} tbody button.matrix-group-toggle`).first().getAttribute('aria-expanded')) === 'true', { message: 'category open again' });
    await stays('category opened above');

    // Ben removes Alba Trust, the column to the left of Ana's.
    await ben.locator(`${TABLE} thead th[data-partner-id]`).first().evaluate((th: HTMLElement) => th.click());
    await ben.getByRole('button', { name: 'Remove partner…' }).click();
    await ben.getByRole('button', { name: 'Remove Alba Trust and its column' }).click();
    await waitFor(async () => (await ana.locator(`${TABLE} thead th[data-partner-id]`).count()) === 2, { message: 'Alba Trust gone on Ana\'s screen' });
    await stays('partner column removed to the left');
    await ana.screenshot({ path: join(shots, 'matrix-pointer-after.png') });

    // Her click lands on the cell she aimed at.
    await ana.mouse.down();
    await ana.mouse.up();
    await waitFor(
      async () => (await ana.locator(`${TABLE} td[aria-selected="true"]`).getAttribute('data-row-id').catch(() => null)) === target.rowId,
      { message: 'the aimed-at cell is selected' },
    );
    expect(await ana.locator(`${TABLE} tbody button.matrix-group-toggle[aria-expanded="false"]`).count()).toBe(0);
  });

  it('keeps the logic card under a resting pointer in place while a card above grows and a column comes in', async () => {
    const shared = await createBoard(server, 'Logic model that holds still');
    const enter = (name: string) => joinBoard(browser, server.url, shared.links.edit, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
    const ana = await enter('Ana Analyst');
    const ben = await enter('Ben Builder');
    for (const page of [ana, ben]) await page.getByRole('tab', { name: 'Logic model' }).click();
    await ben.getByRole('button', { name: 'Use Kellogg' }).click();
    for (const [column, text] of [
      ['Outputs', 'Sessions run'],
      ['Outputs', 'Young people reached'],
      ['Outcomes', 'Young people feel safer'],
    ] as const) {
      await ben.getByRole('button', { name: `Add a card to ${column}` }).click();
      await ben.keyboard.type(text);
      await ben.keyboard.press('Enter');
      await ben.waitForTimeout(150);
    }
    const OUTLINE = '[aria-label="Logic model outline"]';
    const boxOf = async (text: string) =>
      waitFor(
        () =>
          ana.$$eval(
            `${OUTLINE} li[data-node-id]`,
            (lis, wanted) => {
              const li = lis.find((l) => l.querySelector('.lm-outline-text')?.textContent === wanted);
              return li ? { x: Number(li.getAttribute('data-x')), y: Number(li.getAttribute('data-y')), width: Number(li.getAttribute('data-width')), height: Number(li.getAttribute('data-height')) } : null;
            },
            text,
          ),
        { message: `"${text}" on Ana's board` },
      );
    const onScreen = async (text: string) => {
      const box = await boxOf(text);
      return canvasScreenPoint(ana, { x: box.x + 40, y: box.y + 20 });
    };
    await boxOf('Young people feel safer');
    await ana.getByRole('button', { name: 'Zoom to fit' }).click();

    // Ana rests her pointer on "Young people reached", about to drag a link onto it.
    const start = await onScreen('Young people reached');
    await ana.mouse.move(start.x, start.y);
    await ana.screenshot({ path: join(shots, 'logic-pointer-before.png') });
    const stays = async (what: string) => {
      await ana.waitForTimeout(300);
      const now = await onScreen('Young people reached');
      expect(Math.abs(now.x - start.x), `${what}: across`).toBeLessThanOrEqual(2);
      expect(Math.abs(now.y - start.y), `${what}: down`).toBeLessThanOrEqual(2);
    };

    // Ben writes a long text on the card above it, which grows.
    const before = await boxOf('Young people reached');
    await ben.locator(`${OUTLINE} li[data-node-id]`, { hasText: 'Sessions run' }).click();
    const text = ben.getByLabel('Card text');
    await text.fill('Sessions run: weekly drop-in evenings at the youth centre, summer holiday programme, outreach at two secondary schools and the skate park');
    await text.press('Tab');
    await waitFor(async () => (await boxOf('Young people reached')).y > before.y, { message: 'the card above grew on Ana\'s board' });
    await stays('card above grew');

    // Ben switches to the ESS template: a Situation column comes in on the left.
    await ben.getByLabel('Template').selectOption('ess');
    await waitFor(async () => (await boxOf('Young people reached')).x > before.x, { message: 'the columns moved right on Ana\'s board' });
    await stays('a column came in to the left');
    await ana.screenshot({ path: join(shots, 'logic-pointer-after.png') });
  });
});

