import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRecord, getCollection, orderKeys, type BoardView } from '@pc/shared';
import { joinBoard } from '../helpers/browser';
import { createBoard, type CreatedBoard } from '../helpers/server';
import { browserSuite } from '../helpers/suite';
import { ClientPool } from '../helpers/sync';

/**
 * The canvas as a facilitator opens it with something on every board and on
 * the free canvas (notes, a frame, text, a connector) while a second person's
 * cursor is on screen: every board's stage keeps to at most four Konva layers
 * and Konva never warns about their number; panning with the wheel moves the
 * picture without React rendering anything.
 */

const suite = browserSuite('canvas-layers');
const { contexts, errors } = suite;
const pool = new ClientPool();
let board: CreatedBoard;
let page: Page;
let peer: Page;
const warnings: string[] = [];

const CANVAS_TABS: { view: BoardView; label: RegExp }[] = [
  { view: 'stakeholder-map', label: /^Stakeholder/ },
  { view: 'skills-matrix', label: /^Skills/ },
  { view: 'logic-model', label: /^Logic/ },
];

/**
 * Counts React commits through the hook React offers developer tools (present
 * in production builds too): set up before the app's scripts run.
 */
const COMMIT_COUNTER = `(() => {
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot() { window.__commits += 1; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
  };
})()`;

async function openTab(view: BoardView, label: RegExp): Promise<void> {
  await page.getByRole('tab', { name: label }).first().click();
  await page.locator(`#tab-${view}[aria-selected="true"]`).waitFor();
  await page.locator('.canvas').waitFor();
}

async function stageLayers(target: Page): Promise<string[]> {
  return target.evaluate(() => {
    const konva = (window as unknown as { Konva: { stages: { container(): HTMLElement; getLayers(): { name(): string }[] }[] } }).Konva;
    const stage = konva.stages.find((s) => s.container().closest('.canvas'));
    return stage ? stage.getLayers().map((layer) => layer.name() || '(unnamed)') : [];
  });
}

/** The size of a canvas layer's hit bitmap (0 x 0 while it has none), or null without that layer. */
async function layerHitCanvas(name: string): Promise<{ width: number; height: number } | null> {
  return page.evaluate((layerName) => {
    const konva = (window as unknown as { Konva: { stages: { container(): HTMLElement; getLayers(): { name(): string; getHitCanvas(): { width: number; height: number } }[] }[] } }).Konva;
    const stage = konva.stages.find((s) => s.container().closest('.canvas'));
    const layer = stage?.getLayers().find((l) => l.name() === layerName);
    return layer ? { width: layer.getHitCanvas().width, height: layer.getHitCanvas().height } : null;
  }, name);
}

async function commits(): Promise<number> {
  return page.evaluate(() => (window as unknown as { __commits: number }).__commits);
}

/** Waits until no React commit happened for `quietMs` (the board has settled after a tab switch). */
async function quiet(quietMs = 600): Promise<void> {
  let last = await commits();
  for (let rest = 0; rest < quietMs; ) {
    await page.waitForTimeout(100);
    const now = await commits();
    rest = now === last ? rest + 100 : 0;
    last = now;
  }
}

