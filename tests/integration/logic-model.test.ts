import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRecord, deleteLogicNode, getCollection, listRecords, orderKeyBetween, updateMeta, updateRecord, type LogicColumn, runChecks, buildLogicGraph, getTemplate } from '@pc/shared';
import type * as Y from 'yjs';
import { danglingLinkIds, removeDanglingLinks } from '../../client/src/boards/logic-model/docRepair';
import { layoutBoard } from '../../client/src/boards/logic-model/model/columnLayout';
import { createBoard, startServer, type RunningServer } from '../helpers/server';
import { ClientPool, waitFor, type SyncClient } from '../helpers/sync';

/**
 * The logic model over the real server with stock y-websocket clients: what two
 * partners do at the same moment (or offline) must end as one model for both.
 */

const nodesOf = (doc: Y.Doc) => listRecords(doc, 'logicNodes').map((r) => r.record);
const linksOf = (doc: Y.Doc) => listRecords(doc, 'logicLinks').map((r) => r.record);
const json = (doc: Y.Doc, name: 'logicNodes' | 'logicLinks') => getCollection(doc, name).toJSON();

/** What each person sees: card order per column, kept links, and check results. */
function view(doc: Y.Doc) {
  const nodes = nodesOf(doc);
  const links = linksOf(doc);
  const layout = layoutBoard(getTemplate('ess'), nodes);
  const graph = buildLogicGraph(nodes, links);
  const report = runChecks({ nodes, links, partners: [], matrixRows: [], matrixCells: [], template: 'ess' });
  return {
    columns: Object.fromEntries([...layout.cardsByColumn].map(([column, boxes]) => [column, boxes.map((b) => b.nodeId)])),
    links: [...graph.links.keys()].sort(),
    checks: report.results.map((r) => r.key),
  };
}

async function converged(a: SyncClient, b: SyncClient): Promise<void> {
  await waitFor(
    () => {
      expect(json(b.doc, 'logicNodes')).toEqual(json(a.doc, 'logicNodes'));
      expect(json(b.doc, 'logicLinks')).toEqual(json(a.doc, 'logicLinks'));
      return true;
    },
    { message: 'clients did not converge' },
  );
}

/** Edits made while both are offline reach the server together: truly concurrent. */
async function offline(clients: SyncClient[], edits: () => void): Promise<void> {
  for (const c of clients) c.provider.disconnect();
  edits();
  for (const c of clients) c.provider.connect();
  await Promise.all(clients.map((c) => c.synced()));
}

function card(doc: Y.Doc, column: LogicColumn, text: string, order: string) {
  return createRecord(doc, 'logicNodes', { column, text, order }).id;
}

