import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchChromium, joinBoard } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';

/**
 * The stakeholder map end to end, as a workshop uses it: fast entry, placing on
 * the grid, onion and network, with a second browser watching every step. The
 * board is read through its accessible list (the DOM contract); what is DRAWN is
 * checked by sampling canvas pixels at a card's centre.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

const LIST = 'ul[aria-label="Stakeholders"]';
const CELL = 200; // GRID_WORLD is 5 x 200
const ONION_CENTRE = { x: 500, y: 500 }; // ONION_WORLD, rings 125 wide

interface Row {
  id: string;
  name: string;
  power: number;
  interest: number;
  ring: string;
  placed: boolean;
  x: number;
  y: number;
  mapX: number | null;
  mapY: number | null;
  colour: string;
  relationships: number;
}

async function openBoard(link: string, name: string): Promise<Page> {
  const page = await joinBoard(browser, server.url, link, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
  return page;
}

async function rows(page: Page): Promise<Row[]> {
  return page.$$eval(`${LIST} li[data-stakeholder-id]`, (lis) =>
    lis.map((li) => {
      const num = (name: string) => (li.hasAttribute(name) ? Number(li.getAttribute(name)) : null);
      return {
        id: li.getAttribute('data-stakeholder-id') ?? '',
        name: li.querySelector('.sm-name')?.textContent ?? '',
        power: Number(li.getAttribute('data-power')),
        interest: Number(li.getAttribute('data-interest')),
        ring: li.getAttribute('data-ring') ?? '',
        placed: li.getAttribute('data-placed') === 'true',
        x: Number(li.getAttribute('data-x')),
        y: Number(li.getAttribute('data-y')),
        mapX: num('data-map-x'),
        mapY: num('data-map-y'),
        colour: li.getAttribute('data-colour') ?? '',
        relationships: Number(li.getAttribute('data-relationships')),
      };
    }),
  );
}

async function row(page: Page, name: string): Promise<Row> {
  const found = (await rows(page)).find((r) => r.name === name);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

/** Wait until `check` holds for the page's list; return how long it took. */
async function until(page: Page, check: (rows: Row[]) => boolean, timeout = 5000): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (check(await rows(page))) return Date.now() - start;
    if (Date.now() - start > timeout) throw new Error(`condition not met in ${timeout} ms; list: ${JSON.stringify(await rows(page))}`);
    await page.waitForTimeout(25);
  }
}

