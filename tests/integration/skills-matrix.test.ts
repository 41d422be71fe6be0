import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getCollection, listRecords, type MatrixCell, type MatrixRow, type Partner, analyseMatrix } from '@pc/shared';
import { addPartner, removePartner } from '../../client/src/boards/partners/partnerActions';
import { addMatrixRow, setCellLevel, toggleCellFlag } from '../../client/src/boards/skills-matrix/matrixActions';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor } from '../helpers/sync';

/**
 * The matrix over the real server with stock y-websocket clients: each cell is its own
 * record, so concurrent edits of different cells (and of different fields of one
 * cell) all survive, and deleting a partner takes its whole column on every client.
 */

const origin = { kind: 'test-client' };

function cells(doc: Y.Doc): Record<string, Record<string, unknown>> {
  return getCollection(doc, 'matrixCells').toJSON() as Record<string, Record<string, unknown>>;
}

function records<T>(doc: Y.Doc, name: 'partners' | 'matrixRows' | 'matrixCells'): T[] {
  return listRecords(doc, name).map((r) => r.record as T);
}

function analysisOf(doc: Y.Doc) {
  return analyseMatrix(records<MatrixRow>(doc, 'matrixRows'), records<Partner>(doc, 'partners'), records<MatrixCell>(doc, 'matrixCells'));
}

describe('skills matrix sync', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  async function twoClients(title: string) {
    const board = await createBoard(server, title);
    const alice = pool.connect(server, board.id, board.tokens.owner);
    const bob = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([alice.synced(), bob.synced()]);
    const alba = addPartner({ doc: alice.doc, localOrigin: origin }, { name: 'Alba Trust' });
    const bridge = addPartner({ doc: alice.doc, localOrigin: origin }, { name: 'Bridge Council' });
    const safeguarding = addMatrixRow({ doc: alice.doc, localOrigin: origin }, { name: 'Safeguarding', category: 'skill', required: 3 });
    const venues = addMatrixRow({ doc: alice.doc, localOrigin: origin }, { name: 'Venues', category: 'resource', required: 2 });
    await waitFor(() => getCollection(bob.doc, 'matrixRows').size === 2 && getCollection(bob.doc, 'partners').size === 2, {
      message: 'bob did not receive the partners and rows',
    });
    return { alice, bob, alba, bridge, safeguarding, venues };
  }

  it('keeps both of two cells set at the same moment by two clients', async () => {
    const { alice, bob, alba, bridge, safeguarding, venues } = await twoClients('Concurrent cells');

    // Same row, different partners; different rows, same partner; written with no sync in between.
    setCellLevel({ doc: alice.doc, localOrigin: origin }, safeguarding.id, alba.id, 3);
    setCellLevel({ doc: bob.doc, localOrigin: origin }, safeguarding.id, bridge.id, 4);
    toggleCellFlag({ doc: alice.doc, localOrigin: origin }, venues.id, alba.id, 'gives');
    toggleCellFlag({ doc: bob.doc, localOrigin: origin }, venues.id, bridge.id, 'receives');

    await waitFor(
      () => {
        expect(Object.keys(cells(alice.doc))).toHaveLength(4);
        expect(cells(bob.doc)).toEqual(cells(alice.doc));
        return true;
      },
      { message: 'clients did not converge' },
    );
    const merged = cells(alice.doc);
    expect(merged[`${safeguarding.id}:${alba.id}`]).toMatchObject({ level: 3 });
    expect(merged[`${safeguarding.id}:${bridge.id}`]).toMatchObject({ level: 4 });
    expect(merged[`${venues.id}:${alba.id}`]).toMatchObject({ gives: true });
    expect(merged[`${venues.id}:${bridge.id}`]).toMatchObject({ receives: true });

    // Different fields of one existing cell, again at once: both kept.
    setCellLevel({ doc: alice.doc, localOrigin: origin }, safeguarding.id, alba.id, 4);
    toggleCellFlag({ doc: bob.doc, localOrigin: origin }, safeguarding.id, alba.id, 'gives');
    await waitFor(
      () => {
        expect(cells(bob.doc)).toEqual(cells(alice.doc));
        expect(cells(bob.doc)[`${safeguarding.id}:${alba.id}`]).toMatchObject({ level: 4, gives: true });
        return true;
      },
      { message: 'field edits of one cell did not both survive' },
    );

    // Both see the same gaps and warnings.
    expect(analysisOf(bob.doc).summary).toEqual(analysisOf(alice.doc).summary);
    expect(analysisOf(alice.doc).byRowId.get(safeguarding.id)).toMatchObject({ bestAvailable: 4, gap: 0 });
  });

  it('removes a deleted partner’s column of cells on every client', async () => {
    const { alice, bob, alba, bridge, safeguarding, venues } = await twoClients('Delete a partner');
    for (const row of [safeguarding, venues]) {
      setCellLevel({ doc: alice.doc, localOrigin: origin }, row.id, alba.id, 2);
      setCellLevel({ doc: bob.doc, localOrigin: origin }, row.id, bridge.id, 3);
    }
    await waitFor(() => Object.keys(cells(alice.doc)).length === 4 && Object.keys(cells(bob.doc)).length === 4, {
      message: 'cells did not reach both clients',
    });

    removePartner({ doc: bob.doc, localOrigin: origin }, alba.id);
    await waitFor(
      () => {
        for (const doc of [alice.doc, bob.doc]) {
          expect(getCollection(doc, 'partners').has(alba.id)).toBe(false);
          expect(Object.values(cells(doc)).map((c) => c.partnerId)).toEqual([bridge.id, bridge.id]);
        }
        return true;
      },
      { message: 'the deleted column did not disappear everywhere' },
    );
    expect(cells(alice.doc)).toEqual(cells(bob.doc));
    const analysis = analysisOf(alice.doc);
    expect(analysis.summary.partnerCount).toBe(1);
    expect(analysis.byRowId.get(safeguarding.id)).toMatchObject({ bestAvailable: 3, warnings: ['singlePointOfFailure'] });
    expect(analysisOf(bob.doc)).toEqual(analysis);
  });

  it('converges when one client edits a column while another deletes that partner', async () => {
    const { alice, bob, alba, bridge, safeguarding, venues } = await twoClients('Edit during delete');
    setCellLevel({ doc: alice.doc, localOrigin: origin }, safeguarding.id, alba.id, 2);
    await waitFor(() => cells(bob.doc)[`${safeguarding.id}:${alba.id}`]?.level === 2);

    // Alice writes a new cell in Alba's column while Bob removes Alba, before either hears the other.
    setCellLevel({ doc: alice.doc, localOrigin: origin }, venues.id, alba.id, 4);
    removePartner({ doc: bob.doc, localOrigin: origin }, alba.id);
    setCellLevel({ doc: bob.doc, localOrigin: origin }, venues.id, bridge.id, 1);

    await waitFor(
      () => {
        expect(getCollection(alice.doc, 'partners').has(alba.id)).toBe(false);
        expect(cells(alice.doc)).toEqual(cells(bob.doc));
        return true;
      },
      { message: 'clients did not converge after the race' },
    );
    // Whatever cell of the removed column survived the race is ignored by both in the same way.
    const a = analysisOf(alice.doc);
    expect(analysisOf(bob.doc)).toEqual(a);
    expect(a.summary.partnerCount).toBe(1);
    expect(a.byRowId.get(venues.id)).toMatchObject({ bestAvailable: 1 });
  });
});
