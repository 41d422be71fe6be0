import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { artifactsDir, launchChromium } from './browser';
import { startServer, type RunningServer, type StartOptions } from './server';

export interface BrowserSuite {
  server: RunningServer;
  browser: Browser;
  contexts: BrowserContext[];
  errors: Map<string, string[]>;
  /** Where this suite's screenshots go (created). */
  shots: string;
}

/**
 * One real server and one Chromium for a test file, closed after it; `server` and `browser` are set in beforeAll.
 * A test that restarts the server (on `serverOptions.dataDir`) puts the new one in `server`: that one is closed.
 */
export function browserSuite(shotsFolder: string, serverOptions: StartOptions = {}): BrowserSuite {
  const suite = { contexts: [], errors: new Map(), shots: join(artifactsDir, shotsFolder) } as unknown as BrowserSuite;
  beforeAll(async () => {
    mkdirSync(suite.shots, { recursive: true });
    suite.server = await startServer(serverOptions);
    suite.browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of suite.contexts) await context.close().catch(() => {});
    await suite.browser?.close();
    await suite.server?.dispose();
  });
  return suite;
}
