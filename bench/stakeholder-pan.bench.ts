/**
 * Stakeholder map canvas: frame times with 2,000 stakeholders (and 1,500
 * relationships) seeded through a Node y-websocket client, drawn by the real
 * app in headless Chromium (Debian's, via playwright-core).
 *
 * Scenarios, each measured with requestAnimationFrame deltas recorded in the
 * page while Playwright drives real input:
 *   - pan the power/interest grid zoomed to fit (every card on screen),
 *   - pan the network at 100% (viewport culling doing its job),
 *   - drag one card on the grid and on the network (the dragged card on its own layer,
 *     throttled writes to the document as the app does them).
 *
 * Options (flag or env BENCH_<NAME>): --stakeholders <n> (2000), --steps <n> (150),
 * --quick (500 stakeholders, 40 steps: a smoke run in under ~25 s), --no-results.
 * Needs a built client (npm run build); builds it when client/dist is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createRecord } from '@pc/shared';
import { appendResults, flag, fmt, installCleanup, machineLine, markdownTable, numberOption, repoRoot, waitForQuietMachine, runMain } from './lib/harness';
import { frameStats, launchChromium, mulberry32, startFrames, stopFrames, type FrameStats } from './lib/browser';
import { seedStakeholders } from './render/seed';
import { artifactsDir } from '../tests/helpers/browser';
import { createBoard, startServer } from '../tests/helpers/server';
import { ClientPool, waitFor } from '../tests/helpers/sync';

const QUICK = flag('quick');
const STAKEHOLDERS = Math.round(numberOption('stakeholders', QUICK ? 500 : 2000));
const RELATIONSHIPS = Math.round(STAKEHOLDERS * 0.75);
const STEPS = Math.round(numberOption('steps', QUICK ? 40 : 150));

interface Stats extends FrameStats {
  scenario: string;
}

function stats(scenario: string, deltas: number[]): Stats {
  return { scenario, ...frameStats(deltas) };
}

/** Pan with the wheel in small steps, back and forth, like a trackpad. */
async function pan(page: Page, steps: number): Promise<number[]> {
  const box = (await page.locator('.canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6);
  await startFrames(page);
  for (let i = 0; i < steps; i += 1) {
    const phase = Math.floor(i / (steps / 4));
    const dx = phase % 2 === 0 ? 14 : -14;
    const dy = phase < 2 ? 9 : -9;
    await page.mouse.wheel(dx, dy);
    await page.waitForTimeout(8);
  }
  return stopFrames(page);
}

/** Drag the card drawn nearest the canvas centre in a circle. */
async function dragCard(page: Page, steps: number): Promise<number[]> {
  const canvas = page.locator('.canvas');
  const box = (await canvas.boundingBox())!;
  const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  const target = { x: box.width * 0.55, y: box.height * 0.6 };
  const cards = await page.$$eval('ul[aria-label="Stakeholders"] li[data-map-x]', (lis) => lis.map((li) => ({ x: Number(li.getAttribute('data-map-x')), y: Number(li.getAttribute('data-map-y')) })));
  let best = cards[0]!;
  let bestDistance = Infinity;
  for (const card of cards) {
    const d = Math.hypot(cx + card.x * zoom - target.x, cy + card.y * zoom - target.y);
    if (d < bestDistance) {
      best = card;
      bestDistance = d;
    }
  }
  const start = { x: box.x + cx + best.x * zoom, y: box.y + cy + best.y * zoom };
  const id = await page.$eval(`ul[aria-label="Stakeholders"] li[data-map-x="${best.x}"][data-map-y="${best.y}"]`, (li) => li.getAttribute('data-stakeholder-id')!);
  const fields = () =>
    page.$eval(`ul[aria-label="Stakeholders"] li[data-stakeholder-id="${id}"]`, (li) => ['data-power', 'data-interest', 'data-x', 'data-y'].map((name) => li.getAttribute(name)).join(','));
  const before = await fields();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await startFrames(page);
  for (let i = 1; i <= steps; i += 1) {
    const angle = (i / steps) * Math.PI * 2;
    await page.mouse.move(start.x + Math.sin(angle) * 160, start.y + (1 - Math.cos(angle)) * 90);
    await page.waitForTimeout(8);
  }
  const frames = await stopFrames(page);
  // End a cell away from the start, so the drop must change the record (proving hit-testing works).
  await page.mouse.move(start.x, start.y + 130, { steps: 4 });
  await page.mouse.up();
  await page.waitForTimeout(300);
  if ((await fields()) === before) throw new Error(`the drag did not move stakeholder ${id}`);
  return frames;
}

async function main() {
  installCleanup();
  if (!existsSync(join(repoRoot, 'client', 'dist', 'index.html'))) {
    console.log('building the client…');
    execFileSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const server = await startServer();
  const pool = new ClientPool();
  const browser = await launchChromium();
  try {
    const board = await createBoard(server, 'Stakeholder pan benchmark');
    const seeder = pool.connect(server, board.id, board.tokens.edit);
    await seeder.synced();
    const rand = mulberry32(42);
    const ids = seedStakeholders(seeder.doc, STAKEHOLDERS, rand);
    const origin = { kind: 'bench-seed' };
    seeder.doc.transact(() => {
      for (let i = 0; i < RELATIONSHIPS; i += 1) {
        const from = ids[Math.floor(rand() * ids.length)]!;
        let to = ids[Math.floor(rand() * ids.length)]!;
        if (to === from) to = ids[(ids.indexOf(from) + 1) % ids.length]!;
        createRecord(seeder.doc, 'relationships', { from, to, type: ['funds', 'informal', 'reports to'][i % 3]!, strength: 1 + (i % 5) }, origin);
      }
    }, origin);
    // A fresh client proves the server holds it all before the browser opens the board.
    const check = pool.connect(server, board.id, board.tokens.view);
    await check.synced();
    await waitFor(() => check.doc.getMap('stakeholders').size === STAKEHOLDERS && check.doc.getMap('relationships').size === RELATIONSHIPS, { timeout: 60_000, message: 'seed did not reach the server' });
    console.log(`seeded ${STAKEHOLDERS} stakeholders and ${RELATIONSHIPS} relationships`);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(board.links.edit, server.url).href);
    await page.getByRole('dialog').getByLabel('Your name').fill('Bench');
    const opened = Date.now();
    await page.getByRole('dialog').getByRole('button', { name: 'Join board' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('ul[aria-label="Stakeholders"] li[data-map-x]').length === n, STAKEHOLDERS, { timeout: 60_000 });
    const loadMs = Date.now() - opened;
    await page.waitForTimeout(500);

    await page.screenshot({ path: join(artifactsDir, `stakeholder-${STAKEHOLDERS}-grid.png`) });
    await waitForQuietMachine(QUICK ? 2000 : 10_000);
    const results: Stats[] = [];
    results.push(stats(`pan grid, zoomed to fit (${STAKEHOLDERS} cards on screen)`, await pan(page, STEPS)));
    results.push(stats('drag one card on the grid', await dragCard(page, STEPS)));
    await page.locator('.sm-segmented button[data-layout="network"]').click();
    await page.waitForTimeout(300);
    await page.locator('.zoom-level').click();
    await page.waitForTimeout(300);
    const onScreen = (await page.evaluate(`(() => {
      const canvas = document.querySelector('.canvas');
      const [cx, cy, zoom] = canvas.getAttribute('data-camera').split(',').map(Number);
      const { width, height } = canvas.getBoundingClientRect();
      return [...document.querySelectorAll('ul[aria-label="Stakeholders"] li[data-map-x]')].filter((li) => {
        const x = cx + Number(li.getAttribute('data-map-x')) * zoom;
        const y = cy + Number(li.getAttribute('data-map-y')) * zoom;
        return x >= 0 && y >= 0 && x <= width && y <= height;
      }).length;
    })()`)) as number;
    results.push(stats(`pan network at 100% (~${onScreen} cards on screen, culled)`, await pan(page, STEPS)));
    await page.screenshot({ path: join(artifactsDir, `stakeholder-${STAKEHOLDERS}-network.png`) });
    results.push(stats('drag one card on the network at 100%', await dragCard(page, STEPS)));
    await page.locator('.zoom-level').click();
    await page.keyboard.press('Shift+!');
    await page.waitForTimeout(400);
    results.push(stats(`pan network zoomed to fit (${STAKEHOLDERS} cards + ${RELATIONSHIPS} edges)`, await pan(page, STEPS)));

    const chromium = browser.version();
    const table = markdownTable(
      ['scenario', 'frames', 'p50 ms', 'p95 ms', 'max ms', 'fps'],
      results.map((r) => [r.scenario, String(r.frames), fmt(r.p50), fmt(r.p95), fmt(r.max), fmt(r.fps, 0)]),
    );
    console.log(`\n${table}\n`);
    console.log(`board open to ${STAKEHOLDERS} cards laid out: ${loadMs} ms`);
    if (pageErrors.length) console.log(`page errors: ${pageErrors.join('; ')}`);
    appendResults(
      [
        `## stakeholder-pan: ${machineLine()} · chromium ${chromium}${QUICK ? ' · --quick' : ''}`,
        '',
        `${STAKEHOLDERS} stakeholders, ${RELATIONSHIPS} relationships, seeded by a Node y-websocket client; headless Chromium 1440x900 @1x, --disable-gpu. Frame time = requestAnimationFrame deltas in the page while Playwright drives ${STEPS} wheel or pointer steps (8 ms apart). Join to all ${STAKEHOLDERS} cards laid out: ${loadMs} ms.`,
        '',
        table,
      ].join('\n'),
    );
  } finally {
    await browser.close().catch(() => {});
    pool.destroyAll();
    await server.dispose();
  }
}

runMain(main);
