import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, getCollection } from '@pc/shared';
import { Random, testSeed } from '../helpers/random';
import { createBoard, restartServer, startServer, tempDataDir, type RunningServer } from '../helpers/server';
import { ClientPool, metric, waitFor, type SyncClient } from '../helpers/sync';

/**
 * Twenty stock y-websocket clients keep adding sticky notes while the server
 * process (SQLite, its own data directory, a fixed port) is SIGKILLed and
 * restarted five times at seeded random moments. The clients reconnect on
 * their own; afterwards every one of them, and a fresh client, must hold the
 * same document with every note anybody made. CHAOS_SEED=<seed> replays a run.
 */

const seed = testSeed('CHAOS_SEED');
const CLIENTS = 20;
const RESTARTS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function noteIds(doc: Y.Doc): Set<string> {
  return new Set(getCollection(doc, 'canvasItems').keys());
}

function missing(doc: Y.Doc, expected: readonly string[]): number {
  const held = noteIds(doc);
  return expected.filter((id) => !held.has(id)).length;
}

describe(`chaos (seed ${seed})`, () => {
  const pool = new ClientPool();
  const dataDir = tempDataDir();
  let server: RunningServer | undefined;

  afterAll(async () => {
    pool.destroyAll();
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`${CLIENTS} clients keep every edit through ${RESTARTS} SIGKILL restarts`, { timeout: 300_000 }, async () => {
    console.log(`chaos seed ${seed} (replay with CHAOS_SEED=${seed})`);
    const started = performance.now();
    const random = new Random(seed);
    server = await startServer({ dataDir });
    const board = await createBoard(server, 'Chaos');
    const clients: SyncClient[] = Array.from({ length: CLIENTS }, () => pool.connect(server!, board.id, board.tokens.edit));
    await Promise.all(clients.map((client) => client.synced()));

    // Each client adds its own notes at its own pace, counting every one, connected or not.
    const made: string[][] = clients.map(() => []);
    let editing = true;
    const editors = clients.map(async (client, index) => {
      const pace = new Random(seed + index + 1);
      while (editing) {
        await sleep(pace.int(200, 600));
        if (!editing) break;
        const n = made[index]!.length;
        const note = createRecord(client.doc, 'canvasItems', {
          kind: 'sticky',
          text: `client ${index} note ${n}`,
          x: (n % 20) * 200,
          y: index * 150,
          author: `client ${index}`,
        });
        made[index]!.push(note.id);
      }
    });

    const downtimes: number[] = [];
    for (let restart = 0; restart < RESTARTS; restart++) {
      await sleep(random.int(500, 2500));
      await server.stop('SIGKILL');
      const killedAt = performance.now();
      await sleep(random.int(0, 400));
      server = await restartServer(server);
      downtimes.push(Math.round(performance.now() - killedAt));
    }
    // Some edits after the last restart too, then stop and let everyone catch up.
    await sleep(1000);
    editing = false;
    await Promise.all(editors);
    const expected = made.flat();
    const perClient = made.map((ids) => ids.length);

    const converged = performance.now();
    await waitFor(() => clients.every((client) => missing(client.doc, expected) === 0), {
      timeout: 90_000,
      interval: 100,
      message: `clients did not converge (missing per client: ${clients.map((c) => missing(c.doc, expected)).join(',')})`,
    });
    const convergeMs = Math.round(performance.now() - converged);

    const fresh = pool.connect(server, board.id, board.tokens.view);
    await fresh.synced();
    const found = expected.length - missing(fresh.doc, expected);

    // Everything the server holds is on disk: one more crash, and a newcomer reads it all back from SQLite.
    await waitFor(async () => (await metric(server!, 'pc_storage_updates_queued')) === 0, { message: 'updates still queued' });
    await server.stop('SIGKILL');
    server = await restartServer(server);
    const afterCrash = pool.connect(server, board.id, board.tokens.view);
    await afterCrash.synced();
    const foundAfterCrash = expected.length - missing(afterCrash.doc, expected);

    const figures = {
      seed,
      clients: CLIENTS,
      restarts: RESTARTS + 1,
      editsMade: expected.length,
      editsPerClient: `${Math.min(...perClient)}-${Math.max(...perClient)}`,
      foundByFreshClient: found,
      foundAfterFinalCrash: foundAfterCrash,
      closesPerClient: `${Math.min(...clients.map((c) => c.closes.length))}-${Math.max(...clients.map((c) => c.closes.length))}`,
      downtimeMs: downtimes.join(','),
      convergeMs,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    console.log(`chaos figures: ${JSON.stringify(figures)}`);

    expect(expected.length).toBeGreaterThan(CLIENTS * 10);
    // Every client really lost its server each time (and reconnected on its own).
    for (const client of clients) expect(client.closes.length).toBeGreaterThanOrEqual(RESTARTS + 1);
    expect(new Set(expected).size).toBe(expected.length);
    expect(found, `the fresh client misses ${expected.length - found} of ${expected.length} edits`).toBe(expected.length);
    expect(foundAfterCrash).toBe(expected.length);
    // The same document everywhere: same notes with the same fields, same state vector.
    const reference = getCollection(fresh.doc, 'canvasItems').toJSON();
    const referenceVector = Y.encodeStateVector(fresh.doc);
    for (const doc of [...clients.map((client) => client.doc), afterCrash.doc]) {
      expect(getCollection(doc, 'canvasItems').toJSON()).toEqual(reference);
      expect(Y.encodeStateVector(doc)).toEqual(referenceVector);
    }
    expect(Object.keys(reference)).toHaveLength(expected.length);
  });
});
