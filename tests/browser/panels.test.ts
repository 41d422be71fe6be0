import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinBoard } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { createBoard } from '../helpers/server';

/**
 * Panels behave alike: Escape closes each of them wherever the focus is; the
 * communications plan is opaque over the canvas; an empty editable cell looks
 * editable (a dashed box with a prompt).
 */

const suite = browserSuite('usability');
const { contexts, errors } = suite;
let page: Page;

beforeAll(async () => {
  const board = await createBoard(suite.server, 'Panels');
  page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts, errors });
});

describe('panels', () => {
  it('the communications plan is opaque, shows empty cells as editable, and Escape closes it', async () => {
    const entry = page.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await entry.pressSequentially('Riverside Council');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Place all' }).click().catch(() => {});
    await page.getByRole('button', { name: 'Communications plan' }).click();
    const plan = page.getByRole('region', { name: 'Communications plan' });
    await plan.waitFor();
    await page.screenshot({ path: join(suite.shots, 'item4-comms-plan.png') });
    const background = await plan.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(255, 255, 255)');
    const channel = page.getByRole('combobox', { name: 'Channel for Riverside Council' });
    expect(await channel.getAttribute('placeholder')).toBe('Add a channel');
    expect(await channel.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('dashed');

    // Escape in the field keeps the typed channel and leaves the field; the next Escape closes the plan.
    await channel.click();
    await channel.pressSequentially('Email');
    await page.keyboard.press('Escape');
    expect(await plan.isVisible()).toBe(true);
    expect(await channel.inputValue()).toBe('Email');
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached' });
  });

  it('Escape closes the filter panel', async () => {
    await page.getByRole('button', { name: 'Filter' }).click();
    const filter = page.getByRole('group', { name: 'Filter stakeholders' });
    await filter.waitFor();
    await page.keyboard.press('Escape');
    await filter.waitFor({ state: 'detached' });
  });

  it('Escape closes the action plan', async () => {
    await page.getByRole('tab', { name: 'Logic model' }).click();
    await page.getByRole('button', { name: 'Use Kellogg' }).click();
    await page.getByRole('button', { name: 'Action plan' }).click();
    const plan = page.getByRole('region', { name: 'Action plan' });
    await plan.waitFor();
    await page.screenshot({ path: join(suite.shots, 'item4-action-plan-open.png') });
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached', timeout: 3000 });
    await page.screenshot({ path: join(suite.shots, 'item4-action-plan-escaped.png') });
  });

  it('Escape closes the add-row form on the matrix', async () => {
    await page.getByRole('tab', { name: 'Skills matrix' }).click();
    await page.getByRole('button', { name: '+ Add row' }).click();
    const form = page.getByRole('form', { name: 'Add row' });
    await form.waitFor();
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
