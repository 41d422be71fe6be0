/**
 * Skills matrix rendering at 50 partners x 300 rows (15,000 cells, ~70% filled),
 * seeded through a plain Node y-websocket client, drawn by the real app in headless
 * Chromium (Debian's, via playwright-core) against our real server.
 *
 * Measured, per run (a fresh page each time), medians reported:
 *  - tab switch -> first full render: from the click on the "Skills matrix" tab until
 *    the accessible table holds its row window with all 50 partner columns and the
 *    next animation frame (the Konva layer draws on it) has run;
 *  - frame times while scrolling down through the rows (wheel events, one per frame)
 *    and while panning across the partner columns: rAF-to-rAF intervals, p50 / p95 /
 *    max; 16.7 ms is a full 60 Hz frame;
 *  - keyboard edits: from a keydown on a focused cell (digit = set level), through
 *    the Yjs write, the store, React and the canvas, until the next frame has run.
 *
 * Options (flag or env BENCH_<NAME>): --runs <n> (default 3), --seconds <s> per
 * scroll phase (default 3), --partners <n>, --rows <n>, --quick (20 partners x
 * 100 rows, one run, 1 s phases: a smoke run in under ~25 s), --no-results.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as Y from 'yjs';
import { getCollection } from '@pc/shared';
import { seedMatrix } from './render/seed';
import { appendResults, flag, fmt, installCleanup, machineLine, markdownTable, median, numberOption, repoRoot, startOurs } from './lib/harness';
import { frameStats, launchChromium, openBoard, type FrameStats } from './lib/browser';
import { createBoard } from '../tests/helpers/server';
import { ClientPool, waitFor } from '../tests/helpers/sync';

const quick = flag('quick');
const runs = Math.max(1, Math.round(numberOption('runs', quick ? 1 : 3)));
const seconds = numberOption('seconds', quick ? 1 : 3);
const partnerCount = Math.round(numberOption('partners', quick ? 20 : 50));
const rowCount = Math.round(numberOption('rows', quick ? 100 : 300));

const seed = (doc: Y.Doc) => seedMatrix(doc, partnerCount, rowCount);

/**
 * Click the tab and wait until the accessible table has every partner column and its
 * row window (it renders ~60 rows around the cursor, see model/tableWindow.ts), then
 * until one more frame has been drawn (the canvas layer draws on it).
 */
