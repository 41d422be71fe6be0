import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord, updateMeta } from '@pc/shared';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';
import { GRID_WORLD } from '../../client/src/boards/stakeholder-map/model/mapLayout';

/**
 * Each board opens at a size a room can read: its main labels at least 12 px on
 * screen (stakeholder names and logic cards 14 px in the world, matrix rows 13 px),
 * however big the board, and "Present" (Shift+2) zooms so they are large enough
 * for a projector.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
let boardLink: string;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

const zoomOf = async (p: Page) => Number(((await p.locator('.canvas').getAttribute('data-camera')) ?? '0,0,0').split(',')[2]);

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const board = await createBoard(server, 'Riverside Youth Partnership');
  // Written by another program: a full grid, a wide matrix and a long logic model.
  const seeder = pool.connect(server, board.id, board.tokens.edit);
  await seeder.synced();
  const names = ['Riverside Council', 'Ardmore Health Board', 'Youth Forum', 'Kinship Carers Trust', 'Police Scotland', 'Local Schools', 'Faith groups', 'Housing Association'];
  names.forEach((name, i) => createRecord(seeder.doc, 'stakeholders', { name, power: (i % 4) + 1, interest: ((i * 3) % 4) + 1, placed: true }));
  // Two still to place: the tray shows beside the grid.
  for (const name of ['Carers Centre', 'Sports Clubs']) createRecord(seeder.doc, 'stakeholders', { name, power: 2, interest: 2, placed: false });
  for (let i = 0; i < 12; i++) createRecord(seeder.doc, 'partners', { name: `Partner ${i + 1}`, colour: '#2563eb' });
  for (let i = 0; i < 30; i++) createRecord(seeder.doc, 'matrixRows', { name: `Skill ${i + 1}`, category: 'skill', order: `a${String(i).padStart(2, '0')}` });
  updateMeta(seeder.doc, { logicTemplate: 'kellogg' });
  for (const column of ['inputs', 'activities', 'outputs', 'shortTermOutcomes', 'mediumTermOutcomes', 'longTermOutcomes', 'impact'] as const) {
    for (let i = 0; i < 6; i++) createRecord(seeder.doc, 'logicNodes', { column, text: `${column} ${i + 1}` });
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  boardLink = board.links.edit;
  page = await joinBoard(browser, server.url, board.links.edit, 'Fiona Facilitator', { contexts, errors, viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('boards open at a readable size', () => {
  it.each([
    ['Stakeholder map', 14],
    ['Skills matrix', 13],
    ['Logic model', 14],
  ] as const)('%s opens with labels of at least 12 px, and Present makes them projector size', async (tab, labelPx) => {
    await page.getByRole('tab', { name: tab }).click();
    const opened = await waitFor(async () => {
      const zoom = await zoomOf(page);
      return zoom > 0 ? zoom : null;
    });
    expect(labelPx * opened).toBeGreaterThanOrEqual(12 - 0.01);
    await page.screenshot({ path: join(shots, `readable-${tab.toLowerCase().replace(/ /g, '-')}.png`) });

    await page.getByRole('button', { name: /presentation size/i }).click();
    await waitFor(async () => labelPx * (await zoomOf(page)) >= 22 - 0.01, { message: 'presentation size' });

    // Zoom to fit (Shift+1) then the keyboard shortcut (Shift+2) gets back to it.
    await page.locator('.canvas').click({ position: { x: 700, y: 450 } });
    await page.keyboard.press('Shift+!');
    await waitFor(async () => labelPx * (await zoomOf(page)) < 22 - 0.01, { message: 'fitted' });
    await page.keyboard.press('Shift+@');
    await waitFor(async () => labelPx * (await zoomOf(page)) >= 22 - 0.01, { message: 'presentation size by keyboard' });
    expect(errors.get('Fiona Facilitator') ?? []).toEqual([]);
  });

  it.each([
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ])('the stakeholder grid opens beside the tray and the legend, never under them ($width x $height)', async (viewport) => {
    const viewer = await joinBoard(browser, server.url, boardLink, `Viewer ${viewport.width}`, { contexts, errors, viewport });
    const canvas = viewer.locator('.canvas');
    const tray = (await viewer.locator('.sm-tray').boundingBox())!;
    const legend = (await viewer.locator('.sm-legend').boundingBox())!;
    const box = (await canvas.boundingBox())!;
    const [cx, , zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
    const gridLeft = box.x + cx + GRID_WORLD.x * zoom;
    await viewer.screenshot({ path: join(shots, `stakeholder-grid-opening-${viewport.width}.png`) });
    // The quadrants' titles and the power axis start at the grid's left edge: clear of both panels.
    expect(gridLeft).toBeGreaterThan(tray.x + tray.width);
    expect(gridLeft).toBeGreaterThan(legend.x + legend.width);
    // Still at a readable size.
    expect(14 * zoom).toBeGreaterThanOrEqual(12 - 0.01);
    // Every card drawn on screen is outside both panels.
    const rows = await viewer.locator('ul[aria-label="Stakeholders"] li[data-map-x]').all();
    expect(rows.length).toBe(8);
    for (const row of rows) {
      const [, cy] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
      const x = box.x + cx + Number(await row.getAttribute('data-map-x')) * zoom;
      const y = box.y + cy + Number(await row.getAttribute('data-map-y')) * zoom;
      for (const panel of [tray, legend]) {
        const under = x >= panel.x && x <= panel.x + panel.width && y >= panel.y && y <= panel.y + panel.height;
        expect(under, `${await row.textContent()} under a panel`).toBe(false);
      }
    }
    await viewer.context().close();
  });
});
