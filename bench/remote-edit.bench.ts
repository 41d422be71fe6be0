/**
 * What another person's editing costs the browsers watching: one board open in
 * headless Chromium (the built client, real server) while a Node y-websocket
 * client, another participant, drags one record at 30 updates a second, as the
 * app sends a drag. The figure is the page's main-thread time per second
 * (Chromium's own TaskDuration and ScriptDuration, read through CDP before and
 * after the window, which runs until the page shows the last edit), per edit,
 * and how long after the last edit was sent the page showed it. In a workshop
 * everyone else's drags, typing and votes arrive like this, all the time: what
 * each one costs is what is left for the person's own panning and typing.
 *
 * Scenarios: a sticky note dragged on a board of notes, a stakeholder dragged
 * on the power/interest grid, at 500 and 10,000 records. Each page checks it
 * received the drag (the list row of the dragged record shows its last place).
 *
 * Options (flag or env BENCH_<NAME>): --sizes 500,10000, --seconds 6, --hz 30,
 * --repeats 3 (fresh page each, medians), --before <dir of another client
 * build> (measured side by side with client/dist, alternating, for a
 * before/after figure), --quick (500 records, 3 s, 1 repeat), --no-results,
 * --profile <dir> (a CPU profile of each drag window written there, to open in
 * DevTools; a build with `vite build --minify false` names the functions).
 * Needs a built client (`npm run bench` builds it when the sources are newer).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Y from 'yjs';
import { updateRecord } from '@pc/shared';
import { appendResults, flag, fmt, installCleanup, machineLine, markdownTable, median, numberOption, repoRoot, startOurs, stringOption, waitForQuietMachine, runMain } from './lib/harness';
import { confirmedIdentityScript, launchChromium, newBenchContext } from './lib/browser';
import { seedStakeholders, seedStickies } from './render/seed';
import { createBoard } from '../tests/helpers/server';
import { ClientPool } from '../tests/helpers/sync';

const QUICK = flag('quick');
const SIZES = (stringOption('sizes') ?? (QUICK ? '500' : '500,10000')).split(',').map(Number);
const SECONDS = numberOption('seconds', QUICK ? 3 : 6);
const HZ = numberOption('hz', 30);
const REPEATS = Math.max(1, Math.round(numberOption('repeats', QUICK ? 1 : 3)));
const BEFORE = stringOption('before');
const PROFILE_DIR = stringOption('profile');

type Kind = 'notes' | 'stakeholders';

interface Scenario {
  kind: Kind;
  size: number;
  label: string;
  /** The list that counts the board's records, and the row of one record. */
  list: string;
  row(id: string): string;
  seed(doc: Y.Doc): string;
  /** The i-th step of the drag, written as the app writes a drag. */
  step(doc: Y.Doc, id: string, i: number): { x: number; y: number };
}

const origin = { kind: 'remote-peer' };

const SCENARIOS: Scenario[] = SIZES.flatMap((size) => [
  {
    kind: 'notes' as const,
    size,
    label: `a sticky note dragged, ${size} notes`,
    list: `ul[aria-label="Items on this board"][data-count="${size}"]`,
    row: (id: string) => `ul[aria-label="Items on this board"] li[data-item-id="${id}"]`,
    seed: (doc: Y.Doc) => [...seedStickies(doc, size).keys()][Math.floor(size / 2)]!,
    step: (doc: Y.Doc, id: string, i: number) => {
      const place = { x: 400 + (i % 120) * 5, y: 300 + Math.round(Math.sin(i / 10) * 80) };
      updateRecord(doc, 'canvasItems', id, place, origin);
      return place;
    },
  },
  {
    kind: 'stakeholders' as const,
    size,
    label: `a stakeholder dragged on the grid, ${size} stakeholders`,
    list: `ul[aria-label="Stakeholders"]`,
    row: (id: string) => `ul[aria-label="Stakeholders"] li[data-stakeholder-id="${id}"]`,
    seed: (doc: Y.Doc) => seedStakeholders(doc, size)[Math.floor(size / 2)]!,
    step: (doc: Y.Doc, id: string, i: number) => {
      // Across the grid: the card's power and interest change as it crosses cells.
      const place = { x: Math.round(Math.sin(i / 12) * 2500), y: Math.round(Math.cos(i / 12) * 1500) || 1 };
      updateRecord(doc, 'stakeholders', id, { ...place, power: Math.floor(i / 15) % 5, interest: Math.floor(i / 7) % 5 }, origin);
      return place;
    },
  },
]);

interface Measure {
  side: string;
  taskMsPerS: number;
  scriptMsPerS: number;
  edits: number;
  idleTaskMsPerS: number;
  perEditMs: number;
  behindMs: number;
}

