import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRecord, type Stakeholder } from '@pc/shared';
import { dropStakeholder, updateStakeholder } from '../../client/src/boards/stakeholder-map/actions';
import { cardPlacements, type MapLayout } from '../../client/src/boards/stakeholder-map/model/mapLayout';
import { gridPositionFor } from '../../client/src/boards/stakeholder-map/model/grid';
import { GRID_WORLD, ONION_WORLD } from '../../client/src/boards/stakeholder-map/model/mapLayout';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';
import { createBoard, startServer, type CreatedBoard, type RunningServer } from '../helpers/server';

/**
 * Concurrency on the stakeholder map through the real server, with stock
 * y-websocket clients making the very writes the app makes (the map's actions
 * module): two people dragging one card at once, and two people editing
 * different fields of one stakeholder.
 */

let server: RunningServer;
const pool = new ClientPool();
const originA = { kind: 'local-user', who: 'A' };
const originB = { kind: 'local-user', who: 'B' };

beforeAll(async () => {
  server = await startServer();
});
afterEach(() => pool.destroyAll());
afterAll(async () => {
  await server?.dispose();
});

async function twoClients(): Promise<{ board: CreatedBoard; a: SyncClient; b: SyncClient; id: string }> {
  const board = await createBoard(server, 'Concurrent map');
  const a = pool.connect(server, board.id, board.tokens.edit);
  const b = pool.connect(server, board.id, board.tokens.edit);
  await Promise.all([a.synced(), b.synced()]);
  const s = createRecord(a.doc, 'stakeholders', { name: 'City Council', power: 2, interest: 2, ring: 'wider', x: 100, y: 100 }, originA);
  await waitFor(() => readRecord(b.doc, 'stakeholders', s.id), { message: 'B did not receive the stakeholder' });
  return { board, a, b, id: s.id };
}

const pick = (s: Stakeholder) => ({ power: s.power, interest: s.interest, ring: s.ring, x: s.x, y: s.y, placed: s.placed });
const record = (doc: Y.Doc, id: string) => readRecord(doc, 'stakeholders', id)!.record;

