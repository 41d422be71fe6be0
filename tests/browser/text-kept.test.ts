import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { waitFor } from '../helpers/sync';

/**
 * Typed text is never lost, in any in-place editor: Enter commits (Shift+Enter
 * adds a line where text may run over lines), leaving the field commits, Escape
 * keeps what was typed too, and a new card or note left empty is removed rather
 * than kept as "Untitled". Each case is the person's own steps; what they see is
 * read from the accessible lists and outline.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
let page: Page;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

const OUTLINE = '[aria-label="Logic model outline"]';
const ITEMS = 'ul[aria-label="Items on this board"]';

async function cardTexts(column: string): Promise<string[]> {
  return page.$$eval(`${OUTLINE} li[data-node-id][data-column="${column}"] .lm-outline-text`, (els) => els.map((el) => el.textContent ?? ''));
}

async function noteTexts(): Promise<string[]> {
  return page.$$eval(`${ITEMS} li[data-item-id] .item-text`, (els) => els.map((el) => el.textContent ?? ''));
}

async function stakeholderNames(): Promise<string[]> {
  return page.$$eval('ul[aria-label="Stakeholders"] li[data-stakeholder-id] .sm-name', (els) => els.map((el) => el.textContent ?? ''));
}

async function matrixRows(): Promise<string[]> {
  return page.$$eval('table[aria-label="Skills matrix"] tbody tr[data-row-id] th[scope="row"]', (els) => els.map((el) => el.textContent ?? ''));
}

async function eventually<T>(read: () => Promise<T>, expected: T, message: string): Promise<void> {
  await waitFor(async () => JSON.stringify(await read()) === JSON.stringify(expected), { message: `${message}: wanted ${JSON.stringify(expected)}` }).catch(async (error) => {
    throw new Error(`${(error as Error).message}; saw ${JSON.stringify(await read())}`);
  });
}

/** Click a spot on the page that is nobody's editor (the board's title bar). */
async function clickAway(): Promise<void> {
  await page.locator('.board-header h1, .board-header').first().click({ position: { x: 5, y: 5 } });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Workshop prep');
  page = await joinBoard(browser, server.url, board.links.edit, 'Fiona', { contexts, errors, viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('typed text is kept in every in-place editor', () => {
  it('logic-model cards: Enter, Escape and clicking away all keep the text; an empty new card goes away', async () => {
    await page.getByRole('tab', { name: 'Logic model' }).click();
    await page.getByRole('button', { name: 'Use Kellogg' }).click();
    const editor = page.locator('textarea.lm-card-editor');

    // Outcomes: "+ Add", type, Enter.
    await page.getByRole('button', { name: 'Add a card to Outcomes' }).click();
    await editor.waitFor();
    await editor.pressSequentially('Young people feel safer');
    await page.keyboard.press('Enter');
    await page.screenshot({ path: join(shots, 'item1-card-enter.png') });
    await editor.waitFor({ state: 'detached' });
    await eventually(() => cardTexts('shortTermOutcomes'), ['Young people feel safer'], 'Enter keeps the outcome');

    // Impact: type, Escape keeps it.
    await page.getByRole('button', { name: 'Add a card to Impact' }).click();
    await editor.waitFor();
    await editor.pressSequentially('Safer streets');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(shots, 'item1-card-escape.png') });
    await eventually(() => cardTexts('impact'), ['Safer streets'], 'Escape keeps the impact');

    // Every other column and lane: type, click away.
    for (const [label, key, text] of [
      ['Inputs', 'inputs', 'Youth workers'],
      ['Activities', 'activities', 'Evening drop-in'],
      ['Outputs', 'outputs', '40 sessions'],
      ['Assumptions', 'assumptions', 'Venues stay open'],
      ['External factors', 'externalFactors', 'Council budget'],
    ] as const) {
      await page.getByRole('button', { name: `Add a card to ${label}` }).click();
      await editor.waitFor();
      await editor.pressSequentially(text);
      await clickAway();
      await eventually(() => cardTexts(key), [text], `clicking away keeps the ${label} card`);
    }

    // Shift+Enter adds a line; Enter then commits both lines.
    await page.getByRole('button', { name: 'Add a card to Outcomes' }).click();
    await editor.waitFor();
    await editor.pressSequentially('Fewer incidents');
    await page.keyboard.press('Shift+Enter');
    await editor.pressSequentially('near schools');
    await page.keyboard.press('Enter');
    await eventually(() => cardTexts('shortTermOutcomes'), ['Young people feel safer', 'Fewer incidents\nnear schools'], 'Shift+Enter keeps two lines');

    // "+ Add", then leave it empty: no "Untitled" card stays.
    await page.getByRole('button', { name: 'Add a card to Impact' }).click();
    await editor.waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await eventually(() => cardTexts('impact'), ['Safer streets'], 'an empty new card is removed');
    expect(await page.locator(OUTLINE).textContent()).not.toContain('Untitled');
    await page.screenshot({ path: join(shots, 'item1-cards-after.png') });
  });

  it('sticky notes: Enter, Escape and clicking away keep the text; an empty new note goes away', async () => {
    // On the logic model, below its lanes, is free canvas.
    const editor = page.getByRole('textbox', { name: 'Note text' });
    const canvas = (await page.locator('.canvas').boundingBox())!;
    const free = (dx: number) => ({ x: canvas.x + 120 + dx, y: canvas.y + canvas.height - 60 });

    await page.mouse.dblclick(free(0).x, free(0).y);
    await editor.waitFor();
    await editor.pressSequentially('Invite the youth panel');
    await page.keyboard.press('Enter');
    await editor.waitFor({ state: 'detached' });
    await eventually(noteTexts, ['Invite the youth panel'], 'Enter keeps the note');

    await page.getByRole('button', { name: 'Add note' }).click();
    await editor.waitFor();
    await editor.pressSequentially('Book the hall');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: join(shots, 'item1-note-escape.png') });
    await eventually(async () => (await noteTexts()).sort(), ['Book the hall', 'Invite the youth panel'], 'Escape keeps the note');

    await page.getByRole('button', { name: 'Add note' }).click();
    await editor.waitFor();
    await editor.pressSequentially('Ask about parking');
    await clickAway();
    await eventually(async () => (await noteTexts()).length, 3, 'clicking away keeps the note');

    await page.getByRole('button', { name: 'Add note' }).click();
    await editor.waitFor();
    await page.keyboard.press('Escape');
    await editor.waitFor({ state: 'detached' });
    await page.waitForTimeout(200);
    expect((await noteTexts()).sort()).toEqual(['Ask about parking', 'Book the hall', 'Invite the youth panel']);
    await page.getByRole('tab', { name: 'Stakeholder map' }).click();
  });

  it('stakeholder names: the entry box and the name field keep what was typed', async () => {
    const entry = page.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await entry.pressSequentially('Riverside Council');
    await page.keyboard.press('Enter');
    await eventually(stakeholderNames, ['Riverside Council'], 'Enter adds the stakeholder');

    await entry.pressSequentially('Youth Forum');
    await clickAway();
    await eventually(async () => (await stakeholderNames()).sort(), ['Riverside Council', 'Youth Forum'], 'leaving the entry box adds it');

    // Rename in the editor: Escape keeps the new name.
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Youth Forum' }).click();
    const name = page.locator('#stakeholder-editor-name');
    await name.fill('Youth Forum (under 18s)');
    await name.press('Escape');
    await page.screenshot({ path: join(shots, 'item1-stakeholder-escape.png') });
    await eventually(async () => (await stakeholderNames()).sort(), ['Riverside Council', 'Youth Forum (under 18s)'], 'Escape keeps the new name');
  });

  it('matrix rows: the add-row form and the row name keep what was typed', async () => {
    await page.getByRole('tab', { name: 'Skills matrix' }).click();
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByRole('button', { name: '+ Add row' }).click();
    const field = page.getByLabel('Skill, knowledge or resource');
    await field.pressSequentially('Safeguarding');
    await field.press('Enter');
    await field.pressSequentially('Detached youth work');
    await field.press('Escape');
    await page.screenshot({ path: join(shots, 'item1-matrix-row-escape.png') });
    await eventually(async () => (await matrixRows()).sort(), ['Detached youth work', 'Safeguarding'], 'Escape on the form keeps the typed row');
    expect(await page.getByRole('form', { name: 'Add row' }).count()).toBe(0);

    // Rename a row in its panel: Escape keeps the new name.
    await page.locator('table[aria-label="Skills matrix"] tbody th[scope="row"]', { hasText: 'Safeguarding' }).click();
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('Safeguarding (level 2)');
    await name.press('Escape');
    await eventually(async () => (await matrixRows()).sort(), ['Detached youth work', 'Safeguarding (level 2)'], 'Escape keeps the new row name');
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
