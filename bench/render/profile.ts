/**
 * Where the time goes: a CPU profile (CDP Profiler) of our page opening a board
 * of one kind and size up to first paint, and then while panning at the fit
 * zoom (or at 100% with --view=close), summarised as the functions with the most self and total time.
 *
 *   node --import tsx bench/render/profile.ts --kind=stickies --size=10000 [--phase=load|pan|zoom] [--view=fit|close] [--top=30] [--returning] [--tti]
 *
 * --returning opens the board once first, so the profiled load is a returning
 * visitor's (the browser holds the board's offline copy); --tti extends the
 * load profile to the first click on a card answered.
 *
 * Profiles a built client (npm run build); a build with `--sourcemap` names the
 * source files.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { flag, fmt, installCleanup, numberOption, startOurs, stringOption, runMain } from '../lib/harness';
import { confirmedIdentityScript, launchChromium, newBenchContext, panSteps, wheelFrames, zoomSteps } from '../lib/browser';
import { firstPaintScript, itemsReady, openTabScript, visitOnce } from './firstPaint';
import { timeToInteractive } from './interactive';
import { seededBoardLink, type RenderKind } from './seed';
import { artifactsDir } from '../../tests/helpers/browser';
import { ClientPool } from '../../tests/helpers/sync';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self and total ms per function (total counted once per sample even when recursive). */
export function summarise(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + dt);
    }
  });
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([l, ms]) => `${fmt(ms, 0).padStart(7)} ms  ${l}`)
      .join('\n');
  return `self time:\n${list(self)}\n\ntotal time:\n${list(total)}`;
}

async function profiled(cdp: CDPSession, run: () => Promise<unknown>): Promise<Profile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return profile;
}

async function main() {
  installCleanup();
  const kind = (stringOption('kind') ?? 'stickies') as RenderKind;
  const size = Math.round(numberOption('size', 10_000));
  const phase = stringOption('phase') ?? 'load';
  const top = Math.round(numberOption('top', 30));
  const server = await startOurs({ enabled: false, note: 'not pinned' });
  const pool = new ClientPool();
  const browser = await launchChromium();
  try {
    const url = await seededBoardLink(server, pool, kind, size, 'Profile');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ready = itemsReady(kind, size);
    const scripts = [confirmedIdentityScript(), firstPaintScript(ready)];
    if (kind === 'logic') scripts.push(openTabScript('#tab-logic-model'));
    const context = await newBenchContext(browser, scripts);
    const page: Page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const waitPaint = () => page.waitForFunction('window.__firstPaint && window.__firstPaint.paint', undefined, { timeout: 120_000 });
    let profile: Profile;
    if (phase === 'load') {
      if (flag('returning')) await visitOnce(context, url);
      profile = await profiled(cdp, async () => {
        await page.goto(url);
        await waitPaint();
        if (flag('tti')) console.log(`first click answered ${fmt(await timeToInteractive(page, kind), 0)} ms`);
      });
      console.log(`first paint ${fmt(Number(await page.evaluate('window.__firstPaint.paint')), 0)} ms (profiled)`);
    } else {
      await page.goto(url);
      await waitPaint();
      await page.waitForTimeout(2000);
      if (stringOption('view') === 'close') await page.locator('.zoom-level').click();
      else await page.locator('button[aria-label="Zoom to fit"]').click();
      await page.waitForTimeout(1000);
      profile = await profiled(cdp, () => wheelFrames(page, { target: '.canvas', steps: phase === 'zoom' ? zoomSteps(30) : panSteps(30) }));
    }
    const file = join(artifactsDir, `profile-${kind}-${size}-${phase}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(summarise(profile, top));
    console.log(`\nprofile written to ${file} (open in Chrome DevTools > Performance)`);
  } finally {
    pool.destroyAll();
    await browser.close();
    await server.stop();
  }
}

runMain(main);
