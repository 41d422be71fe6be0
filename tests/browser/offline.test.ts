import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, tempDataDir, type CreatedBoard, type RunningServer } from '../helpers/server';

/**
 * Building a theory of change over weeks means editing on a train: work done
 * while the server is unreachable must stay on screen, say "Offline", and
 * reach everyone once the connection is back, without duplicates.
 */

const LIST = 'ul[aria-label="Items on this board"]';

let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
const dataDir = tempDataDir();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();

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

beforeAll(async () => {
  server = await startServer({ dataDir });
  browser = await launchChromium();
  board = await createBoard(server, 'Theory of change');
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('working through an outage', () => {
  it('keeps edits made while the server is down and delivers them when it is back', async () => {
    const alice = await joinBoard(browser, server.url, board.links.edit, 'Alice Adams', { contexts, errors });
    const bob = await joinBoard(browser, server.url, board.links.edit, 'Bob Brown', { contexts, errors });
    await addNote(alice, 'Before the outage');
    await bob.waitForFunction((list) => document.querySelectorAll(`${list} li[data-item-id]`).length === 1, LIST);

    // The server crashes: both see "Offline", and Alice keeps working.
    await server.stop('SIGKILL');
    await alice.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
    await bob.locator('.connection[data-state="offline"]').waitFor({ timeout: 15_000 });
    await addNote(alice, 'Written on the train');
    expect(await noteTexts(alice)).toEqual(['Before the outage', 'Written on the train']);
    await alice.screenshot({ path: join(artifactsDir, 'board-offline.png') });

    // The server comes back on the same address with the same data.
    server = await startServer({ dataDir, port: server.port });
    await alice.locator('.connection[data-state="live"]').waitFor({ timeout: 20_000 });
    await bob.locator('.connection[data-state="live"]').waitFor({ timeout: 20_000 });
    await bob.waitForFunction((list) => document.querySelectorAll(`${list} li[data-item-id]`).length === 2, LIST, { timeout: 10_000 });
    expect(await noteTexts(bob)).toEqual(['Before the outage', 'Written on the train']);

    // A newcomer after the outage gets both notes once, from the server's copy.
    const carol = await joinBoard(browser, server.url, board.links.view, 'Carol Chen', { contexts, errors });
    await carol.waitForFunction((list) => document.querySelectorAll(`${list} li[data-item-id]`).length === 2, LIST);
    expect(await noteTexts(carol)).toEqual(['Before the outage', 'Written on the train']);
    // Only page errors count: the browser logs failed reconnection attempts while the server is down.
    for (const [name, list] of errors) expect(list.filter((e) => !e.startsWith('console:')), `errors in ${name}'s page`).toEqual([]);
  });
});
