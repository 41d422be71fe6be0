/**
 * Storage: how long a board takes to load, how fast the group commit writes,
 * and how big the SQLite file gets, with a real database file in a temp dir.
 *
 * A board's history is generated the way clients produce it: one Y.Doc
 * transaction per user action (a sticky or stakeholder dragged, a field
 * changed, text typed, records created and deleted), each stored as one row,
 * with a new clientID every 1,000 edits (every page load is a new Yjs
 * client). The history is cut where its stored updates reach 1, 10 and 50 MB.
 *
 * 1. Load, in process: SqliteBoardStore.loadBoard + applyStoredState into a
 *    fresh Y.Doc that has an 'update' listener (as a room's does) + the
 *    migrations, for every size, before compaction (all updates in the tail)
 *    and after (one snapshot). Median of --repeats loads.
 * 2. Load, through our server: a DATA_DIR pre-filled with such boards; time
 *    from opening the WebSocket (edit token) to sync step 2, a cold board each
 *    time (a board that unloads is compacted, so every repeat uses its own copy).
 * 3. Group commit: UpdateWriter (20 ms window) fed small updates across 1, 10
 *    and 100 boards as fast as the loop allows: committed updates/s, commit time.
 * 4. File size (db + -wal) vs document size: before compaction, after
 *    compaction, after a WAL checkpoint, after VACUUM.
 *
 * Options (flag or env BENCH_<NAME>): --quick (1 and 5 MB, fewer repeats),
 * --repeats <n>, --sizes=1,10,50 (MB), --write-seconds <s> (per write run; 0.5 quick, 2 full),
 * --no-server, --no-results.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocketType from 'ws';
import * as Y from 'yjs';
import {
  countRecords,
  createRecord,
  deleteRecord,
  getMetaMap,
  migrateBoardDoc,
  newBoardId,
  newBoardToken,
  updateRecord,
  type BoardId,
} from '@pc/shared';
import { hashToken } from '../server/src/auth/tokens';
import type { BoardRecord } from '../server/src/storage/boardStore';
import { applyStoredState, STORAGE_ORIGIN } from '../server/src/storage/docState';
import { SQLITE_FILE, SqliteBoardStore } from '../server/src/storage/sqlite';
import { UpdateWriter } from '../server/src/storage/updateWriter';
import {
  appendResults,
  flag,
  fmt,
  installCleanup,
  machineLine,
  markdownTable,
  median,
  numberOption,
  percentile,
  pinLoadGenerator,
  repoRoot,
  startOurs,
  stringOption,
  waitForQuietMachine,
  type Pinning,
} from './lib/harness';

const quick = flag('quick');
const repeats = Math.max(1, Math.round(numberOption('repeats', quick ? 2 : 3)));
const sizesMB = (stringOption('sizes') ?? (quick ? '1,5' : '1,10,50')).split(',').map(Number).filter((n) => n > 0);
const writeSeconds = numberOption('write-seconds', quick ? 0.5 : 2);
const WRITE_RATES = [2_000, 20_000];
const withServer = !flag('no-server');
const FLUSH_INTERVAL_MS = 20;
const MB = 1024 * 1024;

const WebSocket: typeof WebSocketType = createRequire(join(repoRoot, 'server', 'package.json'))('ws');

// ---------------------------------------------------------------- history

/** A deterministic PRNG, so every run stores the same history. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'we could ask the council to host a joint session with the food bank and youth club about funding gaps next quarter'.split(' ');

interface Cut {
  mb: number;
  /** Number of rows (updates) that make up this size. */
  rows: number;
  bytes: number;
  snapshot: Uint8Array;
  docBytes: number;
  records: number;
}

interface History {
  updates: Uint8Array[];
  cuts: Cut[];
}

/**
 * One board's history as clients write it, until the stored updates reach the
 * largest size. Records are written through the shared accessors (as the
 * client does), each user action one transaction, so one stored row.
 */
