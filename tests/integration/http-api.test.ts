import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isBoardId } from '@pc/shared';
import { createBoard, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { ClientPool, getBoard, waitFor } from '../helpers/sync';

describe('HTTP API', () => {
  let server: RunningServer;
  const pool = new ClientPool();
  // A stand-in for client/dist, so the static routes are tested without a client build.
  const staticDir = tempDataDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Partnership Canvas</title>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  // An asset with the precompressed copies the client build writes beside it.
  const bigScript = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word ${i % 50}`))};\n`;
  writeFileSync(join(staticDir, 'assets', 'big-5678.js'), bigScript);
  writeFileSync(join(staticDir, 'assets', 'big-5678.js.br'), brotliCompressSync(bigScript));
  writeFileSync(join(staticDir, 'assets', 'big-5678.js.gz'), gzipSync(bigScript));
  writeFileSync(join(staticDir, 'secret.txt.br'), 'not an asset');

  beforeAll(async () => {
    server = await startServer({
      env: {
        PUBLIC_URL: 'https://canvas.example.org/',
        MAX_JSON_BYTES: '2048',
        STATIC_DIR: staticDir,
        // Log everything, so the "no tokens in logs" check covers every log line.
        LOG_LEVEL: 'trace',
      },
    });
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const post = (body: string, contentType: string | null = 'application/json') =>
    fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: contentType ? { 'content-type': contentType } : {},
      body,
    });

  async function expectError(res: Response, status: number, pattern: RegExp) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { error?: unknown };
    expect(body.error).toMatch(pattern);
  }

  it('reports health', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('creates a board with three unguessable tokens and share links on PUBLIC_URL', async () => {
    const res = await post(JSON.stringify({ title: '  Riverside partnership  ' }));
    expect(res.status).toBe(201);
    const board = (await res.json()) as Awaited<ReturnType<typeof createBoard>>;
    expect(isBoardId(board.id)).toBe(true);
    expect(board.title).toBe('Riverside partnership');
    const tokens = Object.values(board.tokens);
    for (const token of tokens) expect(token).toMatch(/^[0-9A-Za-z_-]{22}$/);
    expect(new Set(tokens).size).toBe(3);
    for (const role of ['owner', 'edit', 'view'] as const) {
      expect(board.links[role]).toBe(`https://canvas.example.org/b/${board.id}#t=${board.tokens[role]}`);
    }
  });

  it('describes a board to each of its tokens, with its role and record counts', async () => {
    const board = await createBoard(server, 'Summary');
    for (const role of ['owner', 'edit', 'view'] as const) {
      const { status, body } = await getBoard(server, board.id, board.tokens[role]);
      expect(status).toBe(200);
      expect(body).toMatchObject({ id: board.id, title: 'Summary', role });
      expect(body.createdAt).toEqual(expect.any(Number));
      expect(body.counts).toMatchObject({ canvasItems: 0, partners: 0, stakeholders: 0 });
    }
  });

  it('refuses a missing, malformed or wrong bearer token', async () => {
    const board = await createBoard(server);
    const other = await createBoard(server);
    const url = `${server.url}/api/boards/${board.id}`;
    await expectError(await fetch(url), 401, /Bearer/);
    await expectError(await fetch(url, { headers: { authorization: `Basic ${board.tokens.owner}` } }), 401, /Bearer/);
    await expectError(await fetch(url, { headers: { authorization: `Bearer ${other.tokens.owner}` } }), 403, /token/);
    await expectError(await fetch(url, { headers: { authorization: 'Bearer x' } }), 403, /token/);
  });

  it('answers 404 for unknown and malformed board ids, and unknown API paths', async () => {
    const board = await createBoard(server);
    const auth = { authorization: `Bearer ${board.tokens.owner}` };
    await expectError(await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA`, { headers: auth }), 404, /board/);
    await expectError(await fetch(`${server.url}/api/boards/not%20an%20id`, { headers: auth }), 404, /board/);
    await expectError(await fetch(`${server.url}/api/nothing-here`), 404, /not found/i);
  });

  it('rejects malformed JSON, wrong content types and bad titles with 400', async () => {
    await expectError(await post('{"title": '), 400, /JSON/);
    await expectError(await post('title=x', 'application/x-www-form-urlencoded'), 400, /Content-Type/);
    await expectError(await post(JSON.stringify({ title: 'x' }), 'text/plain'), 400, /Content-Type/);
    await expectError(await post(JSON.stringify({ title: 'x' }), null), 400, /Content-Type/);
    await expectError(await post(JSON.stringify({ title: '   ' })), 400, /empty/);
    await expectError(await post(JSON.stringify({ title: 'x'.repeat(201) })), 400, /200/);
    await expectError(await post(JSON.stringify({ title: 42 })), 400, /string/);
    await expectError(await post(JSON.stringify({})), 400, /title/);
    await expectError(await post('[]'), 400, /./);
  });

  it('answers a malformed %-escape in the path and a body that does not decompress with 400, not 500', async () => {
    await expectError(await fetch(`${server.url}/api/boards/%`), 400, /%-escape/);
    await expectError(await fetch(`${server.url}/api/boards/%E0%A4%A/export?format=json`), 400, /%-escape/);
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: '{"title": "not gzip"}',
    });
    await expectError(res, 400, /./);
  });

  it('rejects a body over MAX_JSON_BYTES with 413', async () => {
    await expectError(await post(JSON.stringify({ title: 'x', padding: 'y'.repeat(4096) })), 413, /larger/);
  });

  it('serves the client, with the SPA fallback for / and /b/<id> only', async () => {
    for (const path of ['/', '/b/AAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Partnership Canvas</title>');
    }
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });

  it('sends an asset as its precompressed copy to a browser that accepts one, else as it is', async () => {
    const url = `${server.url}/assets/big-5678.js`;
    const raw = (encoding: string) => rawGet(url, encoding);
    const br = await raw('gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    expect(br.body.equals(readFileSync(join(staticDir, 'assets', 'big-5678.js.br')))).toBe(true);
    const gz = await raw('gzip;q=1, br;q=0');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(readFileSync(join(staticDir, 'assets', 'big-5678.js.gz')))).toBe(true);
    for (const encoding of ['', 'identity', 'br;q=0, gzip;q=0', 'x'.repeat(2000)]) {
      const plain = await raw(encoding);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(bigScript);
    }
    // fetch decodes what it accepted: the same script either way.
    const decoded = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(decoded.headers.get('content-encoding')).toBe('br');
    expect(await decoded.text()).toBe(bigScript);
    // An asset without copies, a HEAD, and paths that are not assets.
    const small = await rawGet(`${server.url}/assets/app-1234.js`, 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log(1)');
    const head = await fetch(url, { method: 'HEAD', headers: { 'accept-encoding': 'br' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-encoding')).toBe('br');
    for (const path of ['/assets/..%2Fsecret.txt', '/assets/%2e%2e/secret.txt', '/assets/missing.js', '/assets/big-5678.js%00', '/assets/.hidden.js']) {
      const res = await rawGet(`${server.url}${path}`, 'br');
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body.toString()).not.toContain('not an asset');
    }
  });

  it('never writes tokens into its logs, even at trace level', async () => {
    const board = await createBoard(server);
    const other = await createBoard(server);
    await getBoard(server, board.id, board.tokens.view);
    await getBoard(server, board.id, other.tokens.view);
    const client = pool.connect(server, board.id, board.tokens.edit);
    await client.synced();
    const refused = pool.connect(server, board.id, other.tokens.edit);
    await waitFor(() => refused.closes.length > 0);
    await waitFor(() => server.output().includes('websocket refused'));
    for (const token of [...Object.values(board.tokens), ...Object.values(other.tokens)]) {
      expect(server.output()).not.toContain(token);
    }
  });
});

/** A GET that hands back the bytes as sent (fetch would decode a coding it accepted). */
async function rawGet(url: string, acceptEncoding: string): Promise<{ status: number; headers: Record<string, string | undefined>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | undefined>, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
