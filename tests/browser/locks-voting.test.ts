import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, getCollection, getMetaMap, recordLockId } from '@pc/shared';
import { artifactsDir, canvasScreenPoint, joinBoard, waitForCameraRest } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, metric, waitFor } from '../helpers/sync';

/**
 * Facilitation in two browsers against the real server: a whole anonymous
 * dot vote (the facilitator opens it, both vote by clicking dots on the
 * canvas, the facilitator closes it, both see counts and the ranking), and a
 * lock the server holds: the partner drags a locked note, it stays put, and
 * the partner is told why; likewise for the locked logic model template.
 */
const suite = browserSuite('facilitation');
const pool = new ClientPool();
afterAll(() => pool.destroyAll());

async function seededBoard(title: string) {
  const board = await createBoard(suite.server, title);
  const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
  await seeder.synced();
  return { board, seeder };
}

async function two(board: { links: { owner: string; edit: string } }): Promise<[Page, Page]> {
  const options = { contexts: suite.contexts, errors: suite.errors };
  const a = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Fiona', options);
  const b = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Sam', options);
  return [a, b];
}

const dot = (page: Page, label: string) => page.getByRole('button', { name: new RegExp(`^Add a dot to ${label} `) });

describe('dot voting in two browsers', () => {
  it('runs an anonymous round: open, both vote, close, counts and ranking shown', async () => {
    const { board, seeder } = await seededBoard('Vote');
    for (const [id, name, power] of [['s1', 'City Council', 3], ['s2', 'Youth Trust', 1], ['s3', 'Local Press', 2]] as const) {
      createRecord(seeder.doc, 'stakeholders', { id, name, organisation: '', power, interest: power, attitude: 0 });
    }
    const [a, b] = await two(board);
    await a.getByRole('button', { name: 'Start vote' }).click();
    for (const page of [a, b]) await page.locator('.vote-left').getByText('3 of 3 dots left').waitFor();

    await dot(a, 'City Council').click();
    await a.locator('.vote-left').getByText('2 of 3 dots left').waitFor();
    await dot(a, 'Youth Trust').click();
    await a.locator('.vote-left').getByText('1 of 3 dots left').waitFor();
    await dot(b, 'City Council').click();
    await b.locator('.vote-left').getByText('2 of 3 dots left').waitFor();
    // Only one dot per item by default: a second click on the same item is refused in place.
    await dot(b, 'City Council').click();
    await b.getByRole('alert').getByText('No dots left for that item').waitFor();
    // While open, nobody's client holds any count.
    expect(JSON.stringify(seeder.doc.toJSON())).not.toMatch(/"results":\[/);

    await a.getByRole('button', { name: 'Close vote and show results' }).click();
    for (const page of [a, b]) {
      const results = page.getByRole('list', { name: 'Vote results' });
      await results.waitFor();
      await expect.poll(() => results.locator('li').allInnerTexts()).toEqual([
        'City Council: 2 dots',
        'Youth Trust: 1 dot',
        'Local Press: 0 dots',
      ]);
      await page.getByLabel('City Council: 2 dots').waitFor();
    }
    await b.screenshot({ path: join(suite.shots, 'vote-results.png') });
  }, 90_000);
});

describe('facilitator locks in two browsers', () => {
  it('keeps a locked note in place when the partner drags it, and tells them why', async () => {
    const { board, seeder } = await seededBoard('Lock');
    createRecord(seeder.doc, 'canvasItems', { id: 'agreed', kind: 'sticky', text: 'Agreed aim', x: 600, y: 420, view: 'stakeholder-map' });
    createRecord(seeder.doc, 'locks', { id: recordLockId('canvasItems', 'agreed'), kind: 'record', collection: 'canvasItems', recordId: 'agreed' });
    const [a, b] = await two(board);
    await a.getByRole('img', { name: 'Agreed aim is locked' }).waitFor();
    await b.getByRole('img', { name: 'Agreed aim is locked' }).waitFor();
    await b.getByRole('list', { name: 'Locked items' }).getByText('Agreed aim').waitFor();

    const box = (await b.getByRole('img', { name: 'Agreed aim is locked' }).boundingBox())!;
    // Drag from inside the note (just below and right of its lock badge at the top-left corner).
    await b.mouse.move(box.x + 60, box.y + 50);
    await b.mouse.down();
    await b.mouse.move(box.x + 200, box.y + 200, { steps: 8 });
    await b.mouse.up();
    await b.getByRole('alert').getByText('This note is locked by the facilitator').waitFor({ timeout: 15_000 });
    // The server never took the move; B's reloaded copy shows the note where it was.
    await waitFor(async () => {
      const badge = await b.getByRole('img', { name: 'Agreed aim is locked' }).boundingBox();
      return badge && Math.abs(badge.x - box.x) < 2 && Math.abs(badge.y - box.y) < 2;
    }, { timeout: 15_000, message: 'the note did not return to its place in B' });
    expect(getCollection(seeder.doc, 'canvasItems').get('agreed')?.toJSON()).toMatchObject({ x: 600, y: 420 });
    // B is connected again (no reconnect loop) and can still edit what is not locked.
    await b.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await b.waitForTimeout(1500);
    await b.locator('.connection[data-state="live"]').waitFor();
  }, 90_000);

  it('refuses a change of the locked template, and says so', async () => {
    const { board, seeder } = await seededBoard('Template');
    getMetaMap(seeder.doc).set('logicTemplate', 'kellogg');
    createRecord(seeder.doc, 'logicNodes', { id: 'act', column: 'activities', text: 'Run youth sessions', leadPartnerId: null, indicators: [] });
    const [a, b] = await two(board);
    for (const page of [a, b]) await page.getByRole('tab', { name: 'Logic model' }).click();
    const refusedBefore = await metric(suite.server, 'pc_updates_rejected_total');
    await a.getByRole('button', { name: 'Lock template' }).click();
    await waitFor(() => getCollection(seeder.doc, 'locks').size === 1);
    // The template menu and auto-tidy (which reorders every card) are off while locked, for the facilitator too, and say why.
    for (const page of [a, b]) {
      const menu = page.getByRole('combobox', { name: 'Template' });
      await expect.poll(() => menu.isDisabled(), { timeout: 15_000 }).toBe(true);
      expect(await menu.getAttribute('title')).toBe('The logic model template is locked by the facilitator');
      expect(await page.getByRole('button', { name: 'Auto-tidy' }).isDisabled()).toBe(true);
    }
    await b.getByText('The logic model template is locked by the facilitator.').waitFor();
    expect(await b.getByRole('combobox', { name: 'Template' }).inputValue()).toBe('kellogg');
    expect(getMetaMap(seeder.doc).get('logicTemplate')).toBe('kellogg');
    await b.screenshot({ path: join(suite.shots, 'locked-template.png') });
    // Unlocked, the menu works again.
    await a.getByRole('button', { name: 'Unlock template' }).click();
    await expect.poll(() => b.getByRole('combobox', { name: 'Template' }).isDisabled(), { timeout: 15_000 }).toBe(false);
    expect(await b.locator('.refusal-notice').count()).toBe(0);
    expect(await metric(suite.server, 'pc_updates_rejected_total')).toBe(refusedBefore);
  }, 90_000);

  it('stops an editor dragging a locked stakeholder or note and editing a locked card, says why, and sends nothing the server must refuse', async () => {
    const { board, seeder } = await seededBoard('Locked things');
    createRecord(seeder.doc, 'stakeholders', { id: 'council', name: 'City Council', organisation: '', power: 4, interest: 4, attitude: 0 });
    createRecord(seeder.doc, 'stakeholders', { id: 'trust', name: 'Youth Trust', organisation: '', power: 1, interest: 1, attitude: 0 });
    createRecord(seeder.doc, 'canvasItems', { id: 'agreed', kind: 'sticky', text: 'Agreed aim', x: 600, y: 420, view: 'stakeholder-map' });
    getMetaMap(seeder.doc).set('logicTemplate', 'kellogg');
    createRecord(seeder.doc, 'logicNodes', { id: 'act', column: 'activities', text: 'Run youth sessions', leadPartnerId: null, indicators: [] });
    for (const [collection, id] of [['stakeholders', 'council'], ['canvasItems', 'agreed'], ['logicNodes', 'act']] as const) {
      createRecord(seeder.doc, 'locks', { id: recordLockId(collection, id), kind: 'record', collection, recordId: id });
    }
    const refusedBefore = await metric(suite.server, 'pc_updates_rejected_total');
    const [, b] = await two(board);
    await b.getByRole('img', { name: 'City Council is locked' }).waitFor();
    await b.getByRole('img', { name: 'Agreed aim is locked' }).waitFor();
    const alert = (text: string) => b.locator('.locked-notice[role="alert"]').getByText(text);

    // The locked stakeholder: a not-allowed cursor and a tooltip over it; dragging it moves nothing, and says why.
    const row = b.locator('li[data-stakeholder-id="council"]');
    const mapAt = async () => ({ x: Number(await row.getAttribute('data-map-x')), y: Number(await row.getAttribute('data-map-y')) });
    const council = await mapAt();
    const start = await canvasScreenPoint(b, council);
    await b.mouse.move(start.x, start.y);
    await b.mouse.move(start.x + 2, start.y + 1);
    await expect.poll(() => b.locator('.canvas').getAttribute('title')).toBe('Locked by the facilitator');
    expect(await b.locator('.canvas').evaluate((canvas) => getComputedStyle(canvas).cursor)).toBe('not-allowed');
    await b.mouse.down();
    await b.mouse.move(start.x + 160, start.y + 140, { steps: 8 });
    await b.screenshot({ path: join(suite.shots, 'locked-stakeholder-drag.png') });
    await b.mouse.up();
    await alert('This stakeholder is locked by the facilitator').waitFor();
    expect(await mapAt()).toEqual(council);
    expect(await row.getAttribute('data-power')).toBe('4');
    expect(getCollection(seeder.doc, 'stakeholders').get('council')?.toJSON()).toMatchObject({ power: 4, interest: 4 });
    // Its editor is read-only and says why.
    await b.getByRole('region', { name: /Edit stakeholder/ }).or(b.locator('.sm-editor')).first().waitFor();
    await b.locator('.sm-editor').getByText('This stakeholder is locked by the facilitator.').waitFor();
    expect(await b.locator('#stakeholder-editor-name').isDisabled()).toBe(true);

    // The locked note: dragging it moves nothing either.
    const badge = (await b.getByRole('img', { name: 'Agreed aim is locked' }).boundingBox())!;
    await b.mouse.move(badge.x + 60, badge.y + 50);
    await b.mouse.down();
    await b.mouse.move(badge.x + 200, badge.y + 200, { steps: 8 });
    await b.mouse.up();
    await alert('This note is locked by the facilitator').waitFor();
    await b.screenshot({ path: join(suite.shots, 'locked-note-message.png') });
    mkdirSync(join(artifactsDir, 'usability'), { recursive: true });
    await b.screenshot({ path: join(artifactsDir, 'usability', 'locked-note-message.png') });
    const after = (await b.getByRole('img', { name: 'Agreed aim is locked' }).boundingBox())!;
    expect(Math.abs(after.x - badge.x) + Math.abs(after.y - badge.y)).toBeLessThan(1);
    expect(getCollection(seeder.doc, 'canvasItems').get('agreed')?.toJSON()).toMatchObject({ x: 600, y: 420 });
    // Nor is it opened for writing, or deleted.
    await b.mouse.dblclick(badge.x + 60, badge.y + 50);
    await b.keyboard.press('Delete');
    await b.waitForTimeout(300);
    expect(await b.locator('textarea.note-editor').count()).toBe(0);
    expect(getCollection(seeder.doc, 'canvasItems').has('agreed')).toBe(true);

    // The locked logic card: a double-click does not open it for writing, and its details are read-only.
    await b.getByRole('tab', { name: 'Logic model' }).click();
    await b.getByRole('button', { name: 'Zoom to fit' }).click();
    await waitForCameraRest(b);
    const outlineRow = b.locator('[aria-label="Logic model outline"] li[data-node-id="act"]');
    await outlineRow.waitFor();
    const box = { x: Number(await outlineRow.getAttribute('data-x')), y: Number(await outlineRow.getAttribute('data-y')) };
    const cardAt = await canvasScreenPoint(b, { x: box.x + 40, y: box.y + 20 });
    await b.mouse.dblclick(cardAt.x, cardAt.y);
    await alert('This card is locked by the facilitator').waitFor();
    await b.waitForTimeout(300);
    expect(await b.locator('textarea.lm-card-editor').count()).toBe(0);
    await b.getByRole('region', { name: 'Selected card' }).or(b.locator('section[aria-label="Selected card"]')).first().waitFor();
    expect(await b.getByLabel('Card text').isDisabled()).toBe(true);
    await b.locator('section[aria-label="Selected card"]').getByText('This card is locked by the facilitator.').waitFor();
    // A drag of the card moves nothing.
    await b.mouse.move(cardAt.x, cardAt.y);
    await b.mouse.down();
    await b.mouse.move(cardAt.x + 300, cardAt.y + 40, { steps: 8 });
    await b.mouse.up();
    await b.waitForTimeout(300);
    expect(await outlineRow.getAttribute('data-x')).toBe(String(box.x));
    expect(await outlineRow.getAttribute('data-column')).toBe('activities');
    await b.screenshot({ path: join(suite.shots, 'locked-card.png') });
    expect(getCollection(seeder.doc, 'logicNodes').get('act')?.toJSON()).toMatchObject({ text: 'Run youth sessions', column: 'activities' });

    // The server never had to refuse anything, so no refusal notice and no reload.
    expect(await b.locator('.refusal-notice').count()).toBe(0);
    expect(await metric(suite.server, 'pc_updates_rejected_total')).toBe(refusedBefore);
    await b.locator('.connection[data-state="live"]').waitFor();
  }, 120_000);
});

