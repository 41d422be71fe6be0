import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { artifactsDir, canvasScreenPoint, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * Logic-model cards written by another tool: a stock y-websocket client in Node
 * writes bare records (id, column, text; no order keys, no template chosen in
 * `meta`), as an importer or a script would. The board must show every one of
 * them, in the outline and on the canvas, with the template their columns imply.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

const OUTLINE = '[aria-label="Logic model outline"]';
const CARDS = [
  { id: 'ext-situation', column: 'situation', text: 'Young people in Riverside feel isolated' },
  { id: 'ext-activity', column: 'activities', text: 'Weekly drop-in sessions' },
  { id: 'ext-medium', column: 'mediumTermOutcomes', text: 'Young people join local clubs' },
  // Kellogg's column on a board whose other columns say ESS: shown, never hidden.
  { id: 'ext-impact', column: 'impact', text: 'A stronger, better connected community' },
  { id: 'ext-assumption', column: 'assumptions', text: 'Partners can release youth workers' },
] as const;

function writeBareRecords(doc: Y.Doc): void {
  doc.transact(() => {
    const nodes = doc.getMap<Y.Map<unknown>>('logicNodes');
    for (const card of CARDS) nodes.set(card.id, new Y.Map<unknown>(Object.entries(card)));
    const links = doc.getMap<Y.Map<unknown>>('logicLinks');
    links.set('ext-link', new Y.Map<unknown>(Object.entries({ id: 'ext-link', from: 'ext-activity', to: 'ext-medium' })));
  });
}

interface OutlineRow {
  id: string;
  column: string;
  text: string;
  box: { x: number; y: number; width: number; height: number };
}

function outline(page: Page): Promise<OutlineRow[]> {
  return page.$$eval(`${OUTLINE} li[data-node-id]`, (lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-node-id') ?? '',
      column: li.getAttribute('data-column') ?? '',
      text: li.querySelector('.lm-outline-text')?.textContent ?? '',
      box: {
        x: Number(li.getAttribute('data-x')),
        y: Number(li.getAttribute('data-y')),
        width: Number(li.getAttribute('data-width')),
        height: Number(li.getAttribute('data-height')),
      },
    })),
  );
}

/** Distinct colours the canvas layers paint, together, inside a page rectangle. */
function coloursIn(page: Page, rect: { x: number; y: number; width: number; height: number }): Promise<number> {
  return page.evaluate((r) => {
    const layers = [...document.querySelectorAll<HTMLCanvasElement>('.canvas canvas')];
    const first = layers[0]!.getBoundingClientRect();
    const ratio = layers[0]!.width / first.width;
    const out = document.createElement('canvas');
    out.width = Math.max(1, Math.round(r.width * ratio));
    out.height = Math.max(1, Math.round(r.height * ratio));
    const ctx = out.getContext('2d')!;
    for (const layer of layers) {
      const box = layer.getBoundingClientRect();
      ctx.drawImage(layer, (r.x - box.x) * ratio, (r.y - box.y) * ratio, out.width, out.height, 0, 0, out.width, out.height);
    }
    const data = ctx.getImageData(0, 0, out.width, out.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) colours.add((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!);
    return colours.size;
  }, rect);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Imported logic model');
  const tool = pool.connect(server, board.id, board.tokens.edit);
  await tool.synced();
  writeBareRecords(tool.doc);
  await waitFor(() => tool.provider.wsconnected && !tool.doc.getMap('meta').get('logicTemplate'), { message: 'records written' });
  await new Promise((resolve) => setTimeout(resolve, 300));
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('logic-model cards written without a chosen template', () => {
  it('are all shown, in the outline and on the canvas, under the template their columns imply', async () => {
    const page = await joinBoard(browser, server.url, board.links.edit, 'Alice Adams', { contexts, errors, viewport: { width: 1440, height: 900 } });
    await page.getByRole('tab', { name: 'Logic model' }).click();

    const rows = await waitFor(async () => {
      const found = await outline(page);
      return found.length === CARDS.length ? found : undefined;
    }, { message: 'every written card in the outline' });
    expect(rows.map((r) => r.text).sort()).toEqual(CARDS.map((c) => c.text).sort());
    for (const card of CARDS) expect(rows.find((r) => r.id === card.id)?.column).toBe(card.column);

    // Situation and medium-term outcomes are ESS columns, so the board reads as ESS, and says the choice is inferred.
    expect(await page.getByRole('toolbar', { name: 'Logic model tools' }).getByLabel('Template').inputValue()).toBe('ess');
    await page.getByText('(from the cards)').waitFor();
    expect(await page.getByRole('heading', { name: 'Start your logic model' }).count()).toBe(0);
    expect(await page.getByText('Not started yet').count()).toBe(0);
    const headings = await page.$$eval(`${OUTLINE} h3`, (hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
    expect(headings).toContain('Impact');
    expect(await page.locator(`${OUTLINE} li[data-node-id="ext-activity"] [data-field="leads-to"]`).textContent()).toContain('join local clubs');

    await page.screenshot({ path: join(artifactsDir, 'logic-model-inferred-template.png') });
    // The tab opens at a readable size from its top-left; zoom to fit brings every card on screen.
    await page.locator('.canvas').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Shift+!');
    await page.waitForTimeout(300);

    for (const row of rows) {
      // Drawn: the card's box holds more colours (fill, border, text) than the same-sized empty area below it.
      const topLeft = await canvasScreenPoint(page, { x: row.box.x, y: row.box.y });
      const bottomRight = await canvasScreenPoint(page, { x: row.box.x + row.box.width, y: row.box.y + row.box.height });
      const rect = { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
      const below = { ...rect, y: rect.y + rect.height * 3 };
      expect(await coloursIn(page, rect), `${row.text} drawn`).toBeGreaterThan((await coloursIn(page, below)) + 10);
      // And there: a click on the canvas where the card is selects it.
      await page.mouse.click(topLeft.x + 20, topLeft.y + 10);
      await page.locator(`${OUTLINE} li[data-node-id="${row.id}"].selected`).waitFor();
    }
    expect(errors.get('Alice Adams')).toEqual([]);
  });
});
