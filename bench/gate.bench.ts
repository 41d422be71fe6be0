/**
 * The update gate's cost: what every incoming update pays before it is
 * applied, on a realistic board, and what that does to fan-out latency.
 *
 * 1. In process, on a board of 2,000 stakeholders and 2,000 sticky notes:
 *    per update, the time of `UpdateGate.admit`, which applies the update to
 *    the room's document (with content checks on: apply, inspect the
 *    transaction, zod per touched field; off: role, size, a decode and the
 *    apply), next to a bare `Y.applyUpdate` of the same update (what the
 *    room pays anyway); the gate's own cost is the difference. Two kinds: a typical small update
 *    (one field of one record: a drag or a changed level) and a large one
 *    (an offline batch creating 200 sticky notes with text, ~200 KB).
 * 2. Fan-out: `sync-fanout.bench.ts --quick --scenario=a --servers=ours` run
 *    twice as a child, with `CONTENT_GATE=off` and `on`; p99 writer-to-client
 *    latency and server CPU of each.
 *
 * Options (flag or env BENCH_<NAME>): --quick (fewer samples), --samples <n>
 * (small updates, 5000; large 1/25 of it; the first tenth of each is warm-up),
 * --no-fanout, --no-results.
 */
import { execFileSync } from 'node:child_process';
import * as Y from 'yjs';
import { createRecord, openBoardDoc, updateRecord } from '@pc/shared';
import { UpdateGate, type GateIdentity } from '../server/src/sync/updateGate';
import { appendResults, flag, fmt, machineLine, markdownTable, median, numberOption, percentile } from './lib/harness';
import { repoRoot } from '../tests/helpers/server';

const EDITOR: GateIdentity = { connectionId: 1, role: 'edit' };
const MiB = 1024 * 1024;

function board(): Y.Doc {
  const doc = new Y.Doc();
  openBoardDoc(doc, { title: 'Bench', createdAt: Date.now() });
  for (let i = 0; i < 2000; i++) {
    createRecord(doc, 'stakeholders', { id: `s${i}`, name: `Stakeholder ${i}`, organisation: 'Org', power: i % 5, interest: (i * 3) % 5, attitude: 0 });
    createRecord(doc, 'canvasItems', { id: `n${i}`, kind: 'sticky', text: `Note ${i}`, x: i * 10, y: i * 5 });
  }
  return doc;
}

type Kind = 'small' | 'large';

/** `count` updates a client holding `doc` would send, each against the state after the previous one. */
function makeUpdates(doc: Y.Doc, kind: Kind, count: number): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    if (kind === 'small') {
      if (i % 2 === 0) updateRecord(client, 'canvasItems', `n${i % 2000}`, { x: i, y: i * 2 });
      else updateRecord(client, 'stakeholders', `s${i % 2000}`, { power: i % 5 });
    } else {
      client.transact(() => {
        for (let j = 0; j < 200; j++) createRecord(client, 'canvasItems', { kind: 'sticky', text: `offline ${i}/${j} `.padEnd(900, 'x') });
      });
    }
  }
  return updates;
}

interface Row {
  kind: Kind;
  mode: string;
  bytes: number;
  median: number;
  p99: number;
}

/** Per update: the gate's admit (which applies it) or a bare apply, on the room's document. */
function measure(kind: Kind, mode: 'gate on' | 'gate off' | 'apply only', count: number): Row {
  const doc = board();
  const updates = makeUpdates(doc, kind, count);
  const gate =
    mode === 'apply only'
      ? null
      : new UpdateGate(doc, { checkContent: mode === 'gate on', maxUpdateBytes: 4 * MiB, maxBoardBytes: 1024 * MiB }, 0);
  const times: number[] = [];
  // The first tenth warms the JIT up and is not timed.
  const warm = Math.floor(updates.length / 10);
  for (const [index, update] of updates.entries()) {
    const start = performance.now();
    if (gate) {
      const decision = gate.admit(update, 'update', EDITOR);
      if (!decision.ok) throw new Error(`gate refused a valid update: ${decision.message}`);
    } else {
      Y.applyUpdate(doc, update);
    }
    if (index >= warm) times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  const bytes = median(updates.map((u) => u.byteLength));
  return { kind, mode, bytes, median: percentile(times, 50), p99: percentile(times, 99) };
}

function fanout(gate: 'on' | 'off'): { p99: number; cpu: number; line: string } {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/sync-fanout.bench.ts', '--quick', '--scenario=a', '--servers=ours', '--repeats=1', '--quiet-wait=10', '--no-results', `--ours-env=CONTENT_GATE=${gate}`],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * MiB },
  );
  const line = output.split('\n').find((l) => /^\s+a ours\s+#\d+:/.test(l));
  const p99 = line ? /p99 ([\d.]+) ms/.exec(line) : null;
  const cpu = line ? /server CPU ([\d.]+)%/.exec(line) : null;
  if (!line || !p99 || !cpu) throw new Error(`could not read the fan-out result:\n${output.slice(-2000)}`);
  return { p99: Number(p99[1]), cpu: Number(cpu[1]), line: line.trim() };
}

async function main(): Promise<void> {
  const samples = numberOption('samples', flag('quick') ? 1000 : 5000);
  const rows: Row[] = [];
  for (const kind of ['small', 'large'] as const) {
    const count = kind === 'small' ? samples : Math.max(20, Math.round(samples / 25));
    for (const mode of ['apply only', 'gate off', 'gate on'] as const) {
      const row = measure(kind, mode, count);
      rows.push(row);
      console.log(`  ${kind} ${mode}: median ${fmt(row.median)} µs, p99 ${fmt(row.p99)} µs (${row.bytes} B, ${count} updates)`);
    }
  }
  const table = markdownTable(
    ['update', 'median bytes', 'timed', 'median µs', 'p99 µs'],
    rows.map((r) => [r.kind, String(r.bytes), r.mode === 'apply only' ? 'Y.applyUpdate to the room doc' : `UpdateGate.admit, ${r.mode}`, fmt(r.median), fmt(r.p99)]),
  );
  let fanoutTable = '';
  if (!flag('no-fanout')) {
    const off = fanout('off');
    console.log(`  fan-out, gate off: ${off.line}`);
    const on = fanout('on');
    console.log(`  fan-out, gate on: ${on.line}`);
    fanoutTable =
      '\n\nFan-out (sync-fanout --quick, scenario a, ours with SQLite):\n\n' +
      markdownTable(
        ['gate', 'p99 ms', 'server CPU %'],
        [
          ['off', fmt(off.p99), fmt(off.cpu)],
          ['on', fmt(on.p99), fmt(on.cpu)],
        ],
      ) +
      `\n\np99 on/off ${fmt(on.p99 / off.p99, 2)}x, CPU on/off ${fmt(on.cpu / off.cpu, 2)}x`;
  }
  const markdown = `## gate · ${machineLine()}\n\nBoard of 2,000 stakeholders + 2,000 sticky notes; ${samples} small updates, ${Math.max(20, Math.round(samples / 25))} large.\n\n${table}${fanoutTable}`;
  console.log(`\n${markdown}`);
  appendResults(markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
