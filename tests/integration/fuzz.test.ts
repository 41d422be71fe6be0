import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLECTION_NAMES, createRecord, exportJson, type CollectionName } from '@pc/shared';
import { FRAME_KINDS, frameTemplates, fuzzFrame, fuzzRequest, type FuzzRequest } from '../helpers/fuzz';
import { Random, testSeed } from '../helpers/random';
import { createBoard, serverRss, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, metric, waitFor, type SyncClient } from '../helpers/sync';

/**
 * Thousands of random and damaged WebSocket frames and HTTP requests against a
 * real server, from a seeded generator (the seed is printed; FUZZ_SEED=<seed>
 * replays a run). Whatever the server decides to refuse and however, it must
 * stay up and healthy, answer HTTP errors as JSON 4xx, keep memory bounded and
 * lose nothing a well-behaved client wrote before.
 */

const seed = testSeed('FUZZ_SEED');
const FRAMES = Number(process.env.FUZZ_FRAMES ?? 3000);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const WORKERS = 6;
/** Time bounds on a busy machine (the counts above stop first on a quiet one); past them, each phase still sends MIN_COUNT. */
const WS_BUDGET_MS = 28_000;
const HTTP_BUDGET_MS = 12_000;
const MIN_COUNT = 1000;
/** RSS may grow by this much over the whole run (ws buffers, V8 heap growth); a per-frame leak of the board or a socket would pass it. */
const RSS_GROWTH_LIMIT = 128 * 1024 * 1024;
/** One empty state vector: "send me everything". Every role gets an answer (sync step 2), so it proves the socket is served. */
const PROBE = new Uint8Array([0, 0, 1, 0]);

const figures: Record<string, string | number> = { seed };

function replayHint(): string {
  return `(replay with FUZZ_SEED=${seed})`;
}

/** The well-behaved writer's records, by collection, as export json gives them. */
function ownRecords(doc: Y.Doc, ids: Set<string>): Record<string, unknown[]> {
  const all = exportJson(doc, COLLECTION_NAMES);
  return Object.fromEntries(
    Object.entries(all).map(([name, records]) => [name, records.filter((r) => ids.has((r as { id: string }).id))]),
  );
}

interface SocketTally {
  frames: number;
  connections: number;
  refusedUpgrades: number;
  closedByServer: number;
  unanswered: number;
  closeCodes: Map<number, number>;
}

/** Open a socket; resolves null when the upgrade itself is refused (an HTTP status instead of a WebSocket). */
function openSocket(url: string): Promise<WebSocket | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.binaryType = 'nodebuffer';
    ws.once('open', () => resolve(ws));
    ws.once('error', () => resolve(null));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(null);
      ws.terminate();
    });
  });
}

/** Send frames on one socket, each followed by a probe, until the server closes it or `budget` frames went. */
async function fuzzOneSocket(ws: WebSocket, frames: () => Uint8Array | null, budget: number, tally: SocketTally): Promise<void> {
  let answers = 0;
  let closed = false;
  let ours = false;
  let wake: () => void = () => undefined;
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 1) answers++;
    wake();
  });
  ws.on('error', () => undefined);
  ws.once('close', (code: number) => {
    closed = true;
    if (!ours) {
      tally.closedByServer++;
      tally.closeCodes.set(code, (tally.closeCodes.get(code) ?? 0) + 1);
    }
    wake();
  });
  for (let sent = 0; sent < budget && !closed; sent++) {
    const frame = frames();
    if (!frame) break;
    const before = answers;
    ws.send(frame, { binary: true });
    ws.send(PROBE, { binary: true });
    tally.frames++;
    // A probe left unanswered (a server that ignores a misbehaving socket, or a busy machine) just ends this socket.
    const deadline = Date.now() + 1500;
    while (!closed && answers === before && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 50);
      });
    }
    if (!closed && answers === before) {
      tally.unanswered++;
      break;
    }
  }
  if (!closed) {
    ours = true;
    ws.terminate();
    await new Promise((resolve) => ws.once('close', resolve));
  }
}

/** One request on its own connection (a reused one could be closed under it after an early 413). */
function send(baseUrl: URL, req: FuzzRequest): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { agent: false, host: baseUrl.hostname, port: baseUrl.port, method: req.method, path: req.path, headers: req.headers, timeout: 10_000 },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size < 1_000_000) chunks.push(chunk);
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer in 10 s')));
    outgoing.on('error', reject);
    // Always framed: Node sends a DELETE or OPTIONS body with neither Content-Length nor chunking.
    if (req.body) outgoing.setHeader('content-length', req.body.byteLength);
    outgoing.end(req.body);
  });
}

/** What is wrong with an HTTP answer, or null: errors are JSON {"error"} 4xx, nothing leaks a stack or an HTML error page. */
function answerProblem(req: FuzzRequest, res: { status: number; type: string; body: string }): string | null {
  if (res.status >= 500) return `status ${res.status}`;
  if (/\n\s+at .+:\d+:\d+/.test(res.body)) return 'a stack trace in the body';
  if (res.status >= 400 && req.method !== 'HEAD') {
    if (!res.type.startsWith('application/json')) return `${res.status} answered as ${res.type || 'no content type'}`;
    try {
      const parsed = JSON.parse(res.body) as { error?: unknown };
      if (typeof parsed.error !== 'string' || parsed.error === '') return 'no "error" message in the JSON';
    } catch {
      return 'an error body that is not JSON';
    }
  }
  return null;
}

