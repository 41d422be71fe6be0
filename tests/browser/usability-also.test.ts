import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinBoard } from '../helpers/browser';
import { createBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { waitFor } from '../helpers/sync';

/**
 * Smaller workshop stumbles, each as the person's own steps: a viewer who does
 * not want to give a name, a pasted list of names, a stakeholder promoted twice,
 * and a skills question nobody can answer yet.
 */

const suite = browserSuite('usability');

async function peerNames(page: import('playwright-core').Page): Promise<string[]> {
  return page.$$eval('ul[aria-label="People here"] .peer-name', (els) => els.map((el) => el.textContent ?? ''));
}

async function stakeholderNames(page: import('playwright-core').Page): Promise<string[]> {
  return page.$$eval('ul[aria-label="Stakeholders"] li[data-stakeholder-id] .sm-name', (els) => els.map((el) => el.textContent ?? ''));
}

/** A new board, joined as Fiona, with one stakeholder typed into the entry box. */
async function boardWithStakeholder(title: string, name: string): Promise<import('playwright-core').Page> {
  const board = await createBoard(suite.server, title);
  const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts: suite.contexts, errors: suite.errors });
  const entry = page.getByLabel('Add stakeholders, one name per line');
  await entry.click();
  await entry.pressSequentially(name);
  await entry.press('Enter');
  await waitFor(async () => (await stakeholderNames(page)).includes(name), { message: `${name} is added` });
  return page;
}

