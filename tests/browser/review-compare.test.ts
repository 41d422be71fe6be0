import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { canvasCamera, canvasScreenPoint, joinBoard } from '../helpers/browser';
import { writeAgreementSection } from '../helpers/sampleBoard';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * A review on the canvas: Ana saves a review point, Bob (a second browser)
 * moves a stakeholder to another quadrant, changes a skills-matrix level and
 * adds an indicator to a logic-model outcome, then Ana compares the review
 * point with now and sees the three changes listed beside the canvas and
 * marked on each tab (read back from the canvas's pixels).
 */

const suite = browserSuite('review');
let board: CreatedBoard;
let ana: Page;
let bob: Page;
const pool = new ClientPool();

const CELL = 200; // the power/interest grid's cells, in world units
const cellCentre = (power: number, interest: number) => ({ x: (interest + 0.5) * CELL, y: (4 - power + 0.5) * CELL });
/** The kinds' colours (canvas/compareOverlay.ts). */
const COLOURS = { added: [0x1a, 0x7f, 0x37], changed: [0xb3, 0x59, 0x00], moved: [0x1f, 0x5f, 0xbf], removed: [0xc0, 0x26, 0x2d] } as const;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many pixels of `colour` the top (screen-only) layer holds along a world
 * rectangle's outline, pushed `outsidePx` screen pixels out of it: where the
 * overlay outlines a record (5.5 px out) or draws its ghost (on the edge).
 */
async function outlinePixels(page: Page, rect: Rect, colour: readonly number[], outsidePx: number): Promise<number> {
  const cam = await canvasCamera(page);
  const left = cam.x + rect.x * cam.zoom - outsidePx;
  const top = cam.y + rect.y * cam.zoom - outsidePx;
  const right = cam.x + (rect.x + rect.width) * cam.zoom + outsidePx;
  const bottom = cam.y + (rect.y + rect.height) * cam.zoom + outsidePx;
  return page.evaluate(
    ({ left, top, right, bottom, colour }) => {
      const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.canvas .konvajs-content canvas')];
      const layer = canvases.at(-1)!;
      const box = layer.getBoundingClientRect();
      if (box.width === 0) return 0;
      const scale = layer.width / box.width;
      const context = layer.getContext('2d')!;
      const near = (x: number, y: number) => {
        const d = context.getImageData(Math.round(x * scale) - 1, Math.round(y * scale) - 1, 3, 3).data;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3]! > 150 && Math.abs(d[i]! - colour[0]!) < 40 && Math.abs(d[i + 1]! - colour[1]!) < 40 && Math.abs(d[i + 2]! - colour[2]!) < 40) return true;
        }
        return false;
      };
      let found = 0;
      for (let t = 0.1; t < 0.95; t += 0.1) {
        const x = left + (right - left) * t;
        const y = top + (bottom - top) * t;
        for (const [px, py] of [[x, top], [x, bottom], [left, y], [right, y]] as const) if (near(px, py)) found++;
      }
      return found;
    },
    { left, top, right, bottom, colour: [...colour] },
  );
}

interface Entry {
  kind: string;
  view: string;
  now: Rect | null;
  before: Rect | null;
  text: string;
}

/** Visible Konva layers of the stage: each is a full-size canvas composited every frame, and a board keeps to five (the marks add none). */
const layerCount = (page: Page) =>
  page.evaluate(() => (window as unknown as { Konva: { stages: { getLayers(): { visible(): boolean }[] }[] } }).Konva.stages[0]!.getLayers().filter((layer) => layer.visible()).length);

const parseRect = (value: string | null): Rect | null => {
  if (!value) return null;
  const [x, y, width, height] = value.split(',').map(Number) as [number, number, number, number];
  return { x, y, width, height };
};

