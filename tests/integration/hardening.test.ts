import Database from 'better-sqlite3';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_TRY_AGAIN, createRecord, getCollection } from '@pc/shared';
import { corruptPages } from '../../server/src/storage/corrupt.testutil';
import { SQLITE_FILE } from '../../server/src/storage/sqlite';
import { createBoard, startServer, tempDataDir, type CreatedBoard, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/** A WebSocket handshake as a browser on `origin` would make it: the HTTP status of a refusal, or 101. */
function handshake(url: string, origin?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('upgrade', () => {
      ws.terminate();
      resolve({ status: 101, body: '' });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (error) => reject(error));
  });
}

describe('HTTP hardening', () => {
  let server: RunningServer;
  const pool = new ClientPool();
  const staticDir = tempDataDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Partnership Canvas</title><script type="module" src="/assets/app.js"></script>');

  beforeAll(async () => {
    server = await startServer({
      env: {
        STATIC_DIR: staticDir,
        PUBLIC_URL: 'https://canvas.example.org',
        MAX_CONNECTIONS_PER_BOARD: '2',
        MAX_CONNECTIONS_PER_IP: '3',
        BOARD_CREATIONS_PER_IP_PER_HOUR: '3',
      },
    });
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('sends a strict Content-Security-Policy and the other security headers on pages and API answers', async () => {
    for (const path of ['/', '/b/abc', '/api/boards/x']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'self'", `ws://127.0.0.1:${server.port}`, `wss://127.0.0.1:${server.port}`]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
    // PUBLIC_URL is https here, so browsers are told to stay on https.
    expect((await fetch(`${server.url}/`)).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
  });

  it('keeps a hostile Host header out of the policy', async () => {
    const { request } = await import('node:http');
    const csp = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { host: "evil; script-src 'unsafe-inline'" } }, (res) => {
        res.resume();
        resolve(String(res.headers['content-security-policy']));
      });
      req.on('error', reject);
      req.end();
    });
    expect(csp).not.toContain("script-src 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' 'self'");
  });

  it('answers a malformed %-escape with 400 JSON, not 500', async () => {
    for (const path of ['/%E0%A4%A', '/api/boards/%E0%A4%A', '/b/%ZZ', '/api/boards/%E0%A4%A/export?format=json']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/malformed %-escape/);
    }
    expect(server.output()).not.toMatch(/URIError/);
  });

  it('serves no metrics on the public port, only on METRICS_PORT', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('pc_');
    const metrics = await fetch(`${server.metricsUrl}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('pc_ws_connections');
    expect((await fetch(`${server.metricsUrl}/api/boards`)).status).toBe(404);
  });

  it('refuses WebSocket upgrades from other origins with 403, allowing same-host, PUBLIC_URL and non-browser clients', async () => {
    const url = `${server.wsUrl}/${'A'.repeat(22)}?token=${'B'.repeat(22)}`;
    for (const origin of ['https://evil.example', 'null', 'http://127.0.0.1:1', 'https://canvas.example.org.evil.example']) {
      const refused = await handshake(url, origin);
      expect(refused.status, origin).toBe(403);
      expect(JSON.parse(refused.body)).toEqual({ error: expect.stringMatching(/origin/) });
    }
    for (const origin of [`http://127.0.0.1:${server.port}`, 'https://canvas.example.org', undefined]) {
      expect((await handshake(url, origin)).status, String(origin)).toBe(101);
    }
  });

  it('limits connections per board and per address (close 1013) and board creations per hour (429)', async () => {
    // The creation allowance is 3 an hour: these are the first three.
    const a = await createBoard(server, 'A');
    const b = await createBoard(server, 'B');
    const c = await createBoard(server, 'C');
    const fourth = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'one too many' }),
    });
    expect(fourth.status).toBe(429);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(((await fourth.json()) as { error: string }).error).toMatch(/at most 3 an hour/);
    const restored = await fetch(`${server.url}/api/boards/restore`, { method: 'POST', body: new Uint8Array([0, 0]) });
    expect(restored.status).toBe(429);

    const first = pool.connect(server, a.id, a.tokens.edit);
    const second = pool.connect(server, a.id, a.tokens.view);
    await Promise.all([first.synced(), second.synced()]);
    const third = await pool.raw(`${server.wsUrl}/${a.id}?token=${a.tokens.edit}`);
    expect(await third.closed).toEqual({ code: CLOSE_TRY_AGAIN, reason: expect.stringMatching(/this board has too many connections/) });

    const onB = pool.connect(server, b.id, b.tokens.edit);
    await onB.synced();
    // Three open from 127.0.0.1 now: the address is full, whatever the board.
    const onC = await pool.raw(`${server.wsUrl}/${c.id}?token=${c.tokens.edit}`);
    expect(await onC.closed).toEqual({ code: CLOSE_TRY_AGAIN, reason: expect.stringMatching(/too many connections from your network/) });

    // Closing one frees its slot.
    second.destroy();
    await waitFor(async () => {
      const retry = await pool.raw(`${server.wsUrl}/${c.id}?token=${c.tokens.edit}`);
      const closed = await Promise.race([retry.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 300))]);
      return closed === null;
    });
  });
});

