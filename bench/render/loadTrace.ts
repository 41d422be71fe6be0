/**
 * Where a board's load waits: a Chromium trace (devtools timeline, no CPU
 * profiler, which would itself slow compilation) of our page opening a board
 * of one kind and size, up to first paint, summarised per load as
 *
 * - milestones on the page's clock (ms since navigation, as first paint is):
 *   the sync socket opened and answered, the app's module ready and evaluated,
 *   each inflate of a socket message, first paint;
 * - the page's main thread up to first paint: busy ms by kind of work (module
 *   compile and evaluation, other script, garbage collection, style and
 *   layout, paint and commit, inflate, navigation; "unlabelled" is task
 *   time no trace event names) and idle ms, when it waited for the network
 *   or for off-thread compilation;
 * - the main thread's longest tasks, with what took their time.
 *
 *   node --import tsx bench/render/loadTrace.ts --kind=stickies --size=10000 [--runs=3] [--tasks=12] [--min-task=8] [--save] [--static=<dir of a client build>]
 *
 * --save writes each load's trace to test-artifacts/ (open it in DevTools > Performance).
 *
 * A diagnosis tool, not a benchmark (nothing goes to RESULTS.md); profiles a
 * built client (npm run build).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flag, fmt, installCleanup, median, numberOption, startOurs, stringOption, runMain } from '../lib/harness';
import { artifactsDir } from '../../tests/helpers/browser';
import { confirmedIdentityScript, launchChromium, newBenchContext } from '../lib/browser';
import { firstPaintScript, itemsReady, openTabScript } from './firstPaint';
import { seededBoardLink, type RenderKind } from './seed';
import { ClientPool } from '../../tests/helpers/sync';

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading'];
/** A mark the page sets at once, so trace timestamps convert to the page's clock. */
const ORIGIN_MARK = 'pc-load-trace-origin';
const originScript = `performance.mark(${JSON.stringify(ORIGIN_MARK)});`;

/** Which kind of main-thread work an event is (the innermost named one wins). */
const KINDS: [string, (name: string) => boolean][] = [
  ['inflate', (n) => n === 'DecompressionStream Inflate'],
  ['garbage collection', (n) => n === 'MinorGC' || n === 'MajorGC' || n.startsWith('V8.GC')],
  ['module compile + evaluate', (n) => n === 'v8.compileModule' || n === 'v8.evaluateModule' || n === 'EvaluateScript'],
  ['style + layout', (n) => n === 'UpdateLayoutTree' || n === 'Layout' || n === 'RecalculateStyles'],
  ['paint + commit', (n) => n === 'Paint' || n === 'Commit' || n === 'PrePaint' || n === 'Layerize'],
  ['HTML parse', (n) => n === 'ParseHTML' || n === 'DecodedDataDocumentParser::AppendBytes' || n === 'ParseAuthorStyleSheet'],
  ['navigation', (n) => n.startsWith('DocumentLoader::') || n.startsWith('NavigationBodyLoader::')],
  ['script (calls)', (n) => n === 'FunctionCall' || n === 'v8.callFunction' || n === 'FireAnimationFrame' || n === 'TimerFire' || n === 'EventDispatch'],
];

export interface LoadSummary {
  firstPaint: number;
  milestones: [string, number][];
  busy: Map<string, number>;
  idle: number;
  tasks: { start: number; ms: number; parts: string }[];
}

function label(event: TraceEvent): string {
  const data = event.args?.data ?? {};
  const url = typeof data.url === 'string' ? data.url.split('/').pop() : '';
  return url ? `${event.name} ${url}` : event.name;
}

