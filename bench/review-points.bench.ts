/**
 * Review points: what keeping them costs, two ways.
 *
 * A. Full state per review point (what the server does): each review point
 *    stores `Y.encodeStateAsUpdate(doc)` of the board when it was taken; the
 *    live document keeps Yjs garbage collection on.
 * B. History in the document (`gc: false`): a review point is only
 *    `Y.encodeSnapshot(Y.snapshot(doc))` (a state vector and a delete set), but
 *    the live document must keep every deleted value forever, so the board
 *    every client syncs, and the server loads, grows with every edit.
 *
 * Two boards, built the way people fill them, then edited between review
 * points the way clients edit (drags, field changes, retyped text, records
 * added and deleted, one transaction each): a typical partnership board
 * (~700 records) and a 10,000-record board. Four review points, each after
 * `--edits` edits (default 2,000).
 *
 * Run: `npx tsx bench/review-points.bench.ts [--edits=2000] [--no-results]`.
 */
import { gzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { COLLECTION_NAMES, createRecord, deleteRecord, exportJson, getCollection, updateRecord } from '@pc/shared';
import { appendResults, machineLine, markdownTable, numberOption } from './lib/harness';

const EDITS = numberOption('edits', 2000);
const REVIEW_POINTS = 4;

interface Shape {
  name: string;
  partners: number;
  stakeholders: number;
  relationships: number;
  rows: number;
  nodes: number;
  notes: number;
}

const TYPICAL: Shape = { name: 'typical (~700 records)', partners: 8, stakeholders: 80, relationships: 120, rows: 40, nodes: 40, notes: 150 };
const LARGE: Shape = { name: '10,000 records', partners: 20, stakeholders: 2500, relationships: 2500, rows: 150, nodes: 600, notes: 1230 };

/** Deterministic pseudo-random numbers, so both docs get the same edits. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function fill(doc: Y.Doc, shape: Shape): void {
  const rnd = random(7);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]!;
  const partners = Array.from({ length: shape.partners }, (_, i) => createRecord(doc, 'partners', { name: `Partner ${i}`, colour: '#2563eb' }).id);
  const people = Array.from({ length: shape.stakeholders }, (_, i) =>
    createRecord(doc, 'stakeholders', { name: `Stakeholder ${i}`, organisation: `Organisation ${i % 50}`, power: i % 5, interest: (i * 3) % 5, attitude: (i % 5) - 2 }).id,
  );
  for (let i = 0; i < shape.relationships; i++) createRecord(doc, 'relationships', { from: pick(people), to: pick(people), type: 'funds' });
  for (let r = 0; r < shape.rows; r++) {
    const row = createRecord(doc, 'matrixRows', { name: `Skill ${r}`, category: 'skill', required: r % 5 }).id;
    for (const partner of partners) {
      createRecord(doc, 'matrixCells', { id: `${row}:${partner}`, rowId: row, partnerId: partner, level: Math.floor(rnd() * 5), gives: rnd() > 0.7 });
    }
  }
  const nodes = Array.from({ length: shape.nodes }, (_, i) =>
    createRecord(doc, 'logicNodes', { column: pick(['activities', 'outputs', 'shortTermOutcomes'] as const), text: `Card ${i} with a sentence of text`, indicators: [] }).id,
  );
  for (let i = 0; i < shape.nodes; i++) createRecord(doc, 'logicLinks', { from: pick(nodes), to: pick(nodes) });
  for (let i = 0; i < shape.notes; i++) createRecord(doc, 'canvasItems', { kind: 'sticky', text: `Note ${i}: something to remember`, x: rnd() * 4000, y: rnd() * 3000 });
}

/** One client action per transaction, as the app writes them. */
function edit(doc: Y.Doc, rnd: () => number, n: number): void {
  const ids = (name: 'stakeholders' | 'canvasItems' | 'logicNodes') => [...getCollection(doc, name).keys()];
  const notes = ids('canvasItems');
  const people = ids('stakeholders');
  const nodes = ids('logicNodes');
  const pick = (list: string[]) => list[Math.floor(rnd() * list.length)]!;
  for (let i = 0; i < n; i++) {
    const roll = rnd();
    if (roll < 0.4) updateRecord(doc, 'canvasItems', pick(notes), { x: rnd() * 4000, y: rnd() * 3000 });
    else if (roll < 0.6) updateRecord(doc, 'stakeholders', pick(people), { power: Math.floor(rnd() * 5), interest: Math.floor(rnd() * 5) });
    else if (roll < 0.8) updateRecord(doc, 'logicNodes', pick(nodes), { text: `Retyped card ${i} ${'words '.repeat(Math.floor(rnd() * 8))}` });
    else if (roll < 0.9) notes.push(createRecord(doc, 'canvasItems', { kind: 'sticky', text: `New note ${i}`, x: rnd() * 4000, y: 0 }).id);
    else {
      const gone = notes.splice(Math.floor(rnd() * notes.length), 1)[0]!;
      deleteRecord(doc, 'canvasItems', gone);
    }
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function measure(shape: Shape): string[][] {
  const gcOn = new Y.Doc();
  const gcOff = new Y.Doc({ gc: false });
  fill(gcOn, shape);
  Y.applyUpdate(gcOff, Y.encodeStateAsUpdate(gcOn));
  const editsOn = random(11);
  const editsOff = random(11);
  let fullStateTotal = 0;
  let snapshotTotal = 0;
  const rows: string[][] = [];
  for (let point = 1; point <= REVIEW_POINTS; point++) {
    edit(gcOn, editsOn, EDITS);
    edit(gcOff, editsOff, EDITS);
    const state = Y.encodeStateAsUpdate(gcOn);
    const gz = gzipSync(state).byteLength;
    const json = Buffer.byteLength(JSON.stringify(exportJson(gcOn, COLLECTION_NAMES)));
    const snap = Y.encodeSnapshot(Y.snapshot(gcOff)).byteLength;
    fullStateTotal += state.byteLength;
    snapshotTotal += snap;
    const historyDoc = Y.encodeStateAsUpdate(gcOff).byteLength;
    rows.push([
      shape.name,
      String(point),
      kb(state.byteLength),
      kb(gz),
      kb(json),
      kb(state.byteLength + fullStateTotal),
      kb(snap),
      kb(historyDoc),
      kb(historyDoc + snapshotTotal),
      `${((historyDoc / state.byteLength - 1) * 100).toFixed(0)}%`,
    ]);
  }
  gcOn.destroy();
  gcOff.destroy();
  return rows;
}

const header = [
  'board',
  'review point',
  'A: full state',
  'A: gzipped',
  '(JSON export)',
  'A: live doc + all points',
  'B: Yjs snapshot',
  'B: live doc (gc off)',
  'B: live doc + all points',
  'B: extra every client syncs',
];
const rows = [...measure(TYPICAL), ...measure(LARGE)];
const table = markdownTable(header, rows);
const output = `## review-points · ${machineLine()}\n\nReview point storage, ${EDITS} edits between review points\n\n${table}\n`;
console.log(output);
appendResults(output);
