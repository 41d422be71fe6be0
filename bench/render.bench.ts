/**
 * Rendering at 1,000 / 5,000 / 10,000 items of three kinds (stakeholders on the
 * power/interest grid, sticky notes, logic-model cards), ours against a bare
 * Konva page drawing the same cards (one rectangle + one text each, same world
 * boxes, same camera maths) in the same run, in headless Chromium 1440x900 @1x.
 *
 * Per kind and size: first paint (see render/firstPaint.ts, identical for both
 * pages), ours' time to interactive (render/interactive.ts: a click on a card
 * right after first paint, until the page shows it selected), then frame times (rAF deltas, p50 / p95 / max) while panning (wheel)
 * and zooming (ctrl+wheel), once zoomed to fit and once close up (100%, or 400%
 * for the stakeholder grid, which is 1,000 world units wide). The bare page
 * culls to the viewport; at the largest size it also runs without culling.
 * Last, a skills matrix of 50 partners x 300 rows opened straight on its tab:
 * first paint (the table's first row holds every partner and the canvas drew)
 * and settled, medians of 3 fresh pages (--matrix-runs, --no-matrix to skip).
 * At the largest size, first paint (both pages) and time to interactive are
 * medians of --paint-runs fresh page loads per side (5; bare and ours in turn).
 *
 * Options (flag or env BENCH_<NAME>): --quick (1,000 and 5,000, 8 pan and
 * 6 zoom frames, zoom close up only, no run without culling; about a minute), --sizes=1000,5000 --kinds=stickies,logic,
 * --pan-frames <n> (120), --zoom-frames <n> (90), --no-results.
 * Needs a built client (npm run build); builds it when client/dist is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { artifactsDir } from '../tests/helpers/browser';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import * as Y from 'yjs';
import { getCollection } from '@pc/shared';
import { appendResults, fmt, flag, installCleanup, machineLine, markdownTable, median, numberOption, repoRoot, startOurs, stringOption, waitForQuietMachine, runMain } from './lib/harness';
import { confirmedIdentityScript, frameStats, launchChromium, newBenchContext, panSteps, wheelFrames, zoomSteps, type FrameStats } from './lib/browser';
import { startBarePageServer, type BareCard, type BarePageServer } from './render/bare';
import { bareCards, cardsOnScreen } from './render/cards';
import { firstPaintScript, itemsReady, openTabScript, tabLink } from './render/firstPaint';
import { timeToInteractive } from './render/interactive';
import { KIND_LABELS, seedBoard, seedMatrix, type RenderKind } from './render/seed';
import { createBoard } from '../tests/helpers/server';
import { ClientPool, waitFor } from '../tests/helpers/sync';

const quick = flag('quick');
const sizes = (stringOption('sizes') ?? (quick ? '1000,5000' : '1000,5000,10000')).split(',').map(Number);
const kinds = (stringOption('kinds') ?? 'stakeholders,stickies,logic').split(',') as RenderKind[];
const panFrames = Math.round(numberOption('pan-frames', quick ? 8 : 120));
const zoomFrames = Math.round(numberOption('zoom-frames', quick ? 6 : 90));
/** Quick runs zoom only close up and skip the bare page without culling. */
const zoomAtFit = !quick;
const withMatrix = !flag('no-matrix');
const matrixRuns = Math.max(1, Math.round(numberOption('matrix-runs', quick ? 1 : 3)));
/** Fresh page loads per side for first paint (and ours' time to interactive) at the largest size: the median counts. */
const paintRuns = Math.max(1, Math.round(numberOption('paint-runs', quick ? 1 : 5)));
const MATRIX_PARTNERS = quick ? 20 : 50;
const MATRIX_ROWS = quick ? 100 : 300;
const FIRST_PAINT_BUDGET_MS = 1500;
const PAN_RATIO_BUDGET = 1.25;
/** Goals at 10,000 items: first paint within 1.2x of the bare page's, time to interactive within 1.5x of it. */
const FIRST_PAINT_RATIO_GOAL = 1.2;
const INTERACTIVE_RATIO_GOAL = 1.5;

type View = 'fit' | 'close';
type Camera = { x: number; y: number; zoom: number };
type Box = { x: number; y: number; width: number; height: number };

interface ViewResult {
  camera: Camera;
  onScreen: number;
  pan: FrameStats;
  zoom: FrameStats | null;
}

