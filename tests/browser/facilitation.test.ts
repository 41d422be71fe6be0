import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, getCollection, getMetaMap, recordLockId } from '@pc/shared';
import { joinBoard } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

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
    await a.getByRole('button', { name: 'Lock template' }).click();
    await waitFor(() => getCollection(seeder.doc, 'locks').size === 1);
    await b.getByRole('combobox', { name: 'Template' }).selectOption('ess');
    await b.getByRole('alert').getByText('The logic model template is locked by the facilitator').waitFor({ timeout: 15_000 });
    await expect.poll(() => b.getByRole('combobox', { name: 'Template' }).inputValue(), { timeout: 15_000 }).toBe('kellogg');
    expect(getMetaMap(seeder.doc).get('logicTemplate')).toBe('kellogg');
    await b.screenshot({ path: join(suite.shots, 'locked-template.png') });
  }, 90_000);
});
