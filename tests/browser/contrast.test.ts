import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { artifactsDir, joinBoard, launchChromium } from '../helpers/browser';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool } from '../helpers/sync';

/**
 * Legibility on every board: axe-core (injected into the real page) finds no
 * serious or critical WCAG 2 A/AA violation, contrast included; avatar initials
 * are letters only and fit their circle; while a logic card is selected the
 * other cards' text keeps its full colour.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let server: RunningServer;
let browser: Browser;
let board: CreatedBoard;
let page: Page;
const pool = new ClientPool();
const contexts: BrowserContext[] = [];
const errors = new Map<string, string[]>();
const shots = join(artifactsDir, 'usability');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function seriousViolations(target: Page): Promise<string[]> {
  await target.addScriptTag({ path: axePath });
  const violations = (await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}${n.failureSummary ? ` - ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`));
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
  board = await createBoard(server, 'Legibility');
  const seeder = pool.connect(server, board.id, board.tokens.edit);
  await seeder.synced();
  createRecord(seeder.doc, 'partners', { name: 'Riverside Youth Trust', colour: '#2563eb' });
  createRecord(seeder.doc, 'stakeholders', { name: 'Riverside Council', power: 4, interest: 3, placed: true });
  createRecord(seeder.doc, 'stakeholders', { name: 'Youth Forum', power: 1, interest: 4, placed: false });
  createRecord(seeder.doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 3, order: 'a0' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  page = await joinBoard(browser, server.url, board.links.edit, 'Fiona (facilitator)', { contexts, errors, bypassCSP: true });
});

afterAll(async () => {
  pool.destroyAll();
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('legibility', () => {
  it('avatar initials are letters only and fit their circle', async () => {
    const avatar = page.locator('.board-header .avatar').first();
    await avatar.waitFor();
    const text = (await avatar.innerText()).trim();
    expect(text).toBe('FI');
    const fits = await avatar.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight);
    expect(fits).toBe(true);
  });

  it('the stakeholder map has no serious accessibility violations', async () => {
    await page.locator('ul[aria-label="Stakeholders"] li', { hasText: 'Riverside Council' }).waitFor();
    await page.screenshot({ path: join(shots, 'item5-stakeholder-map.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the skills matrix has no serious accessibility violations', async () => {
    await page.getByRole('tab', { name: 'Skills matrix' }).click();
    await page.locator('table[aria-label="Skills matrix"] tbody tr').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'item5-skills-matrix.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the logic model has no serious accessibility violations, and selecting a card leaves the others legible', async () => {
    await page.getByRole('tab', { name: 'Logic model' }).click();
    await page.getByRole('button', { name: 'Use Kellogg' }).click();
    for (const [label, text] of [
      ['Activities', 'Evening drop-in'],
      ['Outcomes', 'Young people feel safer'],
      ['Impact', 'Safer streets'],
    ] as const) {
      await page.getByRole('button', { name: `Add a card to ${label}` }).click();
      await page.locator('textarea.lm-card-editor').pressSequentially(text);
      await page.keyboard.press('Enter');
    }
    await page.locator('[aria-label="Logic model outline"] li[data-node-id]', { hasText: 'Safer streets' }).click();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'item5-logic-selected.png') });
    expect(await seriousViolations(page)).toEqual([]);
    for (const [who, list] of errors) expect(list, `errors in ${who}'s page`).toEqual([]);
  });
});