async function main() {
  installCleanup();
  if (!existsSync(resolve(repoRoot, 'client/dist/index.html'))) throw new Error('no built client: npm run build (npm run bench builds it)');
  const sides = [{ name: 'client/dist', dir: resolve(repoRoot, 'client/dist') }];
  if (BEFORE) sides.unshift({ name: 'before', dir: resolve(BEFORE) });
  const servers = await Promise.all(sides.map((side) => startOurs({ enabled: false, note: 'not pinned' }, { env: { STATIC_DIR: side.dir } })));
  const pool = new ClientPool();
  const browser = await launchChromium();
  const rows: string[][] = [];
  const every: string[][] = [];
  try {
    for (const scenario of SCENARIOS) {
      // One board per server, seeded alike.
      const boards = [];
      for (const server of servers) {
        const board = await createBoard({ url: server.url }, `Remote edits: ${scenario.label}`);
        const peer = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.edit);
        await peer.synced();
        const id = scenario.seed(peer.doc);
        boards.push({ server, board, peer, id });
      }
      await new Promise((done) => setTimeout(done, 1500));
      const results = new Map<string, Measure[]>(sides.map((side) => [side.name, []]));
      for (let run = 0; run < REPEATS; run++) {
        for (const [index, side] of sides.entries()) {
          const { server, board, peer, id } = boards[index]!;
          const context = await newBenchContext(browser, [confirmedIdentityScript()]);
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Performance.enable');
          const read = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));
          await page.goto(new URL(board.links.view, server.url).href);
          await page.waitForSelector(scenario.list, { timeout: 120_000 });
          await page.waitForSelector(scenario.row(id), { timeout: 60_000 });
          await page.waitForTimeout(3000);
          await waitForQuietMachine(QUICK ? 500 : 5000);
          const window = async (edit: boolean) => {
            const before = await read();
            const started = Date.now();
            let edits = 0;
            let last = { x: 0, y: 0 };
            while (Date.now() - started < SECONDS * 1000) {
              if (edit) last = scenario.step(peer.doc, id, edits);
              edits += 1;
              await new Promise((done) => setTimeout(done, 1000 / HZ));
            }
            const sent = Date.now();
            // Until the page shows the last edit: a page that falls behind pays for the backlog here.
            if (edit) await page.waitForFunction(({ row, x, y }) => { const li = document.querySelector(row); return li?.getAttribute('data-x') === String(x) && li.getAttribute('data-y') === String(y); }, { row: scenario.row(id), ...last }, { polling: 50, timeout: 120_000 });
            const behindMs = Date.now() - sent;
            await page.waitForTimeout(250);
            const after = await read();
            const seconds = (Date.now() - started) / 1000;
            const used = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
            return { task: used('TaskDuration') / seconds, script: used('ScriptDuration') / seconds, perEdit: used('TaskDuration') / Math.max(1, edits), behindMs, edits, last };
          };
          const idle = await window(false);
          if (PROFILE_DIR) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
            await cdp.send('Profiler.start');
          }
          const drag = await window(true);
          if (PROFILE_DIR) {
            const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: unknown };
            mkdirSync(PROFILE_DIR, { recursive: true });
            const file = join(PROFILE_DIR, `remote-edit-${scenario.kind}-${scenario.size}-${side.name.replace(/\W+/g, '-')}-${run + 1}.cpuprofile`);
            writeFileSync(file, JSON.stringify(profile));
            console.log(`profile written to ${file}`);
          }
          // The window above waited for the page to show the record where the peer left it (or failed).
          const measure = { side: side.name, taskMsPerS: drag.task, scriptMsPerS: drag.script, edits: drag.edits, idleTaskMsPerS: idle.task, perEditMs: drag.perEdit, behindMs: drag.behindMs };
          results.get(side.name)!.push(measure);
          every.push([scenario.label, side.name, String(run + 1), fmt(idle.task, 0), fmt(drag.task, 0), fmt(drag.script, 0), fmt(drag.perEdit, 1), String(drag.edits), fmt(drag.behindMs, 0)]);
          console.log(`${scenario.label}, ${side.name} #${run + 1}: main thread ${fmt(drag.task, 0)} ms/s (script ${fmt(drag.script, 0)}), ${fmt(drag.perEdit, 1)} ms per edit, idle ${fmt(idle.task, 0)} ms/s, ${drag.edits} edits, last shown ${fmt(drag.behindMs, 0)} ms after it was sent`);
          await context.close();
        }
      }
      const base = BEFORE ? median(results.get('before')!.map((m) => m.perEditMs)) : null;
      for (const side of sides) {
        const list = results.get(side.name)!;
        const perEdit = median(list.map((m) => m.perEditMs));
        rows.push([
          scenario.label,
          side.name,
          fmt(median(list.map((m) => m.taskMsPerS)), 0),
          fmt(median(list.map((m) => m.scriptMsPerS)), 0),
          fmt(perEdit, 1),
          fmt(median(list.map((m) => m.behindMs)), 0),
          base !== null && side.name !== 'before' ? `${fmt(perEdit / base, 2)}x` : '',
        ]);
      }
      for (const { peer } of boards) peer.destroy();
    }
  } finally {
    pool.destroyAll();
    await browser.close();
    await Promise.all(servers.map((server) => server.stop()));
  }
  const table = markdownTable(['scenario', 'client', 'main thread ms/s', 'script ms/s', 'ms per edit', 'last edit shown after ms', 'per edit vs before'], rows);
  console.log(`\n${table}`);
  appendResults(
    `## remote-edit: ${machineLine()}\n\n` +
      `One page per run (headless Chromium 1440x900, --disable-gpu, a view link) holding the board while a Node y-websocket client drags one record at ${HZ} updates/s for ${SECONDS} s; the window runs until the page shows the last edit (a page that falls behind pays its backlog inside it). Main-thread time from Chromium's TaskDuration / ScriptDuration (CDP Performance.getMetrics) per second of the window and per edit sent, and how long after the last edit was sent the page showed it; medians of ${REPEATS} fresh pages${BEFORE ? ', the two client builds alternating on two servers' : ''}.\n\n` +
      `${table}\n\n<details><summary>Every run</summary>\n\n${markdownTable(['scenario', 'client', 'run', 'idle ms/s', 'main thread ms/s', 'script ms/s', 'ms per edit', 'edits', 'last shown after ms'], every)}\n\n</details>\n`,
  );
}

runMain(main);
