import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { createRecord } from '@pc/shared';
import { joinBoard } from '../helpers/browser';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, type SyncClient } from '../helpers/sync';

/**
 * A long stakeholder list counts every record with the map's first frame and
 * lists its rows in idle steps after it: every record written by another
 * program ends up listed once, in order, changes made while it fills included,
 * and a key that moves past the rows listed so far still lands.
 */
const suite = browserSuite('stakeholder-list-large');
const { contexts, errors } = suite;
const pool = new ClientPool();
let board: CreatedBoard;
let writer: SyncClient;
const LIST = 'ul[aria-label="Stakeholders"]';
const COUNT = 3000;

const name = (i: number) => `Group ${String(i).padStart(4, '0')}`;

async function listedNames(page: Page): Promise<string[]> {
  return page.$$eval(`${LIST} li[data-stakeholder-id]`, (lis) => lis.map((li) => li.querySelector('.sm-name')?.textContent ?? ''));
}

/** Runs in the page: waits for the list's first rows, focuses the first and presses End on it in the same task. */
function pressEndOnFirstRows(list: string): void {
  const observer = new MutationObserver(() => {
    const first = document.querySelector<HTMLElement>(`${list} li[data-stakeholder-id]`);
    if (!first) return;
    observer.disconnect();
    const listed = document.querySelectorAll(`${list} li[data-stakeholder-id]`).length;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, cancelable: true }));
    const focused = document.activeElement?.querySelector('.sm-name')?.textContent ?? '';
    (window as unknown as { __endPressed: unknown }).__endPressed = { listed, focused };
  });
  observer.observe(document, { childList: true, subtree: true });
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Long stakeholder list');
  writer = pool.connect(suite.server, board.id, board.tokens.owner);
  await writer.synced();
  const doc = writer.doc as Y.Doc;
  doc.transact(() => {
    for (let i = 0; i < COUNT; i++) createRecord(doc, 'stakeholders', { id: `s-${i}`, name: name(i), power: i % 5, interest: (i * 7) % 5, placed: true });
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
});

afterAll(() => pool.destroyAll());

describe('a long stakeholder list', () => {
  it('counts every record at once, lists them all in order, changes made while it fills included', async () => {
    const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Lena List', { contexts, errors });
    await page.waitForFunction(([list, n]) => Number(document.querySelector(list)?.getAttribute('data-count')) === n, [LIST, COUNT] as const);
    // Another participant renames the last group to the front of the order and removes one while the rows fill in.
    const doc = writer.doc as Y.Doc;
    doc.transact(() => {
      (doc.getMap('stakeholders').get(`s-${COUNT - 1}`) as Y.Map<unknown>).set('name', 'Aaron Trust');
      doc.getMap('stakeholders').delete('s-5');
    });
    await page.waitForFunction(([list, n]) => document.querySelectorAll(`${list} li[data-stakeholder-id]`).length === n && Number(document.querySelector(list)?.getAttribute('data-count')) === n, [LIST, COUNT - 1] as const, { timeout: 15_000 });
    const names = await listedNames(page);
    const expected = ['Aaron Trust', ...Array.from({ length: COUNT - 1 }, (_, i) => name(i)).filter((n) => n !== name(5))];
    expect(names).toEqual(expected);
    // Every row sits in a chunk, and no chunk is empty.
    const chunks = await page.$$eval(`${LIST} > .sm-chunk`, (divs) => divs.map((div) => div.children.length));
    expect(chunks.every((n) => n > 0)).toBe(true);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(COUNT - 1);
    await page.locator(LIST).evaluate((list) => list.scrollTo(0, list.scrollHeight / 2));
    await page.screenshot({ path: join(suite.shots, 'long-list.png') });
  });

  it('moves focus to the last row with End while the list is still filling', async () => {
    const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Kai Keys', { contexts, errors });
    // On the next load, as soon as the first rows are listed (before any idle step can add
    // more): focus the first row and press End on it.
    await page.addInitScript(`(${pressEndOnFirstRows.toString()})(${JSON.stringify(LIST)})`);
    await page.reload();
    const result = (await (await page.waitForFunction(() => (window as unknown as { __endPressed?: unknown }).__endPressed, undefined, { timeout: 15_000 })).jsonValue()) as { listed: number; focused: string };
    expect(result.listed).toBeLessThan(COUNT - 1);
    expect(result.focused).toBe(name(COUNT - 2));
  });

  it('raised no page errors', () => {
    for (const [who, list] of errors) expect(list, who).toEqual([]);
  });
});