/** A drag as the app makes it: a write per pointer step, paced like its 50 ms throttle. */
async function drag(doc: Y.Doc, origin: unknown, id: string, layout: MapLayout, path: { x: number; y: number }[]) {
  for (const point of path) {
    dropStakeholder({ doc, localOrigin: origin }, id, layout, point);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function line(from: { x: number; y: number }, to: { x: number; y: number }, steps: number) {
  return Array.from({ length: steps }, (_, i) => ({ x: from.x + ((to.x - from.x) * (i + 1)) / steps, y: from.y + ((to.y - from.y) * (i + 1)) / steps }));
}

describe('two people drag the same stakeholder at once', () => {
  const cases: { layout: MapLayout; fromA: { x: number; y: number }; toA: { x: number; y: number }; toB: { x: number; y: number } }[] = [
    { layout: 'grid', fromA: gridPositionFor(2, 2, GRID_WORLD), toA: gridPositionFor(4, 0, GRID_WORLD), toB: gridPositionFor(0, 4, GRID_WORLD) },
    { layout: 'onion', fromA: { x: ONION_WORLD.cx + 450, y: ONION_WORLD.cy }, toA: { x: ONION_WORLD.cx, y: ONION_WORLD.cy }, toB: { x: ONION_WORLD.cx + 300, y: ONION_WORLD.cy } },
    { layout: 'network', fromA: { x: 100, y: 100 }, toA: { x: 900, y: -300 }, toB: { x: -700, y: 450 } },
  ];

  for (const { layout, fromA, toA, toB } of cases) {
    it(`ends with one consistent position everywhere (${layout})`, async () => {
      const { board, a, b, id } = await twoClients();
      // Both drag along their own paths at the same time, their live writes crossing in flight...
      await Promise.all([drag(a.doc, originA, id, layout, line(fromA, toA, 12)), drag(b.doc, originB, id, layout, line(fromA, toB, 12))]);
      // ...and both drop in the same tick, so neither has seen the other's final write: a true conflict.
      dropStakeholder({ doc: a.doc, localOrigin: originA }, id, layout, toA);
      dropStakeholder({ doc: b.doc, localOrigin: originB }, id, layout, toB);
      await waitFor(() => JSON.stringify(pick(record(a.doc, id))) === JSON.stringify(pick(record(b.doc, id))), { message: 'clients did not converge' });
      const final = pick(record(a.doc, id));
      // The winner is one person's whole drop (all its fields from one transaction), never a mix.
      const asA = pick({ ...record(a.doc, id), ...dropPatchOf(layout, toA) });
      const asB = pick({ ...record(a.doc, id), ...dropPatchOf(layout, toB) });
      expect([JSON.stringify(asA), JSON.stringify(asB)]).toContain(JSON.stringify(final));
      // Where it is DRAWN agrees too (grid and onion positions are derived from the fields).
      const drawnA = cardPlacements([record(a.doc, id)], layout, 'none').get(id);
      const drawnB = cardPlacements([record(b.doc, id)], layout, 'none').get(id);
      expect(drawnA).toEqual(drawnB);
      // Someone joining afterwards gets the same.
      const late = pool.connect(server, board.id, board.tokens.view);
      await late.synced();
      await waitFor(() => readRecord(late.doc, 'stakeholders', id));
      expect(pick(record(late.doc, id))).toEqual(final);
    });
  }
});

function dropPatchOf(layout: MapLayout, point: { x: number; y: number }) {
  const doc = new Y.Doc();
  const s = createRecord(doc, 'stakeholders', { name: 'probe' });
  dropStakeholder({ doc: doc, localOrigin: null }, s.id, layout, point);
  const after = record(doc, s.id);
  if (layout === 'grid') return { power: after.power, interest: after.interest };
  if (layout === 'onion') return { ring: after.ring };
  return { x: after.x, y: after.y };
}

describe('edits to different fields of one stakeholder', () => {
  it('both survive when made at the same moment', async () => {
    const { a, b, id } = await twoClients();
    // Same tick: neither client has the other's edit when it writes.
    updateStakeholder({ doc: a.doc, localOrigin: originA }, id, { channel: 'Monthly briefing', name: 'Riverside City Council' });
    dropStakeholder({ doc: b.doc, localOrigin: originB }, id, 'grid', gridPositionFor(4, 3, GRID_WORLD));
    updateStakeholder({ doc: b.doc, localOrigin: originB }, id, { attitude: -1 });
    for (const client of [a, b]) {
      await waitFor(() => {
        const s = record(client.doc, id);
        return s.channel === 'Monthly briefing' && s.name === 'Riverside City Council' && s.power === 4 && s.interest === 3 && s.attitude === -1;
      }, { message: 'an edit was lost' });
    }
  });

  it('both survive when one person was offline while editing', async () => {
    const { a, b, id } = await twoClients();
    b.provider.disconnect();
    updateStakeholder({ doc: b.doc, localOrigin: originB }, id, { notes: 'Met at the March forum', ring: 'direct' });
    updateStakeholder({ doc: a.doc, localOrigin: originA }, id, { concerns: 'Budget cuts', frequency: 'quarterly' });
    dropStakeholder({ doc: a.doc, localOrigin: originA }, id, 'network', { x: 340, y: -120 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(record(a.doc, id).notes).toBe('');
    b.provider.connect();
    for (const client of [a, b]) {
      await waitFor(() => {
        const s = record(client.doc, id);
        return s.notes === 'Met at the March forum' && s.ring === 'direct' && s.concerns === 'Budget cuts' && s.frequency === 'quarterly' && s.x === 340 && s.y === -120;
      }, { message: 'an offline edit was lost' });
    }
  });
});