async function camera(page: Page) {
  const canvas = page.locator('.canvas');
  const box = (await canvas.boundingBox())!;
  const [x, y, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  return { box, x, y, zoom };
}

/** Page coordinates of a world point. */
async function screenPoint(page: Page, world: { x: number; y: number }) {
  const cam = await camera(page);
  return { x: cam.box.x + cam.x + world.x * cam.zoom, y: cam.box.y + cam.y + world.y * cam.zoom };
}

/** Centre of a grid cell in world units. */
const cellCentre = (power: number, interest: number) => ({ x: (interest + 0.5) * CELL, y: (4 - power + 0.5) * CELL });

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Drag a card of the map by its drawn centre to a world point. */
async function dragCard(page: Page, name: string, world: { x: number; y: number }) {
  const r = await row(page, name);
  if (r.mapX === null || r.mapY === null) throw new Error(`${name} is not drawn`);
  await drag(page, await screenPoint(page, { x: r.mapX, y: r.mapY }), await screenPoint(page, world));
}

/** The colour drawn at a world point: the topmost opaque pixel over all of the stage's visible layer canvases. */
async function drawnColour(page: Page, world: { x: number; y: number }): Promise<string> {
  const point = await screenPoint(page, world);
  return page.evaluate(({ x, y }) => {
    const canvases = [...document.querySelectorAll<HTMLCanvasElement>('.canvas .konvajs-content canvas')];
    let colour = 'transparent';
    for (const canvas of canvases) {
      const box = canvas.getBoundingClientRect();
      // A hidden layer (nothing to draw) has no box.
      if (box.width === 0) continue;
      const scale = canvas.width / box.width;
      const data = canvas.getContext('2d')!.getImageData(Math.round((x - box.left) * scale), Math.round((y - box.top) * scale), 1, 1).data;
      if (data[3]! > 200) colour = `#${[data[0]!, data[1]!, data[2]!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }
    return colour;
  }, point);
}

async function cardColour(page: Page, name: string): Promise<string> {
  const r = await row(page, name);
  return drawnColour(page, { x: r.mapX!, y: r.mapY! });
}

async function switchLayout(page: Page, layout: 'grid' | 'onion' | 'network') {
  await page.locator(`.sm-segmented button[data-layout="${layout}"]`).click();
  await page.locator(`.sm-segmented button[data-layout="${layout}"][aria-pressed="true"]`).waitFor();
  await page.waitForTimeout(150);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Riverside Youth Partnership');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

const NAMES = ['City Council', 'Youth Forum', 'Local Press', 'Health Board', 'Community Trust'];
const GRID_TARGETS: Record<string, [number, number]> = {
  'City Council': [4, 4],
  'Youth Forum': [1, 4],
  'Local Press': [1, 1],
  'Health Board': [4, 1],
  'Community Trust': [3, 3],
};

describe('stakeholder map with two editors', () => {
  let alice: Page;
  let bob: Page;

  it('creates five stakeholders by fast entry; they wait in the tray for both', async () => {
    alice = await openBoard(board.links.edit, 'Alice Adams');
    bob = await openBoard(board.links.edit, 'Bob Brown');
    const entry = alice.getByLabel('Add stakeholders, one name per line');
    for (const name of NAMES) {
      await entry.pressSequentially(name);
      await entry.press('Enter');
    }
    await alice.locator('ul[aria-label="Stakeholders to place"] li').nth(4).waitFor();
    expect(await alice.locator('ul[aria-label="Stakeholders to place"] li').count()).toBe(5);
    const seen = await until(bob, (list) => list.length === 5 && list.every((r) => !r.placed));
    expect(seen).toBeLessThan(2000);
    expect((await rows(bob)).map((r) => r.name).sort()).toEqual([...NAMES].sort());
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-tray.png') });
    // Keys 1-4 are the grid's quadrants: the tray offers them on the grid only.
    const hint = alice.locator('.sm-tray .sm-hint');
    expect(await hint.textContent()).toContain('1-4: into a quadrant');
    await switchLayout(alice, 'onion');
    expect(await hint.textContent()).toBe('Drag each onto the map, or press Enter on one.');
    await switchLayout(alice, 'grid');
  });

  it('places them on the power/interest grid by dragging from the tray; Bob sees each land', async () => {
    for (const name of NAMES) {
      const [power, interest] = GRID_TARGETS[name]!;
      const chip = alice.locator('ul[aria-label="Stakeholders to place"] button', { hasText: name });
      const box = (await chip.boundingBox())!;
      await drag(alice, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, await screenPoint(alice, cellCentre(power, interest)));
      await until(bob, (list) => list.some((r) => r.name === name && r.placed && r.power === power && r.interest === interest));
    }
    expect(await alice.locator('ul[aria-label="Stakeholders to place"]').count()).toBe(0);
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-grid.png') });
  });

  it('moves a card on the grid: Bob sees it move during the drag and land; the panel shows the strategy', async () => {
    const youth = await row(alice, 'Youth Forum');
    const from = await screenPoint(alice, { x: youth.mapX!, y: youth.mapY! });
    const mid = await screenPoint(alice, cellCentre(2, 4));
    const to = await screenPoint(alice, cellCentre(3, 4));
    await alice.mouse.move(from.x, from.y);
    await alice.mouse.down();
    await alice.mouse.move(mid.x, mid.y, { steps: 8 });
    const live = await until(bob, (list) => list.some((r) => r.name === 'Youth Forum' && r.power === 2));
    expect(live).toBeLessThan(1000);
    await alice.mouse.move(to.x, to.y, { steps: 8 });
    await alice.mouse.up();
    await until(bob, (list) => list.some((r) => r.name === 'Youth Forum' && r.power === 3 && r.interest === 4));
    const editor = alice.locator('.sm-editor');
    await expect.poll(() => editor.locator('[data-quadrant]').getAttribute('data-quadrant')).toBe('manageClosely');
    expect(await editor.textContent()).toContain('Involve them fully and early');
    expect(await editor.locator('[data-salience]').textContent()).toContain('Dominant');
  });

  it('switches to the onion; dragging sets the ring, for both', async () => {
    await switchLayout(alice, 'onion');
    await dragCard(alice, 'City Council', ONION_CENTRE);
    await dragCard(alice, 'Health Board', { x: ONION_CENTRE.x, y: ONION_CENTRE.y - 190 });
    await dragCard(alice, 'Community Trust', { x: ONION_CENTRE.x + 310, y: ONION_CENTRE.y });
    await until(bob, (list) => {
      const ring = (name: string) => list.find((r) => r.name === name)?.ring;
      return ring('City Council') === 'core' && ring('Health Board') === 'direct' && ring('Community Trust') === 'indirect' && ring('Local Press') === 'unassessed';
    });
    // Grid levels are untouched by onion moves.
    expect((await row(bob, 'City Council')).power).toBe(4);
    await alice.locator('.sm-editor button[aria-label="Close editor"]').click();
    await alice.waitForTimeout(150);
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-onion.png') });
  });

  it('switches to the network; dragging stores x/y and dragging from a handle draws a relationship', async () => {
    await switchLayout(alice, 'network');
    const council = await row(alice, 'City Council');
    await dragCard(alice, 'City Council', { x: council.mapX! - 140, y: council.mapY! + 20 });
    await until(bob, (list) => {
      const r = list.find((x) => x.name === 'City Council');
      return r !== undefined && r.x === council.mapX! - 140 && r.y === council.mapY! + 20;
    });
    // Select the card, then drag from its "+" handle (radius 26 + 14 to the right) onto another card.
    const moved = await row(alice, 'City Council');
    const centre = await screenPoint(alice, { x: moved.mapX!, y: moved.mapY! });
    await alice.mouse.click(centre.x, centre.y);
    await alice.locator('.sm-editor').waitFor();
    const youth = await row(alice, 'Youth Forum');
    await drag(alice, await screenPoint(alice, { x: moved.mapX! + 40, y: moved.mapY! }), await screenPoint(alice, { x: youth.mapX!, y: youth.mapY! }));
    await until(bob, (list) => list.find((r) => r.name === 'City Council')?.relationships === 1 && list.find((r) => r.name === 'Youth Forum')?.relationships === 1);
    // Type and strength from the editor: the edge gets its label and a thicker line.
    const relation = alice.locator('.sm-relations li').first();
    await relation.getByLabel('Relationship type').fill('funds');
    await relation.getByLabel('Relationship type').press('Enter');
    await relation.getByLabel('Strength').selectOption('5');
    // A second relationship, made from the keyboard.
    const relateTo = alice.getByRole('combobox', { name: 'Relate to' });
    await relateTo.pressSequentially('health');
    await alice.getByRole('listbox', { name: 'Stakeholders to relate to' }).getByRole('option', { name: 'Health Board', exact: true }).waitFor();
    await relateTo.press('Enter');
    await alice.getByRole('status').filter({ hasText: 'Related to Health Board.' }).waitFor();
    await until(bob, (list) => list.find((r) => r.name === 'City Council')?.relationships === 2);
    await alice.locator('.sm-editor button[aria-label="Close editor"]').click();
    await alice.waitForTimeout(150);
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-network.png') });
    await switchLayout(bob, 'network');
    await bob.screenshot({ path: join(artifactsDir, 'stakeholder-second-browser-network.png') });
  });

  it('switches back to the grid with every level where it was', async () => {
    await switchLayout(alice, 'grid');
    const list = await rows(alice);
    for (const [name, [power, interest]] of Object.entries(GRID_TARGETS)) {
      const r = list.find((x) => x.name === name)!;
      const expected = name === 'Youth Forum' ? [3, 4] : [power, interest];
      expect([r.power, r.interest]).toEqual(expected);
      expect(r.mapX).not.toBeNull();
    }
    await switchLayout(bob, 'onion');
    await bob.screenshot({ path: join(artifactsDir, 'stakeholder-second-browser-onion.png') });
  });

  it('colour-by and filters change what is drawn; search highlights', async () => {
    // New stakeholders are not assessed for sector: drawn in the no-value grey.
    const NOT_ASSESSED = '#bdbdbd';
    expect(await cardColour(alice, 'City Council')).toBe(NOT_ASSESSED);
    // Edit the sector in the side panel: the card is redrawn in the public sector's colour, for Bob too.
    await alice.locator(`${LIST} li`, { hasText: 'City Council' }).click();
    await alice.locator('.sm-editor').getByLabel('Sector').selectOption('public');
    await expect.poll(() => cardColour(alice, 'City Council')).toBe('#0072b2');
    await until(bob, (list) => list.find((r) => r.name === 'City Council')?.colour.toLowerCase() === '#0072b2');
    expect(await cardColour(alice, 'Local Press')).toBe(NOT_ASSESSED);

    await alice.getByLabel('Colour by', { exact: true }).selectOption('quadrant');
    await expect.poll(() => cardColour(alice, 'City Council')).toBe('#d55e00');
    expect(await cardColour(alice, 'Local Press')).toBe('#999999');

    // Filter to "manage closely": Local Press disappears from the canvas and the list.
    const press = await row(alice, 'Local Press');
    await alice.getByRole('button', { name: 'Filter' }).click();
    await alice.locator('#sm-filter-panel summary', { hasText: 'Quadrant' }).click();
    await alice.locator('#sm-filter-panel label', { hasText: 'Manage closely' }).locator('input').check();
    await until(alice, (list) => list.length === 3);
    expect(await drawnColour(alice, { x: press.mapX!, y: press.mapY! })).not.toBe('#999999');
    expect(await cardColour(alice, 'City Council')).toBe('#d55e00');
    // Combined with a second field: only the public-sector one is left.
    await alice.locator('#sm-filter-panel summary', { hasText: 'Sector' }).click();
    await alice.locator('#sm-filter-panel label', { hasText: 'Public' }).locator('input').check();
    await until(alice, (list) => list.length === 1 && list[0]!.name === 'City Council');
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-filter.png') });
    await alice.locator('#sm-filter-panel').getByRole('button', { name: 'Clear all' }).click();
    await alice.getByRole('button', { name: 'Close filter' }).click();
    await until(alice, (list) => list.length === 5);
    // Bob's view is his own: his filter and colours did not change.
    expect(await rows(bob)).toHaveLength(5);

    await alice.getByLabel('Search stakeholders').fill('council');
    await alice.locator(`${LIST} mark`, { hasText: 'Council' }).waitFor();
    await alice.waitForTimeout(100);
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-search.png') });
    await alice.getByLabel('Search stakeholders').fill('');
  });

  it('derives the communications plan, editable in place and sortable', async () => {
    await alice.getByRole('button', { name: 'Communications plan' }).click();
    const table = alice.locator('.sm-comms table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(5);
    await alice.getByLabel('Channel for City Council').fill('Briefing paper');
    await alice.getByLabel('Channel for City Council').press('Enter');
    await alice.getByLabel('Contact frequency for City Council').selectOption('monthly');
    await alice.getByLabel('Next contact with City Council').fill('2020-01-15');
    await alice.locator('tr[data-stakeholder-id][data-status="overdue"]').waitFor();
    await alice.getByLabel('Contact frequency for Local Press').selectOption('quarterly');
    await table.locator('thead button', { hasText: 'Stakeholder' }).click();
    expect(await table.locator('thead th').first().getAttribute('aria-sort')).toBe('ascending');
    const names = await table.locator('tbody th .sm-row-name').allTextContents();
    expect(names).toEqual([...NAMES].sort());
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-comms-plan.png') });
    await alice.getByRole('button', { name: 'Communications plan' }).click();
  });

  it('manages partners and promotes a stakeholder to a partner', async () => {
    await alice.getByRole('button', { name: /^Partners/ }).click();
    const drawer = alice.locator('#partners-drawer');
    await drawer.getByLabel('New partner').fill('Riverside Youth Trust');
    await drawer.getByRole('button', { name: 'Add' }).click();
    await bob.locator('.pp-open .pp-count', { hasText: '1' }).waitFor();
    await alice.getByRole('button', { name: /^Partners/ }).click();
    // Own a stakeholder by the new partner, then promote another one.
    await alice.locator(`${LIST} li`, { hasText: 'Local Press' }).click();
    await alice.locator('.sm-editor label', { hasText: 'Riverside Youth Trust' }).locator('input').check();
    await alice.locator(`${LIST} li`, { hasText: 'Community Trust' }).click();
    await alice.locator('.sm-editor').getByRole('button', { name: 'Make partner' }).click();
    await alice.locator('.sm-editor .sm-badge', { hasText: 'Partner:' }).waitFor();
    await bob.locator('.pp-open .pp-count', { hasText: '2' }).waitFor();
    await bob.locator(`${LIST} li`, { hasText: 'Community Trust' }).locator('.sm-tag').waitFor();
    expect(await bob.locator(`${LIST} li`, { hasText: 'Local Press' }).textContent()).toContain('Owner: Riverside Youth Trust');
    await alice.getByRole('button', { name: /^Partners/ }).click();
    await alice.locator('#partners-drawer li', { hasText: 'Promoted from stakeholder' }).waitFor();
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-partners.png') });
    await alice.keyboard.press('Escape');
  });

  it('lets a viewer read the map live but not change it', async () => {
    const viewer = await openBoard(board.links.view, 'Vera Viewer');
    await until(viewer, (list) => list.length === 5 && list.every((r) => r.placed));
    expect(await viewer.locator('#sm-fast-entry').count()).toBe(0);
    const before = await row(viewer, 'Local Press');
    await dragCard(viewer, 'Local Press', cellCentre(4, 4));
    await viewer.locator('.sm-editor').waitFor();
    expect(await viewer.locator('.sm-editor').getByLabel('Sector').isDisabled()).toBe(true);
    expect(await viewer.locator('.sm-editor').getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await viewer.waitForTimeout(300);
    expect(await row(alice, 'Local Press')).toMatchObject({ power: before.power, interest: before.interest });
    await alice.locator(`${LIST} li`, { hasText: 'Local Press' }).click();
    await alice.locator('.sm-editor').getByLabel('Power', { exact: true }).selectOption('2');
    await until(viewer, (list) => list.find((r) => r.name === 'Local Press')?.power === 2);
    // Salience class computed from the three flags, shown to the viewer too.
    for (const flag of ['Has power', 'Legitimate claim', 'Urgent claim']) await alice.locator('.sm-editor').getByLabel(flag).check();
    await viewer.locator(`${LIST} li`, { hasText: 'Local Press' }).click();
    await viewer.locator('.sm-editor [data-salience="definitive"]').waitFor();
  });

  it('is keyboard navigable and raised no errors', async () => {
    await alice.locator(`${LIST} li[tabindex="0"]`).focus();
    await alice.keyboard.press('Home');
    await alice.keyboard.press('ArrowDown');
    const focused = await alice.evaluate(() => document.activeElement?.querySelector('.sm-name')?.textContent);
    expect(focused).toBe([...NAMES].sort()[1]);
    await alice.keyboard.press('Enter');
    await expect.poll(() => alice.evaluate(() => document.activeElement?.id)).toBe('stakeholder-editor-name');
    await alice.screenshot({ path: join(artifactsDir, 'stakeholder-editor.png') });
    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });
});
