import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { artifactsDir, launchChromium, joinBoard, canvasScreenPoint } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * The logic model end to end, as a new user would build it: an ESS model with 2
 * inputs, 3 activities, 3 outputs and 2 outcomes, cards typed in place, links
 * drawn by dragging from a card's handle, then the checks cleared by adding
 * indicators and lead partners. A second editor watches it arrive. The model is
 * read through its accessible outline, never by inspecting canvas pixels.
 */

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

const OUTLINE = '[aria-label="Logic model outline"]';

async function openBoard(link: string, name: string): Promise<Page> {
  const page = await joinBoard(browser, server.url, link, name, { contexts, errors, viewport: { width: 1440, height: 900 } });
  await page.getByRole('tab', { name: 'Logic model' }).click();
  return page;
}

interface OutlineCard {
  id: string;
  column: string;
  text: string;
  leadsTo: string;
  lead: string;
  box: { x: number; y: number; width: number; height: number };
  checks: string[];
}

async function outline(page: Page): Promise<OutlineCard[]> {
  return page.$$eval(`${OUTLINE} li[data-node-id]`, (lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-node-id') ?? '',
      column: li.getAttribute('data-column') ?? '',
      text: li.querySelector('.lm-outline-text')?.textContent ?? '',
      leadsTo: li.querySelector('[data-field="leads-to"]')?.textContent ?? '',
      lead: li.querySelector('[data-field="lead"]')?.textContent ?? '',
      box: {
        x: Number(li.getAttribute('data-x')),
        y: Number(li.getAttribute('data-y')),
        width: Number(li.getAttribute('data-width')),
        height: Number(li.getAttribute('data-height')),
      },
      checks: [...li.querySelectorAll('li[data-rule]')].map((c) => c.getAttribute('data-rule') ?? ''),
    })),
  );
}

async function card(page: Page, text: string): Promise<OutlineCard> {
  return waitFor(async () => (await outline(page)).find((c) => c.text === text), { message: `card "${text}" in the outline` });
}

async function checkRules(page: Page): Promise<string[]> {
  return page.$$eval('ul[aria-label="Check results"] li[data-rule]', (lis) => lis.map((li) => li.getAttribute('data-rule') ?? '').sort());
}

async function columnBox(page: Page, column: string) {
  const el = page.locator(`${OUTLINE} .lm-outline-column[data-column="${column}"]`);
  const attr = async (name: string) => Number(await el.getAttribute(name));
  return { x: await attr('data-x'), y: await attr('data-y'), width: await attr('data-width'), height: await attr('data-height') };
}

/** Add a card the way a new user would: double-click the column on the canvas, type, Ctrl+Enter. */
async function addCardOnCanvas(page: Page, column: string, text: string): Promise<void> {
  const before = (await outline(page)).length;
  const col = await columnBox(page, column);
  const cards = (await outline(page)).filter((c) => c.column === column);
  const bottom = cards.length ? Math.max(...cards.map((c) => c.box.y + c.box.height)) : col.y + 80;
  const at = await canvasScreenPoint(page, { x: col.x + col.width / 2, y: bottom + 6 });
  await page.mouse.dblclick(at.x, at.y);
  const editor = page.locator('textarea.lm-card-editor');
  await editor.waitFor();
  await editor.pressSequentially(text);
  await page.keyboard.press('Control+Enter');
  await editor.waitFor({ state: 'detached' });
  await waitFor(async () => (await outline(page)).length === before + 1 && (await outline(page)).some((c) => c.text === text), { message: `added ${text}` });
}

