import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import * as Y from 'yjs';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * A large logic model (2,500 activities written by a stock y-websocket client)
 * is checked after the frame that shows it rather than before: the toolbar and
 * the checks panel say "Checking" rather than "all clear" until the report is
 * there, then show its counts; an edit on the board is checked the same way.
 */

const ACTIVITIES = 2_500;

/** Errors, warnings and notes the toolbar's check summary counts. */
async function checkTotal(summary: Locator): Promise<number> {
  const values = await Promise.all(['data-errors', 'data-warnings', 'data-infos'].map((name) => summary.getAttribute(name)));
  return values.reduce((sum, value) => sum + Number(value ?? 0), 0);
}

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'A large logic model');
  const tool = pool.connect(server, board.id, board.tokens.edit);
  await tool.synced();
  tool.doc.transact(() => {
    tool.doc.getMap('meta').set('logicTemplate', 'kellogg');
    const nodes = tool.doc.getMap<Y.Map<unknown>>('logicNodes');
    for (let i = 0; i < ACTIVITIES; i++) {
      const id = `act-${i}`;
      nodes.set(id, new Y.Map<unknown>(Object.entries({ id, column: 'activities', text: `Activity ${i + 1}` })));
    }
  });
  await waitFor(() => tool.provider.wsconnected && tool.doc.getMap('logicNodes').size === ACTIVITIES, { message: 'records written' });
  await new Promise((resolve) => setTimeout(resolve, 500));
}, 60_000);

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('checks of a large logic model', () => {
  it('come after the model is drawn, never as a false "all clear", and follow an edit', async () => {
    const page = await joinBoard(browser, server.url, board.links.edit, 'Alice Adams', { contexts, errors, viewport: { width: 1440, height: 900 } });
    await page.getByRole('tab', { name: 'Logic model' }).click();
    const summary = page.locator('.lm-check-summary');
    // Every activity lacks a lead partner: one warning or error each at least.
    const counted = await waitFor(async () => {
      const total = await checkTotal(summary);
      return (await summary.getAttribute('aria-busy')) === 'false' && total >= ACTIVITIES ? total : undefined;
    }, { message: 'the report of every card', timeout: 30_000 });
    expect(await summary.textContent()).not.toContain('All checks clear');
    expect(await page.getByTestId('checks-running').count()).toBe(0);
    expect(await page.getByTestId('checks-clear').count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'logic-model-large-checked.png') });

    // Another tool adds one more activity: its findings join the counts.
    const tool = pool.connect(server, board.id, board.tokens.edit);
    await tool.synced();
    tool.doc.getMap<Y.Map<unknown>>('logicNodes').set('act-extra', new Y.Map<unknown>(Object.entries({ id: 'act-extra', column: 'activities', text: 'One more' })));
    await waitFor(async () => (await checkTotal(summary)) > counted, { message: 'the new card checked', timeout: 30_000 });
    expect(errors.get('Alice Adams') ?? []).toEqual([]);
  });
});