async function entries(page: Page): Promise<Entry[]> {
  const buttons = page.getByRole('complementary', { name: 'What changed' }).locator('ul[aria-label="Changes"] button');
  const out: Entry[] = [];
  for (const button of await buttons.all()) {
    out.push({
      kind: (await button.getAttribute('data-kind')) ?? '',
      view: (await button.getAttribute('data-view')) ?? '',
      now: parseRect(await button.getAttribute('data-now')),
      before: parseRect(await button.getAttribute('data-before')),
      text: (await button.locator('.compare-text').innerText()).trim(),
    });
  }
  return out;
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Kinship carers partnership');
  const seeder = pool.connect(suite.server, board.id, board.tokens.edit);
  await seeder.synced();
  createRecord(seeder.doc, 'partners', { id: 'kin', name: 'Kinship Carers Trust', colour: '#16a34a' });
  createRecord(seeder.doc, 'partners', { id: 'council', name: 'Ardmore Council', colour: '#2563eb' });
  createRecord(seeder.doc, 'matrixRows', { id: 'safeguarding', name: 'Safeguarding', category: 'skill', required: 3, order: 'a0' });
  createRecord(seeder.doc, 'matrixRows', { id: 'funding', name: 'Funding bids', category: 'skill', required: 2, order: 'a1' });
  createRecord(seeder.doc, 'stakeholders', { id: 'ardmore', name: 'Ardmore Health Board', power: 4, interest: 1 });
  createRecord(seeder.doc, 'stakeholders', { id: 'press', name: 'Local Press', power: 1, interest: 3 });
  createRecord(seeder.doc, 'logicNodes', { id: 'outcome', column: 'shortTermOutcomes', text: 'Carers feel less isolated' });
  createRecord(seeder.doc, 'logicNodes', { id: 'activity', column: 'activities', text: 'Monthly peer support group' });
  ana = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Ana', { contexts: suite.contexts, errors: suite.errors, viewport: { width: 1440, height: 900 } });
  bob = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Bob', { contexts: suite.contexts, errors: suite.errors, viewport: { width: 1440, height: 900 } });
  pool.destroyAll();
}, 60_000);

afterAll(() => pool.destroyAll());