describe('logic model sync', () => {
  let server: RunningServer;
  const pool = new ClientPool();

  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(() => pool.destroyAll());
  afterAll(async () => {
    await server?.dispose();
  });

  async function twoEditors() {
    const board = await createBoard(server, 'Logic model');
    const alice = pool.connect(server, board.id, board.tokens.owner);
    const bob = pool.connect(server, board.id, board.tokens.edit);
    await Promise.all([alice.synced(), bob.synced()]);
    updateMeta(alice.doc, { logicTemplate: 'ess' });
    const ids = {
      input: card(alice.doc, 'inputs', 'Youth workers', 'a0'),
      act1: card(alice.doc, 'activities', 'Drop-in', 'a0'),
      act2: card(alice.doc, 'activities', 'Mentoring', 'a1'),
      out1: card(alice.doc, 'outputs', 'Sessions run', 'a0'),
      out2: card(alice.doc, 'outputs', 'Young people mentored', 'a1'),
      outcome: card(alice.doc, 'shortTermOutcomes', 'More confident', 'a0'),
    };
    await converged(alice, bob);
    expect(bob.doc.getMap('meta').get('logicTemplate')).toBe('ess');
    return { alice, bob, ids };
  }

  it('converges concurrent link creation and card moves from two clients', async () => {
    const { alice, bob, ids } = await twoEditors();

    await offline([alice, bob], () => {
      // Alice links the drop-in pathway, and (like Bob) mentoring to its output.
      for (const [from, to] of [
        [ids.input, ids.act1],
        [ids.act1, ids.out1],
        [ids.out1, ids.outcome],
        [ids.act2, ids.out2],
      ] as const) {
        createRecord(alice.doc, 'logicLinks', { from, to });
      }
      // Alice drags "Young people mentored" to the top of Outputs and Mentoring up above Drop-in.
      updateRecord(alice.doc, 'logicNodes', ids.out2, { column: 'outputs', order: orderKeyBetween(null, 'a0') });
      updateRecord(alice.doc, 'logicNodes', ids.act2, { order: orderKeyBetween(null, 'a0') });

      // Bob, at the same moment, links the mentoring pathway and moves the same output elsewhere.
      for (const [from, to] of [
        [ids.input, ids.act2],
        [ids.act2, ids.out2],
        [ids.out2, ids.outcome],
      ] as const) {
        createRecord(bob.doc, 'logicLinks', { from, to });
      }
      updateRecord(bob.doc, 'logicNodes', ids.out2, { column: 'shortTermOutcomes', order: orderKeyBetween('a0', null) });
      updateRecord(bob.doc, 'logicNodes', ids.act1, { order: orderKeyBetween('a1', null) });
    });

    await converged(alice, bob);
    // Both drew mentoring -> its output: the document holds both records, the model one link.
    expect(linksOf(alice.doc)).toHaveLength(7);
    const seenByAlice = view(alice.doc);
    expect(seenByAlice.links).toHaveLength(6);
    expect(view(bob.doc)).toEqual(seenByAlice);
    // Each moved card sits in exactly one place, the same for both.
    const placed = Object.values(seenByAlice.columns).flat();
    expect(placed.sort()).toEqual(Object.values(ids).sort());
    // Both activities moved: Bob sent Drop-in to the bottom, Alice lifted Mentoring to the top.
    expect(seenByAlice.columns.activities).toEqual([ids.act2, ids.act1]);
    // Every outcome is reached from an activity whatever column the contested card ended in.
    expect(seenByAlice.checks.filter((k) => k.startsWith('outcomeWithoutActivityPath'))).toEqual([]);
  });

  it('deletes a card with its links for everyone, also links drawn to it at the same moment', async () => {
    const { alice, bob, ids } = await twoEditors();
    const drawn = [
      createRecord(alice.doc, 'logicLinks', { from: ids.input, to: ids.act1 }),
      createRecord(alice.doc, 'logicLinks', { from: ids.act1, to: ids.out1 }),
      createRecord(alice.doc, 'logicLinks', { from: ids.out1, to: ids.outcome }),
    ];
    await converged(alice, bob);
    expect(linksOf(bob.doc)).toHaveLength(3);

    // Bob deletes the activity: its two links go with it, for Alice too.
    deleteLogicNode(bob.doc, ids.act1);
    await converged(alice, bob);
    expect(nodesOf(alice.doc).some((n) => n.id === ids.act1)).toBe(false);
    expect(linksOf(alice.doc).map((l) => l.id)).toEqual([drawn[2]!.id]);

    // Offline, Bob deletes the output while Alice links mentoring to it.
    await offline([alice, bob], () => {
      deleteLogicNode(bob.doc, ids.out1);
      createRecord(alice.doc, 'logicLinks', { from: ids.act2, to: ids.out1 });
    });
    await converged(alice, bob);
    // Alice's link arrived after the delete: it points at nothing. Both ignore and flag it alike...
    expect(danglingLinkIds(alice.doc)).toHaveLength(1);
    expect(view(alice.doc)).toEqual(view(bob.doc));
    expect(view(alice.doc).links).toEqual([]);
    expect(view(bob.doc).checks.some((k) => k.startsWith('danglingLink'))).toBe(true);
    // ...and the first editing client to notice tidies it away, for everyone.
    expect(removeDanglingLinks(bob.doc)).toBe(1);
    await converged(alice, bob);
    expect(linksOf(alice.doc).filter((l) => l.from === ids.out1 || l.to === ids.out1 || l.from === ids.act1 || l.to === ids.act1)).toEqual([]);
    expect(danglingLinkIds(alice.doc)).toEqual([]);
  });
});
