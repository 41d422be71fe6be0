import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, getCollection, getMetaMap, recordLockId } from '@pc/shared';
import { canvasScreenPoint, joinBoard, waitForCameraRest } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * One selection per tab, shared by the free canvas and the boards: picking a
 * stakeholder or a logic card drops the note selected before (so Delete never
 * acts on two things at once), picking a note closes the record's editor,
 * and the facilitator's "Lock / unlock selected" takes a selected record.
 */
const suite = browserSuite('selection');
const pool = new ClientPool();
afterAll(() => pool.destroyAll());

const NOTES = 'ul[aria-label="Items on this board"]';
const STAKEHOLDERS = 'ul[aria-label="Stakeholders"]';

async function clickWorld(page: Page, world: { x: number; y: number }) {
  const at = await canvasScreenPoint(page, world);
  await page.mouse.click(at.x, at.y);
}

async function mapPoint(page: Page, name: string): Promise<{ x: number; y: number }> {
  const li = page.locator(`${STAKEHOLDERS} li[data-stakeholder-id]`, { hasText: name });
  await expect.poll(() => li.getAttribute('data-map-x')).not.toBeNull();
  return { x: Number(await li.getAttribute('data-map-x')), y: Number(await li.getAttribute('data-map-y')) };
}

const noteSelected = (page: Page, id: string) => page.locator(`${NOTES} li[data-item-id="${id}"][aria-current="true"]`).count();

describe('one selection for notes and board records', () => {
  it('a stakeholder picked on the map replaces the selected note; Delete then leaves the note; the facilitator locks the selected stakeholder', async () => {
    const board = await createBoard(suite.server, 'Selection');
    const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
    await seeder.synced();
    createRecord(seeder.doc, 'stakeholders', { id: 'council', name: 'City Council', organisation: '', power: 4, interest: 4, attitude: 0 });
    createRecord(seeder.doc, 'stakeholders', { id: 'trust', name: 'Youth Trust', organisation: '', power: 1, interest: 1, attitude: 0 });
    createRecord(seeder.doc, 'canvasItems', { id: 'aim', kind: 'sticky', text: 'Agreed aim', x: 1200, y: 200, view: 'stakeholder-map' });
    const page = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Fiona', { contexts: suite.contexts, errors: suite.errors, viewport: { width: 1440, height: 900 } });
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await waitForCameraRest(page);

    // A click on the note selects it.
    await clickWorld(page, { x: 1200 + 60, y: 200 + 60 });
    await expect.poll(() => noteSelected(page, 'aim')).toBe(1);

    // A click on the council's card selects it, opens its editor and drops the note.
    await clickWorld(page, await mapPoint(page, 'City Council'));
    await page.locator('.sm-editor[data-stakeholder-id="council"]').waitFor();
    await expect.poll(() => noteSelected(page, 'aim')).toBe(0);
    expect(await page.locator(`${NOTES} li[aria-current="true"]`).count()).toBe(0);

    // The facilitator's lock takes the selected stakeholder.
    const lockSelected = page.getByRole('button', { name: 'Lock / unlock selected (1)' });
    await lockSelected.click();
    await waitFor(() => getCollection(seeder.doc, 'locks').has(recordLockId('stakeholders', 'council')), { message: 'the council was not locked' });
    await page.screenshot({ path: join(suite.shots, 'selected-stakeholder-locked.png') });

    // Escape clears it; Delete with nothing selected removes nothing, the note is still there.
    await page.locator('.canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.sm-editor').count()).toBe(0);
    await page.keyboard.press('Delete');
    await page.waitForTimeout(300);
    expect(getCollection(seeder.doc, 'canvasItems').has('aim')).toBe(true);
    expect(getCollection(seeder.doc, 'stakeholders').size).toBe(2);

    // Picking the note again closes nothing it should not, and a stakeholder chosen in the list drops the note as well.
    await clickWorld(page, { x: 1200 + 60, y: 200 + 60 });
    await expect.poll(() => noteSelected(page, 'aim')).toBe(1);
    await page.locator(`${STAKEHOLDERS} li`, { hasText: 'Youth Trust' }).click();
    await page.locator('.sm-editor[data-stakeholder-id="trust"]').waitFor();
    await expect.poll(() => noteSelected(page, 'aim')).toBe(0);
    // And the note picked again closes the stakeholder's editor.
    await clickWorld(page, { x: 1200 + 60, y: 200 + 60 });
    await expect.poll(() => noteSelected(page, 'aim')).toBe(1);
    await expect.poll(() => page.locator('.sm-editor').count()).toBe(0);
  }, 90_000);

  it('a logic card picked on the canvas replaces the selected note, and Delete removes the card only', async () => {
    const board = await createBoard(suite.server, 'Selection logic');
    const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
    await seeder.synced();
    getMetaMap(seeder.doc).set('logicTemplate', 'kellogg');
    createRecord(seeder.doc, 'logicNodes', { id: 'act', column: 'activities', text: 'Run youth sessions', leadPartnerId: null, indicators: [] });
    createRecord(seeder.doc, 'canvasItems', { id: 'idea', kind: 'sticky', text: 'Idea', x: -600, y: 100, view: 'logic-model' });
    const page = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Fiona', { contexts: suite.contexts, errors: suite.errors, viewport: { width: 1440, height: 900 } });
    await page.getByRole('tab', { name: 'Logic model' }).click();
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await waitForCameraRest(page);

    await clickWorld(page, { x: -600 + 60, y: 100 + 60 });
    await expect.poll(() => noteSelected(page, 'idea')).toBe(1);

    // The outline tells where the card is drawn; a click on it there selects it and drops the note.
    const row = page.locator('[aria-label="Logic model outline"] li[data-node-id="act"]');
    await expect.poll(() => row.getAttribute('data-x')).not.toBeNull();
    const box = { x: Number(await row.getAttribute('data-x')), y: Number(await row.getAttribute('data-y')) };
    await clickWorld(page, { x: box.x + 20, y: box.y + 20 });
    await page.locator('[aria-label="Logic model outline"] li[data-node-id="act"].selected').waitFor();
    await expect.poll(() => noteSelected(page, 'idea')).toBe(0);

    // Delete removes the card only.
    await page.keyboard.press('Delete');
    await waitFor(() => !getCollection(seeder.doc, 'logicNodes').has('act'), { message: 'the card was not removed' });
    expect(getCollection(seeder.doc, 'canvasItems').has('idea')).toBe(true);

    // The note picked again and Delete: the note goes (the board's own Delete waits for a card or link).
    await clickWorld(page, { x: -600 + 60, y: 100 + 60 });
    await expect.poll(() => noteSelected(page, 'idea')).toBe(1);
    await page.keyboard.press('Delete');
    await waitFor(() => !getCollection(seeder.doc, 'canvasItems').has('idea'), { message: 'the note was not removed' });
  }, 90_000);
});
