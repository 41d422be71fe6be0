/**
 * Two builds of the client side by side on the same machine and run: first
 * paint (render/firstPaint.ts) and time to interactive (render/interactive.ts)
 * of one board, opened alternately from a server serving each build, medians of
 * the runs. For a before/after figure of a change to the client:
 *
 *   npx vite build --outDir /tmp/before   (on the old code)
 *   npm run build                         (on the new code)
 *   node --import tsx bench/render/compare.ts --before=/tmp/before [--after=client/dist] --kind=stickies --size=10000 --runs=3 [--mbps=10 --rtt=40]
 *
 * --mbps (with --rtt, ms) loads the page over an emulated link of that speed
 * (Chromium's network emulation, both directions) instead of loopback.
 * --returning measures a returning visitor: each run opens the board once in
 * its browser context first, so the measured load has the offline copy.
 */
import { resolve } from 'node:path';
import { flag, fmt, installCleanup, median, numberOption, repoRoot, startOurs, stringOption, runMain } from '../lib/harness';
import { confirmedIdentityScript, launchChromium, newBenchContext } from '../lib/browser';
import { firstPaintScript, itemsReady, openTabScript, visitOnce } from './firstPaint';
import { timeToInteractive } from './interactive';
import { seededBoardLink, type RenderKind } from './seed';
import { ClientPool } from '../../tests/helpers/sync';

async function main() {
  installCleanup();
  const kind = (stringOption('kind') ?? 'stickies') as RenderKind;
  const size = Math.round(numberOption('size', 10_000));
  const runs = Math.round(numberOption('runs', 3));
  const mbps = numberOption('mbps', 0);
  const rtt = numberOption('rtt', 40);
  const returning = flag('returning');
  const before = stringOption('before');
  if (!before) throw new Error('--before=<dir of a client build> is required');
  const sides = [
    { name: 'before', dir: resolve(before) },
    { name: 'after', dir: resolve(repoRoot, stringOption('after') ?? 'client/dist') },
  ];
  const pool = new ClientPool();
  const browser = await launchChromium();
  const servers: Awaited<ReturnType<typeof startOurs>>[] = [];
  try {
    const urls: string[] = [];
    for (const side of sides) {
      const server = await startOurs({ enabled: false, note: 'not pinned' }, { env: { STATIC_DIR: side.dir } });
      servers.push(server);
      urls.push(await seededBoardLink(server, pool, kind, size, `Compare: ${size} ${kind}`));
    }
    await new Promise((r) => setTimeout(r, 3000));
    pool.destroyAll();
    const scripts = [confirmedIdentityScript(), firstPaintScript(itemsReady(kind, size))];
    if (kind === 'logic') scripts.push(openTabScript('#tab-logic-model'));
    const figures = sides.map(() => ({ paint: [] as number[], tti: [] as number[] }));
    for (let run = 0; run < runs; run++) {
      for (let i = 0; i < sides.length; i++) {
        const context = await newBenchContext(browser, scripts);
        try {
          if (returning) await visitOnce(context, urls[i]!);
          const page = await context.newPage();
          if (mbps > 0) {
            const cdp = await context.newCDPSession(page);
            await cdp.send('Network.enable');
            const bytesPerSecond = (mbps * 1_000_000) / 8;
            await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rtt, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
          }
          page.on('pageerror', (error) => console.error(`  ${sides[i]!.name} page error:`, error.message));
          await page.goto(urls[i]!);
          const paint = (await (await page.waitForFunction('window.__firstPaint && window.__firstPaint.paint', undefined, { timeout: 120_000, polling: 50 })).jsonValue()) as number;
          const tti = await timeToInteractive(page, kind);
          figures[i]!.paint.push(paint);
          figures[i]!.tti.push(tti);
          console.log(`run ${run + 1} ${sides[i]!.name}: first paint ${fmt(paint, 0)} ms, interactive ${fmt(tti, 0)} ms`);
        } finally {
          await context.close();
        }
      }
    }
    console.log(`\n${kind} ${size}${returning ? ', returning visitor' : ''}${mbps > 0 ? ` over ${mbps} Mbit/s, ${rtt} ms RTT` : ''}, medians of ${runs} runs:`);
    sides.forEach((side, i) => console.log(`  ${side.name.padEnd(6)} first paint ${fmt(median(figures[i]!.paint), 0)} ms, interactive ${fmt(median(figures[i]!.tti), 0)} ms`));
  } finally {
    pool.destroyAll();
    await browser.close();
    for (const server of servers) await server.stop();
  }
}

runMain(main);