describe('workshop usability, smaller points', () => {
  it('a viewer skips the name prompt once, and the others see "Viewer"', async () => {
    const board = await createBoard(suite.server, 'Youth safety workshop');
    const fiona = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts: suite.contexts, errors: suite.errors });

    const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    suite.contexts.push(context);
    const viewer = await context.newPage();
    await viewer.goto(new URL(board.links.view, suite.server.url).href);
    const dialog = viewer.getByRole('dialog', { name: 'Join the board' });
    await dialog.getByRole('button', { name: 'Skip, appear as Viewer' }).waitFor();
    await viewer.screenshot({ path: join(suite.shots, 'also1-viewer-skip-offered.png') });
    await dialog.getByRole('button', { name: 'Skip, appear as Viewer' }).click();
    await viewer.locator('.connection[data-state="read-only"]').waitFor({ timeout: 15_000 });
    expect(await viewer.getByRole('dialog').count()).toBe(0);
    await waitFor(async () => (await peerNames(viewer)).includes('Viewer (you)'), { message: 'the viewer sees themself as Viewer' });
    await waitFor(async () => (await peerNames(fiona)).includes('Viewer'), { message: 'Fiona sees a Viewer on the board' });
    await fiona.screenshot({ path: join(suite.shots, 'also1-editor-sees-viewer.png') });

    // The room screen reloads: it is not asked again, and stays "Viewer".
    await viewer.reload();
    await viewer.locator('.connection[data-state="read-only"]').waitFor({ timeout: 15_000 });
    await waitFor(async () => (await peerNames(viewer)).includes('Viewer (you)'), { message: 'still Viewer after a reload' });
    expect(await viewer.getByRole('dialog').count()).toBe(0);
    // On the same device, an edit link still asks for a name.
    const editOnSameDevice = await context.newPage();
    await editOnSameDevice.goto(new URL(board.links.edit, suite.server.url).href);
    await editOnSameDevice.getByRole('dialog', { name: 'Join the board' }).getByRole('button', { name: 'Join board' }).waitFor();
    await editOnSameDevice.close();

    // An editor is not offered the skip: their name goes on what they write.
    const editorContext = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    suite.contexts.push(editorContext);
    const editor = await editorContext.newPage();
    await editor.goto(new URL(board.links.edit, suite.server.url).href);
    await editor.getByRole('dialog', { name: 'Join the board' }).getByRole('button', { name: 'Join board' }).waitFor();
    expect(await editor.getByRole('button', { name: 'Skip, appear as Viewer' }).count()).toBe(0);
  });

  it('a pasted list of eight names offers "Add these 8", and one click adds them all', async () => {
    const board = await createBoard(suite.server, 'Stakeholder list');
    const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts: suite.contexts, errors: suite.errors });
    const names = ['Riverside Council', 'Youth Forum', 'Police Scotland', 'NHS Lothian', 'Safer Streets Trust', 'Parents Network', 'Schools Partnership', 'Local Press'];
    const entry = page.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await page.keyboard.insertText(names.join('\n'));
    const addAll = page.getByRole('button', { name: 'Add these 8' });
    await addAll.waitFor();
    await page.screenshot({ path: join(suite.shots, 'also2-add-these-8.png') });
    await addAll.click();
    await waitFor(async () => (await stakeholderNames(page)).length === 8, { message: 'all eight names are in the list' });
    expect((await stakeholderNames(page)).sort()).toEqual([...names].sort());
    expect(await entry.inputValue()).toBe('');
    expect(await page.locator('#sm-entry-help').textContent()).toContain('Added 8 to the tray');
    expect(await addAll.count()).toBe(0);
    await page.screenshot({ path: join(suite.shots, 'also2-added.png') });

    // Pasting it again counts only the new names.
    await entry.click();
    await page.keyboard.insertText(['Youth Forum', 'Community Centre'].join('\n'));
    await page.getByRole('button', { name: 'Add this one' }).waitFor();
    await entry.press('Escape');
  });

  it('making a stakeholder a partner when a partner of that name exists warns, and Cancel or "anyway" both work', async () => {
    const board = await createBoard(suite.server, 'Duplicate partners');
    const page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Fiona', { contexts: suite.contexts, errors: suite.errors });
    const partnerNames = () => page.$$eval('ul[aria-label="Partners"] input[aria-label="Partner name"]', (els) => els.map((el) => (el as HTMLInputElement).value));

    // The council is already a partner.
    await page.getByRole('button', { name: /^Partners/ }).click();
    await page.getByLabel('New partner').fill('Riverside Council');
    await page.getByLabel('New partner').press('Enter');
    await waitFor(async () => (await partnerNames()).length === 1, { message: 'the council is a partner' });
    await page.getByRole('button', { name: 'Close partners' }).click();

    // Someone lists it again as a stakeholder, spelt a little differently, plus a new one.
    const entry = page.getByLabel('Add stakeholders, one name per line');
    await entry.click();
    await page.keyboard.insertText('riverside  council\nYouth Forum');
    await page.getByRole('button', { name: 'Add these 2' }).click();
    await waitFor(async () => (await stakeholderNames(page)).length === 2, { message: 'two stakeholders' });

    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'riverside council' }).click();
    await page.getByRole('button', { name: 'Make partner' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'already on the board' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('A partner called “Riverside Council” is already on the board');
    await page.screenshot({ path: join(suite.shots, 'also3-duplicate-partner-warning.png') });

    // Cancel: nothing changes.
    await warning.getByRole('button', { name: 'Cancel' }).click();
    expect(await warning.count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Partners/ }).textContent()).toContain('1');

    // Ask again and go ahead: a second partner, and the stakeholder says it is one.
    await page.getByRole('button', { name: 'Make partner' }).click();
    await page.getByRole('button', { name: 'Make partner anyway' }).click();
    await page.locator('.sm-editor .sm-badge', { hasText: 'Partner:' }).waitFor();
    await waitFor(async () => (await page.getByRole('button', { name: /^Partners/ }).textContent())?.includes('2'), { message: 'two partners now' });

    // A name nobody has yet is promoted at once, without a question.
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Youth Forum' }).click();
    await page.getByRole('button', { name: 'Make partner' }).click();
    await page.locator('.sm-editor .sm-badge', { hasText: 'Partner: Youth Forum' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'already on the board' }).count()).toBe(0);
  });

  it('"Who could bring this?" explains in place how to fill "what they could offer", and following it gives a suggestion', async () => {
    const page = await boardWithStakeholder('Skills gaps', 'Youth Forum');

    await page.getByRole('tab', { name: 'Skills matrix' }).click();
    await page.getByRole('button', { name: 'Table view' }).click();
    await page.getByRole('button', { name: '+ Add row' }).click();
    const field = page.getByLabel('Skill, knowledge or resource');
    await field.pressSequentially('Safeguarding');
    await field.press('Enter');
    await field.press('Escape');

    const help = page.getByRole('note', { name: 'How to get suggestions' });
    await help.waitFor();
    const text = (await help.textContent()) ?? '';
    expect(text).toContain('Nobody offers “Safeguarding” yet');
    expect(text).toContain('What they could offer');
    expect(text).toContain('Stakeholder map');
    await help.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(suite.shots, 'also4-who-could-bring-help.png') });

    // Follow the steps as written.
    await page.getByRole('tab', { name: 'Stakeholder map' }).click();
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Youth Forum' }).click();
    const offers = page.getByLabel('What they could offer');
    await offers.fill('Safeguarding training for volunteers');
    await offers.press('Tab');
    await page.getByRole('tab', { name: 'Skills matrix' }).click();
    const suggestion = page.locator('ul[aria-label="Who could bring this"] li[data-stakeholder-id]', { hasText: 'Youth Forum' });
    await suggestion.waitFor();
    expect(await help.count()).toBe(0);
    await suggestion.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(suite.shots, 'also4-who-could-bring-suggestion.png') });
  });

  it('the Attitude field shows "Not assessed" and every attitude in full', async () => {
    const page = await boardWithStakeholder('Attitudes', 'Riverside Council');
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Riverside Council' }).click();
    const attitude = page.getByLabel('Attitude', { exact: true });
    expect(await attitude.locator('option:checked').textContent()).toBe('Not assessed');
    await attitude.scrollIntoViewIfNeeded();
    await page.locator('.sm-editor').screenshot({ path: join(suite.shots, 'also5-attitude-not-assessed.png') });

    // Room for the text: the select's inner width, less its padding and drop-down arrow, holds the widest option.
    const fit = await attitude.evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const probe = document.createElement('span');
      probe.style.font = style.font;
      probe.style.position = 'absolute';
      probe.style.whiteSpace = 'pre';
      document.body.append(probe);
      const widths = [...select.options].map((option) => {
        probe.textContent = option.text;
        return probe.getBoundingClientRect().width;
      });
      probe.remove();
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
      return { room, widest: Math.max(...widths) };
    });
    expect(fit.widest).toBeGreaterThan(0);
    expect(fit.room).toBeGreaterThanOrEqual(fit.widest);
    // Power and interest beside it still show their numbers.
    for (const label of ['Power', 'Interest']) expect((await page.getByLabel(label, { exact: true }).boundingBox())!.width).toBeGreaterThanOrEqual(44);
  });
});
