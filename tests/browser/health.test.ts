import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { joinBoard } from '../helpers/browser';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * The health tab as a facilitator runs it with four charities and a council:
 * three partners rate at once in three browsers, the chart and the table show
 * the same figures, the automatic evidence follows the stakeholder map live,
 * and two browsers write the agreement at once.
 */

const suite = browserSuite('health');
const { contexts, errors } = suite;
const pool = new ClientPool();
let board: CreatedBoard;
let facilitator: Page;
let foodBank: Page;
let council: Page;

const PARTNERS = [
  { id: 'fb', name: 'Eastside Food Bank', colour: '#16a34a' },
  { id: 'ys', name: 'Youth Space', colour: '#2563eb' },
  { id: 'cc', name: 'Carers Connect', colour: '#db2777' },
  { id: 'hh', name: 'Hope Housing', colour: '#ea580c' },
  { id: 'rc', name: 'Riverside Council', colour: '#7c3aed' },
];

async function openHealth(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Health check' }).first().click();
  await page.locator('.health-page').waitFor();
}

async function speakFor(page: Page, partner: string): Promise<void> {
  await page.getByLabel('I am rating for').selectOption({ label: partner });
}

async function rate(page: Page, itemText: string, level: 'Not yet' | 'Partly' | 'Fully'): Promise<void> {
  const group = page.getByRole('radiogroup', { name: new RegExp(`rating of: ${itemText}`) });
  await group.getByRole('radio', { name: level }).click();
  await group.getByRole('radio', { name: level, checked: true }).waitFor();
}

/** The table's figures, principle -> series -> text. */
async function tableFigures(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.locator('table[aria-label="Health scores by principle"] tbody tr').evaluateAll((rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset.principle!,
        Object.fromEntries([...row.querySelectorAll('td[data-series]')].map((td) => [(td as HTMLElement).dataset.series!, td.textContent!.trim()])),
      ]),
    ),
  );
}

/** The chart's figures, read from the Konva bars inside the chart (each carries principle|series|score). */
async function chartFigures(page: Page): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: { container(): HTMLElement; find(selector: string): { getAttr(name: string): string }[] }[] } }).Konva;
    const stage = konva.stages.find((s) => s.container().closest('[data-testid="health-chart"]'));
    const out: Record<string, Record<string, string>> = {};
    for (const bar of stage?.find('.health-bar') ?? []) {
      const [principle, series, value] = bar.getAttr('figure').split('|') as [string, string, string];
      (out[principle] ??= {})[series] = value === '' ? '–' : value;
    }
    return out;
  });
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Eastside wellbeing partnership');
  const writer = pool.connect(suite.server, board.id, board.tokens.edit);
  await writer.synced();
  for (const p of PARTNERS) createRecord(writer.doc, 'partners', p);
  createRecord(writer.doc, 'logicNodes', { id: 'a1', column: 'activities', text: 'Weekly drop-in', leadPartnerId: 'fb', dueDate: '2030-01-01' });
  createRecord(writer.doc, 'logicNodes', { id: 'a2', column: 'activities', text: 'Carers cafe' });
  facilitator = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Fran (facilitator)', { contexts, errors });
  foodBank = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Femi', { contexts, errors });
  council = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Cara', { contexts, errors });
}, 90_000);

