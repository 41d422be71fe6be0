import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clusterEnv } from '../helpers/cluster';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, freePort, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { availablePostgres, availableRedis, dropSchema } from '../helpers/services';

/**
 * A workshop on a deployment of several nodes: when the node a facilitator's
 * page syncs with dies, the page moves to another node of WS_URLS on its own,
 * comes back live and keeps sharing edits with people on the other node.
 */

const LIST = 'ul[aria-label="Items on this board"]';
const databaseUrl = await availablePostgres();
const redisUrl = await availableRedis();

const nodes: RunningServer[] = [];
let browser: Browser;
let board: CreatedBoard;
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const cluster = clusterEnv(databaseUrl ?? '', redisUrl ?? '');

async function noteTexts(page: Page): Promise<string[]> {
  return (await page.$$eval(`${LIST} li[data-item-id] .item-text`, (spans) => spans.map((s) => s.textContent ?? ''))).sort();
}

async function addNote(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Add note' }).click();
  const editor = page.getByRole('textbox', { name: 'Note text' });
  await editor.waitFor();
  await editor.pressSequentially(text);
  await page.keyboard.press('Control+Enter');
  await editor.waitFor({ state: 'detached' });
}

describe.skipIf(!databaseUrl || !redisUrl)('a page fails over to another node', () => {
  beforeAll(async () => {
    const ports = [await freePort(), await freePort()];
    const env = {
      ...cluster.env,
      WS_URLS: ports.map((port) => `ws://127.0.0.1:${port}/ws`).join(','),
      // Share links name localhost (the default PUBLIC_URL); the nodes' own list names 127.0.0.1.
      ALLOWED_ORIGINS: ports.flatMap((port) => [`http://127.0.0.1:${port}`, `http://localhost:${port}`]).join(','),
    };
    for (const [index, port] of ports.entries()) nodes.push(await startServer({ port, env: { ...env, NODE_ID: `page${index}` } }));
    browser = await launchChromium();
    board = await createBoard(nodes[0]!, 'Riverside Youth Partnership');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await Promise.all(nodes.map((node) => node.stop('SIGKILL')));
    if (databaseUrl) await dropSchema(databaseUrl, cluster.schema);
  });

  it('reconnects to the next node when its node is killed, and keeps sharing edits', async () => {
    const fiona = await joinBoard(browser, nodes[0]!.url, board.links.edit, 'Fiona Facilitator', { contexts, errors });
    const sam = await joinBoard(browser, nodes[1]!.url, board.links.edit, 'Sam Steward', { contexts, errors });
    await addNote(fiona, 'Before the node died');
    await sam.waitForFunction((list) => document.querySelectorAll(`${list} li[data-item-id]`).length === 1, LIST, { timeout: 10_000 });

    await nodes[0]!.stop('SIGKILL');
    // Fiona's page was served by the dead node; it finds the other node by itself.
    await fiona.locator('.connection[data-state="live"]').waitFor({ timeout: 20_000 });
    await fiona.waitForFunction(() => document.querySelector('.connection')?.getAttribute('data-state') === 'live');
    await addNote(fiona, 'After the failover');
    await addNote(sam, 'From the other node');
    for (const page of [fiona, sam]) {
      await page.waitForFunction((list) => document.querySelectorAll(`${list} li[data-item-id]`).length === 3, LIST, { timeout: 15_000 });
      expect(await noteTexts(page)).toEqual(['After the failover', 'Before the node died', 'From the other node']);
    }
    await fiona.screenshot({ path: join(artifactsDir, 'cluster-failover.png') });
    for (const [name, list] of errors) expect(list.filter((e) => !e.startsWith('console:')), `errors in ${name}'s page`).toEqual([]);
  }, 90_000);
});
