import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifactsDir, launchChromium } from '../helpers/browser';
import { freePort, startServer, type RunningServer } from '../helpers/server';

/**
 * The facilitator's share screen, end to end in Chromium against the real
 * server with its real Content-Security-Policy: the app loads every board with
 * no CSP violation, the owner opens "Share and access", copies a link, sees
 * its QR code, replaces the edit link (a partner on the old link is shut out),
 * and deletes the board.
 */

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** CSP violations by page, from both the DOM event and Chromium's console report. */
const violations: string[] = [];

async function newPage(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  contexts.push(context);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await context.newPage();
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${name}: ${message.text()}`);
  });
  return page;
}

async function joinAs(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join board' }).click();
  await page.locator('.connection[data-state="live"], .connection[data-state="read-only"]').waitFor({ timeout: 15_000 });
}

beforeAll(async () => {
  // Share links on the address the browser uses, so "Open" stays on this origin (and its localStorage).
  const port = await freePort();
  server = await startServer({ port, env: { PUBLIC_URL: `http://127.0.0.1:${port}` } });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await server?.dispose();
});

describe('Share and access', () => {
  it('lets the facilitator share, show a QR code, replace a link and delete the board, with no CSP violation', async () => {
    const owner = await newPage('owner');
    await owner.goto(server.url);
    await owner.getByLabel('Board title').fill('Riverside Youth Partnership');
    await owner.getByRole('button', { name: 'Create board' }).click();
    const created = owner.locator('ul[aria-label="Share links"]');
    const oldEditLink = await created.getByLabel('Edit link URL').inputValue();
    await created.locator('li[data-role="owner"]').getByRole('link', { name: 'Open' }).click();
    await joinAs(owner, 'Fiona');
    // Content in the side list (its rows are rendered as HTML with style attributes).
    const entry = owner.getByLabel('Add stakeholders, one name per line');
    await entry.pressSequentially('City Council');
    await entry.press('Enter');
    await owner.locator('ul[aria-label="Stakeholders"]').getByText('City Council').first().waitFor();
    // Every board, so the policy is tried against each one's code (the logic model lays out with ELK).
    for (const tab of ['Skills matrix', 'Logic model', 'Stakeholder map']) {
      await owner.getByRole('tab', { name: tab }).click();
      await owner.waitForTimeout(400);
    }

    // A partner joins with the edit link.
    const partner = await newPage('partner');
    await partner.goto(oldEditLink);
    await joinAs(partner, 'Gareth');

    const shareButton = owner.getByRole('button', { name: 'Share', exact: true });
    await shareButton.click();
    const dialog = owner.getByRole('dialog', { name: 'Share and access' });
    await dialog.waitFor();
    const rows = dialog.locator('ul[aria-label="Links to this board"] > li');
    expect(await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-role')))).toEqual(['owner', 'edit', 'view']);
    await expect.poll(() => dialog.getByText('Full control').count()).toBe(1);
    expect(await dialog.getByLabel('Edit link URL').inputValue()).toBe(oldEditLink);

    // The QR code of the edit link is drawn (a real image, not a placeholder).
    const qr = dialog.getByRole('img', { name: 'QR code of the edit link' });
    await qr.waitFor();
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 100)).toBe(true);

    // Copy puts the link on the clipboard.
    await dialog.locator('li[data-role="view"]').getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText('View link copied.').waitFor();
    const viewLink = await dialog.getByLabel('View link URL').inputValue();
    expect(await owner.evaluate(() => navigator.clipboard.readText())).toBe(viewLink);

    // Focus stays inside the dialog however far Tab goes.
    for (let i = 0; i < 25; i++) await owner.keyboard.press('Tab');
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
    await owner.screenshot({ path: join(artifactsDir, 'share-dialog.png') });

    // Replace the edit link: the partner on the old one is shut out at once.
    await dialog.locator('li[data-role="edit"]').getByRole('button', { name: 'Replace edit link…' }).click();
    await dialog.getByRole('button', { name: 'Replace link' }).click();
    await dialog.getByText('Edit link replaced. The old one no longer works.').waitFor();
    const newEditLink = await dialog.getByLabel('Edit link URL').inputValue();
    expect(newEditLink).not.toBe(oldEditLink);
    expect(new URL(newEditLink).pathname).toBe(new URL(oldEditLink).pathname);
    await partner.getByRole('heading', { name: 'Cannot open this board' }).waitFor({ timeout: 10_000 });
    await partner.screenshot({ path: join(artifactsDir, 'share-old-link-refused.png') });
    const boardId = new URL(oldEditLink).pathname.split('/')[2]!;
    const oldToken = new URL(oldEditLink).hash.slice(3);
    const api = (token: string) => fetch(`${server.url}/api/boards/${boardId}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await api(oldToken)).status).toBe(403);
    expect((await api(new URL(newEditLink).hash.slice(3))).status).toBe(200);

    // The room-screen QR code, then Escape twice: back to the dialog, then closed, focus back on Share.
    await dialog.getByRole('button', { name: 'Show on room screen' }).click();
    await owner.getByRole('img', { name: 'Large QR code of the edit link' }).waitFor();
    await owner.screenshot({ path: join(artifactsDir, 'share-room-screen.png') });
    await owner.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Show on room screen' }).waitFor();
    await owner.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await owner.evaluate(() => document.activeElement?.textContent)).toBe('Share');

    // A new partner with the new link gets in.
    const newcomer = await newPage('newcomer');
    await newcomer.goto(newEditLink);
    await joinAs(newcomer, 'Hana');

    // Replacing the facilitator's own link reopens this board with the new one: never locked out.
    const ownerHash = new URL(owner.url()).hash;
    await shareButton.click();
    await dialog.locator('li[data-role="owner"]').getByRole('button', { name: 'Replace facilitator link…' }).click();
    await dialog.getByRole('button', { name: 'Replace link' }).click();
    await owner.waitForFunction((old) => location.hash !== old, ownerHash);
    await owner.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    expect((await api(ownerHash.slice(3))).status).toBe(403);
    expect(await api(new URL(owner.url()).hash.slice(3)).then((res) => res.json())).toMatchObject({ role: 'owner' });

    // Delete the board: the button waits for the typed title.
    await shareButton.click();
    await dialog.getByText('Delete this board').click();
    const remove = dialog.getByRole('button', { name: 'Delete board for everyone' });
    expect(await remove.isDisabled()).toBe(true);
    await dialog.getByLabel('Type Riverside Youth Partnership to confirm').fill('Riverside');
    expect(await remove.isDisabled()).toBe(true);
    await dialog.getByLabel('Type Riverside Youth Partnership to confirm').fill('Riverside Youth Partnership');
    await remove.click();
    await owner.waitForURL(`${server.url}/`);
    await owner.getByRole('heading', { name: 'Recently opened' }).waitFor();
    expect(await owner.locator(`li[data-board-id="${boardId}"]`).count()).toBe(0);
    await newcomer.getByRole('heading', { name: 'Cannot open this board' }).waitFor({ timeout: 10_000 });
    expect((await api(new URL(newEditLink).hash.slice(3))).status).toBe(404);

    expect(violations).toEqual([]);
  });

  it('shows an editor only the links they hold, without replace or delete', async () => {
    const res = await fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Editors only' }) });
    const board = (await res.json()) as { links: Record<string, string> };
    const page = await newPage('editor');
    await page.goto(board.links.edit!);
    await joinAs(page, 'Ed');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and access' });
    await dialog.getByLabel('Edit link URL').waitFor();
    expect(await dialog.locator('ul[aria-label="Links to this board"] > li').count()).toBe(1);
    expect(await dialog.getByText(/Replace|Delete/).count()).toBe(0);
    await dialog.getByRole('img', { name: 'QR code of the edit link' }).waitFor();
    expect(violations).toEqual([]);
  });
});