describe('storage failures', () => {
  const pool = new ClientPool();
  const servers: RunningServer[] = [];
  afterEach(async () => {
    pool.destroyAll();
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
  });

  it('refuses to start on a corrupted SQLite file, with a message saying what to do', async () => {
    const dataDir = tempDataDir();
    try {
      const first = await startServer({ dataDir });
      for (let i = 0; i < 40; i++) await createBoard(first, `Board ${i} `.repeat(15));
      await first.stop();
      corruptPages(join(dataDir, SQLITE_FILE));
      const failure = await startServer({ dataDir }).then(
        (started) => {
          servers.push(started);
          return 'started';
        },
        (error: Error) => error.message,
      );
      expect(failure).toMatch(/server exited early \(1\)/);
      expect(failure).toMatch(/is damaged \(PRAGMA quick_check/);
      expect(failure).toMatch(/restore the file from a backup/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('answers /healthz 503 while storage fails, bounds the queue, and stores everything once storage is back', async () => {
    const server = await startServer({ env: { MAX_QUEUED_UPDATES: '10' } });
    servers.push(server);
    const board = await createBoard(server, 'Flaky disk');
    const editor = pool.connect(server, board.id, board.tokens.edit);
    await editor.synced();
    createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: 'before' });

    // An operator's mistake: the updates table disappears under the running server.
    const db = new Database(join(server.dataDir, SQLITE_FILE));
    db.pragma('busy_timeout = 5000');
    await waitFor(() => (db.prepare('SELECT COUNT(*) AS n FROM updates').get() as { n: number }).n > 0);
    db.exec('ALTER TABLE updates RENAME TO updates_moved_away');
    try {
      for (let i = 0; i < 30; i++) {
        createRecord(editor.doc, 'canvasItems', { kind: 'sticky', text: `during ${i}` });
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const health = await waitFor(async () => {
        const res = await fetch(`${server.url}/healthz`);
        return res.status === 503 ? ((await res.json()) as { ok: boolean; storage: string; error: string }) : null;
      });
      expect(health).toMatchObject({ ok: false, storage: 'failing', error: expect.stringMatching(/no such table: updates/) });
      // Past 10 queued updates the board refuses edits instead of holding them all in memory.
      await waitFor(() => editor.closes.some((c) => c.code === CLOSE_TRY_AGAIN), { message: 'the editor was never told to try again' });
      // Someone who only opens the board meanwhile still gets it (their empty answer to sync is not an edit).
      const onlooker = pool.connect(server, board.id, board.tokens.edit);
      await onlooker.synced();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(onlooker.closes).toEqual([]);
      expect(getCollection(onlooker.doc, 'canvasItems').size).toBeGreaterThan(1);
    } finally {
      db.exec('ALTER TABLE updates_moved_away RENAME TO updates');
      db.close();
    }
    // Storage is back: the writer retries on its own, health recovers, the client resends what was refused.
    await waitFor(async () => (await fetch(`${server.url}/healthz`)).status === 200, { timeout: 20_000 });
    // The editor resends on its next connection, which may come after a backoff or be refused
    // again while the queue drains: wait until someone opening the board sees every sticky.
    const checker = pool.connect(server, board.id, board.tokens.view);
    await checker.synced();
    await waitFor(() => getCollection(checker.doc, 'canvasItems').size === 31, {
      timeout: 20_000,
      message: 'the refused stickies never reached the server',
    });
    await server.stop();
    const restarted = await startServer({ dataDir: server.dataDir });
    servers.push(restarted);
    const reader = pool.connect(restarted, board.id, board.tokens.view);
    await reader.synced();
    const texts = [...getCollection(reader.doc, 'canvasItems').values()].map((item) => String(item.get('text')));
    expect(texts).toHaveLength(31);
    expect(texts).toContain('during 29');
  });
});

describe('client addresses behind a load balancer', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((server) => server.dispose()));
  });
  const create = (server: RunningServer, forwardedFor: string) =>
    fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ title: 'Workshop' }),
    }).then((res) => res.status);

  it('counts the address the trusted proxy saw, and ignores what a client writes before it', async () => {
    const server = await startServer({ env: { TRUST_PROXY_HOPS: '1', BOARD_CREATIONS_PER_IP_PER_HOUR: '1' } });
    servers.push(server);
    expect(await create(server, '1.1.1.1')).toBe(201);
    expect(await create(server, '1.1.1.1')).toBe(429);
    // A client prepending a fresh address to dodge the limit is still counted as 1.1.1.1.
    expect(await create(server, '9.9.9.9, 1.1.1.1')).toBe(429);
    // Another venue behind the same balancer has its own allowance.
    expect(await create(server, '2.2.2.2')).toBe(201);
  });

  it('counts votes per board and per address the trusted proxy saw, so rooms behind one balancer do not share an allowance', async () => {
    const server = await startServer({ env: { TRUST_PROXY_HOPS: '1' } });
    servers.push(server);
    const boards = [await createBoard(server, 'Hall A'), await createBoard(server, 'Hall B')];
    const openRound = (board: CreatedBoard, forwardedFor: string) =>
      fetch(`${server.url}/api/boards/${board.id}/vote-rounds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${board.tokens.owner}`, 'x-forwarded-for': forwardedFor },
        body: '{}',
      });
    // Each request counts, refused or not: 240 a minute from one address on one board.
    for (let i = 0; i < 240; i++) expect((await openRound(boards[0]!, '1.1.1.1')).status).toBe(400);
    const refused = await openRound(boards[0]!, '1.1.1.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Too many votes from this address on this board: at most 240 a minute\. Try again in (\d+ s|1 min)\.$/);
    // Another venue behind the same balancer, and the same venue on another board, still vote.
    expect((await openRound(boards[0]!, '2.2.2.2')).status).toBe(400);
    expect((await openRound(boards[1]!, '1.1.1.1')).status).toBe(400);
    // Requests the board refuses (a wrong token, a made-up board) are counted nowhere: no allowance is kept for them.
    const stranger = (boardId: string) =>
      fetch(`${server.url}/api/boards/${boardId}/vote-rounds`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token-of-this-board', 'x-forwarded-for': '3.3.3.3' },
        body: '{}',
      }).then((res) => res.status);
    for (let i = 0; i < 240; i++) expect([401, 403]).toContain(await stranger(boards[1]!.id));
    expect(await stranger('made-up-board-id')).toBe(404);
    expect((await openRound(boards[1]!, '3.3.3.3')).status).toBe(400);
  });

  it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
    const server = await startServer({ env: { BOARD_CREATIONS_PER_IP_PER_HOUR: '1' } });
    servers.push(server);
    expect(await create(server, '1.1.1.1')).toBe(201);
    expect(await create(server, '2.2.2.2')).toBe(429);
  });
});
