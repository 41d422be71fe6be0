import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { artifactsDir, launchChromium, joinBoard, canvasScreenPoint } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool } from '../helpers/sync';

/**
 * The skills matrix end to end: one person builds a 3-partner x 6-row matrix with
 * the mouse for one click and the keyboard for everything else; a second person sees
 * the levels, gaps, warnings and matches arrive live. Both read the matrix through its
 * accessible table (the DOM contract), never through canvas pixels.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const pool = new ClientPool();

const TABLE = 'table[aria-label="Skills matrix"]';

async function openMatrix(link: string, name: string): Promise<Page> {
  const page = await joinBoard(browser, server.url, link, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
  await page.getByRole('tab', { name: 'Skills matrix' }).click();
  await page.locator(TABLE).waitFor({ state: 'attached' });
  return page;
}

interface TableState {
  partners: string[];
  rows: { name: string; cells: string[]; required: string; best: string; gap: string; coverage: string }[];
}

async function tableState(page: Page): Promise<TableState> {
  return page.$eval(TABLE, (table) => ({
    partners: [...table.querySelectorAll('thead th[data-partner-id]')].map((th) => th.textContent?.trim() ?? ''),
    rows: [...table.querySelectorAll('tbody tr[data-row-id]')].map((tr) => ({
      name: tr.querySelector('th[scope="row"]')?.textContent ?? '',
      cells: [...tr.querySelectorAll('td[data-partner-id]')].map((td) => td.textContent ?? ''),
      required: tr.querySelector('td[data-col="required"]')?.textContent ?? '',
      best: tr.querySelector('td[data-col="best"]')?.textContent ?? '',
      gap: tr.querySelector('td[data-col="gap"]')?.textContent ?? '',
      coverage: tr.querySelector('td[data-col="coverage"]')?.textContent ?? '',
    })),
  }));
}

async function summary(page: Page): Promise<Record<string, number>> {
  return page.$$eval('ul[aria-label="Matrix summary"] li[data-summary]', (items) =>
    Object.fromEntries(items.map((li) => [li.getAttribute('data-summary'), Number(li.getAttribute('data-count'))])),
  );
}

/** Poll the page until `check` passes; return the time it took. */
async function eventually(page: Page, check: () => Promise<void>, timeout = 5000): Promise<number> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return Date.now() - start;
    } catch (error) {
      if (Date.now() - start > timeout) throw error;
      await page.waitForTimeout(25);
    }
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Riverside Youth Partnership');
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('skills matrix with two people', () => {
  let alice: Page;
  let bob: Page;

  it('builds a 3-partner x 6-row matrix by keyboard and shows it live in a second browser', async () => {
    alice = await openMatrix(board.links.edit, 'Alice Adams');
    bob = await openMatrix(board.links.edit, 'Bob Brown');

    // An empty matrix invites the first steps.
    expect(await alice.getByRole('button', { name: /Add 8 starter rows/ }).count()).toBe(1);

    // Partners: one field, Enter after each.
    await alice.getByRole('button', { name: '+ Add partner' }).click();
    const partnerField = alice.getByLabel('Partner organisation');
    for (const name of ['Bridge Council', 'Alba Trust', 'Cairn Housing']) {
      await partnerField.fill(name);
      await partnerField.press('Enter');
    }
    await partnerField.press('Escape');

    // Rows: name, category, required level; Enter adds and keeps the form open.
    await alice.getByRole('button', { name: '+ Add row' }).click();
    const rowForm = alice.getByRole('form', { name: 'Add row' });
    const rows: [string, 'skill' | 'knowledge' | 'resource', number][] = [
      ['Safeguarding', 'skill', 3],
      ['Evaluation', 'skill', 3],
      ['Funding bids', 'skill', 3],
      ['Data protection', 'knowledge', 2],
      ['Venues', 'resource', 2],
      ['Volunteers', 'resource', 2],
    ];
    for (const [name, category, required] of rows) {
      await rowForm.getByLabel('Category').selectOption(category);
      await rowForm.getByLabel('Required level').selectOption(String(required));
      const field = rowForm.getByLabel('Skill, knowledge or resource');
      await field.fill(name);
      await field.press('Enter');
    }
    await rowForm.getByRole('button', { name: 'Close' }).click();

    // Bob sees the empty grid: columns in name order, rows grouped by category.
    await eventually(bob, async () => {
      const state = await tableState(bob);
      expect(state.partners).toEqual(['Alba Trust', 'Bridge Council', 'Cairn Housing']);
      expect(state.rows.map((r) => r.name)).toEqual(rows.map(([name]) => name));
    });
    await alice.screenshot({ path: join(artifactsDir, 'skills-matrix-empty-grid.png') });

    // One click on the first cell, then only the keyboard.
    const first = await canvasScreenPoint(alice, { x: 240 + 28, y: 120 + 36 + 16 });
    await alice.mouse.click(first.x, first.y);
    await expect.poll(() => alice.evaluate(() => document.activeElement?.getAttribute('data-partner-id') !== null)).toBe(true);
    const plan = [
      ['4', 'g', 'ArrowRight', '1', 'r', 'ArrowRight', '3'], // Safeguarding: A 4 gives, B 1 wants, C 3
      ['2', 'ArrowRight', '1'], // Evaluation: best 2, gap 1
      [], // Funding bids: nobody has it
      ['3', 'ArrowRight', 'r'], // Data protection: only Alba; Bridge wants it, nobody gives
      ['2', 'g', 'ArrowRight', '2'], // Venues: two partners
      ['1'], // Volunteers: gap 1
    ];
    for (const keys of plan) {
      for (const key of keys) await alice.keyboard.press(key);
      await alice.keyboard.press('Home');
      await alice.keyboard.press('ArrowDown');
    }

    const expected = {
      cells: [
        ['4 gives', '1 receives', '3'],
        ['2', '1', '0'],
        ['0', '0', '0'],
        ['3', '0 receives', '0'],
        ['2 gives', '2', '0'],
        ['1', '0', '0'],
      ],
      gaps: ['0', '-1', '-3', '0', '0', '-1'],
      coverage: ['Covered by 2', 'Below required', 'Nobody has it', 'Only one partner, Nobody gives it', 'Covered by 2', 'Below required'],
    };
    const seen = await eventually(bob, async () => {
      const state = await tableState(bob);
      expect(state.rows.map((r) => r.cells)).toEqual(expected.cells);
      expect(state.rows.map((r) => r.gap)).toEqual(expected.gaps);
      expect(state.rows.map((r) => r.coverage)).toEqual(expected.coverage);
    });
    expect(seen).toBeLessThan(2000);
    expect(await summary(bob)).toEqual({ gaps: 3, singlePointOfFailure: 1, nobodyHasIt: 1, nobodyGives: 1 });
    expect(await bob.locator('ul[aria-label="Suggested matches"] li').allTextContents()).toEqual(['Alba Trust can give Bridge Council: Safeguarding']);

    await alice.screenshot({ path: join(artifactsDir, 'skills-matrix-alice.png') });
    await bob.screenshot({ path: join(artifactsDir, 'skills-matrix-bob.png') });
  });

  it('updates gaps and warnings for the first person when the second edits by keyboard', async () => {
    // Bob gives Cairn Housing funding-bid skills: the "nobody has it" warning and that gap go.
    const cell = bob.locator(`${TABLE} td[data-partner-id]`).nth(2 * 3 + 2);
    await cell.focus();
    await bob.keyboard.press('3');
    await bob.keyboard.press('g');
    // ...and Alba Trust gives data protection to Bridge Council.
    await bob.keyboard.press('ArrowDown');
    await bob.keyboard.press('Home');
    await bob.keyboard.press('g');
    const updated = await eventually(alice, async () => {
      expect(await summary(alice)).toEqual({ gaps: 2, singlePointOfFailure: 2, nobodyHasIt: 0, nobodyGives: 0 });
    });
    expect(updated).toBeLessThan(2000);
    const state = await tableState(alice);
    expect(state.rows[2]).toMatchObject({ cells: ['0', '0', '3 gives'], best: '3', gap: '0', coverage: 'Only one partner' });
    expect(await alice.locator('ul[aria-label="Suggested matches"] li').allTextContents()).toEqual([
      'Alba Trust can give Bridge Council: Safeguarding',
      'Alba Trust can give Bridge Council: Data protection',
    ]);
  });

  it('opens the capacity note with Enter and suggests stakeholders who could fill a gap', async () => {
    // A stakeholder on the map offers volunteers (written by a plain Yjs client, as another tool would).
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    createRecord(client.doc, 'stakeholders', {
      name: 'Riverside Volunteer Centre',
      organisation: 'Riverside Volunteer Centre',
      offers: 'Volunteers for events, DBS-checked',
    });

    // Enter on a cell opens its note; Ctrl+Enter saves and returns to the grid.
    const volunteersAlba = alice.locator(`${TABLE} td[data-partner-id]`).nth(5 * 3);
    await volunteersAlba.focus();
    await alice.keyboard.press('Enter');
    const note = alice.getByLabel('Capacity note');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await alice.keyboard.type('Two volunteers on Saturdays');
    await alice.keyboard.press('Control+Enter');
    await eventually(bob, async () => {
      expect(await bob.locator(`${TABLE} td[data-partner-id]`).nth(5 * 3).getAttribute('title')).toContain('note: Two volunteers on Saturdays');
    });

    // Who could bring this? The centre, for the volunteers gap: add it as a prospective partner.
    const suggestion = alice.locator('ul[aria-label="Who could bring this"] li[data-stakeholder-id]', { hasText: 'Riverside Volunteer Centre' });
    await suggestion.waitFor();
    await suggestion.scrollIntoViewIfNeeded();
    await alice.screenshot({ path: join(artifactsDir, 'skills-matrix-who-could-bring.png') });
    await suggestion.getByRole('button', { name: 'Add as prospective partner' }).click();
    await eventually(bob, async () => {
      expect((await tableState(bob)).partners).toEqual(['Alba Trust', 'Bridge Council', 'Cairn Housing', 'Riverside Volunteer Centre']);
    });

    // The table view shows the same data over the canvas.
    await bob.getByRole('button', { name: 'Table view' }).click();
    await bob.locator('.matrix-table-wrap.visible').waitFor();
    await bob.screenshot({ path: join(artifactsDir, 'skills-matrix-table-view.png') });
    await bob.getByRole('button', { name: 'Canvas view' }).click();

    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });

  it('lets a viewer read and move through the matrix but not change it', async () => {
    const viewer = await openMatrix(board.links.view, 'Vera Viewer');
    await eventually(viewer, async () => expect((await tableState(viewer)).rows).toHaveLength(6));
    expect(await viewer.getByRole('button', { name: '+ Add partner' }).count()).toBe(0);
    expect(await viewer.locator(TABLE).getAttribute('aria-readonly')).toBe('true');
    const cell = viewer.locator(`${TABLE} td[data-partner-id]`).first();
    const before = await cell.textContent();
    await cell.focus();
    await viewer.keyboard.press('0');
    await viewer.keyboard.press('g');
    await viewer.keyboard.press('ArrowRight');
    expect(await viewer.evaluate(() => document.activeElement?.getAttribute('data-partner-id'))).toBe(
      await viewer.locator(`${TABLE} td[data-partner-id]`).nth(1).getAttribute('data-partner-id'),
    );
    await viewer.waitForTimeout(300);
    expect(await cell.textContent()).toBe(before);
    expect(errors.get('Vera Viewer')).toEqual([]);
  });
});