/** Summarise one load's trace (`firstPaint` in ms on the page's clock); null when the trace missed the page's origin mark. */
export function summariseLoad(events: TraceEvent[], firstPaint: number, minTask: number): LoadSummary | null {
  // The board page's mark (the last one: the blank page before it ran the init script too).
  const mark = events.filter((e) => e.name === ORIGIN_MARK).at(-1);
  if (!mark) return null;
  const markTime = (mark.args?.data?.startTime as number | undefined) ?? 0;
  const t0 = mark.ts - markTime * 1000;
  const at = (ts: number) => (ts - t0) / 1000;
  const main = { pid: mark.pid, tid: mark.tid };
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && at(e.ts) <= firstPaint);

  const milestones: [string, number][] = [];
  const first = (name: string, test: (e: TraceEvent) => boolean = () => true) => {
    const event = events.find((e) => e.name === name && e.pid === main.pid && test(e));
    if (event) milestones.push([name, at(event.ts)]);
  };
  first('WebSocketCreate');
  first('WebSocketReceiveHandshakeResponse');
  first('WebSocketReceive');
  for (const e of onMain) {
    if (e.name === 'DocumentModuleScriptFetcher::NotifyFinished') milestones.push(['app module fetched + compiled off-thread', at(e.ts)]);
    if (e.name === 'v8.evaluateModule' && (e.dur ?? 0) > 20_000) milestones.push([`module evaluated (${fmt((e.dur ?? 0) / 1000, 0)} ms)`, at(e.ts)]);
    if (e.name === 'DecompressionStream Inflate' && (e.dur ?? 0) > 1000) milestones.push([`inflate (${fmt((e.dur ?? 0) / 1000, 0)} ms)`, at(e.ts)]);
  }
  milestones.push(['first paint', firstPaint]);
  milestones.sort((a, b) => a[1] - b[1]);

  // Busy time by kind: each task's time, in 0.1 ms steps, goes to the innermost classified event covering it.
  const tasks = onMain.filter((e) => e.name === 'RunTask' && at(e.ts) >= 0);
  const busy = new Map<string, number>();
  let busyTotal = 0;
  const longest: LoadSummary['tasks'] = [];
  for (const task of tasks) {
    const start = task.ts;
    // Only the part before first paint counts (the task that paints runs on past it).
    const end = Math.min(start + (task.dur ?? 0), t0 + firstPaint * 1000);
    const inside = onMain.filter((e) => e !== task && e.ts >= start && e.ts < end);
    const classified = inside
      .map((e) => ({ e, kind: KINDS.find(([, test]) => test(e.name))?.[0] }))
      .filter((x): x is { e: TraceEvent; kind: string } => x.kind !== undefined);
    const step = 100; // µs
    const perTask = new Map<string, number>();
    for (let t = start; t < end; t += step) {
      let kind = 'unlabelled';
      let innermost = Infinity;
      for (const { e, kind: k } of classified) {
        const d = e.dur ?? 0;
        if (e.ts <= t && t < e.ts + d && d < innermost) {
          innermost = d;
          kind = k;
        }
      }
      const ms = Math.min(step, end - t) / 1000;
      busy.set(kind, (busy.get(kind) ?? 0) + ms);
      perTask.set(kind, (perTask.get(kind) ?? 0) + ms);
    }
    busyTotal += (end - start) / 1000;
    if ((task.dur ?? 0) / 1000 >= minTask) {
      const named = inside
        .filter((e) => (e.dur ?? 0) / 1000 >= Math.max(2, minTask / 4) && e.name !== 'RunTask')
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 3)
        .map((e) => `${label(e)} ${fmt((e.dur ?? 0) / 1000, 0)}`);
      const kinds = [...perTask].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, ms]) => `${k} ${fmt(ms, 0)}`);
      longest.push({ start: at(start), ms: (task.dur ?? 0) / 1000, parts: `${kinds.join(', ')} | ${named.join(', ')}` });
    }
  }
  return { firstPaint, milestones, busy, idle: Math.max(0, firstPaint - busyTotal), tasks: longest };
}

async function main() {
  installCleanup();
  const kind = (stringOption('kind') ?? 'stickies') as RenderKind;
  const size = Math.round(numberOption('size', 10_000));
  const runs = Math.max(1, Math.round(numberOption('runs', 3)));
  const taskRows = Math.round(numberOption('tasks', 12));
  const minTask = numberOption('min-task', 8);
  const staticDir = stringOption('static');
  const server = await startOurs({ enabled: false, note: 'not pinned' }, staticDir ? { env: { STATIC_DIR: resolve(staticDir) } } : {});
  const pool = new ClientPool();
  const browser = await launchChromium();
  try {
    const url = await seededBoardLink(server, pool, kind, size, 'Load trace');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const scripts = [originScript, confirmedIdentityScript(), firstPaintScript(itemsReady(kind, size))];
    if (kind === 'logic') scripts.push(openTabScript('#tab-logic-model'));
    const summaries: LoadSummary[] = [];
    for (let run = 1; run <= runs; run++) {
      // A fresh context per load: nothing cached, no offline copy (a first visit, as the render bench's).
      const context = await newBenchContext(browser, scripts);
      const page = await context.newPage();
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(url);
      await page.waitForFunction('window.__firstPaint && window.__firstPaint.paint', undefined, { timeout: 120_000, polling: 50 });
      const paint = Number(await page.evaluate('window.__firstPaint.paint'));
      const raw = await browser.stopTracing();
      if (flag('save')) writeFileSync(join(artifactsDir, `load-trace-${kind}-${size}-${run}.json`), raw);
      const trace = JSON.parse(raw.toString('utf8')) as { traceEvents: TraceEvent[] };
      await context.close();
      const summary = summariseLoad(trace.traceEvents, paint, minTask);
      if (!summary) {
        console.log(`\nload ${run}: first paint ${fmt(paint, 0)} ms; the trace missed the page's origin mark, left out`);
        continue;
      }
      summaries.push(summary);
      console.log(`\nload ${run}: first paint ${fmt(paint, 0)} ms, main thread idle ${fmt(summary.idle, 0)} ms before it`);
      for (const [name, ms] of summary.milestones) console.log(`  ${fmt(ms, 0).padStart(6)} ms  ${name}`);
      console.log('  longest tasks (start, ms: kinds of work | events):');
      for (const task of [...summary.tasks].sort((a, b) => b.ms - a.ms).slice(0, taskRows).sort((a, b) => a.start - b.start)) {
        console.log(`  ${fmt(task.start, 0).padStart(6)} ${fmt(task.ms, 0).padStart(5)}  ${task.parts}`);
      }
    }
    if (summaries.length === 0) throw new Error('no load could be summarised');
    const kinds = [...new Set(summaries.flatMap((s) => [...s.busy.keys()]))];
    console.log(`\n${kind} ${size}: main thread up to first paint, medians of ${summaries.length} load(s)`);
    console.log(`  first paint ${fmt(median(summaries.map((s) => s.firstPaint)), 0)} ms, idle ${fmt(median(summaries.map((s) => s.idle)), 0)} ms`);
    for (const k of kinds.sort((a, b) => median(summaries.map((s) => s.busy.get(b) ?? 0)) - median(summaries.map((s) => s.busy.get(a) ?? 0)))) {
      console.log(`  ${fmt(median(summaries.map((s) => s.busy.get(k) ?? 0)), 0).padStart(6)} ms  ${k}`);
    }
  } finally {
    pool.destroyAll();
    await browser.close();
    await server.stop();
  }
}

runMain(main);
