import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord, getCollection } from '@pc/shared';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * A workshop run from the keyboard: letters typed into fields, the agreement
 * editor, a select, the shortcut sheet or a menu create nothing; Tab reaches a
 * "Skip to canvas" link first; on the canvas arrows go from stakeholder to
 * stakeholder (a screen reader hears each), Ctrl+arrows move one a grid cell
 * (a second browser sees the new power), Enter opens it, Escape leaves; a
 * stakeholder waiting in the tray is placed with Enter; on the logic model
 * arrows go from card to card and Enter edits; `?` lists the keys. axe-core
 * finds no serious violation on the page with a card focused.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
let page: Page;
let other: Page;
let seeder: SyncClient;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');
const ids: Record<string, string> = {};

const announcement = () => page.locator('[data-canvas-focus]').innerText();
const activeLabel = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
const rowOf = (target: Page, name: string) => target.locator('ul[aria-label="Stakeholders"] li[data-stakeholder-id]', { hasText: name });

async function seriousViolations(target: Page): Promise<string[]> {
  await target.addScriptTag({ path: axePath });
  const violations = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}`));
}

/** Focus back at the start of the page, as after loading it (the next Tab goes to the first focusable element). */
async function toTopOfPage(): Promise<void> {
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
}

/** From the top of the page: Tab once, which must land on the skip link, and follow it. */
async function skipToCanvas(): Promise<void> {
  await toTopOfPage();
  await page.keyboard.press('Tab');
  await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to canvas');
  await page.keyboard.press('Enter');
  await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('board-canvas');
}

async function announced(text: string): Promise<void> {
  await waitFor(async () => (await announcement()).includes(text), { message: `announcement "${text}", got "${await announcement()}"` });
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Keyboard workshop');
  seeder = pool.connect(server, board.id, board.tokens.edit);
  await seeder.synced();
  ids.ardmore = createRecord(seeder.doc, 'stakeholders', { name: 'Ardmore Health Board', power: 3, interest: 4, placed: true }).id;
  ids.youth = createRecord(seeder.doc, 'stakeholders', { name: 'Youth Forum', power: 4, interest: 1, placed: true }).id;
  ids.council = createRecord(seeder.doc, 'stakeholders', { name: 'Riverside Council', power: 1, interest: 1, placed: true }).id;
  ids.kinship = createRecord(seeder.doc, 'stakeholders', { name: 'Kinship Carers', power: 0, interest: 0, placed: false }).id;
  ids.parents = createRecord(seeder.doc, 'stakeholders', { name: 'Parents Network', power: 0, interest: 0, placed: false }).id;
  ids.dropIn = createRecord(seeder.doc, 'logicNodes', { column: 'activities', text: 'Weekly drop-in', order: 'a0' }).id;
  ids.safer = createRecord(seeder.doc, 'logicNodes', { column: 'outputs', text: 'Sessions run', order: 'a0' }).id;
  await new Promise((resolve) => setTimeout(resolve, 300));
  page = await joinBoard(browser, server.url, board.links.edit, 'Fiona (facilitator)', { contexts, errors, bypassCSP: true });
  other = await joinBoard(browser, server.url, board.links.edit, 'Sam (partner)', { contexts, errors });
  await rowOf(page, 'Ardmore Health Board').waitFor({ state: 'attached' });
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('the boards from the keyboard', () => {
  it('letters typed into a field, a select, the shortcut sheet, a menu or the agreement create nothing', async () => {
    await page.locator('input[type="search"]').focus();
    await page.keyboard.type('ntfc');
    await page.getByLabel('Colour by', { exact: true }).focus();
    await page.keyboard.type('nt');
    await page.getByLabel('Colour by', { exact: true }).selectOption('sector');
    // The shortcut sheet is a modal dialog: its letters are not the board's.
    await page.locator('input[type="search"]').fill('');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await page.keyboard.type('ntf');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // The Arrange menu.
    await page.locator('summary[aria-label="Arrange and more"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem').first().focus();
    await page.keyboard.type('ntf');
    await page.keyboard.press('Escape');
    await page.locator('summary[aria-label="Arrange and more"]').focus();
    await page.keyboard.press('Enter');
    // The agreement's rich-text editor.
    await page.getByRole('tab', { name: 'Health check' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Agreement' }).click();
    const vision = page.getByRole('textbox', { name: 'Shared vision and aims' });
    await vision.click();
    await page.keyboard.type('ntfc fun');
    await waitFor(async () => (await vision.innerText()).includes('ntfc fun'), { message: 'agreement text missing' });
    await page.getByRole('tab', { name: 'Stakeholder map' }).first().focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(getCollection(seeder.doc, 'canvasItems').size).toBe(0);
    await expect(page.locator('ul[aria-label="Items on this board"] li').count()).resolves.toBe(0);
  });

  it('Tab reaches Skip to canvas first; arrows go from stakeholder to stakeholder, Ctrl+arrow raises power, Enter opens, Escape leaves', async () => {
    await toTopOfPage();
    await page.keyboard.press('Tab');
    await page.screenshot({ path: join(shots, 'keyboard-skip-link.png') });
    await expect(page.getByRole('link', { name: 'Skip to canvas' }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Shift+Tab');
    await skipToCanvas();
    await announced('Stakeholder map canvas: 3 items');

    // The first arrow goes to the top card (highest power), then right to the nearest that way.
    await page.keyboard.press('ArrowDown');
    await announced('Youth Forum, stakeholder, power 4, interest 1');
    await page.keyboard.press('ArrowRight');
    await announced('Ardmore Health Board, stakeholder, power 3, interest 4');
    await page.keyboard.press('ArrowDown');
    await announced('Riverside Council, stakeholder, power 1, interest 1');
    await page.keyboard.press('ArrowUp');
    await announced('Youth Forum');
    await page.keyboard.press('ArrowRight');
    await announced('Ardmore Health Board, stakeholder, power 3, interest 4');
    await page.screenshot({ path: join(shots, 'keyboard-stakeholder-focus.png') });

    await page.keyboard.press('Control+ArrowUp');
    await announced('Ardmore Health Board, stakeholder, power 4, interest 4');
    await waitFor(async () => (await rowOf(other, 'Ardmore Health Board').getAttribute('data-power')) === '4', { message: 'the second browser never saw power 4' });
    await expect(rowOf(other, 'Ardmore Health Board').getAttribute('data-quadrant')).resolves.toBe('manageClosely');

    await page.keyboard.press('Enter');
    const editor = page.locator('.sm-editor');
    await editor.waitFor();
    await expect(editor.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe('Ardmore Health Board');
    await page.screenshot({ path: join(shots, 'keyboard-stakeholder-editor.png') });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('board-canvas');
    await page.keyboard.press('Escape');
    await announced('Left the items');
    await editor.waitFor({ state: 'detached' });
  });

  it('a stakeholder in the tray is placed with Enter, then refined with Ctrl+arrows', async () => {
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await page.evaluate(() => document.activeElement?.closest('ul[aria-label="Stakeholders to place"]') !== null)) && (await activeLabel()).includes('Kinship Carers');
    }
    expect(found, 'Tab never reached the tray entry').toBe(true);
    await page.screenshot({ path: join(shots, 'keyboard-tray.png') });
    await page.keyboard.press('Enter');
    await waitFor(async () => (await rowOf(other, 'Kinship Carers').getAttribute('data-placed')) === 'true', { message: 'not placed' });
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('board-canvas');
    await announced('Kinship Carers, stakeholder, power 2, interest 2');
    await page.keyboard.press('Control+ArrowRight');
    await announced('Kinship Carers, stakeholder, power 2, interest 3');
    await waitFor(async () => (await rowOf(other, 'Kinship Carers').getAttribute('data-interest')) === '3', { message: 'interest not raised' });
    await page.screenshot({ path: join(shots, 'keyboard-tray-placed.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');

    // 2 on a tray entry: straight into the grid's second quadrant as it reads, Manage closely.
    found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = (await activeLabel()).includes('Parents Network');
    }
    expect(found, 'Tab never reached Parents Network in the tray').toBe(true);
    await page.keyboard.press('2');
    await announced('Parents Network, stakeholder, power 3, interest 3');
    await waitFor(async () => (await rowOf(other, 'Parents Network').getAttribute('data-quadrant')) === 'manageClosely', { message: 'not in Manage closely' });
    await expect(page.locator('ul[aria-label="Stakeholders to place"]').count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
  });

  it('on the logic model arrows go from card to card and Enter edits the card', async () => {
    await page.getByRole('tab', { name: 'Logic model' }).first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[aria-label="Logic model outline"] li[data-node-id]').first().waitFor();
    await skipToCanvas();
    await announced('Logic model canvas: 2 items');
    await page.keyboard.press('ArrowRight');
    await announced('Weekly drop-in, Activities, card 1 of 1');
    await page.keyboard.press('ArrowRight');
    await announced('Sessions run, Outputs, card 1 of 1');
    await page.keyboard.press('ArrowLeft');
    await announced('Weekly drop-in');
    await page.screenshot({ path: join(shots, 'keyboard-logic-focus.png') });
    await page.keyboard.press('Enter');
    const field = page.locator('textarea.lm-card-editor');
    await field.waitFor();
    await page.keyboard.press('End');
    await page.keyboard.type(' on Tuesdays');
    await page.keyboard.press('Enter');
    await field.waitFor({ state: 'detached' });
    await waitFor(() => getCollection(seeder.doc, 'logicNodes').get(ids.dropIn!)?.get('text') === 'Weekly drop-in on Tuesdays', { message: 'card text not saved' });
    // The keyboard is back on the canvas, on the card just edited.
    await waitFor(async () => (await page.evaluate(() => document.activeElement?.id)) === 'board-canvas', { message: 'focus did not come back to the canvas' });
    await announced('Weekly drop-in on Tuesdays, Activities, card 1 of 1');
    await page.keyboard.press('ArrowRight');
    await announced('Sessions run, Outputs, card 1 of 1');
    await page.keyboard.press('Control+ArrowLeft');
    await announced('Sessions run, Activities, card 1 of 2');
    await waitFor(() => getCollection(seeder.doc, 'logicNodes').get(ids.safer!)?.get('column') === 'activities', { message: 'card not moved to Activities' });
    await page.screenshot({ path: join(shots, 'keyboard-logic-moved.png') });
  });

  it('? lists the keys for the canvas items', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const text = (await sheet.innerText()).toLowerCase();
    // A key's second meaning in the same group joins its line ("Edit the selected card; open or edit the focused item").
    for (const line of ['Go to the nearest item that way', 'Move the focused item one step that way', 'Leave the focused item', 'Open or edit the focused item', 'Move the card to the neighbouring column']) {
      expect(text).toContain(line.toLowerCase());
    }
    const repeated = await sheet.locator('section').evaluateAll((sections) =>
      sections.flatMap((section) => {
        const keys = [...section.querySelectorAll('dt')].map((dt) => dt.textContent ?? '');
        return keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${section.getAttribute('aria-label')}: ${k}`);
      }),
    );
    expect(repeated).toEqual([]);
    await page.screenshot({ path: join(shots, 'keyboard-help.png') });
    await page.keyboard.press('Escape');
  });

  it('"Add as prospective partner" warns about a partner of the same name; Cancel adds nothing, Add anyway adds', async () => {
    createRecord(seeder.doc, 'partners', { name: 'ardmore  health board', colour: '#2563eb' });
    createRecord(seeder.doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 3, order: 'a0' });
    seeder.doc.transact(() => getCollection(seeder.doc, 'stakeholders').get(ids.ardmore!)?.set('offers', 'Safeguarding training'));
    await page.getByRole('tab', { name: 'Skills matrix' }).first().focus();
    await page.keyboard.press('Enter');
    const suggestion = page.locator('ul[aria-label="Who could bring this"] li[data-stakeholder-id]', { hasText: 'Ardmore Health Board' });
    await suggestion.waitFor();
    const add = suggestion.getByRole('button', { name: 'Add as prospective partner' });
    await add.focus();
    await page.keyboard.press('Enter');
    const warning = suggestion.getByRole('alert');
    await expect(warning.innerText()).resolves.toMatch(/A partner called “ardmore\s+health board” is already on the board/);
    await warning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'keyboard-partner-duplicate.png') });
    // Cancel has the focus: Enter cancels.
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached' });
    expect(getCollection(seeder.doc, 'partners').size).toBe(1);
    await add.focus();
    await page.keyboard.press('Enter');
    await suggestion.getByRole('button', { name: 'Add anyway' }).focus();
    await page.keyboard.press('Enter');
    await waitFor(() => getCollection(seeder.doc, 'partners').size === 2, { message: 'the partner was not added' });
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
