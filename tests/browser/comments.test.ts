import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { canvasScreenPoint, joinBoard } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * A comment thread between two browsers: Ada comments on a stakeholder card,
 * Bo sees the pin on the card and an unread badge, replies with an @ mention,
 * Ada resolves the thread and Bo sees it resolved.
 */

const suite = browserSuite('comments');

async function cardCentre(page: Page, name: string): Promise<{ x: number; y: number }> {
  const row = page.locator('ul[aria-label="Stakeholders"] li[data-stakeholder-id]').filter({ hasText: name });
  const x = Number(await row.getAttribute('data-map-x'));
  const y = Number(await row.getAttribute('data-map-y'));
  return canvasScreenPoint(page, { x, y });
}

describe('comment threads', () => {
  it('comment on a stakeholder, pin and unread badge elsewhere, reply with a mention, resolve', async () => {
    const board = await createBoard(suite.server, 'Comments board');
    // The stakeholder comes from a stock Yjs client, placed on the grid.
    const pool = new ClientPool();
    const seed = pool.connect(suite.server, board.id, board.tokens.edit);
    await seed.synced();
    createRecord(seed.doc, 'stakeholders', { id: 'food-bank', name: 'Food bank', organisation: 'Food bank CIC', power: 3, interest: 3, attitude: 1 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    pool.destroyAll();

    const ada = await joinBoard(suite.browser, suite.server.url, board.links.owner, 'Ada Owner', { contexts: suite.contexts, errors: suite.errors });
    const bo = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Bo Editor', { contexts: suite.contexts, errors: suite.errors });

    // Ada: comment tool, click the card, write.
    await ada.getByRole('button', { name: 'Comments' }).click();
    await ada.getByRole('button', { name: 'New comment' }).click();
    const at = await cardCentre(ada, 'Food bank');
    await ada.mouse.click(at.x, at.y);
    const draft = ada.getByRole('dialog', { name: 'New comment' });
    await draft.getByRole('combobox', { name: 'Comment' }).fill('Who has a contact at the food bank?');
    await draft.getByRole('button', { name: 'Comment', exact: true }).click();
    await ada.locator('article.thread').getByText('Food bank (stakeholder)').waitFor();
    expect(await ada.locator('.comment-pin[data-pin-for="food-bank"]').count()).toBe(1);

    // Bo: the pin on the card and one unread thread.
    const pin = bo.locator('.comment-pin[data-pin-for="food-bank"]');
    await pin.waitFor({ timeout: 5000 });
    expect(await pin.getAttribute('class')).toContain('unread');
    await bo.locator('.unread-badge[data-unread="1"]').waitFor();
    // The pin sits on the card (its top-right corner).
    const pinBox = (await pin.boundingBox())!;
    const card = await cardCentre(bo, 'Food bank');
    expect(Math.abs(pinBox.x - card.x)).toBeLessThan(150);
    expect(Math.abs(pinBox.y - card.y)).toBeLessThan(150);

    // Bo opens it (read: the badge goes) and replies, mentioning Ada through the suggestions.
    await pin.click();
    const thread = bo.locator('article.thread');
    await thread.getByText('Who has a contact at the food bank?').waitFor();
    await bo.locator('.unread-badge').waitFor({ state: 'detached' });
    const replyField = thread.getByRole('combobox', { name: 'Reply' });
    await replyField.click();
    await replyField.pressSequentially('@Ad');
    await bo.getByRole('option', { name: '@Ada Owner' }).waitFor();
    await replyField.press('Enter');
    await replyField.pressSequentially('knows the manager');
    expect(await replyField.inputValue()).toBe('@Ada Owner knows the manager');
    await thread.getByRole('button', { name: 'Reply', exact: true }).click();
    await thread.getByText('Mentions Ada Owner').waitFor();

    // Ada sees the reply (her open thread) and resolves it.
    const adaThread = ada.locator('article.thread');
    await adaThread.getByText('@Ada Owner knows the manager').waitFor({ timeout: 5000 });
    await ada.screenshot({ path: join(suite.shots, 'comment-thread.png') });
    await adaThread.getByRole('button', { name: 'Resolve' }).click();

    // Bo sees it resolved; the open filter no longer lists it, the resolved one does.
    await bo.locator('article.thread[data-resolved="true"]').waitFor({ timeout: 5000 });
    await thread.getByText('Resolved', { exact: true }).waitFor();
    await thread.getByRole('button', { name: '← All threads' }).click();
    expect(await bo.locator('ul[aria-label="Comment threads"] li').count()).toBe(0);
    await bo.getByRole('radio', { name: 'Resolved' }).check();
    await bo.locator('ul[aria-label="Comment threads"] li[data-resolved="true"]').waitFor();
    // A resolved thread's pin is gone from the canvas.
    expect(await pin.count()).toBe(0);

    // And it can be reopened.
    await adaThread.getByRole('button', { name: 'Reopen' }).click();
    await waitFor(async () => (await bo.locator('ul[aria-label="Comment threads"] li').count()) === 0, { message: 'reopened thread leaves the resolved list' });

    // The context action: right-click on the card offers "Comment on Food bank"; on open canvas, "Comment here".
    const cardAt = await cardCentre(bo, 'Food bank');
    await bo.mouse.click(cardAt.x, cardAt.y, { button: 'right' });
    await bo.getByRole('menuitem', { name: 'Comment on Food bank (stakeholder)' }).waitFor();
    await bo.keyboard.press('Escape');
    const open = await canvasScreenPoint(bo, { x: -150, y: 300 });
    await bo.mouse.click(open.x, open.y, { button: 'right' });
    await bo.getByRole('menuitem', { name: 'Comment here' }).click();
    await bo.getByRole('dialog', { name: 'New comment' }).getByRole('combobox', { name: 'Comment' }).fill('Parking lot: funding questions');
    await bo.getByRole('dialog', { name: 'New comment' }).getByRole('button', { name: 'Comment', exact: true }).click();
    const spotPin = ada.locator('.comment-pin[data-pin-for=""]');
    await spotPin.waitFor({ timeout: 5000 });
    const spotBox = (await spotPin.boundingBox())!;
    const spot = await canvasScreenPoint(ada, { x: -150, y: 300 });
    expect(Math.abs(spotBox.x - spot.x)).toBeLessThan(30);
    expect(Math.abs(spotBox.y + spotBox.height - spot.y)).toBeLessThan(30);
    for (const [name, errors] of suite.errors) expect(errors, name).toEqual([]);
  });
});