function generateHistory(sizes: number[]): History {
  const random = prng(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  let bytes = 0;
  doc.on('update', (update: Uint8Array) => {
    updates.push(update);
    bytes += update.byteLength;
  });
  // What a room writes when a brand-new board is first opened.
  doc.transact(() => {
    getMetaMap(doc).set('title', 'Food partnership');
    getMetaMap(doc).set('createdAt', 1_700_000_000_000);
  });
  migrateBoardDoc(doc);

  const partners: string[] = [];
  const stakeholders: string[] = [];
  const stickies: string[] = [];
  const nodes: string[] = [];
  const rows: string[] = [];
  const sentence = () => Array.from({ length: 3 + Math.floor(random() * 12) }, () => pick(WORDS)).join(' ');
  const addPartner = () => partners.push(createRecord(doc, 'partners', { name: `Partner ${partners.length + 1}`, colour: '#3366cc' }).id);
  const addStakeholder = () =>
    stakeholders.push(
      createRecord(doc, 'stakeholders', {
        name: `Stakeholder ${stakeholders.length + 1}`,
        organisation: sentence().slice(0, 40),
        power: Math.floor(random() * 5),
        interest: Math.floor(random() * 5),
        attitude: Math.floor(random() * 5) - 2,
        x: Math.round(random() * 2000),
        y: Math.round(random() * 1500),
      }).id,
    );
  const addSticky = () =>
    stickies.push(
      createRecord(doc, 'canvasItems', { kind: 'sticky', text: '', x: Math.round(random() * 3000), y: Math.round(random() * 2000) }).id,
    );
  const addNode = () =>
    nodes.push(createRecord(doc, 'logicNodes', { column: pick(['inputs', 'activities', 'outputs'] as const), text: sentence() }).id);
  const addRow = () =>
    rows.push(createRecord(doc, 'matrixRows', { name: `Skill ${rows.length + 1}`, category: 'skill', required: 2 }).id);
  for (let i = 0; i < 4; i++) addPartner();
  for (let i = 0; i < 15; i++) addStakeholder();
  for (let i = 0; i < 10; i++) addSticky();
  for (let i = 0; i < 5; i++) addNode();
  for (let i = 0; i < 8; i++) addRow();

  const drag = (collection: 'canvasItems' | 'stakeholders', id: string) => {
    // A drag sends a few intermediate positions, then where it was dropped.
    let x = Math.round(random() * 3000);
    let y = Math.round(random() * 2000);
    const steps = 2 + Math.floor(random() * 6);
    for (let s = 0; s < steps; s++) {
      x += Math.round(random() * 40 - 20);
      y += Math.round(random() * 40 - 20);
      updateRecord(doc, collection, id, { x, y });
    }
  };
  const type = (collection: 'canvasItems' | 'logicNodes' | 'stakeholders', id: string, field: 'text' | 'notes') => {
    // Text is a plain string field: every commit writes the whole value.
    let text = '';
    const target = sentence();
    for (const word of target.split(' ')) {
      text = text ? `${text} ${word}` : word;
      updateRecord(doc, collection, id, { [field]: text } as never);
    }
  };

  const cuts: Cut[] = [];
  const targets = [...sizes].sort((a, b) => a - b);
  let edits = 0;
  while (cuts.length < targets.length) {
    if (++edits % 1000 === 0) doc.clientID = Math.floor(random() * 2 ** 31); // a new browser session
    const roll = random();
    if (roll < 0.35) {
      if (random() < 0.6) drag('canvasItems', pick(stickies));
      else drag('stakeholders', pick(stakeholders));
    }
    else if (roll < 0.55) {
      const field = pick(['power', 'interest', 'attitude', 'ring', 'engagementCurrent'] as const);
      const value = { power: Math.floor(random() * 5), interest: Math.floor(random() * 5), attitude: Math.floor(random() * 5) - 2, ring: pick(['core', 'direct', 'indirect', 'wider'] as const), engagementCurrent: pick(['unaware', 'neutral', 'supportive'] as const) }[field];
      updateRecord(doc, 'stakeholders', pick(stakeholders), { [field]: value } as never);
    } else if (roll < 0.75) {
      const which = random();
      if (which < 0.5) type('canvasItems', pick(stickies), 'text');
      else if (which < 0.8) type('logicNodes', pick(nodes), 'text');
      else type('stakeholders', pick(stakeholders), 'notes');
    } else if (roll < 0.9) {
      const rowId = pick(rows);
      const partnerId = pick(partners);
      const id = `${rowId}:${partnerId}`;
      const level = Math.floor(random() * 5);
      if (doc.getMap('matrixCells').has(id)) updateRecord(doc, 'matrixCells', id, { level });
      else createRecord(doc, 'matrixCells', { id, rowId, partnerId, level, gives: random() < 0.3, receives: random() < 0.3 });
    } else if (roll < 0.93) addSticky();
    else if (roll < 0.945) addStakeholder();
    else if (roll < 0.955) addNode();
    else if (roll < 0.96) addRow();
    else if (roll < 0.962) addPartner();
    else if (roll < 0.98 && stickies.length > 20) deleteRecord(doc, 'canvasItems', stickies.splice(Math.floor(random() * stickies.length), 1)[0]!);
    else if (nodes.length > 10) deleteRecord(doc, 'logicNodes', nodes.splice(Math.floor(random() * nodes.length), 1)[0]!);
    while (cuts.length < targets.length && bytes >= targets[cuts.length]! * MB) {
      const snapshot = Y.encodeStateAsUpdate(doc);
      cuts.push({ mb: targets[cuts.length]!, rows: updates.length, bytes, snapshot, docBytes: snapshot.byteLength, records: recordCount(doc) });
    }
  }
  doc.destroy();
  return { updates, cuts };
}

function recordCount(doc: Y.Doc): number {
  return Object.values(countRecords(doc)).reduce((sum, n) => sum + n, 0);
}

// ---------------------------------------------------------------- stores

interface SeededBoard {
  id: BoardId;
  editToken: string;
}

function boardRecord(title: string): { record: BoardRecord; editToken: string } {
  const editToken = newBoardToken();
  return {
    editToken,
    record: {
      id: newBoardId(),
      title,
      createdAt: Date.now(),
      tokenHashes: { owner: hashToken(newBoardToken()), edit: hashToken(editToken), view: hashToken(newBoardToken()) },
    },
  };
}

/** Store the first `cut.rows` updates of a history as a new board (in batches, as the group commit would). */
async function seedBoard(store: SqliteBoardStore, history: History, cut: Cut, compacted: boolean): Promise<SeededBoard> {
  const { record, editToken } = boardRecord(`${cut.mb} MB ${compacted ? 'compacted' : 'tail'}`);
  await store.createBoard(record);
  let lastSeq = 0;
  for (let start = 0; start < cut.rows; start += 2000) {
    const batch = history.updates.slice(start, Math.min(cut.rows, start + 2000)).map((update) => ({ boardId: record.id, update }));
    lastSeq = (await store.appendUpdates(batch)).get(record.id) ?? lastSeq;
  }
  if (compacted) await store.compact(record.id, cut.snapshot, lastSeq);
  return { id: record.id, editToken };
}

function fileBytes(dir: string): { db: number; wal: number } {
  const size = (file: string) => (existsSync(file) ? statSync(file).size : 0);
  return { db: size(join(dir, SQLITE_FILE)), wal: size(join(dir, `${SQLITE_FILE}-wal`)) };
}

const tempRoot = mkdtempSync(join(tmpdir(), 'pc-bench-storage-'));
process.on('exit', () => rmSync(tempRoot, { recursive: true, force: true }));
let tempCount = 0;
function tempDir(name: string): string {
  const dir = join(tempRoot, `${++tempCount}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------- 1. load in process

interface LoadRow {
  cut: Cut;
  compacted: boolean;
  tailRows: number;
  readMs: number;
  applyMs: number;
  totalMs: number;
}

/** What a room does on load: read, replay into a doc with an update listener, migrate. */
async function loadLikeARoom(store: SqliteBoardStore, id: BoardId): Promise<{ readMs: number; applyMs: number; tailRows: number; doc: Y.Doc }> {
  const doc = new Y.Doc();
  doc.on('update', (_update: Uint8Array, origin: unknown) => {
    if (origin === STORAGE_ORIGIN) return;
  });
  const started = performance.now();
  const stored = await store.loadBoard(id);
  const read = performance.now();
  applyStoredState(doc, stored);
  migrateBoardDoc(doc);
  const applied = performance.now();
  return { readMs: read - started, applyMs: applied - read, tailRows: stored.updates.length, doc };
}

async function measureLoads(history: History, dir: string): Promise<{ rows: LoadRow[]; boards: Map<string, SeededBoard[]> }> {
  const store = new SqliteBoardStore(dir);
  const rows: LoadRow[] = [];
  const serverBoards = new Map<string, SeededBoard[]>();
  try {
    for (const cut of history.cuts) {
      for (const compacted of [false, true]) {
        const board = await seedBoard(store, history, cut, compacted);
        const samples: { readMs: number; applyMs: number; tailRows: number }[] = [];
        for (let r = 0; r < repeats; r++) {
          const result = await loadLikeARoom(store, board.id);
          if (r === 0 && recordCount(result.doc) !== cut.records) {
            throw new Error(`loaded ${recordCount(result.doc)} records, expected ${cut.records}`);
          }
          result.doc.destroy();
          samples.push(result);
        }
        const row: LoadRow = {
          cut,
          compacted,
          tailRows: samples[0]!.tailRows,
          readMs: median(samples.map((s) => s.readMs)),
          applyMs: median(samples.map((s) => s.applyMs)),
          totalMs: median(samples.map((s) => s.readMs + s.applyMs)),
        };
        rows.push(row);
        console.log(
          `  load ${cut.mb} MB ${compacted ? 'snapshot' : 'tail    '}: read ${fmt(row.readMs)} ms + apply ${fmt(row.applyMs)} ms = ${fmt(row.totalMs)} ms`,
        );
        // Cold boards for the server: one per repeat (unloading compacts a board).
        if (withServer) {
          const copies = [board];
          for (let r = 1; r < repeats; r++) copies.push(await seedBoard(store, history, cut, compacted));
          serverBoards.set(`${cut.mb}:${compacted}`, copies);
        }
      }
    }
  } finally {
    await store.close();
  }
  return { rows, boards: serverBoards };
}

// ---------------------------------------------------------------- 2. load through the server

const EMPTY_STATE_VECTOR = Y.encodeStateVector(new Y.Doc());
const EMPTY_UPDATE = Y.encodeStateAsUpdate(new Y.Doc());

function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** Connect as a fresh editor and time until sync step 2 (the whole document) arrives. */
function firstSync(url: string): Promise<{ ms: number; bytes: number; applyMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 512 * MB });
    ws.binaryType = 'nodebuffer';
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no sync step 2 within 120 s from ${url}`));
    }, 120_000);
    ws.on('open', () => ws.send(syncMessage(0, EMPTY_STATE_VECTOR)));
    ws.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === 0) ws.send(syncMessage(1, EMPTY_UPDATE));
      if (type !== 1) return;
      const ms = performance.now() - started;
      const update = decoding.readVarUint8Array(decoder);
      clearTimeout(timer);
      ws.close();
      // What the browser does next: apply the document (here in Node, without observers).
      const applyStarted = performance.now();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, update);
      const applyMs = performance.now() - applyStarted;
      doc.destroy();
      resolve({ ms, bytes: data.byteLength, applyMs });
    });
  });
}

