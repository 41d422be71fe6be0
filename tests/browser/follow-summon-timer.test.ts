import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, getCollection, getMetaMap } from '@pc/shared';
import { canvasScreenPoint, joinBoard } from '../helpers/browser';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * Facilitation across browsers: following someone's view, the owner bringing
 * everyone to their view, and the workshop timer everyone sees.
 */

const suite = browserSuite('facilitation');

interface View {
  centre: { x: number; y: number };
  zoom: number;
  width: number;
  height: number;
}

/** The world point at the centre of a page's canvas, and its zoom. */
async function viewOf(page: Page): Promise<View> {
  const canvas = page.locator('.canvas');
  const box = (await canvas.boundingBox())!;
  const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  return { centre: { x: (box.width / 2 - cx) / zoom, y: (box.height / 2 - cy) / zoom }, zoom, width: box.width, height: box.height };
}

const activeTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').textContent();

async function open(board: CreatedBoard, link: string, name: string, viewport: { width: number; height: number }): Promise<Page> {
  return joinBoard(suite.browser, suite.server.url, link, name, { contexts: suite.contexts, errors: suite.errors, viewport });
}

describe('follow', () => {
  it('moves the follower to the leader\'s tab and view, fitted to their screen, until they pan', async () => {
    const board = await createBoard(suite.server, 'Follow board');
    const ada = await open(board, board.links.owner, 'Ada Owner', { width: 1440, height: 900 });
    const bo = await open(board, board.links.edit, 'Bo Editor', { width: 1100, height: 760 });
    await bo.locator('button[data-follow="Ada Owner"]').click();
    await bo.locator('.follow-banner').waitFor();

    // Ada zooms in and pans; Bo's view centres on Ada's.
    await ada.locator('.canvas').click({ position: { x: 700, y: 500 } });
    for (let i = 0; i < 3; i++) await ada.keyboard.press('+');
    await ada.mouse.move(700, 500);
    await ada.mouse.down({ button: 'middle' });
    await ada.mouse.move(500, 380, { steps: 5 });
    await ada.mouse.up({ button: 'middle' });
    await waitFor(async () => {
      const [a, b] = [await viewOf(ada), await viewOf(bo)];
      return Math.abs(a.centre.x - b.centre.x) < 3 && Math.abs(a.centre.y - b.centre.y) < 3;
    }, { message: 'Bo centred on Ada', timeout: 5000 }).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: Ada ${JSON.stringify(await viewOf(ada))}, Bo ${JSON.stringify(await viewOf(bo))}, banner ${await bo.locator('.follow-banner').count()} notices ${await bo.locator('.facilitation-notices').textContent()}`);
    });
    const [a, b] = [await viewOf(ada), await viewOf(bo)];
    // Everything Ada sees fits on Bo's smaller screen.
    expect(b.width / b.zoom).toBeGreaterThanOrEqual(a.width / a.zoom - 1);
    expect(b.height / b.zoom).toBeGreaterThanOrEqual(a.height / a.zoom - 1);
    expect(b.zoom).toBeLessThan(a.zoom);
    await bo.screenshot({ path: join(suite.shots, 'follow.png') });

    // Ada changes tab: Bo goes with her.
    await ada.getByRole('tab', { name: 'Logic model' }).click();
    await waitFor(async () => (await activeTab(bo))?.includes('Logic model') ?? false, { message: 'Bo on the logic model', timeout: 5000 });

    // Bo pans on his own: following stops, and Ada's next move no longer moves him.
    await bo.locator('.canvas').click({ position: { x: 300, y: 300 } });
    await bo.keyboard.press('-');
    await bo.locator('.follow-banner').waitFor({ state: 'detached' });
    const mine = await viewOf(bo);
    await ada.keyboard.press('+');
    await ada.waitForTimeout(800);
    expect(await viewOf(bo)).toEqual(mine);
  });

  it('keeps following while someone else\'s edit moves the card under the follower\'s resting pointer', async () => {
    const board = await createBoard(suite.server, 'Follow through edits');
    const pool = new ClientPool();
    try {
      const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
      await seeder.synced();
      getMetaMap(seeder.doc).set('logicTemplate', 'kellogg');
      for (const [id, text, order] of [['above', 'Sessions run', 'a0'], ['held', 'Young people reached', 'a1']] as const) {
        createRecord(seeder.doc, 'logicNodes', { id, column: 'outputs', text, leadPartnerId: null, indicators: [], order });
      }
      const ada = await open(board, board.links.owner, 'Ada Owner', { width: 1440, height: 900 });
      const bo = await open(board, board.links.edit, 'Bo Editor', { width: 1440, height: 900 });
      await ada.getByRole('tab', { name: 'Logic model' }).click();
      await bo.locator('button[data-follow="Ada Owner"]').click();
      await bo.locator('.follow-banner').waitFor();
      await waitFor(async () => (await activeTab(bo))?.includes('Logic model') ?? false, { message: 'Bo on the logic model', timeout: 5000 });

      // Bo rests his pointer on a card; an edit elsewhere makes the card above it grow.
      const row = bo.locator('[aria-label="Logic model outline"] li[data-node-id="held"]');
      await row.waitFor();
      const y0 = Number(await row.getAttribute('data-y'));
      const at = await canvasScreenPoint(bo, { x: Number(await row.getAttribute('data-x')) + 30, y: y0 + 15 });
      await bo.mouse.move(at.x, at.y);
      await bo.waitForTimeout(200);
      const camera = () => bo.locator('.canvas').getAttribute('data-camera');
      const before = await camera();
      getCollection(seeder.doc, 'logicNodes').get('above')!.set('text', 'Sessions run: weekly drop-in evenings at the youth centre, a summer holiday programme, outreach at two secondary schools and the skate park');
      await waitFor(async () => Number(await row.getAttribute('data-y')) > y0, { message: 'the card under the pointer moved down', timeout: 5000 });
      // The canvas keeping the card under Bo's pointer is not Bo's own pan: he still follows Ada, and still sees her view.
      await bo.waitForTimeout(500);
      expect(await bo.locator('.follow-banner').count()).toBe(1);
      expect(await camera()).toBe(before);
      await ada.locator('.canvas').click({ position: { x: 700, y: 500 } });
      await ada.keyboard.press('+');
      await waitFor(async () => Math.abs((await viewOf(ada)).zoom - (await viewOf(bo)).zoom) < 0.01, { message: 'Bo zoomed with Ada', timeout: 5000 });
    } finally {
      pool.destroyAll();
    }
  });

  it('stops following when the leader leaves', async () => {
    const board = await createBoard(suite.server, 'Leaving board');
    const ada = await open(board, board.links.owner, 'Ada Leaves', { width: 1200, height: 800 });
    const bo = await open(board, board.links.edit, 'Bo Stays', { width: 1200, height: 800 });
    await bo.locator('button[data-follow="Ada Leaves"]').click();
    await bo.locator('.follow-banner').waitFor();
    await ada.context().close();
    await bo.getByText(/Ada Leaves left/).waitFor({ timeout: 15_000 });
  });
});

describe('summon', () => {
  it('brings everyone to the owner\'s tab and view once, with a way back', async () => {
    const board = await createBoard(suite.server, 'Summon board');
    const ada = await open(board, board.links.owner, 'Ada Owner', { width: 1440, height: 900 });
    const bo = await open(board, board.links.edit, 'Bo Editor', { width: 1280, height: 800 });
    const boBefore = await viewOf(bo);
    expect(await activeTab(bo)).toContain('Stakeholder map');

    await ada.getByRole('tab', { name: 'Skills matrix' }).click();
    await ada.locator('.canvas').click({ position: { x: 600, y: 500 } });
    await ada.keyboard.press('+');
    await ada.keyboard.press('+');
    await ada.getByRole('button', { name: 'Bring everyone here' }).click();

    await bo.getByText('Moved to Ada Owner’s view').waitFor({ timeout: 5000 });
    expect(await activeTab(bo)).toContain('Skills matrix');
    const [a, b] = [await viewOf(ada), await viewOf(bo)];
    expect(Math.abs(a.centre.x - b.centre.x)).toBeLessThan(3);
    expect(Math.abs(a.centre.y - b.centre.y)).toBeLessThan(3);

    await bo.getByRole('button', { name: 'Go back' }).click();
    await waitFor(async () => (await activeTab(bo))?.includes('Stakeholder map') ?? false, { message: 'Bo back on the map' });
    const back = await viewOf(bo);
    expect(back.centre.x).toBeCloseTo(boBefore.centre.x, 0);
    expect(back.zoom).toBeCloseTo(boBefore.zoom, 3);

    // A reload does not move Bo to the old summon again.
    await bo.reload();
    await bo.locator('.connection[data-state="live"]').waitFor();
    await bo.waitForTimeout(1000);
    expect(await activeTab(bo)).toContain('Stakeholder map');
    expect(await bo.getByText('Moved to').count()).toBe(0);
    // An editor has no summon button.
    expect(await bo.getByRole('button', { name: 'Bring everyone here' }).count()).toBe(0);
  });
});

describe('workshop timer', () => {
  const remaining = async (page: Page) => Number(await page.locator('.timer').getAttribute('data-timer-remaining-ms'));
  const phase = (page: Page) => page.locator('.timer').getAttribute('data-timer-phase');

  it('counts down in every browser together; pause in one pauses all', async () => {
    const board = await createBoard(suite.server, 'Timer board');
    const ada = await open(board, board.links.owner, 'Ada Owner', { width: 1440, height: 900 });
    const bo = await open(board, board.links.edit, 'Bo Editor', { width: 1280, height: 800 });
    expect(await bo.locator('.timer').count()).toBe(0);

    await ada.getByRole('button', { name: 'Timer' }).click();
    await ada.getByRole('button', { name: '3 min' }).click();
    await waitFor(async () => (await phase(bo)) === 'running', { message: 'Bo sees the timer running', timeout: 5000 });
    // Bo's count is within a second of Ada's (each reads its own clock against the server's).
    await bo.waitForTimeout(600);
    const [ra, rb] = await Promise.all([remaining(ada), remaining(bo)]);
    expect(ra).toBeLessThanOrEqual(180_000);
    expect(ra).toBeGreaterThan(170_000);
    expect(Math.abs(ra - rb)).toBeLessThan(1000);
    // And it counts.
    await bo.waitForTimeout(1200);
    expect(await remaining(bo)).toBeLessThan(rb - 700);
    // Editors see the timer but cannot run it.
    expect(await bo.getByRole('button', { name: /^Timer/ }).count()).toBe(0);

    await ada.getByRole('button', { name: /^Timer/ }).click();
    await ada.getByRole('button', { name: 'Pause' }).click();
    await waitFor(async () => (await phase(bo)) === 'paused', { message: 'Bo sees it paused', timeout: 5000 });
    const paused = await remaining(bo);
    await bo.waitForTimeout(1200);
    expect(await remaining(bo)).toBe(paused);
    expect(Math.abs((await remaining(ada)) - paused)).toBeLessThan(50);

    // +1 min while paused, then resume: both count from the new time.
    await ada.getByRole('button', { name: '+1 min' }).click();
    await waitFor(async () => (await remaining(bo)) > paused + 59_000, { message: 'a minute added' });
    await ada.getByRole('button', { name: 'Resume' }).click();
    await waitFor(async () => (await phase(bo)) === 'running', { message: 'running again' });
    await bo.screenshot({ path: join(suite.shots, 'timer.png') });
  });

  it('reaches zero with a highlight and an announcement', async () => {
    const board = await createBoard(suite.server, 'Expiry board');
    const ada = await open(board, board.links.owner, 'Ada Owner', { width: 1440, height: 900 });
    const bo = await open(board, board.links.edit, 'Bo Editor', { width: 1280, height: 800 });
    await ada.getByRole('button', { name: 'Timer' }).click();
    await ada.getByLabel('Minutes').fill('0.05');
    await ada.getByRole('button', { name: 'Start', exact: true }).click();
    await waitFor(async () => (await phase(bo)) === 'expired', { message: 'expired in Bo', timeout: 10_000 });
    await bo.locator('.timer [aria-live]').filter({ hasText: 'Time is up' }).waitFor();
    await bo.screenshot({ path: join(suite.shots, 'timer-expired.png') });
    for (const [name, errors] of suite.errors) expect(errors, name).toEqual([]);
  });
});