beforeAll(async () => {
  board = await createBoard(suite.server, 'Layered workshop');
  const seeder = pool.connect(suite.server, board.id, board.tokens.owner);
  await seeder.synced();
  seeder.doc.transact(() => {
    const doc = seeder.doc;
    createRecord(doc, 'partners', { name: 'Riverside Council', colour: '#16a34a', sector: 'public' });
    for (let i = 0; i < 12; i += 1) createRecord(doc, 'stakeholders', { name: `Group ${i + 1}`, power: i % 5, interest: (i * 3) % 5, placed: true });
    createRecord(doc, 'matrixRows', { name: 'Safeguarding', category: 'skill', required: 2, order: 'a0' });
    const first = createRecord(doc, 'logicNodes', { column: 'activities', text: 'Weekly drop-in' });
    const second = createRecord(doc, 'logicNodes', { column: 'outputs', text: 'Families supported' });
    createRecord(doc, 'logicLinks', { from: first.id, to: second.id });
    for (const view of ['stakeholder-map', 'skills-matrix', 'logic-model'] as const) {
      const keys = orderKeys(4);
      createRecord(doc, 'canvasItems', { id: `${view}-frame`, kind: 'frame', view, text: 'Ideas', x: 1200, y: 100, width: 700, height: 400, order: keys[0]! });
      createRecord(doc, 'canvasItems', { id: `${view}-note`, kind: 'sticky', view, text: 'Ask the youth forum', x: 1250, y: 200, width: 180, height: 120, order: keys[1]! });
      createRecord(doc, 'canvasItems', { id: `${view}-text`, kind: 'text', view, text: 'Next steps', x: 1500, y: 200, width: 200, height: 40, order: keys[2]! });
      createRecord(doc, 'canvasItems', { id: `${view}-link`, kind: 'connector', view, fromId: `${view}-note`, toId: `${view}-text`, order: keys[3]! });
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  peer = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Bob Partner', { contexts, errors });
  page = await joinBoard(suite.browser, suite.server.url, board.links.edit, 'Alice Facilitator', { contexts, errors });
  await page.context().addInitScript(COMMIT_COUNTER);
  page.on('console', (message) => {
    if (/layers/i.test(message.text())) warnings.push(message.text());
  });
  await page.reload();
  await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
});

describe('canvas layers', () => {
  it('every board draws on at most four Konva layers, and Konva never warns about their number', async () => {
    const counts: Record<string, string[]> = {};
    for (const { view, label } of CANVAS_TABS) {
      await openTab(view, label);
      await peer.getByRole('tab', { name: label }).first().click();
      // Bob's pointer over the canvas: his cursor is drawn on Alice's screen.
      const box = (await peer.locator('.canvas').boundingBox())!;
      await peer.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
      await peer.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 3 });
      await page.waitForTimeout(300);
      counts[view] = await stageLayers(page);
      await page.screenshot({ path: join(suite.shots, `${view}.png`) });
    }
    for (const { view } of CANVAS_TABS) {
      expect(counts[view]!.length, `${view}: ${counts[view]!.join(', ')}`).toBeGreaterThan(0);
      expect(counts[view]!.length, `${view}: ${counts[view]!.join(', ')}`).toBeLessThanOrEqual(4);
    }
    expect(warnings).toEqual([]);
    expect(errors.get('Alice Facilitator') ?? []).toEqual([]);
  });

  it("the stakeholder map's cards layer answers pointer hits from its own index, with no hit canvas", async () => {
    await openTab('stakeholder-map', /^Stakeholder/);
    const hitCanvas = () => layerHitCanvas('stakeholder-cards');
    expect(await hitCanvas()).toEqual({ width: 0, height: 0 });
    // A card still takes the pointer: a click on it selects it.
    const canvas = page.locator('.canvas');
    const box = (await canvas.boundingBox())!;
    const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
    const rows = page.locator('ul[aria-label="Stakeholders"] li[data-map-x]');
    // The card nearest the middle of the canvas (clear of the panels at its edges).
    let target: { x: number; y: number } | null = null;
    for (const row of await rows.all()) {
      const x = box.x + cx + Number(await row.getAttribute('data-map-x')) * zoom;
      const y = box.y + cy + Number(await row.getAttribute('data-map-y')) * zoom;
      const far = (p: { x: number; y: number }) => (p.x - box.x - box.width / 2) ** 2 + (p.y - box.y - box.height / 2) ** 2;
      if (!target || far({ x, y }) < far(target)) target = { x, y };
    }
    await page.mouse.click(target!.x, target!.y);
    await page.screenshot({ path: join(suite.shots, 'stakeholder-hit.png') });
    await expect.poll(() => page.locator('ul[aria-label="Stakeholders"] li[aria-current="true"]').count()).toBe(1);
    expect(await hitCanvas()).toEqual({ width: 0, height: 0 });
    await page.keyboard.press('Escape');
  });

  it('a click just after the camera moved still lands on the card under it', async () => {
    await openTab('logic-model', /^Logic/);
    await page.keyboard.press('Escape');
    const canvas = page.locator('.canvas');
    const box = (await canvas.boundingBox())!;
    const row = page.locator('[aria-label="Logic model outline"] li[data-node-id]', { hasText: 'Weekly drop-in' });
    const n = async (name: string) => Number(await row.getAttribute(name));
    const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
    const card = { x: box.x + cx + ((await n('data-x')) + (await n('data-width')) / 2) * zoom, y: box.y + cy + ((await n('data-y')) + (await n('data-height')) / 2) * zoom };
    await page.mouse.move(card.x, card.y);
    await quiet();
    const camera = await canvas.getAttribute('data-camera');
    // The camera moves and comes back (hits pause while it moves), and the press follows at once.
    await page.mouse.wheel(0, 30);
    await page.mouse.wheel(0, -30);
    await page.waitForFunction((was) => document.querySelector('.canvas')?.getAttribute('data-camera') === was, camera);
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => row.getAttribute('aria-current'), { timeout: 3000 }).toBe('true');
    await page.keyboard.press('Escape');
  });

  it('the notes layer draws no hit graph until a pointer asks, then one for where the notes are by then', async () => {
    const notesHitCanvas = () => layerHitCanvas('notes');
    // A fresh page with the pointer away from the canvas (as on a projector): nothing has asked for a hit.
    await page.mouse.move(1, 1);
    await page.reload();
    await page.locator('.connection[data-state="live"]').waitFor({ timeout: 15_000 });
    await openTab('stakeholder-map', /^Stakeholder/);
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    const row = page.locator('ul[aria-label="Items on this board"] li[data-item-id="stakeholder-map-note"]');
    await row.waitFor();
    await quiet();
    expect(await notesHitCanvas()).toEqual({ width: 0, height: 0 });

    // Someone else moves the note; a click where it now is selects it, a click where it was does not.
    const mover = pool.connect(suite.server, board.id, board.tokens.edit);
    await mover.synced();
    getCollection(mover.doc, 'canvasItems').get('stakeholder-map-note')!.set('y', 330);
    await expect.poll(() => row.getAttribute('data-y')).toBe('330');
    await quiet();
    const canvas = page.locator('.canvas');
    const box = (await canvas.boundingBox())!;
    const [cx, cy, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
    const screen = (x: number, y: number) => ({ x: box.x + cx + x * zoom, y: box.y + cy + y * zoom });
    const was = screen(1250 + 90, 200 + 20);
    const now = screen(1250 + 90, 330 + 100);
    await page.mouse.click(was.x, was.y);
    await page.waitForTimeout(200);
    expect(await row.getAttribute('aria-current')).not.toBe('true');
    expect((await notesHitCanvas())!.width).toBeGreaterThan(0);
    await page.mouse.click(now.x, now.y);
    await expect.poll(() => row.getAttribute('aria-current'), { timeout: 3000 }).toBe('true');
    await page.keyboard.press('Escape');
    mover.destroy();
  });

  it('a layer drawn at once does not draw again at the next frame unless something asked after', async () => {
    await openTab('stakeholder-map', /^Stakeholder/);
    await quiet();
    // What the stage does when React attaches a layer whose shapes have each asked for a frame.
    const draws = (order: 'request-then-draw' | 'draw-then-request') =>
      page.evaluate(async (which) => {
        const konva = (window as unknown as { Konva: { stages: { container(): HTMLElement; getLayers(): { name(): string; draw(): void; batchDraw(): void; drawScene(...args: unknown[]): unknown }[] }[] } }).Konva;
        const layer = konva.stages.find((s) => s.container().closest('.canvas'))!.getLayers().find((l) => l.name() === 'notes')!;
        const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
        await frame();
        await frame();
        let count = 0;
        const drawScene = layer.drawScene;
        layer.drawScene = function (...args: unknown[]) {
          count += 1;
          return drawScene.apply(this, args);
        };
        try {
          if (which === 'request-then-draw') {
            layer.batchDraw();
            layer.draw();
          } else {
            layer.draw();
            layer.batchDraw();
          }
          await frame();
          await frame();
          return count;
        } finally {
          layer.drawScene = drawScene;
        }
      }, order);
    expect(await draws('request-then-draw')).toBe(1);
    expect(await draws('draw-then-request')).toBe(2);
  });

  it('a wheel pan moves the canvas without React rendering anything', async () => {
    for (const { view, label } of CANVAS_TABS) {
      await openTab(view, label);
      const canvas = page.locator('.canvas');
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await quiet();
      const cameraBefore = await canvas.getAttribute('data-camera');
      const before = await commits();
      // A short pan (within the region the canvas culls to): one wheel step a frame.
      for (let i = 0; i < 12; i += 1) {
        await page.mouse.wheel(6, 4);
        await page.waitForTimeout(16);
      }
      await page.waitForFunction((was) => document.querySelector('.canvas')?.getAttribute('data-camera') !== was, cameraBefore);
      await page.waitForTimeout(200);
      const rendered = (await commits()) - before;
      const cameraAfter = await canvas.getAttribute('data-camera');
      expect(cameraAfter, view).not.toBe(cameraBefore);
      expect(rendered, `${view}: React commits during a pan`).toBe(0);
    }
  });
});
