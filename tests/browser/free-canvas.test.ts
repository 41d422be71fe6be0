import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord, orderKeys, updateRecord } from '@pc/shared';
import { artifactsDir, canvasScreenPoint, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * The free canvas as a facilitator uses it, in real Chromium against the real
 * server: box-select, frames that carry their notes, connectors that follow a
 * stakeholder card, align with per-person undo, copy/paste and duplicate,
 * resize, and the shortcuts in the `?` help. The board is read through the
 * accessible list, never canvas pixels.
 */
let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
let alice: Page;
let bob: Page;
let seeder: SyncClient;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const LIST = 'ul[aria-label="Items on this board"]';
const STAKEHOLDERS = 'ul[aria-label="Stakeholders"]';

interface Listed {
  id: string;
  kind: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  route: number[] | null;
  drawn: boolean;
}

async function listed(page: Page): Promise<Listed[]> {
  return page.$$eval(`${LIST} li[data-item-id]`, (lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-item-id') ?? '',
      kind: li.getAttribute('data-kind') ?? '',
      text: li.querySelector('.item-text')?.textContent ?? '',
      x: Number(li.getAttribute('data-x')),
      y: Number(li.getAttribute('data-y')),
      width: Number(li.getAttribute('data-width')),
      height: Number(li.getAttribute('data-height')),
      route: li.getAttribute('data-route')?.split(',').map(Number) ?? null,
      drawn: li.getAttribute('data-drawn') === 'true',
    })),
  );
}