interface ServerRow {
  cut: Cut;
  compacted: boolean;
  syncMs: number;
  messageBytes: number;
  clientApplyMs: number;
}

async function measureServer(dir: string, history: History, boards: Map<string, SeededBoard[]>, pinning: Pinning): Promise<ServerRow[]> {
  // A small board first, so the server's code paths are compiled before the timed loads.
  const warmStore = new SqliteBoardStore(dir);
  const warm = await seedBoard(warmStore, history, { ...history.cuts[0]!, rows: 200 }, false);
  await warmStore.close();
  const server = await startOurs(pinning, { dataDir: dir, env: { LOG_LEVEL: 'warn' } });
  const url = (board: SeededBoard) => `ws://127.0.0.1:${server.port}/ws/${board.id}?token=${encodeURIComponent(board.editToken)}`;
  const rows: ServerRow[] = [];
  try {
    await firstSync(url(warm));
    for (const cut of history.cuts) {
      for (const compacted of [false, true]) {
        const samples = [];
        for (const board of boards.get(`${cut.mb}:${compacted}`) ?? []) samples.push(await firstSync(url(board)));
        const row: ServerRow = {
          cut,
          compacted,
          syncMs: median(samples.map((s) => s.ms)),
          messageBytes: samples[0]?.bytes ?? NaN,
          clientApplyMs: median(samples.map((s) => s.applyMs)),
        };
        rows.push(row);
        console.log(`  server ${cut.mb} MB ${compacted ? 'snapshot' : 'tail    '}: first sync ${fmt(row.syncMs)} ms (${samples.map((s) => fmt(s.ms, 0)).join(', ')})`);
      }
    }
  } catch (error) {
    console.error(`server output (last 3000 characters):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    await server.stop();
  }
  return rows;
}

// ---------------------------------------------------------------- 3. group commit

interface WriteRow {
  boards: number;
  offeredPerSecond: number;
  updates: number;
  seconds: number;
  commits: number;
  rowsPerCommit: number;
  meanCommitMs: number;
  p99CommitMs: number;
  p99LoopDelayMs: number;
}

/**
 * Feed the writer sticky moves spread over `boardCount` boards at
 * `perSecond` for `seconds`, from this thread as a room would (so merging and
 * committing compete with the producer, as they compete with sync).
 */
async function measureWrites(boardCount: number, perSecond: number, seconds: number): Promise<WriteRow> {
  const dir = tempDir(`writes-${boardCount}`);
  const store = new SqliteBoardStore(dir);
  try {
    // Small updates as clients send them (a sticky moved), made before the clock starts.
    const total = Math.round(perSecond * seconds);
    const perBoard = Math.ceil(total / boardCount);
    const queues: { id: BoardId; updates: Uint8Array[] }[] = [];
    for (let b = 0; b < boardCount; b++) {
      const { record } = boardRecord(`writes ${b}`);
      await store.createBoard(record);
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      const sticky = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'moving' });
      doc.on('update', (update: Uint8Array) => updates.push(update));
      for (let i = 1; updates.length < perBoard; i++) updateRecord(doc, 'canvasItems', sticky.id, { x: i, y: i * 2 });
      queues.push({ id: record.id, updates });
      doc.destroy();
    }
    const commitMs: number[] = [];
    let rows = 0;
    const writer = new UpdateWriter(store, {
      intervalMs: FLUSH_INTERVAL_MS,
      onWritten: (stats) => {
        commitMs.push(stats.seconds * 1000);
        rows += stats.rows;
      },
    });
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const started = performance.now();
    let sent = 0;
    await new Promise<void>((resolve) => {
      // Whatever the schedule says is due by now, then yield to the timers (the writer's window).
      const produce = () => {
        const due = Math.min(total, Math.ceil(((performance.now() - started) / 1000) * perSecond));
        for (; sent < due; sent++) {
          const queue = queues[sent % boardCount]!;
          writer.enqueue(queue.id, queue.updates[Math.floor(sent / boardCount)]!);
        }
        if (sent < total) setTimeout(produce, 1);
        else resolve();
      };
      produce();
    });
    await writer.close();
    const elapsed = (performance.now() - started) / 1000;
    loopDelay.disable();
    commitMs.sort((a, b) => a - b);
    return {
      boards: boardCount,
      offeredPerSecond: perSecond,
      updates: total,
      seconds: elapsed,
      commits: commitMs.length,
      rowsPerCommit: rows / commitMs.length,
      meanCommitMs: commitMs.reduce((s, v) => s + v, 0) / commitMs.length,
      p99CommitMs: percentile(commitMs, 99),
      p99LoopDelayMs: loopDelay.percentile(99) / 1e6,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A backlog: `count` updates of one board queued while a commit stalled (disk
 * or PostgreSQL busy for a second at 20,000 updates/s), then one flush. The
 * flush runs on the event loop, so its time is how long sync stands still.
 */
async function measureBacklog(count: number): Promise<{ count: number; flushMs: number; rows: number }> {
  const dir = tempDir('backlog');
  const store = new SqliteBoardStore(dir);
  try {
    const { record } = boardRecord('backlog');
    await store.createBoard(record);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const sticky = createRecord(doc, 'canvasItems', { kind: 'sticky', text: 'moving' });
    for (let i = 1; updates.length < count; i++) updateRecord(doc, 'canvasItems', sticky.id, { x: i });
    let rows = 0;
    const writer = new UpdateWriter(store, { intervalMs: 60_000, onWritten: (stats) => (rows += stats.rows) });
    for (const update of updates) writer.enqueue(record.id, update);
    const started = performance.now();
    await writer.flush();
    const flushMs = performance.now() - started;
    await writer.close();
    return { count: updates.length, flushMs, rows };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- 4. file size

interface SizeRow {
  cut: Cut;
  stages: { stage: string; db: number; wal: number }[];
}

async function measureFileSize(history: History, cut: Cut): Promise<SizeRow> {
  const dir = tempDir(`size-${cut.mb}`);
  const stages: SizeRow['stages'] = [];
  const note = (stage: string) => stages.push({ stage, ...fileBytes(dir) });
  const store = new SqliteBoardStore(dir);
  const board = await seedBoard(store, history, cut, false);
  note('tail stored');
  const stored = await store.loadBoard(board.id);
  await store.compact(board.id, cut.snapshot, stored.lastSeq);
  note('compacted');
  await store.close();
  note('closed (checkpoint)');
  const db = new Database(join(dir, SQLITE_FILE));
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  note('VACUUM');
  rmSync(dir, { recursive: true, force: true });
  return { cut, stages };
}

// ---------------------------------------------------------------- report

const mb = (bytes: number) => fmt(bytes / MB, 2);

async function main(): Promise<void> {
  installCleanup();
  const pinning = pinLoadGenerator();
  console.log(`storage: sizes ${sizesMB.join(', ')} MB, ${repeats} loads each${quick ? ' (QUICK)' : ''}; ${pinning.note}`);
  await waitForQuietMachine(quick ? 3000 : 30_000);

  let started = performance.now();
  const history = generateHistory(sizesMB);
  console.log(`  history: ${history.updates.length} updates generated in ${fmt((performance.now() - started) / 1000)} s`);
  const cutsTable = markdownTable(
    ['stored updates', 'rows', 'mean row bytes', 'document bytes (encodeStateAsUpdate)', 'records'],
    history.cuts.map((cut) => [`${cut.mb} MB`, String(cut.rows), fmt(cut.bytes / cut.rows, 0), `${mb(cut.docBytes)} MB`, String(cut.records)]),
  );

  started = performance.now();
  const loadDir = tempDir('load');
  const loads = await measureLoads(history, loadDir);
  const loadTable = markdownTable(
    ['stored updates', 'state', 'tail rows', 'read ms', 'apply ms', 'load ms (median)', 'document MB', 'records'],
    loads.rows.map((row) => [
      `${row.cut.mb} MB`,
      row.compacted ? 'compacted (snapshot)' : 'before compaction (tail)',
      String(row.tailRows),
      fmt(row.readMs),
      fmt(row.applyMs),
      fmt(row.totalMs),
      mb(row.cut.docBytes),
      String(row.cut.records),
    ]),
  );

  console.log(`  in-process loads done after ${fmt((performance.now() - started) / 1000)} s`);
  let serverTable = '';
  if (withServer) {
    const serverRows = await measureServer(loadDir, history, loads.boards, pinning);
    serverTable = markdownTable(
      ['stored updates', 'state', 'connect to sync step 2 ms (median)', 'sync step 2 MB', 'client apply ms'],
      serverRows.map((row) => [
        `${row.cut.mb} MB`,
        row.compacted ? 'compacted (snapshot)' : 'before compaction (tail)',
        fmt(row.syncMs),
        mb(row.messageBytes),
        fmt(row.clientApplyMs),
      ]),
    );
  }
  rmSync(loadDir, { recursive: true, force: true });
  console.log(`  server loads done after ${fmt((performance.now() - started) / 1000)} s`);

  const writeRows: WriteRow[] = [];
  for (const perSecond of WRITE_RATES) {
    for (const boards of [1, 10, 100]) {
      const row = await measureWrites(boards, perSecond, writeSeconds);
      writeRows.push(row);
      console.log(
        `  writes, ${boards} board(s) at ${perSecond}/s: ${fmt(row.updates / row.seconds, 0)} updates/s committed, ` +
          `${row.commits} commits, p99 commit ${fmt(row.p99CommitMs, 2)} ms, p99 loop delay ${fmt(row.p99LoopDelayMs)} ms`,
      );
    }
  }
  const writeTable = markdownTable(
    ['boards', 'offered updates/s', 'updates', 'committed updates/s', 'commits', 'rows per commit', 'mean commit ms', 'p99 commit ms', 'p99 event-loop delay ms'],
    writeRows.map((row) => [
      String(row.boards),
      String(row.offeredPerSecond),
      String(row.updates),
      fmt(row.updates / row.seconds, 0),
      String(row.commits),
      fmt(row.rowsPerCommit),
      fmt(row.meanCommitMs, 2),
      fmt(row.p99CommitMs, 2),
      fmt(row.p99LoopDelayMs),
    ]),
  );

  const backlog = await measureBacklog(quick ? 10_000 : 20_000);
  console.log(`  backlog of ${backlog.count} updates: flushed in ${fmt(backlog.flushMs)} ms as ${backlog.rows} rows`);
  console.log(`  writes done after ${fmt((performance.now() - started) / 1000)} s`);
  const sizeRows: SizeRow[] = [];
  for (const cut of history.cuts) sizeRows.push(await measureFileSize(history, cut));
  const sizeTable = markdownTable(
    ['stored updates', 'document MB', ...sizeRows[0]!.stages.map((s) => `${s.stage}: db + wal MB`)],
    sizeRows.map((row) => [
      `${row.cut.mb} MB`,
      mb(row.cut.docBytes),
      ...row.stages.map((s) => `${mb(s.db)} + ${mb(s.wal)} = ${mb(s.db + s.wal)}`),
    ]),
  );
  console.log(`  total ${fmt((performance.now() - started) / 1000)} s after generation`);

  const output = [
    `## storage${quick ? ' (quick smoke run)' : ''}: ${machineLine()}`,
    '',
    `SQLite (better-sqlite3, WAL) in a temp dir. One generated board history (drags, field edits, typing, ` +
      `creates and deletes through the shared accessors; one row per user action; a new clientID every 1000 actions), ` +
      `cut where the stored updates reach each size. Medians of ${repeats} loads.`,
    '',
    cutsTable,
    '',
    'Load in process (loadBoard + applyStoredState into a doc with an update listener + migrations):',
    '',
    loadTable,
    ...(withServer
      ? ['', 'Load through our server (cold board, edit token, WebSocket open to sync step 2 received; client apply = Y.applyUpdate of it in Node):', '', serverTable]
      : []),
    '',
    `Group commit (UpdateWriter, ${FLUSH_INTERVAL_MS} ms window; sticky moves enqueued on schedule from the same thread for ${writeSeconds} s; ` +
      'committed updates/s = updates / (run + final flush); commit = appendUpdates time; event-loop delay includes merging):',
    '',
    writeTable,
    '',
    `Backlog: ${backlog.count} queued updates of one board (a commit stalled ~1 s at 20,000 updates/s), then one flush ` +
      `(merge + commit, on the event loop): **${fmt(backlog.flushMs)} ms**, ${backlog.rows} rows.`,
    '',
    'Database file size (one board):',
    '',
    sizeTable,
  ].join('\n');
  console.log(`\n${output}`);
  appendResults(output);
}

await main();
