import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinBoard } from '../helpers/browser';
import { browserSuite } from '../helpers/suite';
import { createBoard } from '../helpers/server';

/**
 * A new stakeholder is "not assessed" for sector, ring and attitude until someone
 * says otherwise; its salience follows power and interest; the legend counts the
 * ones not assessed. Steps as a facilitator takes them.
 */

const suite = browserSuite('usability');
const { contexts, errors } = suite;

async function selected(page: Page, label: string): Promise<string> {
  return page.getByRole('combobox', { name: label, exact: true }).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
}

describe('stakeholder defaults', () => {
  it('a new stakeholder starts not assessed; salience follows power and interest; the legend counts it', async () => {
    const board = await createBoard(suite.server, 'Defaults');
    const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts, errors });
    const entry = page.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await entry.pressSequentially('Riverside Council');
    await page.keyboard.press('Enter');
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Riverside Council' }).click();
    const editor = page.locator('.sm-editor');
    await editor.waitFor();
    await page.getByRole('combobox', { name: 'Power', exact: true }).selectOption('4');
    await page.getByRole('combobox', { name: 'Interest', exact: true }).selectOption('4');
    await page.getByRole('combobox', { name: 'Colour by' }).selectOption('sector');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(suite.shots, 'item3-not-assessed.png') });

    expect(await selected(page, 'Sector')).toBe('Not assessed');
    expect(await selected(page, 'Onion ring')).toBe('Not assessed');
    expect(await selected(page, 'Attitude')).toBe('Not assessed');
    await expect.poll(() => editor.locator('[data-salience]').textContent()).toContain('Dominant');
    expect(await editor.locator('[data-salience]').textContent()).not.toContain('Non-stakeholder');
    const row = page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Riverside Council' });
    expect(await row.getAttribute('data-ring')).toBe('unassessed');

    const notAssessed = page.locator('[aria-label="Legend: Sector"] li[data-value="none"]');
    expect(await notAssessed.locator('.sm-legend-label').textContent()).toBe('Not assessed');
    expect(await notAssessed.locator('.sm-legend-count').textContent()).toBe('1');

    // Assessing it moves it out of "not assessed".
    await page.getByRole('combobox', { name: 'Sector', exact: true }).selectOption('public');
    await expect.poll(() => notAssessed.locator('.sm-legend-count').textContent()).toBe('0');
    expect(await page.locator('[aria-label="Legend: Sector"] li[data-value="public"] .sm-legend-count').textContent()).toBe('1');
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