async function item(page: Page, id: string): Promise<Listed> {
  const found = (await listed(page)).find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not listed`);
  return found;
}

async function press(page: Page, world: { x: number; y: number }, modifiers: { shift?: boolean } = {}) {
  const at = await canvasScreenPoint(page, world);
  if (modifiers.shift) await page.keyboard.down('Shift');
  await page.mouse.click(at.x, at.y);
  if (modifiers.shift) await page.keyboard.up('Shift');
}

async function dragScreen(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, shift = false) {
  await page.mouse.move(from.x, from.y, { steps: 2 });
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

async function dragWorld(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, shift = false) {
  await dragScreen(page, await canvasScreenPoint(page, from), await canvasScreenPoint(page, to), shift);
}

const NOTES = ['Ask the youth panel', 'Map local funders', 'Book the hall'];

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Free canvas workshop');
  seeder = pool.connect(server, board.id, board.tokens.owner);
  await seeder.synced();
  const keys = orderKeys(NOTES.length);
  seeder.doc.transact(() => {
    createRecord(seeder.doc, 'stakeholders', { id: 'youth-forum', name: 'Youth Forum', power: 1, interest: 4, placed: true });
    NOTES.forEach((text, i) => {
      createRecord(seeder.doc, 'canvasItems', {
        id: `note-${i}`,
        kind: 'sticky',
        view: 'stakeholder-map',
        text,
        x: 1250 + i * 230,
        y: 200 + i * 60,
        width: 180,
        height: 120,
        order: keys[i]!,
      });
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  alice = await joinBoard(browser, server.url, board.links.edit, 'Alice Facilitator', { contexts, errors });
  bob = await joinBoard(browser, server.url, board.links.edit, 'Bob Partner', { contexts, errors });
  for (const page of [alice, bob]) await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Items on this board"] li').length === n, NOTES.length);
  // Zoom to fit: the grid and the notes beside it all on screen.
  const camera = await alice.locator('.canvas').getAttribute('data-camera');
  await alice.locator('.canvas').click({ position: { x: 5, y: 300 } });
  await alice.keyboard.press('Shift+Digit1');
  await alice.waitForFunction((before) => document.querySelector('.canvas')?.getAttribute('data-camera') !== before, camera);
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('free canvas', () => {
  it('box-selects three notes, aligns them as one undo step, and undo leaves Bob’s edit made meanwhile', async () => {
    // Shift+drag a box on empty canvas round the three notes.
    await dragWorld(alice, { x: 1200, y: 150 }, { x: 1950, y: 360 }, true);
    await waitFor(async () => (await alice.locator(`${LIST} li[aria-current="true"]`).count()) === 3, { message: 'three notes selected by the box' });
    await alice.keyboard.press('Alt+KeyW');
    await waitFor(async () => (await listed(bob)).every((i) => i.y === 200), { message: 'Bob sees the notes aligned top' });

    // Bob writes on a note meanwhile, through the list and the in-place editor.
    await bob.locator(`${LIST} li[data-item-id="note-2"]`).click();
    await bob.keyboard.press('Enter');
    const editor = bob.locator('textarea.note-editor');
    await editor.waitFor();
    await editor.fill('Book the hall for March');
    await editor.press('Enter');
    await waitFor(async () => (await item(alice, 'note-2')).text === 'Book the hall for March', { message: 'Alice sees Bob’s text' });

    await alice.locator('.canvas').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await alice.keyboard.press('Control+z');
    await waitFor(async () => {
      const items = await listed(bob);
      return items.map((i) => i.y).join() === '200,260,320' ? items : null;
    }, { message: 'one undo puts all three back' });
    expect((await item(bob, 'note-2')).text).toBe('Book the hall for March');
  });

  it('makes a frame round the notes, retitles it in place, and the notes follow when it moves', async () => {
    await dragWorld(alice, { x: 1200, y: 150 }, { x: 1950, y: 360 }, true);
    await waitFor(async () => (await alice.locator(`${LIST} li[aria-current="true"]`).count()) === 3, { message: 'notes selected' });
    await alice.keyboard.press('f');
    const title = alice.locator('textarea.frame-title-editor');
    await title.waitFor();
    await title.fill('Who to involve');
    await title.press('Enter');
    const frame = await waitFor(async () => (await listed(alice)).find((i) => i.kind === 'frame' && i.text === 'Who to involve'), { message: 'frame listed with its title' });
    const notesBefore = (await listed(alice)).filter((i) => i.kind === 'sticky');
    for (const note of notesBefore) {
      expect(note.x).toBeGreaterThan(frame.x);
      expect(note.x + note.width).toBeLessThan(frame.x + frame.width);
    }
    // Drag the frame by its title bar.
    await dragWorld(alice, { x: frame.x + 60, y: frame.y + 16 }, { x: frame.x + 260, y: frame.y + 466 });
    // Moves stream while the drag lasts: compare where it ended for Alice with what Bob sees,
    // not the first moved position Bob happens to see.
    const moved = await waitFor(async () => {
      const mine = (await listed(alice)).find((i) => i.id === frame.id)!;
      const seen = (await listed(bob)).find((i) => i.id === frame.id)!;
      return mine.x !== frame.x && seen.x === mine.x && seen.y === mine.y ? seen : null;
    }, { message: 'Bob sees the frame where Alice dropped it' });
    const dx = moved.x - frame.x;
    const dy = moved.y - frame.y;
    expect(Math.abs(dx - 200)).toBeLessThan(12);
    expect(Math.abs(dy - 450)).toBeLessThan(12);
    await waitFor(async () => {
      const notes = (await listed(bob)).filter((i) => i.kind === 'sticky');
      return notes.every((n) => {
        const before = notesBefore.find((b) => b.id === n.id)!;
        return n.x - before.x === dx && n.y - before.y === dy;
      });
    }, { message: 'the notes in the frame moved with it' });
    // One undo puts the frame and its notes back together.
    await alice.keyboard.press('Control+z');
    await waitFor(async () => (await item(bob, frame.id)).x === frame.x && (await item(bob, 'note-0')).x === notesBefore.find((n) => n.id === 'note-0')!.x, { message: 'frame move undone as one step' });
  });

  it('draws a connector from a note to a stakeholder card, and it follows the card as it moves', async () => {
    const note = await item(alice, 'note-0');
    await press(alice, { x: note.x + 90, y: note.y + 60 });
    await waitFor(async () => (await alice.locator(`${LIST} li[aria-current="true"]`).count()) === 1, { message: 'note selected' });
    const card = await alice.$eval(`${STAKEHOLDERS} li[data-stakeholder-id="youth-forum"]`, (li) => ({ x: Number(li.getAttribute('data-map-x')), y: Number(li.getAttribute('data-map-y')) }));
    const right = await canvasScreenPoint(alice, { x: note.x + note.width, y: note.y + note.height / 2 });
    await dragScreen(alice, { x: right.x + 18, y: right.y }, await canvasScreenPoint(alice, card));
    const connector = await waitFor(async () => (await listed(bob)).find((i) => i.kind === 'connector' && i.drawn), { message: 'Bob sees the connector drawn' });
    expect(connector.text).toBe('Ask the youth panel → Youth Forum');
    const end = connector.route!;
    // The arrow ends at the card, near its centre (gap and radius allowed).
    expect(Math.hypot(end[2]! - card.x, end[3]! - card.y)).toBeLessThan(60);

    // Someone raises the stakeholder's power: the card moves on the grid and the connector follows.
    updateRecord(seeder.doc, 'stakeholders', 'youth-forum', { power: 4, interest: 1 });
    const cardAfter = await waitFor(async () => {
      const c = await bob.$eval(`${STAKEHOLDERS} li[data-stakeholder-id="youth-forum"]`, (li) => ({ x: Number(li.getAttribute('data-map-x')), y: Number(li.getAttribute('data-map-y')) }));
      return c.x !== card.x || c.y !== card.y ? c : null;
    }, { message: 'card moved' });
    const followed = await waitFor(async () => {
      const c = (await listed(bob)).find((i) => i.id === connector.id)!;
      return c.route && Math.hypot(c.route[2]! - cardAfter.x, c.route[3]! - cardAfter.y) < 60 ? c : null;
    }, { message: 'connector follows the card' });
    expect(followed.route![2]).not.toBe(end[2]);

    // A label, edited in place.
    await alice.locator(`${LIST} li[data-item-id="${connector.id}"]`).click();
    await alice.keyboard.press('Enter');
    const label = alice.locator('textarea.connector-label-editor');
    await label.waitFor();
    await label.fill('invite');
    await label.press('Enter');
    await waitFor(async () => (await item(bob, connector.id)).text === 'Ask the youth panel → Youth Forum: invite', { message: 'label listed' });

    // A second connector between two notes, drawn with the toolbar's Connect on a two-item selection.
    const second = await item(alice, 'note-1');
    const third = await item(alice, 'note-2');
    await press(alice, { x: second.x + 90, y: second.y + 60 });
    await press(alice, { x: third.x + 90, y: third.y + 60 }, { shift: true });
    await alice.locator('details.menu > summary').click();
    await alice.getByRole('menuitem', { name: /Connect the two selected/ }).click();
    await waitFor(async () => (await listed(bob)).filter((i) => i.kind === 'connector' && i.drawn).length === 2, { message: 'second connector' });

    // A text item: no background, its height follows its text.
    await alice.keyboard.press('Escape');
    await alice.keyboard.press('t');
    const text = alice.locator('textarea.text-item-editor');
    await text.waitFor();
    await text.fill('Agree who contacts each stakeholder before the next review, and note it on the map');
    await text.press('Enter');
    const written = await waitFor(async () => (await listed(bob)).find((i) => i.kind === 'text' && i.text.startsWith('Agree who')), { message: 'text item listed' });
    // Several lines at 20 px: taller than the one-line box it was made with.
    await waitFor(async () => (await item(bob, written.id)).height > 50, { message: 'text item grew with its text' });

    await alice.keyboard.press('Escape');
    await alice.waitForTimeout(400);
    await alice.screenshot({ path: join(artifactsDir, 'frame-with-connectors.png') });

    // Deleting a note takes its connectors with it.
    await alice.locator(`${LIST} li[data-item-id="note-1"]`).click();
    await alice.keyboard.press('Delete');
    await waitFor(async () => (await listed(bob)).filter((i) => i.kind === 'connector').length === 1, { message: 'connector removed with its note' });
    await alice.keyboard.press('Control+z');
    await waitFor(async () => (await listed(bob)).filter((i) => i.kind === 'connector').length === 2, { message: 'undo brings both back' });
  });

  it('copies and pastes (on this tab and another) and duplicates', async () => {
    const before = (await listed(alice)).filter((i) => i.kind === 'sticky').length;
    await alice.locator(`${LIST} li[data-item-id="note-0"]`).click();
    const source = await item(alice, 'note-0');
    await alice.keyboard.press('Control+c');
    await alice.keyboard.press('Control+v');
    const pasted = await waitFor(async () => (await listed(bob)).find((i) => i.kind === 'sticky' && i.text === source.text && i.id !== 'note-0'), { message: 'pasted note' });
    expect(pasted.x - source.x).toBe(24);
    expect(pasted.y - source.y).toBe(24);
    await alice.keyboard.press('Control+d');
    await waitFor(async () => (await listed(bob)).filter((i) => i.kind === 'sticky').length === before + 2, { message: 'duplicated' });

    await alice.getByRole('tab', { name: 'Logic model' }).click();
    await alice.waitForFunction(() => document.querySelectorAll('ul[aria-label="Items on this board"] li').length === 0);
    await alice.keyboard.press('Control+v');
    await waitFor(async () => (await listed(alice)).some((i) => i.kind === 'sticky' && i.text === source.text), { message: 'pasted on the logic model' });
    await alice.getByRole('tab', { name: 'Stakeholder map' }).click();
  });

  it('resizes a note by its corner handle', async () => {
    const note = await item(alice, 'note-2');
    await alice.locator(`${LIST} li[data-item-id="note-2"]`).click();
    await alice.waitForTimeout(200);
    const corner = await canvasScreenPoint(alice, { x: note.x + note.width, y: note.y + note.height });
    const zoom = Number((await alice.locator('.canvas').getAttribute('data-camera'))!.split(',')[2]);
    await dragScreen(alice, corner, { x: corner.x + 80 * zoom, y: corner.y + 50 * zoom });
    const resized = await waitFor(async () => {
      const n = await item(bob, 'note-2');
      return n.width !== note.width ? n : null;
    }, { message: 'Bob sees the note resized' });
    expect(Math.abs(resized.width - (note.width + 80))).toBeLessThan(4);
    expect(Math.abs(resized.height - (note.height + 50))).toBeLessThan(4);
  });

  it('lists the new commands in the ? help', async () => {
    await alice.locator('.canvas').click({ position: { x: 5, y: 5 } }).catch(() => {});
    await alice.keyboard.press('Escape');
    await alice.keyboard.press('?');
    const help = alice.getByRole('dialog');
    await help.waitFor();
    const text = await help.textContent();
    for (const words of ['Align left', 'Distribute horizontally', 'Bring forward', 'Send to back', 'Duplicate the selected items', 'Copy the selected items', 'Paste', 'Select the items a box touches', 'Pinch to zoom']) {
      expect(text).toContain(words);
    }
    await alice.keyboard.press('Escape');
    for (const [name, list] of errors) expect(list, name).toEqual([]);
  });
});
