import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { joinBoard } from '../helpers/browser';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';

/**
 * A board link can name the tab it opens on (`&view=`), the address follows the
 * tab a person switches to (token kept), and a board opened again on this
 * device without a tab in its link reopens where the person left it.
 */
const suite = browserSuite('board-view-link');
const { contexts, errors } = suite;
let board: CreatedBoard;

const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.slice(1));

beforeAll(async () => {
  board = await createBoard(suite.server, 'Tabs in links');
});

describe('the tab in a board link', () => {
  it('opens the tab a link names; the address follows the tab; the board reopens where it was left', async () => {
    const { server, browser } = suite;
    const page = await joinBoard(browser, server.url, `${board.links.edit}&view=logic-model`, 'Tess Tabs', { contexts, errors });
    expect(await selectedTab(page)).toBe('tab-logic-model');

    await page.locator('#tab-skills-matrix').click();
    await expect.poll(() => hashParams(page).get('view')).toBe('skills-matrix');
    expect(hashParams(page).get('t')).toBe(new URLSearchParams(new URL(board.links.edit, server.url).hash.slice(1)).get('t'));

    await page.reload();
    await page.locator('#tab-skills-matrix[aria-selected="true"]').waitFor();

    // The plain link, without a tab: this device remembers the last one open on this board.
    await page.goto(new URL(board.links.edit, server.url).href);
    await page.locator('#tab-skills-matrix[aria-selected="true"]').waitFor();
    // A link naming an unknown tab opens as if it named none.
    await page.goto(new URL(`${board.links.edit}&view=nowhere`, server.url).href);
    await page.locator('#tab-skills-matrix[aria-selected="true"]').waitFor();

    // Someone else, on another device, with the plain link: the stakeholder map.
    const other = await joinBoard(browser, server.url, board.links.edit, 'Oli Other', { contexts, errors });
    expect(await selectedTab(other)).toBe('tab-stakeholder-map');
  });

  it('raised no page errors', () => {
    for (const [who, list] of errors) expect(list, who).toEqual([]);
  });
});