describe(`fuzz (seed ${seed})`, () => {
  let server: RunningServer;
  let board: CreatedBoard;
  let scratch: CreatedBoard;
  const pool = new ClientPool();
  const writerIds = new Set<string>();
  let writer: SyncClient;
  let expected: Record<string, unknown[]>;
  let rssBefore = 0;
  const health = { checks: 0, failures: [] as string[] };
  let healthTimer: NodeJS.Timeout | undefined;

  beforeAll(async () => {
    console.log(`fuzz seed ${seed} ${replayHint()}`);
    server = await startServer();
    board = await createBoard(server, 'Fuzz target');
    scratch = await createBoard(server, 'Scratch');
    // A well-behaved client writes a board's worth of records before anything hostile arrives.
    writer = pool.connect(server, board.id, board.tokens.edit);
    await writer.synced();
    const records: [CollectionName, Record<string, unknown>][] = [
      ...Array.from({ length: 40 }, (_, i) => ['canvasItems', { kind: 'sticky', text: `note ${i}`, x: i * 10, y: i }] as [CollectionName, Record<string, unknown>]),
      ...Array.from({ length: 15 }, (_, i) => ['stakeholders', { name: `Org ${i}`, power: i % 5, interest: (i * 3) % 5 }] as [CollectionName, Record<string, unknown>]),
      ...Array.from({ length: 4 }, (_, i) => ['partners', { name: `Partner ${i}`, colour: '#336699' }] as [CollectionName, Record<string, unknown>]),
    ];
    for (const [collection, input] of records) {
      writerIds.add(createRecord(writer.doc, collection, input as never).id);
    }
    expected = ownRecords(writer.doc, writerIds);
    await waitFor(async () => (await metric(server, 'pc_updates_applied_total')) >= records.length, { message: 'writer edits not applied' });
    await waitFor(async () => (await metric(server, 'pc_storage_updates_queued')) === 0, { message: 'writer edits not stored' });
    rssBefore = serverRss(server);
    figures.rssBeforeMiB = Math.round(rssBefore / 2 ** 20);
    figures.heapBeforeMiB = Math.round((await metric(server, 'pc_nodejs_heap_size_used_bytes')) / 2 ** 20);
    healthTimer = setInterval(() => {
      health.checks++;
      fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) })
        .then((res) => {
          if (res.status !== 200) health.failures.push(`healthz ${res.status}`);
        })
        .catch((error: Error) => health.failures.push(`healthz: ${error.message}`));
    }, 250);
  });

  afterAll(async () => {
    clearInterval(healthTimer);
    pool.destroyAll();
    console.log(`fuzz figures: ${JSON.stringify(figures)}`);
    await server?.dispose();
  });

  it('survives thousands of random and damaged WebSocket frames from every role', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const random = new Random(seed);
    const templates = frameTemplates(random);
    const stopAt = Date.now() + WS_BUDGET_MS;
    const tally: SocketTally = { frames: 0, connections: 0, refusedUpgrades: 0, closedByServer: 0, unanswered: 0, closeCodes: new Map() };
    const kinds = new Map<string, number>();
    let remaining = FRAMES;
    const nextFrame = () => {
      if (remaining <= 0 || (FRAMES - remaining >= MIN_COUNT && Date.now() > stopAt)) return null;
      remaining--;
      const kind = random.pick(FRAME_KINDS);
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      return fuzzFrame(random, templates, kind);
    };
    const base = `${server.wsUrl}/${board.id}`;
    const urls = [
      ...Array<string>(5).fill(`${base}?token=${board.tokens.edit}`),
      `${base}?token=${board.tokens.owner}`,
      `${base}?token=${board.tokens.view}`,
      `${base}?token=${board.tokens.view}`,
      base,
      `${base}?token=${scratch.tokens.edit}`,
      `${server.wsUrl}/${scratch.id}?token=${scratch.tokens.edit}`,
      `${server.wsUrl}/${'A'.repeat(22)}?token=${board.tokens.edit}`,
      `${server.wsUrl}/%?token=%`,
      `${server.wsUrl}/`,
      `${server.url.replace('http', 'ws')}/elsewhere`,
    ];
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (remaining > 0 && (FRAMES - remaining < MIN_COUNT || Date.now() < stopAt)) {
          tally.connections++;
          const ws = await openSocket(random.pick(urls));
          if (!ws) {
            tally.refusedUpgrades++;
            nextFrame();
            continue;
          }
          await fuzzOneSocket(ws, nextFrame, random.int(1, 40), tally);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    Object.assign(figures, {
      wsFrames: tally.frames,
      wsConnections: tally.connections,
      wsRefusedUpgrades: tally.refusedUpgrades,
      wsClosedByServer: tally.closedByServer,
      wsUnansweredProbes: tally.unanswered,
      wsCloseCodes: JSON.stringify(Object.fromEntries(tally.closeCodes)),
      wsKinds: JSON.stringify(Object.fromEntries(kinds)),
      wsSeconds: Math.round(seconds * 10) / 10,
      updatesApplied: await metric(server, 'pc_updates_applied_total'),
      updatesRejected: await metric(server, 'pc_updates_rejected_total'),
    });
    console.log(`websocket fuzz: ${tally.frames} frames over ${tally.connections} connections in ${seconds.toFixed(1)} s ${replayHint()}`);
    expect(server.process.exitCode, `server exited ${replayHint()}`).toBeNull();
    expect(tally.frames + tally.refusedUpgrades).toBeGreaterThanOrEqual(Math.min(FRAMES, MIN_COUNT));
    // The server closed the hostile sockets itself (it did not just stop answering them).
    expect(tally.closedByServer).toBeGreaterThan(tally.frames / 10);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status, replayHint()).toBe(200);
  });

  it('answers thousands of random HTTP requests with a JSON 4xx or a success, never a 5xx', { timeout: 60_000 }, async () => {
    const started = performance.now();
    const random = new Random(seed ^ 0x5eed);
    const baseUrl = new URL(server.url);
    // The kept board is named with its edit and view tokens only: an owner token could (rightly) delete or rotate it.
    const targets = [
      { boardId: board.id, tokens: [board.tokens.edit, board.tokens.view] },
      { boardId: scratch.id, tokens: [scratch.tokens.owner, scratch.tokens.edit, scratch.tokens.view] },
    ];
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const stopAt = Date.now() + HTTP_BUDGET_MS;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (sent < REQUESTS && (sent < MIN_COUNT || Date.now() < stopAt)) {
          sent++;
          const req = fuzzRequest(random, targets);
          const describe = `${req.method} ${req.path.slice(0, 120)} [${req.headers['content-type'] ?? '-'}${req.headers['content-encoding'] ? ` ${req.headers['content-encoding']}` : ''}] body ${JSON.stringify(req.body?.toString('utf8').slice(0, 80) ?? null)}`;
          try {
            const res = await send(baseUrl, req);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const problem = answerProblem(req, res);
            if (problem) problems.push(`${describe}: ${problem}: ${res.body.slice(0, 160)}`);
          } catch (error) {
            problems.push(`${describe}: ${(error as Error).message} ${(error as NodeJS.ErrnoException).code ?? ""}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    Object.assign(figures, {
      httpRequests: sent,
      httpStatuses: JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0]))),
      httpSeconds: Math.round(seconds * 10) / 10,
    });
    console.log(`http fuzz: ${sent} requests in ${seconds.toFixed(1)} s, statuses ${figures.httpStatuses} ${replayHint()}`);
    expect(problems.slice(0, 15), `${problems.length} bad answers ${replayHint()}`).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(REQUESTS, MIN_COUNT));
    expect(server.process.exitCode).toBeNull();
  });

  it('stayed healthy throughout, kept memory bounded and lost nothing the writer wrote', async () => {
    expect(health.failures, replayHint()).toEqual([]);
    expect(health.checks).toBeGreaterThan(4);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Give the collector a moment: the growth that counts is what stays.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssAfter = serverRss(server);
    Object.assign(figures, {
      rssAfterMiB: Math.round(rssAfter / 2 ** 20),
      rssGrowthMiB: Math.round((rssAfter - rssBefore) / 2 ** 20),
      heapAfterMiB: Math.round((await metric(server, 'pc_nodejs_heap_size_used_bytes')) / 2 ** 20),
    });
    expect(rssAfter - rssBefore, `RSS ${figures.rssBeforeMiB} -> ${figures.rssAfterMiB} MiB ${replayHint()}`).toBeLessThan(RSS_GROWTH_LIMIT);

    // The writer stayed connected through it all, and still holds its records as written.
    expect(writer.closes, replayHint()).toEqual([]);
    expect(ownRecords(writer.doc, writerIds), replayHint()).toEqual(expected);
    // A fresh stock client and the JSON export both hold every record exactly as written.
    const reader = pool.connect(server, board.id, board.tokens.view);
    await reader.synced();
    expect(ownRecords(reader.doc, writerIds), replayHint()).toEqual(expected);
    const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.view}` },
    });
    expect(res.status).toBe(200);
    const exported = (await res.json()) as { records: Record<string, { id: string }[]> };
    const exportedOwn = Object.fromEntries(
      Object.entries(exported.records).map(([name, records]) => [name, records.filter((r) => writerIds.has(r.id))]),
    );
    expect(exportedOwn, replayHint()).toEqual(expected);

    // And the board still takes edits: a new note reaches a newcomer.
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    const note = createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: 'after the fuzz' });
    const newcomer = pool.connect(server, board.id, board.tokens.view);
    await newcomer.synced();
    await waitFor(() => newcomer.doc.getMap('canvasItems').has(note.id), { message: 'an edit after the fuzz did not arrive' });
  });
});