describe('partnership health', () => {
  it('three partners rate at once; the chart and the accessible table show the same figures', async () => {
    for (const page of [facilitator, foodBank, council]) await openHealth(page);
    await speakFor(facilitator, 'Youth Space');
    await speakFor(foodBank, 'Eastside Food Bank');
    await speakFor(council, 'Riverside Council');
    await Promise.all([
      (async () => {
        await rate(foodBank, 'We wrote our shared vision together', 'Fully');
        await rate(foodBank, 'We agreed together what it takes to deliver that vision', 'Partly');
      })(),
      (async () => {
        await rate(council, 'We wrote our shared vision together', 'Not yet');
        await rate(council, 'We have a communications strategy', 'Partly');
      })(),
      rate(facilitator, 'We wrote our shared vision together', 'Partly'),
    ]);
    // P1: food bank (2 + 1) / 4 = 75, council 0, youth space 50; overall (2+1+0+1)/8 = 50. P2: council 50.
    const expected = { 'Eastside Food Bank': '75', 'Riverside Council': '0', 'Youth Space': '50', Overall: '50' };
    for (const page of [facilitator, foodBank, council]) {
      await waitFor(async () => {
        const table = await tableFigures(page);
        return Object.entries(expected).every(([series, value]) => table.P1?.[series] === value) && table.P2?.['Riverside Council'] === '50';
      }, { message: 'the three ratings did not all reach every browser', timeout: 15_000 });
      const table = await tableFigures(page);
      const chart = await chartFigures(page);
      expect(Object.keys(chart).sort()).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
      expect(chart).toEqual(table);
    }
    // Where partners disagree: fully vs not yet on the vision.
    await expect(facilitator.locator('tr[data-principle="P1"] td.health-disagree').innerText()).resolves.toBe('2');
    await facilitator.screenshot({ path: join(suite.shots, 'health-check.png'), fullPage: false });
  });

  it('automatic evidence follows the stakeholder map live', async () => {
    const evidence = facilitator.locator('.health-evidence[data-rule="stakeholderMap"]');
    await expect(evidence.innerText()).resolves.toContain('No stakeholders on the map yet');
    await expect(facilitator.locator('.health-evidence[data-rule="rolesClear"]').innerText()).resolves.toContain('1 activity of 2 without a lead partner');
    await foodBank.getByRole('tab', { name: 'Stakeholder map' }).click();
    const entry = foodBank.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await entry.pressSequentially('Eastside GP practice');
    await foodBank.keyboard.press('Enter');
    await waitFor(async () => (await evidence.innerText()).includes('1 stakeholder on the map'), { message: 'the evidence did not update', timeout: 15_000 });
    await expect(facilitator.locator('.health-evidence[data-rule="commsStrategy"]').innerText()).resolves.toContain('0 of 1 stakeholder');
    await facilitator.locator('section[aria-labelledby="principle-3"]').screenshot({ path: join(suite.shots, 'health-evidence.png') });
  });

  it('stages between partners: a choice in one browser shows in the other, on both partners\' rows', async () => {
    await facilitator.getByRole('tab', { name: 'Stages' }).click();
    await council.getByRole('tab', { name: 'Stages' }).click();
    await facilitator.getByLabel('Eastside Food Bank and Riverside Council: stage now').selectOption('cooperating');
    await facilitator.getByLabel('Eastside Food Bank and Riverside Council: stage aimed for').selectOption('collaborating');
    await waitFor(async () => (await council.getByLabel('Riverside Council and Eastside Food Bank: stage now').inputValue()) === 'cooperating', { message: 'stage did not sync' });
    // The two choices are two edits: the second may arrive after the first.
    await waitFor(async () => (await council.getByLabel('Riverside Council and Eastside Food Bank: stage aimed for').inputValue()) === 'collaborating', { message: 'aimed-for stage did not sync' });
    await waitFor(async () => (await council.locator('ul[aria-label="Each partner\'s stages"]').innerText()).includes('Riverside Council: Carers Connect not set; Eastside Food Bank cooperating → collaborating'), { message: 'stages list' });
    await facilitator.screenshot({ path: join(suite.shots, 'health-stages.png') });
  });

  it('shows every record another program writes (a stock Yjs client): a new item and ratings from every partner', async () => {
    await facilitator.getByRole('tab', { name: 'Check-up' }).click();
    const program = pool.connect(suite.server, board.id, board.tokens.edit);
    await program.synced();
    program.doc.transact(() => {
      createRecord(program.doc, 'healthItems', { id: 'imported-1', principle: 6, text: 'We publish a yearly learning report', order: 'z0' });
      for (const [i, p] of PARTNERS.entries()) {
        createRecord(program.doc, 'healthResponses', { id: `imported-1:${p.id}`, itemId: 'imported-1', partnerId: p.id, level: (['notYet', 'partly', 'fully'] as const)[i % 3]!, note: `note ${i}` });
        createRecord(program.doc, 'healthResponses', { id: `compass-6-1:${p.id}`, itemId: 'compass-6-1', partnerId: p.id, level: 'fully' });
      }
    });
    const item = facilitator.locator('li[data-item-id="imported-1"]');
    await item.waitFor({ timeout: 15_000 });
    await expect(item.locator('.health-item-text').innerText()).resolves.toBe('We publish a yearly learning report');
    await waitFor(async () => (await item.locator('.health-chip').count()) === PARTNERS.length, { message: 'not every rating shows' });
    const chips = await item.locator('.health-chip').allInnerTexts();
    expect(chips.map((c) => c.trim()).sort()).toEqual(
      PARTNERS.map((p, i) => `${p.name}: ${['Not yet', 'Partly', 'Fully'][i % 3]}`).sort(),
    );
    await expect(facilitator.locator('li[data-item-id="compass-6-1"] .health-chip').count()).resolves.toBe(PARTNERS.length);
    // Every item on the board is listed once.
    const ids = await facilitator.locator('li.health-item').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.itemId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(program.doc.getMap('healthItems').size);
    // P6: imported (0+1+2+0+1 = 4 of 10) and compass-6-1 (10 of 10): 14 of 20 = 70.
    await waitFor(async () => (await tableFigures(facilitator)).P6?.Overall === '70', { message: 'P6 overall' });
    expect(await chartFigures(facilitator)).toEqual(await tableFigures(facilitator));
  });

  it('shows "Review due" on every tab when a review item was last rated longer ago than the interval', async () => {
    const notice = council.locator('.health-review-due');
    expect(await notice.count()).toBe(0);
    const program = pool.connect(suite.server, board.id, board.tokens.edit);
    await program.synced();
    createRecord(program.doc, 'healthResponses', { id: 'compass-3-5:hh', itemId: 'compass-3-5', partnerId: 'hh', level: 'partly', ratedAt: Date.now() - 200 * 86_400_000 });
    await council.getByRole('tab', { name: 'Stakeholder map' }).click();
    await notice.waitFor({ timeout: 15_000 });
    await expect(notice.innerText()).resolves.toBe('Review due: 1 review item is older than 90 days. See the Health tab.');
    await council.screenshot({ path: join(suite.shots, 'health-review-due.png') });
    await openHealth(council);
    await expect(council.locator('.health-due-list').innerText()).resolves.toContain('We review our stakeholder map at regular intervals: last rated 200 days ago');
  });

  it('two browsers write the agreement at once and both see both edits', async () => {
    await facilitator.getByRole('tab', { name: 'Agreement' }).click();
    await council.getByRole('tab', { name: 'Agreement' }).click();
    const mine = facilitator.getByRole('textbox', { name: 'Shared vision and aims' });
    const theirs = council.getByRole('textbox', { name: 'Roles and responsibilities' });
    await mine.click();
    await theirs.click();
    await Promise.all([
      mine.pressSequentially('Nobody in Eastside goes hungry or alone.', { delay: 5 }),
      theirs.pressSequentially('The council funds the venue. ', { delay: 5 }),
    ]);
    await council.getByLabel('Roles and responsibilities: mention a partner, activity or stakeholder').selectOption({ label: 'Eastside Food Bank (partner)' });
    for (const page of [facilitator, council]) {
      await waitFor(async () => (await page.getByRole('textbox', { name: 'Shared vision and aims' }).innerText()).includes('Nobody in Eastside goes hungry or alone.'), { message: 'vision missing' });
      await waitFor(async () => (await page.getByRole('textbox', { name: 'Roles and responsibilities' }).innerText()).includes('@Eastside Food Bank'), { message: 'roles missing' });
      await expect(page.getByRole('textbox', { name: 'Roles and responsibilities' }).innerText()).resolves.toContain('The council funds the venue.');
    }
    await facilitator.screenshot({ path: join(suite.shots, 'health-agreement.png') });
  });

  it('the owner makes ratings anonymous: an editor cannot, a rating then shows only as counts', async () => {
    for (const page of [facilitator, foodBank]) {
      await openHealth(page);
      await page.getByRole('tab', { name: 'Check-up' }).click();
    }
    await foodBank.locator('.health-settings summary').click();
    await expect(foodBank.getByLabel(/Anonymous ratings/).isDisabled()).resolves.toBe(true);
    facilitator.once('dialog', (dialog) => void dialog.accept());
    await facilitator.locator('.health-settings summary').click();
    await facilitator.getByLabel(/Anonymous ratings/).check();
    const item = (page: Page) => page.locator('li[data-item-id="compass-1-2"]');
    await waitFor(async () => (await item(foodBank).locator('.health-counts').innerText()).includes('No ratings yet'), { message: 'named ratings not cleared' });
    await speakFor(foodBank, 'Hope Housing');
    await item(foodBank).getByRole('radio', { name: 'Fully' }).click();
    await item(foodBank).getByRole('radio', { name: 'Fully', checked: true }).waitFor();
    await waitFor(async () => (await item(facilitator).locator('.health-counts').innerText()).includes('1 fully'), { message: 'count did not arrive' });
    expect(await item(facilitator).locator('.health-chip').count()).toBe(0);
    expect(await item(facilitator).innerText()).not.toContain('Hope Housing');
    // The table drops partner columns: only overall figures, still the same as the chart.
    const table = await tableFigures(facilitator);
    expect(Object.keys(table.P1!)).toEqual(['Overall']);
    expect(table.P1!.Overall).toBe('100');
    expect(await chartFigures(facilitator)).toEqual(table);
    await facilitator.screenshot({ path: join(suite.shots, 'health-anonymous.png') });
    for (const [who, list] of errors) expect(list, who).toEqual([]);
  });
});