describe('comparing a review point on the canvas', () => {
  it('lists and marks a moved stakeholder, a changed matrix level and a new indicator on their tabs', async () => {
    await ana.getByRole('button', { name: 'Review points' }).click();
    const drawer = ana.getByRole('dialog', { name: 'Review points' });
    await drawer.getByLabel('Name').fill('March review');
    await drawer.getByRole('button', { name: 'Save review point' }).click();
    await drawer.getByRole('status').filter({ hasText: 'Saved "March review"' }).waitFor();

    // Bob, in his own browser: Ardmore Health Board from "Keep satisfied" to "Manage closely"...
    const card = bob.locator('ul[aria-label="Stakeholders"] li[data-stakeholder-id="ardmore"]');
    await card.waitFor();
    const mapX = Number(await card.getAttribute('data-map-x'));
    const mapY = Number(await card.getAttribute('data-map-y'));
    const from = await canvasScreenPoint(bob, { x: mapX, y: mapY });
    const to = await canvasScreenPoint(bob, cellCentre(4, 4));
    await bob.mouse.move(from.x, from.y);
    await bob.mouse.down();
    await bob.mouse.move(to.x, to.y, { steps: 12 });
    await bob.mouse.up();
    await waitFor(async () => (await card.getAttribute('data-interest')) === '4', { message: 'the drag did not set the interest' });

    // ...Safeguarding at level 3 for the Kinship Carers Trust...
    await bob.getByRole('tab', { name: 'Skills matrix' }).click();
    const cell = bob.locator('table[aria-label="Skills matrix"] tr:has-text("Safeguarding") td[data-partner-id="kin"]');
    await cell.focus();
    await bob.keyboard.press('3');
    await waitFor(async () => (await cell.textContent())?.startsWith('3'), { message: 'the level did not change' });

    // ...and an indicator on the outcome.
    await bob.getByRole('tab', { name: 'Logic model' }).click();
    await bob.locator('[aria-label="Logic model outline"] li[data-node-id="outcome"]').click();
    await bob.getByRole('region', { name: 'Selected card' }).waitFor();
    await bob.getByLabel('New indicator').fill('Loneliness score at 6 months');
    await bob.getByRole('button', { name: 'Add indicator' }).click();

    // Ana compares with now (once the server holds Bob's last change) and shows it on the canvas.
    await waitFor(
      async () => {
        const res = await fetch(`${suite.server.url}/api/boards/${board.id}/export?format=json`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
        const { records } = (await res.json()) as { records: { logicNodes?: { id: string; indicators?: string[] }[] } };
        return records.logicNodes?.find((n) => n.id === 'outcome')?.indicators?.length === 1;
      },
      { message: 'the indicator did not reach the server' },
    );
    await drawer.locator('.rp-point').first().getByRole('button', { name: 'Compare with now' }).click();
    const words = drawer.getByRole('region', { name: 'What changed' });
    await words.getByRole('button', { name: 'Show on the canvas' }).waitFor();
    // Three changes; the level also closed the row's gap, which the matrix says too.
    expect(await words.locator('li').allInnerTexts()).toEqual([
      'Ardmore Health Board: interest 1 → 4, moved to Manage closely',
      'Safeguarding: Kinship Carers Trust level 0 → 3',
      'Safeguarding: gap closed by Kinship Carers Trust',
      "Short-term outcome 'Carers feel less isolated': gained an indicator",
    ]);
    await words.getByRole('button', { name: 'Show on the canvas' }).click();
    const legend = ana.getByRole('complementary', { name: 'What changed' });
    await legend.waitFor();
    await expect(drawer.isVisible()).resolves.toBe(false);

    const listed = await waitFor(async () => {
      const now = await entries(ana);
      return now.length === 4 && now.every((e) => e.view !== '') ? now : null;
    });
    // The stakeholder moved; the cell is new (no level was set before); the row's band and the card changed in place.
    expect(listed.map((e) => [e.view, e.kind])).toEqual([
      ['stakeholder-map', 'moved'],
      ['skills-matrix', 'added'],
      ['skills-matrix', 'changed'],
      ['logic-model', 'changed'],
    ]);
    expect(await legend.innerText()).toContain('March review → now');

    // On the stakeholder map: an outline where the card is now, a dashed ghost where it was.
    const moved = listed[0]!;
    expect(moved.now!.x).toBeGreaterThan(moved.before!.x + 400);
    await legend.locator('button[data-view="stakeholder-map"]').click();
    await waitFor(async () => (await outlinePixels(ana, moved.now!, COLOURS.moved, 5.5)) >= 12, { message: 'no outline round the moved card' });
    expect(await outlinePixels(ana, moved.before!, COLOURS.moved, 0)).toBeGreaterThanOrEqual(8);
    expect(await layerCount(ana)).toBeLessThanOrEqual(5);
    await ana.screenshot({ path: join(suite.shots, 'compare-stakeholder-map.png') });

    // The list is reachable by keyboard: Tab to the matrix entry, Enter shows it on its tab.
    const matrixEntry = legend.locator('button[data-view="skills-matrix"]').first();
    await matrixEntry.focus();
    await ana.keyboard.press('Enter');
    await ana.getByRole('tab', { name: 'Skills matrix', selected: true }).waitFor();
    const level = (await entries(ana))[1]!;
    await waitFor(async () => (await outlinePixels(ana, level.now!, COLOURS.added, 5.5)) >= 12, { message: 'no outline round the matrix cell' });
    // Centred on it.
    const cam = await canvasCamera(ana);
    const centreX = cam.x + (level.now!.x + level.now!.width / 2) * cam.zoom;
    expect(Math.abs(centreX - cam.box.width / 2)).toBeLessThan(2);
    expect(await layerCount(ana)).toBeLessThanOrEqual(5);
    await ana.screenshot({ path: join(suite.shots, 'compare-skills-matrix.png') });

    await legend.locator('button[data-view="logic-model"]').click();
    await ana.getByRole('tab', { name: 'Logic model', selected: true }).waitFor();
    const outcome = (await entries(ana))[3]!;
    await waitFor(async () => (await outlinePixels(ana, outcome.now!, COLOURS.changed, 5.5)) >= 12, { message: 'no outline round the outcome card' });
    expect(await layerCount(ana)).toBeLessThanOrEqual(5);
    await ana.screenshot({ path: join(suite.shots, 'compare-logic-model.png') });

    // Escape ends the comparison: the list goes and so do the marks.
    await ana.locator('.canvas').click({ position: { x: 5, y: 5 } });
    await ana.keyboard.press('Escape');
    await legend.waitFor({ state: 'detached' });
    await waitFor(async () => (await outlinePixels(ana, outcome.now!, COLOURS.changed, 5.5)) === 0, { message: 'the marks stayed after Escape' });

    expect(suite.errors.get('Ana')!.filter((e) => !/Applying inline style violates/.test(e))).toEqual([]);
    expect(suite.errors.get('Bob')!.filter((e) => !/Applying inline style violates/.test(e))).toEqual([]);
  }, 90_000);

  it('compares two review points on the canvas, the later one opened read-only, with the agreement listed on its tab', async () => {
    // The agreement's vision, written after March (by a plain Yjs client), then a June review point.
    const writer = pool.connect(suite.server, board.id, board.tokens.edit);
    await writer.synced();
    writeAgreementSection(writer.doc, 'vision', 'Every kinship carer knows where to turn for help');
    await waitFor(async () => {
      const res = await fetch(`${suite.server.url}/api/boards/${board.id}/export?format=json`, { headers: { authorization: `Bearer ${board.tokens.view}` } });
      return JSON.stringify(((await res.json()) as { agreement?: unknown }).agreement ?? '').includes('knows where to turn');
    });
    pool.destroyAll();

    await ana.getByRole('button', { name: 'Review points' }).click();
    const drawer = ana.getByRole('dialog', { name: 'Review points' });
    await drawer.getByLabel('Name').fill('June review');
    await drawer.getByRole('button', { name: 'Save review point' }).click();
    await drawer.getByRole('status').filter({ hasText: 'Saved "June review"' }).waitFor();
    await drawer.getByLabel('Select March review to compare').check();
    await drawer.getByLabel('Select June review to compare').check();
    await drawer.getByRole('button', { name: 'Compare the two selected' }).click();
    await drawer.getByRole('region', { name: 'What changed' }).getByRole('button', { name: 'Show on the canvas' }).click();

    // The later review point is shown read-only, compared with the earlier one.
    await ana.locator('.rp-banner').getByText('Viewing June review (read-only)').waitFor();
    const legend = ana.getByRole('complementary', { name: 'What changed' });
    await legend.getByText('March review → June review').waitFor();
    const listed = await waitFor(async () => {
      const now = await entries(ana);
      return now.length === 5 && now.slice(0, 4).every((e) => e.view !== '') ? now : null;
    });
    expect(listed.map((e) => [e.view, e.kind])).toEqual([
      ['stakeholder-map', 'moved'],
      ['skills-matrix', 'added'],
      ['skills-matrix', 'changed'],
      ['logic-model', 'changed'],
      ['', 'added'],
    ]);
    expect(listed[4]!.text).toBe('Agreement, Shared vision and aims: written: "Every kinship carer knows where to turn for help"');
    await ana.getByRole('tab', { name: 'Stakeholder map' }).click();
    await legend.locator('button[data-view="stakeholder-map"]').click();
    await waitFor(async () => (await outlinePixels(ana, listed[0]!.now!, COLOURS.moved, 5.5)) >= 12, { message: 'no outline on the review point shown' });

    // The agreement's entry opens the health tab, where the list stays beside the page.
    await legend.locator('button', { hasText: 'Agreement, Shared vision and aims' }).click();
    await ana.getByRole('tab', { name: 'Health check', selected: true }).waitFor();
    await legend.waitFor();
    await ana.screenshot({ path: join(suite.shots, 'compare-two-points-health.png') });
    await legend.getByRole('button', { name: 'Close', exact: true }).click();
    await legend.waitFor({ state: 'detached' });
    await ana.locator('.rp-banner').getByRole('button', { name: 'Back to live' }).click();
  }, 90_000);
});