interface SideResult {
  /** Median of `firstPaints`. */
  firstPaint: number;
  /** Every fresh page load's first paint, in the order measured (ours and bare alternate). */
  firstPaints: number[];
  /** Ours only: ms from navigation start until a click on a card right after first paint shows it selected (median of `interactives`). */
  interactive?: number;
  interactives?: number[];
  /** First paint until frames stay under 50 ms (layout, routing and caches done). */
  settled: number;
  views: Partial<Record<View, ViewResult>>;
}

interface Row {
  kind: RenderKind;
  size: number;
  ours: SideResult;
  bare: SideResult;
  noCull?: SideResult;
}

/** Resolves once 4 (quick) or 10 frames in a row took under 50 ms: layout, routing and caches are done. */
const SETTLE_SCRIPT = `new Promise((resolve) => {
  const CALM_FRAMES = ${quick ? 4 : 10};
  const t0 = performance.now();
  let last = t0, calm = 0;
  const tick = (t) => {
    calm = t - last < 50 ? calm + 1 : 0;
    last = t;
    if (calm >= CALM_FRAMES || t - t0 > 30000) resolve(performance.now());
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

const ZOOM_TO_MAX = `(() => {
  const canvas = document.querySelector('.canvas');
  const rect = canvas.getBoundingClientRect();
  for (let i = 0; i < 2; i++) canvas.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true, cancelable: true }));
})()`;

async function settle(page: Page): Promise<number> {
  return page.evaluate(SETTLE_SCRIPT) as Promise<number>;
}

async function waitFirstPaint(page: Page): Promise<number> {
  const handle = await page.waitForFunction('window.__firstPaint && window.__firstPaint.paint', undefined, { timeout: 120_000, polling: 100 });
  return (await handle.jsonValue()) as number;
}

async function oursCamera(page: Page): Promise<Camera> {
  const [x, y, zoom] = (await page.locator('.canvas').getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  return { x, y, zoom };
}

async function seededBoard(server: { url: string; port: number }, kind: RenderKind, size: number): Promise<{ url: string; doc: Y.Doc; seedMs: number }> {
  const pool = new ClientPool();
  const wsUrl = `ws://127.0.0.1:${server.port}/ws`;
  try {
    const board = await createBoard({ url: server.url }, `Render bench: ${size} ${kind}`);
    const seeder = pool.connect({ wsUrl }, board.id, board.tokens.owner);
    await seeder.synced();
    const started = Date.now();
    const collection = kind === 'stickies' ? 'canvasItems' : kind === 'stakeholders' ? 'stakeholders' : 'logicNodes';
    seedBoard(seeder.doc, kind, size);
    // Sent in full (the page waits for every item anyway); a full run also proves it with a fresh client.
    await waitFor(() => (seeder.provider.ws?.bufferedAmount ?? 1) === 0, { timeout: 60_000, message: 'seed was not sent' });
    if (!quick) {
      const check = pool.connect({ wsUrl }, board.id, board.tokens.view);
      // Syncing 10,000 records can take longer than the default 10 s on a busy machine.
      await waitFor(() => check.provider.synced, { timeout: 60_000, message: 'check client did not sync' });
      await waitFor(() => getCollection(check.doc, collection).size === size, { timeout: 60_000, message: 'seed did not reach the server' });
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seeder.doc));
    return { url: new URL(tabLink(board.links.edit, kind), server.url).href, doc, seedMs: Date.now() - started };
  } finally {
    pool.destroyAll();
  }
}

/** Pan, then zoom, from the view's camera; both gestures end where they started. */
async function measureView(page: Page, target: string, camera: Camera, onScreen: number, withZoom: boolean, pan = panFrames): Promise<ViewResult> {
  const panned = frameStats(await wheelFrames(page, { target, steps: panSteps(pan) }));
  const zoomed = withZoom ? frameStats(await wheelFrames(page, { target, steps: zoomSteps(zoomFrames) })) : null;
  return { camera, onScreen, pan: panned, zoom: zoomed };
}