/** Drag from the source card's link handle (its right edge) onto the target card. */
async function linkOnCanvas(page: Page, fromText: string, toText: string): Promise<void> {
  const from = await card(page, fromText);
  const to = await card(page, toText);
  const centre = await canvasScreenPoint(page, { x: from.box.x + from.box.width / 2, y: from.box.y + from.box.height / 2 });
  const handle = await canvasScreenPoint(page, { x: from.box.x + from.box.width, y: from.box.y + from.box.height / 2 });
  const target = await canvasScreenPoint(page, { x: to.box.x + to.box.width / 2, y: to.box.y + to.box.height / 2 });
  await page.mouse.move(centre.x, centre.y, { steps: 3 });
  await page.mouse.move(handle.x - 1, handle.y, { steps: 3 });
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 10 });
  await page.mouse.up();
  await waitFor(async () => (await card(page, fromText)).leadsTo.includes(toText), { message: `link ${fromText} -> ${toText}` });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Riverside Youth Partnership');
  // Partners come from the shared partner list (built on another board); seed two as another client would.
  const seeder = pool.connect(server, board.id, board.tokens.edit);
  await seeder.synced();
  createRecord(seeder.doc, 'partners', { name: 'Riverside Youth Trust', colour: '#2563eb' });
  createRecord(seeder.doc, 'partners', { name: 'Northside Council', colour: '#d97706' });
  await new Promise((resolve) => setTimeout(resolve, 300));
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('logic model', () => {
  let alice: Page;
  let bob: Page;

  const INPUTS = ['Youth workers from both partners', 'Community hall two evenings a week'];
  const ACTIVITIES = ['Weekly drop-in sessions', 'Mentoring by trained volunteers', 'Summer skills workshops'];
  const OUTPUTS = ['40 drop-in sessions a year', '25 young people mentored', '6 workshops run'];
  const OUTCOMES = ['Young people feel more confident', 'Young people join local clubs'];

  it('starts from the template chooser and builds a small ESS model on the canvas', async () => {
    alice = await openBoard(board.links.edit, 'Alice Adams');
    await alice.getByRole('heading', { name: 'Start your logic model' }).waitFor();
    await alice.screenshot({ path: join(artifactsDir, 'logic-model-chooser.png') });
    await alice.getByRole('button', { name: 'Use ESS / Wisconsin' }).click();
    await alice.locator(`${OUTLINE} h3`, { hasText: 'Short-term outcomes' }).waitFor();
    const headings = await alice.$$eval(`${OUTLINE} h3`, (hs) => hs.map((h) => h.firstChild?.textContent?.trim()));
    expect(headings).toEqual([
      'Situation',
      'Inputs',
      'Activities',
      'Outputs',
      'Short-term outcomes',
      'Medium-term outcomes',
      'Long-term outcomes',
      'Assumptions',
      'External factors',
    ]);

    for (const text of INPUTS) await addCardOnCanvas(alice, 'inputs', text);
    for (const text of ACTIVITIES) await addCardOnCanvas(alice, 'activities', text);
    for (const text of OUTPUTS) await addCardOnCanvas(alice, 'outputs', text);
    for (const text of OUTCOMES) await addCardOnCanvas(alice, 'shortTermOutcomes', text);
    const cards = await outline(alice);
    expect(cards.map((c) => [c.column, c.text])).toEqual([
      ...INPUTS.map((t) => ['inputs', t]),
      ...ACTIVITIES.map((t) => ['activities', t]),
      ...OUTPUTS.map((t) => ['outputs', t]),
      ...OUTCOMES.map((t) => ['shortTermOutcomes', t]),
    ]);
    // Nothing is linked yet: every outcome lacks a path and every activity leads nowhere.
    const rules = await checkRules(alice);
    expect(rules.filter((r) => r === 'outcomeWithoutActivityPath')).toHaveLength(2);
    expect(rules.filter((r) => r === 'activityLeadsNowhere')).toHaveLength(3);
  });

  it('links the cards by dragging from their handles', async () => {
    await alice.keyboard.press('Escape');
    const links: [string, string][] = [
      [INPUTS[0]!, ACTIVITIES[0]!],
      [INPUTS[0]!, ACTIVITIES[1]!],
      [INPUTS[1]!, ACTIVITIES[2]!],
      [ACTIVITIES[0]!, OUTPUTS[0]!],
      [ACTIVITIES[1]!, OUTPUTS[1]!],
      [ACTIVITIES[2]!, OUTPUTS[2]!],
      [OUTPUTS[0]!, OUTCOMES[0]!],
      [OUTPUTS[1]!, OUTCOMES[0]!],
      [OUTPUTS[2]!, OUTCOMES[1]!],
    ];
    for (const [from, to] of links) await linkOnCanvas(alice, from, to);
    expect(await alice.locator('#lm-outline-title + .count').textContent()).toBe('10 cards · 9 links');

    // Dropping on the same card again is refused as a duplicate, and says so.
    await linkOnCanvas(alice, OUTPUTS[2]!, OUTCOMES[1]!);
    await alice.locator('.lm-notice', { hasText: 'already linked' }).waitFor();
    expect(await alice.locator('#lm-outline-title + .count').textContent()).toBe('10 cards · 9 links');

    // Every path is in place; what is left is who leads and how it is measured.
    const rules = await checkRules(alice);
    expect(rules).toEqual([...Array(3).fill('activityWithoutLead'), ...Array(5).fill('missingIndicator')]);
    expect(await alice.locator('.lm-check-summary').getAttribute('data-warnings')).toBe('3');
    expect(await alice.locator('.lm-check-summary').getAttribute('data-infos')).toBe('5');

    // Let ELK route the arrows, then select an outcome: its upstream pathway lights up.
    await alice.waitForTimeout(800);
    const outcome = await card(alice, OUTCOMES[0]!);
    const at = await canvasScreenPoint(alice, { x: outcome.box.x + 30, y: outcome.box.y + 12 });
    await alice.mouse.click(at.x, at.y);
    await alice.locator(`${OUTLINE} li[data-node-id="${outcome.id}"].selected`).waitFor();
    await alice.screenshot({ path: join(artifactsDir, 'logic-model-checks-open.png') });
  });

  it('clears the checks as indicators and lead partners are added, and a second editor sees it', async () => {
    bob = await openBoard(board.links.edit, 'Bob Brown');
    await waitFor(async () => (await outline(bob)).length === 10, { message: 'Bob sees the 10 cards' });
    expect((await card(bob, OUTPUTS[0]!)).leadsTo).toContain(OUTCOMES[0]);

    const select = async (text: string) => {
      const c = await card(alice, text);
      await alice.locator(`${OUTLINE} li[data-node-id="${c.id}"]`).click();
      await alice.getByRole('region', { name: 'Selected card' }).waitFor();
    };

    const indicators: Record<string, string> = {
      [OUTPUTS[0]!]: 'Sessions held, from the register',
      [OUTPUTS[1]!]: 'Mentoring pairs matched',
      [OUTPUTS[2]!]: 'Workshops delivered',
      [OUTCOMES[0]!]: '70% report more confidence after 3 months',
      [OUTCOMES[1]!]: 'Club membership a year on',
    };
    for (const [text, indicator] of Object.entries(indicators)) {
      await select(text);
      await alice.getByLabel('New indicator').fill(indicator);
      await alice.getByRole('button', { name: 'Add indicator' }).click();
      await waitFor(async () => !(await card(alice, text)).checks.includes('missingIndicator'), { message: `indicator on ${text}` });
    }
    expect((await checkRules(alice)).filter((r) => r === 'missingIndicator')).toEqual([]);

    const leads: Record<string, string> = {
      [ACTIVITIES[0]!]: 'Riverside Youth Trust',
      [ACTIVITIES[1]!]: 'Northside Council',
    };
    for (const [text, partner] of Object.entries(leads)) {
      await select(text);
      await alice.getByLabel('Lead partner', { exact: true }).selectOption({ label: partner });
      await waitFor(async () => (await card(alice, text)).lead === partner, { message: `lead on ${text}` });
    }
    // The third activity's lead is an organisation not on the board yet: add it from the picker.
    await select(ACTIVITIES[2]!);
    await alice.getByLabel('Lead partner', { exact: true }).selectOption({ label: 'Add partner…' });
    await alice.getByLabel('New partner name').fill('Eastgate Sports Club');
    await alice.getByRole('button', { name: 'Add', exact: true }).click();
    await waitFor(async () => (await card(alice, ACTIVITIES[2]!)).lead === 'Eastgate Sports Club', { message: 'new partner as lead' });

    await alice.getByTestId('checks-clear').waitFor();
    expect(await alice.locator('.lm-check-summary').textContent()).toContain('All checks clear');
    await alice.keyboard.press('Escape');
    await alice.locator('body').click({ position: { x: 5, y: 5 } });
    await alice.waitForTimeout(800);
    await alice.screenshot({ path: join(artifactsDir, 'logic-model.png') });

    // Bob's board shows the same clear model, live.
    await bob.getByTestId('checks-clear').waitFor();
    const bobCards = await outline(bob);
    expect(bobCards.filter((c) => c.column === 'activities').map((c) => c.lead)).toEqual(['Riverside Youth Trust', 'Northside Council', 'Eastgate Sports Club']);
    await bob.waitForTimeout(800);
    await bob.screenshot({ path: join(artifactsDir, 'logic-model-second-browser.png') });
  });

  it('reorders a card by dragging it and shows the pathway and the action plan', async () => {
    // Drag the third output above the first; Bob's outline follows.
    const third = await card(alice, OUTPUTS[2]!);
    const first = await card(alice, OUTPUTS[0]!);
    const grab = await canvasScreenPoint(alice, { x: third.box.x + 40, y: third.box.y + 14 });
    const drop = await canvasScreenPoint(alice, { x: first.box.x + 40, y: first.box.y + 6 });
    await alice.mouse.move(grab.x, grab.y);
    await alice.mouse.down();
    await alice.mouse.move(drop.x, drop.y, { steps: 12 });
    await alice.mouse.up();
    const order = async (page: Page) => (await outline(page)).filter((c) => c.column === 'outputs').map((c) => c.text);
    await waitFor(async () => (await order(alice))[0] === OUTPUTS[2], { message: 'drag reorder' });
    await waitFor(async () => JSON.stringify(await order(bob)) === JSON.stringify([OUTPUTS[2], OUTPUTS[0], OUTPUTS[1]]), { message: 'Bob sees the reorder' });

    // Auto-tidy puts it back where its links cross least.
    await alice.getByRole('button', { name: 'Auto-tidy' }).click();
    await waitFor(async () => JSON.stringify(await order(bob)) === JSON.stringify(OUTPUTS), { message: 'tidy restores the uncrossed order' });

    // Select an activity: everything downstream lights up.
    await alice.locator(`${OUTLINE} li[data-node-id="${(await card(alice, ACTIVITIES[1]!)).id}"]`).click();
    await alice.waitForTimeout(900);
    await alice.screenshot({ path: join(artifactsDir, 'logic-model-pathway.png') });

    // The action plan lists the activities, edits write back to the cards.
    await alice.getByRole('button', { name: 'Action plan' }).click();
    const plan = alice.getByRole('region', { name: 'Action plan' });
    await plan.waitFor();
    expect(await plan.locator('tbody tr[data-node-id]').count()).toBe(3);
    await plan.getByLabel(`Due date of ${ACTIVITIES[0]}`).fill('2020-01-31');
    await plan.locator('tr.overdue').waitFor();
    await plan.getByLabel(`Status of ${ACTIVITIES[1]}`).selectOption('in_progress');
    await waitFor(async () => (await bob.locator(`${OUTLINE} li[data-node-id="${(await card(bob, ACTIVITIES[1]!)).id}"]`).textContent())?.includes('In progress'), {
      message: 'status reaches Bob',
    });
    await plan.getByLabel('Filter by partner').selectOption({ label: 'Northside Council' });
    await waitFor(async () => (await plan.locator('tbody tr[data-node-id]').count()) === 1, { message: 'filter by partner' });
    await plan.getByLabel('Filter by partner').selectOption({ label: 'All partners' });
    await alice.screenshot({ path: join(artifactsDir, 'logic-model-action-plan.png') });
    await alice.getByRole('button', { name: 'Back to the model' }).click();
  });

  it('deletes a card with its links for everyone, and flags a backward link', async () => {
    const extra = 'Drop-in leaflet';
    await addCardOnCanvas(alice, 'outputs', extra);
    // Linked from the keyboard this time: the selected card's "Link this card to" finds the card by a word of it.
    await alice.locator(`${OUTLINE} li[data-node-id="${(await card(alice, ACTIVITIES[0]!)).id}"]`).click();
    const picker = alice.getByRole('combobox', { name: 'Link this card to' });
    await picker.focus();
    // With nothing typed it offers the next column's cards first (outputs, for an activity).
    const choices = alice.getByRole('listbox', { name: 'Cards to link to' }).getByRole('option');
    await waitFor(async () => (await choices.count()) > 0, { message: 'link choices offered' });
    expect(await choices.first().textContent()).toMatch(/^Outputs: /);
    await picker.pressSequentially('LEAFLET');
    await waitFor(async () => (await choices.allTextContents()).join('|') === `Outputs: ${extra}`, { message: 'the one matching card offered' });
    await picker.press('Enter');
    await alice.getByRole('status').filter({ hasText: `Linked to Outputs: ${extra}.` }).waitFor();
    await waitFor(async () => (await card(alice, ACTIVITIES[0]!)).leadsTo.includes(extra), { message: 'linked from the picker' });
    expect(await picker.inputValue()).toBe('');
    await waitFor(async () => (await card(bob, ACTIVITIES[0]!)).leadsTo.includes(extra), { message: 'Bob sees the link' });
    const row = alice.locator(`${OUTLINE} li[data-node-id="${(await card(alice, extra)).id}"]`);
    await row.focus();
    await alice.keyboard.press('Delete');
    await waitFor(async () => !(await outline(bob)).some((c) => c.text === extra), { message: 'card gone for Bob' });
    expect((await card(bob, ACTIVITIES[0]!)).leadsTo).not.toContain(extra);
    expect(await bob.locator('#lm-outline-title + .count').textContent()).toBe('10 cards · 9 links');

    // A link from an outcome back to an activity is allowed but flagged.
    await linkOnCanvas(alice, OUTCOMES[1]!, ACTIVITIES[2]!);
    await waitFor(async () => (await checkRules(bob)).includes('backwardLink'), { message: 'backward link flagged' });

    // An assumption is flagged until it is linked to the card it underpins.
    await addCardOnCanvas(alice, 'assumptions', 'Volunteers stay for a full year');
    await waitFor(async () => (await checkRules(alice)).includes('unlinkedAssumption'), { message: 'unlinked assumption flagged' });
    const assumption = await card(alice, 'Volunteers stay for a full year');
    const mentoring = await card(alice, ACTIVITIES[1]!);
    const from = await canvasScreenPoint(alice, { x: assumption.box.x + assumption.box.width / 2, y: assumption.box.y + 10 });
    const handle = await canvasScreenPoint(alice, { x: assumption.box.x + assumption.box.width, y: assumption.box.y + assumption.box.height / 2 });
    const to = await canvasScreenPoint(alice, { x: mentoring.box.x + 40, y: mentoring.box.y + 20 });
    await alice.mouse.move(from.x, from.y, { steps: 2 });
    await alice.mouse.move(handle.x - 1, handle.y, { steps: 2 });
    await alice.mouse.down();
    await alice.mouse.move(to.x, to.y, { steps: 10 });
    await alice.mouse.up();
    await waitFor(async () => !(await checkRules(bob)).includes('unlinkedAssumption'), { message: 'assumption linked' });
    await alice.keyboard.press('Escape');
    await alice.waitForTimeout(900);
    await alice.screenshot({ path: join(artifactsDir, 'logic-model-backward-and-assumption.png') });
    for (const [name, list] of errors) expect(list, `errors in ${name}'s page`).toEqual([]);
  });

  it('switches template only while no card would be hidden', async () => {
    const other = await createBoard(server, 'Kellogg board');
    const carol = await openBoard(other.links.edit, 'Carol Chen');
    await carol.getByRole('button', { name: 'Use Kellogg' }).click();
    await carol.locator(`${OUTLINE} h3`, { hasText: 'Impact' }).waitFor();
    // Empty: switching is free.
    await carol.getByLabel('Template').selectOption('ess');
    await carol.locator(`${OUTLINE} h3`, { hasText: 'Long-term outcomes' }).waitFor();
    await carol.getByLabel('Template').selectOption('kellogg');
    await carol.locator(`${OUTLINE} h3`, { hasText: 'Impact' }).waitFor();
    // An impact card has no place in ESS: the switch is refused with the reason.
    await addCardOnCanvas(carol, 'impact', 'Every young person in Riverside thrives');
    await carol.keyboard.press('Escape');
    await carol.getByLabel('Template').selectOption('ess');
    await carol.locator('.lm-notice', { hasText: 'Impact' }).waitFor();
    expect(await carol.getByLabel('Template').inputValue()).toBe('kellogg');
    await carol.waitForTimeout(300);
    await carol.screenshot({ path: join(artifactsDir, 'logic-model-kellogg.png') });
    expect(errors.get('Carol Chen')).toEqual([]);
  });
});
