import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { STICKY_COLOURS, createRecord, deleteRecord, orderKeys } from '@pc/shared';
import { artifactsDir, canvasScreenPoint, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool } from '../helpers/sync';

/**
 * Notes that are neither selected nor being edited are drawn in batches, not as
 * nodes of their own: pressing, dragging, double-clicking and hovering them must
 * work as on any note. Read through the accessible list, never canvas pixels.
 */
let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const LIST = 'ul[aria-label="Items on this board"]';
const NOTES = 12;

async function positions(page: Page): Promise<Map<string, { x: number; y: number; text: string }>> {
  const rows = await page.$$eval(`${LIST} li[data-item-id]`, (lis) =>
    lis.map((li) => [li.getAttribute('data-item-id') ?? '', { x: Number(li.getAttribute('data-x')), y: Number(li.getAttribute('data-y')), text: li.querySelector('.item-text')?.textContent ?? '' }] as const),
  );
  return new Map(rows);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Batched notes');
  const pool = new ClientPool();
  try {
    const seeder = pool.connect(server, board.id, board.tokens.owner);
    await seeder.synced();
    const keys = orderKeys(NOTES);
    seeder.doc.transact(() => {
      for (let i = 0; i < NOTES; i++) {
        createRecord(seeder.doc, 'canvasItems', {
          id: `note-${i}`,
          kind: 'sticky',
          view: 'stakeholder-map',
          text: `Seeded note ${i}`,
          x: (i % 4) * 240,
          y: Math.floor(i / 4) * 180,
          width: 200,
          height: 140,
          colour: STICKY_COLOURS[i % STICKY_COLOURS.length]!,
          order: keys[i]!,
          author: 'Seed',
        });
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
  } finally {
    pool.destroyAll();
  }
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('notes drawn in batches', () => {
  it('drag, select, hover and edit like any other note', async () => {
    const page = await joinBoard(browser, server.url, board.links.edit, 'Dana Drag', { contexts, errors });
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Items on this board"] li').length === n, NOTES);
    // Boards open at a readable size, which leaves the empty canvas above and left of
    // the notes off screen: pan it into view (the wheel pans) before using it.
    const canvasBox = (await page.locator('.canvas').boundingBox())!;
    await page.mouse.move(canvasBox.x + canvasBox.width / 2, canvasBox.y + canvasBox.height / 2);
    await page.mouse.wheel(-300, -300);
    await page.waitForFunction(() => Number(document.querySelector('.canvas')?.getAttribute('data-camera')?.split(',')[1]) > 0);
    const before = await positions(page);
    const note = before.get('note-5')!;

    // Hovering a note shows the move cursor; empty canvas does not.
    const centre = await canvasScreenPoint(page, { x: note.x + 100, y: note.y + 70 });
    await page.mouse.move(centre.x, centre.y, { steps: 3 });
    await page.waitForFunction(() => (document.querySelector('.canvas') as HTMLElement).style.cursor === 'move');
    const empty = await canvasScreenPoint(page, { x: -200, y: -200 });
    await page.mouse.move(empty.x, empty.y, { steps: 3 });
    await page.waitForFunction(() => (document.querySelector('.canvas') as HTMLElement).style.cursor === 'default');

    // One press on a note nobody selected, then a drag: it selects the note and moves it.
    await page.mouse.move(centre.x, centre.y, { steps: 3 });
    await page.mouse.down();
    await page.mouse.move(centre.x + 60, centre.y + 30, { steps: 6 });
    await page.mouse.move(centre.x + 120, centre.y + 60, { steps: 6 });
    await page.mouse.up();
    expect(await page.locator(`${LIST} li[aria-current="true"]`).getAttribute('data-item-id')).toBe('note-5');
    const zoom = Number((await page.locator('.canvas').getAttribute('data-camera'))!.split(',')[2]);
    await page.waitForFunction(
      ([x0]) => Number(document.querySelector('ul[aria-label="Items on this board"] li[data-item-id="note-5"]')?.getAttribute('data-x')) !== x0,
      [note.x],
    );
    const after = (await positions(page)).get('note-5')!;
    expect(after.x - note.x).toBeCloseTo(120 / zoom, -1);
    expect(after.y - note.y).toBeCloseTo(60 / zoom, -1);
    const others = await positions(page);
    for (const [id, was] of before) if (id !== 'note-5') expect(others.get(id)).toEqual(was);

    // A click elsewhere, then a double-click on another batched note opens its editor.
    await page.mouse.click(empty.x, empty.y);
    const other = before.get('note-2')!;
    const otherCentre = await canvasScreenPoint(page, { x: other.x + 100, y: other.y + 70 });
    await page.mouse.dblclick(otherCentre.x, otherCentre.y);
    const editor = page.getByRole('textbox', { name: 'Note text' });
    await editor.waitFor();
    expect(await editor.inputValue()).toBe('Seeded note 2');
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await page.screenshot({ path: join(artifactsDir, 'notes-batched.png') });

    // Double-clicking empty canvas still makes a note there; Escape keeps what was typed.
    await page.mouse.dblclick(empty.x, empty.y);
    await page.getByRole('textbox', { name: 'Note text' }).waitFor();
    await page.keyboard.type('Fresh note');
    await page.keyboard.press('Escape');
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Items on this board"] li').length === n + 1, NOTES);
    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });

  it('drops a selected note from the selection when someone else deletes it', async () => {
    const page = await joinBoard(browser, server.url, board.links.edit, 'Sam Select', { contexts, errors });
    await page.locator(`${LIST} li[data-item-id="note-9"]`).waitFor();
    await page.locator(`${LIST} li[data-item-id="note-9"]`).click();
    await page.locator(`${LIST} li[data-item-id="note-9"][aria-current="true"]`).waitFor();
    const copy = page.getByRole('menuitem', { name: /^Copy/ });
    await page.getByLabel('Arrange and more').click();
    expect(await copy.isEnabled()).toBe(true);

    const pool = new ClientPool();
    try {
      const other = pool.connect(server, board.id, board.tokens.edit);
      await other.synced();
      expect(deleteRecord(other.doc, 'canvasItems', 'note-9')).toBe(true);
      await page.locator(`${LIST} li[data-item-id="note-9"]`).waitFor({ state: 'detached' });
      // The commands that act on the selection have nothing left to act on.
      await page.waitForFunction(() => [...document.querySelectorAll('[role="menuitem"]')].some((b) => /^Copy/.test(b.textContent ?? '') && (b as HTMLButtonElement).disabled));
      expect(await copy.isEnabled()).toBe(false);
    } finally {
      pool.destroyAll();
    }
    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });
});
