import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord, updateMeta } from '@pc/shared';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * Each board opens at a size a room can read: its main labels at least 12 px on
 * screen (stakeholder names and logic cards 14 px in the world, matrix rows 13 px),
 * however big the board, and "Present" (Shift+2) zooms so they are large enough
 * for a projector.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
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
  for (let i = 0; i < 12; i++) createRecord(seeder.doc, 'partners', { name: `Partner ${i + 1}`, colour: '#2563eb' });
  for (let i = 0; i < 30; i++) createRecord(seeder.doc, 'matrixRows', { name: `Skill ${i + 1}`, category: 'skill', order: `a${String(i).padStart(2, '0')}` });
  updateMeta(seeder.doc, { logicTemplate: 'kellogg' });
  for (const column of ['inputs', 'activities', 'outputs', 'shortTermOutcomes', 'mediumTermOutcomes', 'longTermOutcomes', 'impact'] as const) {
    for (let i = 0; i < 6; i++) createRecord(seeder.doc, 'logicNodes', { column, text: `${column} ${i + 1}` });
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
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
});
