import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from './server';

/** Screenshots for people to look at; gitignored. */
export const artifactsDir = join(repoRoot, 'test-artifacts');

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Collect page errors so a test can fail loudly on an uncaught exception in the app. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

export interface JoinOptions {
  /** Contexts opened so far, closed by the test's afterAll. */
  contexts: BrowserContext[];
  /** Page errors by person, for the test's no-errors check. */
  errors: Map<string, string[]>;
  viewport?: { width: number; height: number };
  /** Let a test inject a checker script (axe-core) past the app's Content Security Policy. */
  bypassCSP?: boolean;
}

/**
 * Open a share link in a fresh browser context as a new person: answer the
 * name dialog and wait until the board is live (or read-only for a viewer).
 */
export async function joinBoard(browser: Browser, baseUrl: string, link: string, name: string, options: JoinOptions): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1440, height: 900 }, deviceScaleFactor: 1, bypassCSP: options.bypassCSP ?? false });
  options.contexts.push(context);
  const page = await context.newPage();
  options.errors.set(name, trackPageErrors(page));
  await page.goto(new URL(link, baseUrl).href);
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join board' }).click();
  await page.locator('.connection[data-state="live"], .connection[data-state="read-only"]').waitFor({ timeout: 15_000 });
  return page;
}

/**
 * Waits until the camera has stood still for longer than the canvas's rest
 * delay (hits are paused while it moves, e.g. during a zoom-to-fit): a click
 * before then would land on a moving canvas that does not take it yet.
 */
export async function waitForCameraRest(page: Page, restMs = 250): Promise<void> {
  const canvas = page.locator('.canvas');
  const deadline = Date.now() + 5_000;
  let last = await canvas.getAttribute('data-camera');
  for (;;) {
    await page.waitForTimeout(restMs);
    const now = await canvas.getAttribute('data-camera');
    if (now === last || Date.now() > deadline) return;
    last = now;
  }
}

/** The board canvas's box on the page and its camera (`x`, `y` in canvas pixels, `zoom`), as the canvas exposes it. */
export async function canvasCamera(page: Page): Promise<{ box: { x: number; y: number; width: number; height: number }; x: number; y: number; zoom: number }> {
  const canvas = page.locator('.canvas');
  const box = (await canvas.boundingBox())!;
  const [x, y, zoom] = (await canvas.getAttribute('data-camera'))!.split(',').map(Number) as [number, number, number];
  return { box, x, y, zoom };
}

/** Page coordinates of a world point on the board's canvas. */
export async function canvasScreenPoint(page: Page, world: { x: number; y: number }): Promise<{ x: number; y: number }> {
  const cam = await canvasCamera(page);
  return { x: cam.box.x + cam.x + world.x * cam.zoom, y: cam.box.y + cam.y + world.y * cam.zoom };
}
