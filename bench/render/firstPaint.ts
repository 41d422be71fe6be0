import type { BrowserContext } from 'playwright-core';

/**
 * First paint, defined once for both pages (ours and the bare Konva page):
 *
 *   performance.now() (ms since navigation start) in the first
 *   requestAnimationFrame callback of a later frame than the first Konva
 *   Layer.drawScene that ran while the page's `ready` predicate held.
 *
 * `ready` says the page holds all of the board's items (ours: the accessible
 * list, rendered in the same React commit as the canvas, counts all of them;
 * bare: its layer is built). The hook wraps Konva.Layer.prototype.drawScene the
 * once the library has registered `window.Konva` (both the app bundle and
 * konva.min.js do; the classes are attached right after), so it sees
 * cached-bitmap draws as well as live ones.
 */
/**
 * Which DOM says our page holds every item: the list beside the canvas counts
 * the board's records (`data-count`, rendered in the same commit as the canvas;
 * its rows may still be filling in idle time after the first frame), or, for a
 * list without the count (older builds, the stakeholder list), holds a row for each.
 */
export function itemsReady(kind: 'stickies' | 'stakeholders' | 'logic', count: number): string {
  const lists = {
    stickies: 'ul[aria-label="Items on this board"]',
    stakeholders: 'ul[aria-label="Stakeholders"]',
    logic: '[aria-label="Logic model outline"]',
  }[kind];
  const rows = {
    stickies: 'li[data-item-id]',
    stakeholders: 'li[data-map-x]',
    logic: 'li[data-node-id]',
  }[kind];
  return `(Number(document.querySelector(${JSON.stringify(lists)})?.getAttribute('data-count')) >= ${count} || document.querySelectorAll(${JSON.stringify(`${lists} ${rows}`)}).length >= ${count})`;
}

export function firstPaintScript(ready: string): string {
  return `(() => {
  const fp = (window.__firstPaint = { paint: null, drawnAt: null, layerDraws: 0 });
  let ready = false;
  const isReady = () => ready || (ready = Boolean(${ready}));
  const hook = (K) => {
    if (!K || !K.Layer || K.Layer.prototype.__benchHooked) return;
    const drawScene = K.Layer.prototype.drawScene;
    K.Layer.prototype.drawScene = function (...args) {
      const result = drawScene.apply(this, args);
      fp.layerDraws += 1;
      if (fp.drawnAt === null && isReady()) fp.drawnAt = document.timeline.currentTime;
      return result;
    };
    K.Layer.prototype.__benchHooked = true;
  };
  let konva;
  Object.defineProperty(window, 'Konva', { configurable: true, enumerable: true, get: () => konva, set: (value) => { konva = value; hook(value); queueMicrotask(() => hook(value)); } });
  const tick = (t) => {
    hook(konva);
    if (fp.drawnAt !== null && t > fp.drawnAt) fp.paint = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

/**
 * A board link that opens on the tab a kind is drawn on (`&view=`, as people
 * share them); builds from before boards read the tab from their link open the
 * stakeholder map, and `openTabScript` clicks the tab for them.
 */
export function tabLink(link: string, kind: 'stickies' | 'stakeholders' | 'logic' | 'matrix'): string {
  const view = { logic: 'logic-model', matrix: 'skills-matrix', stickies: null, stakeholders: null }[kind];
  return view ? `${link}&view=${view}` : link;
}

/** An init script that clicks a tab as soon as it exists (no automation round trip). */
export function openTabScript(selector: string): string {
  return `(() => {
  if (!location.pathname.startsWith('/b/')) return;
  const click = () => {
    const tab = document.querySelector(${JSON.stringify(selector)});
    if (!tab) return false;
    tab.click();
    return true;
  };
  const observer = new MutationObserver(() => { if (click()) observer.disconnect(); });
  document.addEventListener('DOMContentLoaded', () => { if (!click()) observer.observe(document.body, { childList: true, subtree: true }); });
})();`;
}

/**
 * Open `url` once in `context` and close it: the next load there is a
 * returning visitor's, with the board's offline copy in the browser (written
 * from the first sync as it came, then merged once a second).
 */
export async function visitOnce(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction('window.__firstPaint && window.__firstPaint.paint', undefined, { timeout: 120_000, polling: 50 });
  await page.waitForTimeout(3000);
  await page.close();
}
