/**
 * Shared pieces of the browser benchmarks: Chromium, opening a board page as a
 * named person, frame-time recording in the page, frame statistics and a
 * deterministic PRNG for seeding. The page-side code is passed as strings:
 * tsx's name-keeping helpers (`__name`) would not exist inside the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { percentile } from './harness';

export { launchChromium } from '../../tests/helpers/browser';
export { mulberry32 } from '../../tests/helpers/random';

export const VIEWPORT = { width: 1440, height: 900 } as const;

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  fps: number;
}

/** p50 / p95 / max of rAF-to-rAF intervals (ms), and the frame rate they add up to. */
export function frameStats(deltas: readonly number[]): FrameStats {
  const sorted = [...deltas].sort((x, y) => x - y);
  const total = deltas.reduce((s, d) => s + d, 0);
  return {
    frames: deltas.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
    fps: total > 0 ? (deltas.length / total) * 1000 : NaN,
  };
}

/** A fresh 1440x900 @1x context; `tsx`'s `__name` helper stubbed for evaluated functions. */
export async function newBenchContext(browser: Browser, initScripts: string[] = []): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
  for (const content of initScripts) await context.addInitScript({ content });
  return context;
}

/** An init script that stores a confirmed name, so the board opens without the name dialog. */
export function confirmedIdentityScript(name = 'Bench'): string {
  const identity = JSON.stringify({ name, colour: '#2563eb', confirmed: true });
  return `try { if (location.protocol.startsWith('http')) localStorage.setItem('pc.identity', ${JSON.stringify(identity)}); } catch {}`;
}

/** Open a share link in a fresh context, answer the name dialog and wait until the board is live. */
export async function openBoard(browser: Browser, url: string, timeout = 60_000): Promise<Page> {
  const context = await newBenchContext(browser);
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill('Bench');
  await dialog.getByRole('button', { name: 'Join board' }).click();
  await page.locator('.connection[data-state="live"]').waitFor({ timeout });
  return page;
}

const START_FRAMES = `(() => {
  window.__frames = [];
  window.__recording = true;
  let last = performance.now();
  function tick(t) {
    window.__frames.push(t - last);
    last = t;
    if (window.__recording) requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

/** Start recording rAF-to-rAF intervals while the caller drives input from outside. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

/** Stop recording and return the intervals (the first, partial one dropped). */
export async function stopFrames(page: Page): Promise<number[]> {
  await page.waitForTimeout(50);
  return page.evaluate('(() => { window.__recording = false; return window.__frames.slice(1); })()') as Promise<number[]>;
}

export interface WheelScript {
  /** Element that receives the events (its centre is the pointer position). */
  target: string;
  /** One wheel event per animation frame, in order. */
  steps: { deltaX: number; deltaY: number; ctrlKey?: boolean }[];
}

/**
 * Dispatch one wheel event per animation frame inside the page (no automation
 * round trip between frames) and return the rAF-to-rAF intervals: the frame
 * times the person would see while scrolling, panning or pinch-zooming.
 */
export async function wheelFrames(page: Page, script: WheelScript): Promise<number[]> {
  return page.evaluate(
    async ({ target, steps }) => {
      const element = document.querySelector(target) as HTMLElement;
      const rect = element.getBoundingClientRect();
      const intervals: number[] = [];
      await new Promise<void>((resolve) => {
        let last = performance.now();
        let i = 0;
        const frame = (now: number) => {
          intervals.push(now - last);
          last = now;
          const step = steps[i++];
          if (!step) return resolve();
          element.dispatchEvent(
            new WheelEvent('wheel', {
              deltaX: step.deltaX,
              deltaY: step.deltaY,
              ctrlKey: step.ctrlKey ?? false,
              clientX: rect.left + rect.width / 2,
              clientY: rect.top + rect.height / 2,
              bubbles: true,
              cancelable: true,
            }),
          );
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      });
      // The first interval ends the frame before any input.
      return intervals.slice(1);
    },
    script,
  );
}

/** Back and forth in four legs (right-down, left-down, right-up, left-up), ending near the start. */
export function panSteps(frames: number, dx = 24, dy = 16): WheelScript['steps'] {
  return Array.from({ length: frames }, (_, i) => {
    const leg = Math.floor((i * 4) / frames);
    return { deltaX: leg % 2 === 0 ? dx : -dx, deltaY: leg < 2 ? dy : -dy };
  });
}

/** Ctrl+wheel (a pinch) in, then out by as much, around the pointer. */
export function zoomSteps(frames: number, deltaY = 8): WheelScript['steps'] {
  return Array.from({ length: frames }, (_, i) => ({ deltaX: 0, deltaY: i < frames / 2 ? -deltaY : deltaY, ctrlKey: true }));
}
