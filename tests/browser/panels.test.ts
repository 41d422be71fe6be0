import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type RunningServer } from '../helpers/server';

/**
 * Panels behave alike: Escape closes each of them wherever the focus is; the
 * communications plan is opaque over the canvas; an empty editable cell looks
 * editable (a dashed box with a prompt).
 */

let server: RunningServer;
let browser: Browser;
let page: Page;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  const board = await createBoard(server, 'Panels');
  page = await joinBoard(browser, server.url, board.links.edit, 'Fiona', { contexts, errors });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
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
    await page.screenshot({ path: join(shots, 'item4-comms-plan.png') });
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
    await page.screenshot({ path: join(shots, 'item4-action-plan-open.png') });
    await page.keyboard.press('Escape');
    await plan.waitFor({ state: 'detached', timeout: 3000 });
    await page.screenshot({ path: join(shots, 'item4-action-plan-escaped.png') });
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
