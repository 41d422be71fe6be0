/**
 * Time to interactive, defined once for the render benchmark and the side-by-side
 * comparison: right after first paint, a real click (CDP mouse events) on the
 * card nearest the middle of the canvas, found through the board's accessible
 * list (each row carries its record's world box); the figure is
 * performance.now() (ms since navigation start) in the first animation frame in
 * which the list marks a record as selected (`aria-current="true"`). A page still
 * busy with its first render answers the click only when it is done.
 */
import type { Page } from 'playwright-core';
import type { RenderKind } from './seed';

/** The rows of each kind's accessible list: one per record, with its world box. */
const ROWS: Record<RenderKind, string> = {
  stickies: 'ul[aria-label="Items on this board"] li[data-item-id]',
  stakeholders: 'ul[aria-label="Stakeholders"] li[data-map-x]',
  logic: '[aria-label="Logic model outline"] li[data-node-id]',
};

/** Screen point (page coordinates) of the centre of the listed card nearest the canvas's centre. */
function nearestCard({ rows, centred }: { rows: string; centred: boolean }): { x: number; y: number } | null {
  const canvas = document.querySelector('.canvas');
  if (!canvas) return null;
  const rect = canvas.getBoundingClientRect();
  const [cx, cy, zoom] = (canvas.getAttribute('data-camera') ?? '0,0,1').split(',').map(Number) as [number, number, number];
  const mid = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  let best: { x: number; y: number } | null = null;
  let bestDistance = Infinity;
  for (const li of document.querySelectorAll(rows)) {
    const n = (name: string) => Number(li.getAttribute(name));
    // Stakeholder rows give the card's centre; the others its box.
    const wx = centred ? n('data-map-x') : n('data-x') + n('data-width') / 2;
    const wy = centred ? n('data-map-y') : n('data-y') + n('data-height') / 2;
    const x = rect.left + cx + wx * zoom;
    const y = rect.top + cy + wy * zoom;
    if (x < rect.left || x > rect.right || y < rect.top || y > rect.bottom) continue;
    const distance = (x - mid.x) ** 2 + (y - mid.y) ** 2;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = { x, y };
    }
  }
  return best;
}

/** Clicks a card on screen and returns ms since navigation start when the page shows it selected. */
export async function timeToInteractive(page: Page, kind: RenderKind): Promise<number> {
  const rows = ROWS[kind];
  const target = await page.evaluate(nearestCard, { rows, centred: kind === 'stakeholders' });
  if (!target) throw new Error(`no ${kind} card on screen to click`);
  await page.mouse.click(target.x, target.y);
  const answered = await page.waitForFunction((selected) => (document.querySelector(selected) ? performance.now() : false), `${rows}[aria-current="true"]`, { polling: 'raf', timeout: 60_000 });
  return (await answered.jsonValue()) as number;
}