/** A fresh context and page on our board: first paint, then time to interactive (a click on a card). */
async function openOurs(browser: Browser, kind: RenderKind, size: number, url: string): Promise<{ context: BrowserContext; page: Page; firstPaint: number; interactive: number }> {
  const scripts = [confirmedIdentityScript(), firstPaintScript(itemsReady(kind, size))];
  if (kind === 'logic') scripts.push(openTabScript('#tab-logic-model'));
  const context = await newBenchContext(browser, scripts);
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('  page error:', error.message));
    await page.goto(url);
    const firstPaint = await waitFirstPaint(page);
    const interactive = await timeToInteractive(page, kind).catch(async (error: unknown) => {
      // A click the page never answers is a finding, not a reason to lose the run: listed as n/a, with a picture.
      const shot = join(artifactsDir, `render-unanswered-${kind}-${size}-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(`  ${kind} ${size}: the click on a card was not answered (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); screenshot ${shot}`);
      return NaN;
    });
    return { context, page, firstPaint, interactive };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** A fresh context and page on the bare Konva page with its current scene: first paint. */
async function openBare(browser: Browser, bare: BarePageServer): Promise<{ context: BrowserContext; page: Page; firstPaint: number }> {
  const context = await newBenchContext(browser, [firstPaintScript('window.__bareReady === true')]);
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('  bare page error:', error.message));
    await page.goto(bare.url);
    return { context, page, firstPaint: await waitFirstPaint(page) };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * More fresh page loads, bare then ours in turn, first paint (and ours' time to
 * interactive) only; the results join the first load's and the medians replace them.
 */
async function morePaints(browser: Browser, kind: RenderKind, size: number, url: string, bare: BarePageServer, row: Row, runs: number): Promise<void> {
  for (let run = 1; run < runs; run++) {
    const b = await openBare(browser, bare);
    await b.context.close();
    row.bare.firstPaints.push(b.firstPaint);
    const o = await openOurs(browser, kind, size, url);
    await o.context.close();
    row.ours.firstPaints.push(o.firstPaint);
    row.ours.interactives!.push(o.interactive);
  }
  row.bare.firstPaint = median(row.bare.firstPaints);
  row.ours.firstPaint = median(row.ours.firstPaints);
  row.ours.interactive = median(row.ours.interactives!);
}

async function measureOurs(browser: Browser, kind: RenderKind, size: number, url: string, doc: Y.Doc): Promise<{ result: SideResult; cards: BareCard[]; box: Box; cameras: Record<View, Camera>; firstCamera: Camera }> {
  const { context, page, firstPaint, interactive } = await openOurs(browser, kind, size, url);
  try {
    const firstCamera = await oursCamera(page);
    // Leave nothing selected for the frame measurements.
    await page.keyboard.press('Escape');
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 60_000 });
    const settled = (await settle(page)) - firstPaint;
    const box = (await page.locator('.canvas').boundingBox())!;
    const cards = await bareCards(kind, doc, page);
    const views: Partial<Record<View, ViewResult>> = {};
    const cameras = {} as Record<View, Camera>;
    for (const view of ['fit', 'close'] as const) {
      if (view === 'fit') await page.locator('button[aria-label="Zoom to fit"]').click();
      else {
        await page.locator('.zoom-level').click();
        // The grid is 1,000 world units wide: at 100% it is all on screen; 400% (the most) is close up.
        // Two big pinch steps in one task: one re-render, not one per step.
        if (kind === 'stakeholders') await page.evaluate(ZOOM_TO_MAX);
      }
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await settle(page);
      const camera = await oursCamera(page);
      cameras[view] = camera;
      views[view] = await measureView(page, '.canvas', camera, cardsOnScreen(cards, camera, box), view === 'close' || zoomAtFit);
    }
    return { result: { firstPaint, firstPaints: [firstPaint], interactive, interactives: [interactive], settled, views }, cards, box, cameras, firstCamera };
  } finally {
    await context.close();
  }
}

async function measureBare(browser: Browser, bare: BarePageServer, cards: BareCard[], box: Box, firstCamera: Camera, cameras: Record<View, Camera>, cull: boolean): Promise<SideResult> {
  bare.setScene({ cards, box, camera: firstCamera, cull });
  const { context, page, firstPaint } = await openBare(browser, bare);
  try {
    const settled = (await settle(page)) - firstPaint;
    const views: Partial<Record<View, ViewResult>> = {};
    // Without culling only the close-up pan is measured: every frame draws every card (slow by design).
    for (const view of cull ? (['fit', 'close'] as const) : (['close'] as const)) {
      const camera = cameras[view];
      await page.evaluate((c) => (window as unknown as { __bare: { setCamera(c: Camera): void } }).__bare.setCamera(c), camera);
      await settle(page);
      views[view] = await measureView(page, '#stage', camera, cardsOnScreen(cards, camera, box), cull && (view === 'close' || zoomAtFit), cull ? panFrames : Math.max(10, Math.round(panFrames / 4)));
    }
    return { firstPaint, firstPaints: [firstPaint], settled, views };
  } finally {
    await context.close();
  }
}

interface MatrixResult {
  cells: number;
  firstPaint: number[];
  settled: number[];
}

/** The matrix tab's accessible table holds its first row with every partner's cell. */
const matrixReady = (partners: number) =>
  `((document.querySelector('table[aria-label="Skills matrix"] tbody tr[data-row-id]')?.querySelectorAll('td[data-partner-id]').length ?? 0) >= ${partners})`;

async function measureMatrix(browser: Browser, server: { url: string; port: number }): Promise<MatrixResult> {
  const pool = new ClientPool();
  let url: string;
  let cells: number;
  try {
    const board = await createBoard({ url: server.url }, `Render bench: ${MATRIX_PARTNERS} x ${MATRIX_ROWS} matrix`);
    const seeder = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.owner);
    await seeder.synced();
    cells = seedMatrix(seeder.doc, MATRIX_PARTNERS, MATRIX_ROWS);
    await waitFor(() => (seeder.provider.ws?.bufferedAmount ?? 1) === 0, { timeout: 60_000, message: 'matrix seed was not sent' });
    const check = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.view);
    await waitFor(() => check.provider.synced && getCollection(check.doc, 'matrixCells').size === cells, { timeout: 60_000, message: 'matrix seed did not reach the server' });
    url = new URL(tabLink(board.links.edit, 'matrix'), server.url).href;
  } finally {
    pool.destroyAll();
  }
  const result: MatrixResult = { cells, firstPaint: [], settled: [] };
  for (let run = 0; run < matrixRuns; run++) {
    const context = await newBenchContext(browser, [confirmedIdentityScript(), firstPaintScript(matrixReady(MATRIX_PARTNERS)), openTabScript('#tab-skills-matrix')]);
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('  page error:', error.message));
      await page.goto(url);
      const firstPaint = await waitFirstPaint(page);
      const settled = (await settle(page)) - firstPaint;
      result.firstPaint.push(firstPaint);
      result.settled.push(settled);
      console.log(`matrix ${MATRIX_PARTNERS} x ${MATRIX_ROWS} run ${run + 1}: first paint ${fmt(firstPaint, 0)} ms, settled +${fmt(settled, 0)} ms`);
    } finally {
      await context.close();
    }
  }
  return result;
}

const loadText = () => loadavg().map((v) => v.toFixed(2)).join(' / ');

const ratio = (ours: number, bare: number) => (Number.isFinite(ours) && Number.isFinite(bare) && bare > 0 ? `${(ours / bare).toFixed(2)}x` : 'n/a');

function kindTable(rows: Row[]): string {
  const lines: string[][] = [];
  for (const row of rows) {
    for (const view of ['fit', 'close'] as const) {
      const o = row.ours.views[view]!;
      const b = row.bare.views[view]!;
      const first = view === 'fit';
      lines.push([
        first ? String(row.size) : '',
        `${view === 'fit' ? 'fit' : 'close'} ${Math.round(o.camera.zoom * 100)}% (${o.onScreen} on screen)`,
        first ? fmt(row.ours.firstPaint, 0) : '',
        first ? fmt(row.bare.firstPaint, 0) : '',
        first ? ratio(row.ours.firstPaint, row.bare.firstPaint) : '',
        first ? fmt(row.ours.interactive ?? NaN, 0) : '',
        first ? ratio(row.ours.interactive ?? NaN, row.bare.firstPaint) : '',
        `${fmt(o.pan.p50)} / ${fmt(o.pan.p95)}`,
        `${fmt(b.pan.p50)} / ${fmt(b.pan.p95)}`,
        ratio(o.pan.p95, b.pan.p95),
        fmt(o.zoom?.p95 ?? NaN),
        fmt(b.zoom?.p95 ?? NaN),
        ratio(o.zoom?.p95 ?? NaN, b.zoom?.p95 ?? NaN),
      ]);
    }
    if (row.noCull) {
      const n = row.noCull.views.close!;
      lines.push(['', `bare without culling, close (${n.onScreen} on screen)`, '', fmt(row.noCull.firstPaint, 0), '', '', '', '', `${fmt(n.pan.p50)} / ${fmt(n.pan.p95)}`, '', '', '', '']);
    }
  }
  return markdownTable(
    ['items', 'view', 'first paint ours ms', 'bare ms', 'ratio', 'interactive ours ms', '/ bare first paint', 'pan p50/p95 ours ms', 'bare ms', 'p95 ratio', 'zoom p95 ours ms', 'bare ms', 'ratio'],
    lines,
  );
}

function detailTable(rows: Row[]): string {
  const lines: string[][] = [];
  for (const row of rows) {
    for (const [side, result] of [['ours', row.ours], ['bare', row.bare], ['bare, no culling', row.noCull]] as const) {
      if (!result) continue;
      for (const view of ['fit', 'close'] as const) {
        const v = result.views[view];
        if (!v) continue;
        for (const [gesture, s] of [['pan', v.pan], ['zoom', v.zoom]] as const) {
          if (!s) continue;
          lines.push([row.kind, String(row.size), side, view, gesture, String(s.frames), fmt(s.p50), fmt(s.p95), fmt(s.max), fmt(s.fps, 0)]);
        }
      }
      const runs = (values: number[]) => (values.length > 1 ? ` (median of ${values.map((v) => fmt(v, 0)).join(' / ')})` : '');
      lines.push([row.kind, String(row.size), side, '', 'first paint / settled', '', '', '', '', `${fmt(result.firstPaint, 0)}${runs(result.firstPaints)} / +${fmt(result.settled, 0)} ms`]);
      if (result.interactive !== undefined) lines.push([row.kind, String(row.size), side, '', 'interactive', '', '', '', '', `${fmt(result.interactive, 0)} ms${runs(result.interactives ?? [])}`]);
    }
  }
  return markdownTable(['kind', 'items', 'page', 'view', 'gesture', 'frames', 'p50 ms', 'p95 ms', 'max ms', 'fps'], lines);
}

function budgetLines(rows: Row[]): string[] {
  const out: string[] = [];
  for (const row of rows) {
    if (row.size < 10_000) continue;
    const fp = row.ours.firstPaint;
    const bareFp = row.bare.firstPaint;
    const tti = row.ours.interactive ?? NaN;
    out.push(`- ${KIND_LABELS[row.kind]}, ${row.size}: first paint ${fmt(fp, 0)} ms <= ${FIRST_PAINT_BUDGET_MS} ms: **${fp <= FIRST_PAINT_BUDGET_MS ? 'met' : 'NOT met'}**`);
    out.push(`- ${KIND_LABELS[row.kind]}, ${row.size}: first paint ${fmt(fp, 0)} ms vs bare ${fmt(bareFp, 0)} ms = ${ratio(fp, bareFp)} <= ${FIRST_PAINT_RATIO_GOAL}x: **${fp / bareFp <= FIRST_PAINT_RATIO_GOAL ? 'met' : 'NOT met'}**`);
    out.push(`- ${KIND_LABELS[row.kind]}, ${row.size}: interactive ${fmt(tti, 0)} ms vs bare first paint ${fmt(bareFp, 0)} ms = ${ratio(tti, bareFp)} <= ${INTERACTIVE_RATIO_GOAL}x: **${tti / bareFp <= INTERACTIVE_RATIO_GOAL ? 'met' : 'NOT met'}**`);
    for (const view of ['fit', 'close'] as const) {
      const o = row.ours.views[view]!.pan.p95;
      const b = row.bare.views[view]!.pan.p95;
      out.push(`- ${KIND_LABELS[row.kind]}, ${row.size}, ${view}: pan p95 ${fmt(o)} ms vs bare ${fmt(b)} ms = ${ratio(o, b)} <= ${PAN_RATIO_BUDGET}x: **${o / b <= PAN_RATIO_BUDGET ? 'met' : 'NOT met'}**`);
    }
  }
  return out;
}

async function main() {
  installCleanup();
  const started = Date.now();
  if (!existsSync(join(repoRoot, 'client', 'dist', 'index.html'))) {
    console.log('building the client…');
    execFileSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const server = await startOurs({ enabled: false, note: 'not pinned' });
  const bare = await startBarePageServer();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    await waitForQuietMachine(quick ? 1000 : 15_000);
    const loadAtStart = loadText();
    const rows: Row[] = [];
    const largest = Math.max(...sizes);
    for (const kind of kinds) {
      for (const size of sizes) {
        const comboStarted = Date.now();
        const seeded = await seededBoard(server, kind, size);
        const ours = await measureOurs(browser, kind, size, seeded.url, seeded.doc);
        const bareResult = await measureBare(browser, bare, ours.cards, ours.box, ours.firstCamera, ours.cameras, true);
        const noCull = size === largest && !quick ? await measureBare(browser, bare, ours.cards, ours.box, ours.firstCamera, ours.cameras, false) : undefined;
        const row: Row = { kind, size, ours: ours.result, bare: bareResult, ...(noCull ? { noCull } : {}) };
        if (size === largest && paintRuns > 1) {
          bare.setScene({ cards: ours.cards, box: ours.box, camera: ours.firstCamera, cull: true });
          await morePaints(browser, kind, size, seeded.url, bare, row, paintRuns);
        }
        rows.push(row);
        const fit = row.ours.views.fit!;
        const close = row.ours.views.close!;
        console.log(
          `${kind} ${size} (seed ${seeded.seedMs} ms): first paint ours ${fmt(row.ours.firstPaint, 0)} / bare ${fmt(row.bare.firstPaint, 0)} ms; ` +
            `pan p95 fit ${fmt(fit.pan.p95)} / ${fmt(row.bare.views.fit!.pan.p95)}, close ${fmt(close.pan.p95)} / ${fmt(row.bare.views.close!.pan.p95)} ms` +
            (noCull ? `; bare without culling pan p95 ${fmt(noCull.views.close!.pan.p95)} ms` : '') +
            ` (${fmt((Date.now() - comboStarted) / 1000, 0)} s)`,
        );
        seeded.doc.destroy();
      }
    }
    const matrix = withMatrix ? await measureMatrix(browser, server) : null;
    const chromium = browser.version();
    const sections = kinds.map((kind) => `### ${KIND_LABELS[kind]}\n\n${kindTable(rows.filter((r) => r.kind === kind))}`);
    const budgets = budgetLines(rows);
    const text = [
      `## render: ${machineLine()} · chromium ${chromium}${quick ? ' · --quick' : ''}`,
      '',
      `Load average (1 / 5 / 15 min) on this shared machine: ${loadAtStart} when measuring began, ${loadText()} at the end.`,
      '',
      `Ours (built client, real server, boards seeded by a Node y-websocket client) vs a bare Konva ${'`'}konva.min.js${'`'} page drawing the same cards (rect + text each, same world boxes and camera, culled to the viewport), same run; headless Chromium 1440x900 @1x, --disable-gpu. First paint: ms from navigation start to the first frame after a Konva layer drew with every item loaded${paintRuns > 1 ? `; at ${fmt(Math.max(...sizes), 0)} items it and ours' time to interactive are medians of ${paintRuns} fresh page loads per side, bare and ours in turn (every load is listed under "Every measurement")` : ''}. The bare page is served by a small local HTTP server: an HTML page loads ${'`'}konva.min.js${'`'} and a page script with two script tags; the script fetches the cards (scene.json, laid out from ours' boxes), builds one layer and draws. Frame times: rAF deltas while one wheel (pan, ${panFrames} frames) or ctrl+wheel (zoom in and out, ${zoomFrames} frames) event is dispatched per frame. "fit" = the app's zoom to fit (clamped at 10%), "close" = 100% (400% for the 1,000-unit stakeholder grid). Ratio = ours / bare; 16.7 ms is one 60 Hz frame.`,
      '',
      ...sections.flatMap((s) => [s, '']),
      ...(matrix
        ? [
            `### skills matrix, ${MATRIX_PARTNERS} partners x ${MATRIX_ROWS} rows (${matrix.cells} cells), opened on its tab`,
            '',
            markdownTable(
              ['measure', 'median', 'runs'],
              [
                ['first paint ms', fmt(median(matrix.firstPaint), 0), matrix.firstPaint.map((v) => fmt(v, 0)).join(' / ')],
                ['settled after it ms', fmt(median(matrix.settled), 0), matrix.settled.map((v) => fmt(v, 0)).join(' / ')],
              ],
            ),
            '',
          ]
        : []),
      ...(budgets.length ? [`Budgets (10,000 items: first paint <= 1.5 s and within ${FIRST_PAINT_RATIO_GOAL}x of bare, interactive within ${INTERACTIVE_RATIO_GOAL}x of bare's first paint; pan p95 <= 1.25x bare with culling):`, '', ...budgets, ''] : []),
      '<details><summary>Every measurement</summary>',
      '',
      detailTable(rows),
      '',
      '</details>',
    ].join('\n');
    console.log(`\n${text}\n`);
    console.log(`render bench took ${fmt((Date.now() - started) / 1000, 0)} s`);
    appendResults(text);
  } finally {
    await browser?.close().catch(() => {});
    await bare.close();
    await server.stop();
  }
}

runMain(main);