async function timeTabSwitch(page: Page, expectedPartners: number): Promise<number> {
  return page.evaluate(async (expected) => {
    const t0 = performance.now();
    (document.querySelector('#tab-skills-matrix') as HTMLElement).click();
    await new Promise<void>((resolve) => {
      const check = () => {
        const table = document.querySelector('table[aria-label="Skills matrix"]');
        const firstRow = table?.querySelector('tbody tr[data-row-id]');
        if (table && firstRow && firstRow.querySelectorAll('td[data-partner-id]').length >= expected) {
          requestAnimationFrame(() => setTimeout(resolve, 0));
        } else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, expectedPartners);
}

/** Send one wheel event per frame for `ms` and return the rAF-to-rAF intervals. */
async function frameTimes(page: Page, ms: number, deltaX: number, deltaY: number): Promise<number[]> {
  return page.evaluate(
    async ({ ms, deltaX, deltaY }) => {
      const canvas = document.querySelector('.canvas') as HTMLElement;
      const rect = canvas.getBoundingClientRect();
      const intervals: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        const end = last + ms;
        const frame = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (now >= end) return resolve();
          canvas.dispatchEvent(
            new WheelEvent('wheel', { deltaX, deltaY, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }),
          );
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      return intervals.slice(1);
    },
    { ms, deltaX, deltaY },
  );
}

/**
 * One keyboard edit, timed inside the page (no automation round trips): a keydown on
 * a focused cell, through the Yjs write, the store, React and the canvas, until the
 * next frame has run. Returns the median of `count` edits down one column.
 */
async function timeKeyboardEdits(page: Page, count = 9): Promise<number> {
  await page.locator('table[aria-label="Skills matrix"] td[data-partner-id]').first().focus();
  return page.evaluate(async (count) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const cell = document.activeElement as HTMLElement;
      const next = String((Number(cell.getAttribute('data-level')) + 1) % 5);
      const t0 = performance.now();
      cell.dispatchEvent(new KeyboardEvent('keydown', { key: next, bubbles: true, cancelable: true }));
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      if (cell.getAttribute('data-level') !== next) throw new Error('the edit did not reach the table');
      times.push(performance.now() - t0);
      (document.activeElement as HTMLElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  }, count);
}

async function main() {
  installCleanup();
  const server = await startOurs({ enabled: false, note: 'not pinned' });
  const pool = new ClientPool();
  let browser: Browser | undefined;
  try {
    const board = await createBoard({ url: server.url }, 'Matrix render bench');
    const seeder = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.owner);
    await seeder.synced();
    const seedStart = Date.now();
    const cellCount = seed(seeder.doc);
    const checker = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.edit);
    await checker.synced();
    await waitFor(() => getCollection(checker.doc, 'matrixCells').size === cellCount, { timeout: 60_000, message: 'seed did not reach the server' });
    const seedMs = Date.now() - seedStart;
    const updateBytes = Y.encodeStateAsUpdate(checker.doc).byteLength;
    pool.destroyAll();
    console.log(`seeded ${partnerCount} partners x ${rowCount} rows, ${cellCount} cells (${(updateBytes / 1024).toFixed(0)} KiB) in ${seedMs} ms`);

    browser = await launchChromium();
    const chromiumVersion = browser.version();
    const url = new URL(board.links.edit, server.url).href;
    const results: { tab: number; scroll: FrameStats; pan: FrameStats; edit: number }[] = [];
    for (let run = 1; run <= runs; run++) {
      const page = await openBoard(browser, url);
      await page.waitForTimeout(300);
      const tab = await timeTabSwitch(page, partnerCount);
      await page.waitForTimeout(300);
      const scroll = frameStats(await frameTimes(page, seconds * 1000, 0, 40));
      const pan = frameStats(await frameTimes(page, seconds * 1000, 30, 0));
      const edit = await timeKeyboardEdits(page);
      if (run === 1) await page.screenshot({ path: join(repoRoot, 'test-artifacts', `skills-matrix-bench-${partnerCount}x${rowCount}.png`) });
      results.push({ tab, scroll, pan, edit });
      console.log(`run ${run}: tab ${fmt(tab)} ms, scroll p50 ${fmt(scroll.p50)} p95 ${fmt(scroll.p95)} ms, pan p50 ${fmt(pan.p50)} p95 ${fmt(pan.p95)} ms, edit ${edit} ms`);
      await page.context().close();
    }

    const header = ['measure', 'median of runs', 'runs'];
    const row = (label: string, values: number[], unit = 'ms') => [label, `${fmt(median(values))} ${unit}`, values.map((v) => fmt(v)).join(' / ')];
    const table = markdownTable(header, [
      row('tab switch -> first full render (table + canvas)', results.map((r) => r.tab)),
      row('scroll through rows: frame p50', results.map((r) => r.scroll.p50)),
      row('scroll through rows: frame p95', results.map((r) => r.scroll.p95)),
      row('scroll through rows: frame max', results.map((r) => r.scroll.max)),
      row('pan across partners: frame p50', results.map((r) => r.pan.p50)),
      row('pan across partners: frame p95', results.map((r) => r.pan.p95)),
      row('keydown on a cell -> next frame drawn (median of 9)', results.map((r) => r.edit)),
    ]);
    const text = [
      `## matrix-render: ${machineLine()} · chromium ${chromiumVersion}${quick ? ' · --quick' : ''}`,
      '',
      `${partnerCount} partners x ${rowCount} rows, ${cellCount} cells (${(updateBytes / 1024).toFixed(0)} KiB update), seeded by a Node y-websocket client; headless Chromium 1440x900, DPR 1, --disable-gpu; ${runs} run(s), fresh page each; wheel event per frame for ${seconds} s per phase (40 px down, then 30 px across). Frame time = rAF-to-rAF interval (16.7 ms = 60 Hz).`,
      '',
      table,
    ].join('\n');
    console.log(`\n${text}`);
    appendResults(text);
  } finally {
    pool.destroyAll();
    await browser?.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
