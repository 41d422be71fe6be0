import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type RunningServer } from '../helpers/server';

/**
 * A logic model with no cards has nothing to check: right after a template is
 * chosen it says so and what to add first, never "All checks clear". Once a card
 * exists the checks speak as usual.
 */

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('an empty logic model', () => {
  it('says "Nothing to check yet" and what to add first, then checks the first card', async () => {
    const board = await createBoard(server, 'Empty model');
    const page = await joinBoard(browser, server.url, board.links.edit, 'Fiona', { contexts, errors });
    await page.getByRole('tab', { name: 'Logic model' }).click();
    await page.getByRole('button', { name: 'Use Kellogg' }).click();
    const summary = page.locator('.lm-check-summary');
    await summary.waitFor();
    await page.screenshot({ path: join(shots, 'item2-empty-checks.png') });
    expect(await summary.textContent()).toContain('Nothing to check yet');
    expect(await summary.textContent()).not.toContain('All checks clear');
    const panel = page.locator('section.lm-checks');
    expect(await panel.textContent()).toContain('Nothing to check yet');
    expect(await panel.textContent()).toContain('Add the change you want to see under Outcomes, then the work that brings it about under Activities.');
    expect(await panel.textContent()).not.toMatch(/No problems found|all clear/i);

    // The first outcome: now there is something to check.
    await page.getByRole('button', { name: 'Add a card to Outcomes' }).click();
    await page.locator('textarea.lm-card-editor').pressSequentially('Young people feel safer');
    await page.keyboard.press('Enter');
    await summary.filter({ hasText: 'warning' }).waitFor();
    expect(await panel.textContent()).not.toContain('Nothing to check yet');
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
