/**
 * Boards for the render benchmark, written in one Yjs transaction each (one
 * update on the wire), so seeding 10,000 records costs well under a second.
 * Every board is deterministic: the same records, ids and places every run.
 */
import type * as Y from 'yjs';
import { STICKY_COLOURS, createRecord, getCollection, matrixCellKey, orderKeys, updateMeta, updateRecord, type LogicColumn, getTemplate } from '@pc/shared';
import { addPartner } from '../../client/src/boards/partners/partnerActions';
import { addMatrixRow } from '../../client/src/boards/skills-matrix/matrixActions';
import { STICKY_SIZE } from '../../client/src/freeCanvas/actions';
import { mulberry32 } from '../lib/browser';
import { createBoard } from '../../tests/helpers/server';
import type { ClientPool } from '../../tests/helpers/sync';
import { tabLink } from './firstPaint';

export type RenderKind = 'stakeholders' | 'stickies' | 'logic';

export const KIND_LABELS: Record<RenderKind, string> = {
  stakeholders: 'stakeholders on the power/interest grid',
  stickies: 'sticky notes on the canvas',
  logic: 'logic-model cards',
};

const origin = { kind: 'bench-seed' };
const WORDS = ['youth', 'housing', 'training', 'volunteers', 'outreach', 'funding', 'health', 'venues', 'data', 'advice', 'carers', 'schools', 'transport', 'food'];

function phrase(rand: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
}

/** Sticky notes in a loose grid (220 x 160 pitch, a little jitter), about 3:2, on the default tab. */
export function seedStickies(doc: Y.Doc, count: number): Map<string, string> {
  const rand = mulberry32(7);
  const columns = Math.max(1, Math.round(Math.sqrt(count * 1.5)));
  const keys = orderKeys(count);
  const texts = new Map<string, string>();
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const text = `Note ${i + 1}: ${phrase(rand, 2 + Math.floor(rand() * 6))}`;
      const note = createRecord(
        doc,
        'canvasItems',
        {
          kind: 'sticky',
          view: 'stakeholder-map',
          text,
          x: (i % columns) * 220 + Math.round(rand() * 20),
          y: Math.floor(i / columns) * 160 + Math.round(rand() * 20),
          width: STICKY_SIZE.width,
          height: STICKY_SIZE.height,
          colour: STICKY_COLOURS[i % STICKY_COLOURS.length]!,
          order: keys[i]!,
          author: 'Bench',
        },
        origin,
      );
      texts.set(note.id, text);
    }
  }, origin);
  return texts;
}

const RINGS = ['core', 'direct', 'indirect', 'wider'] as const;
const SECTORS = ['public', 'third', 'private', 'community', 'academic'] as const;

/** Stakeholders with random power, interest, attitude, ring and network place (the grid places them by power and interest). */
export function seedStakeholders(doc: Y.Doc, count: number, rand = mulberry32(42)): string[] {
  const ids: string[] = [];
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const stakeholder = createRecord(
        doc,
        'stakeholders',
        {
          name: `Stakeholder ${String(i + 1).padStart(5, '0')}`,
          organisation: `Organisation ${i % 97}`,
          power: Math.floor(rand() * 5),
          interest: Math.floor(rand() * 5),
          attitude: Math.floor(rand() * 5) - 2,
          ring: RINGS[Math.floor(rand() * 4)]!,
          sector: SECTORS[Math.floor(rand() * 5)]!,
          x: Math.round((rand() - 0.5) * 6000),
          y: Math.round((rand() - 0.5) * 4000) || 1,
        },
        origin,
      );
      ids.push(stakeholder.id);
    }
  }, origin);
  return ids;
}

/**
 * A Kellogg logic model: cards dealt round the five columns, and one link per
 * ten cards from a card to one in the next column.
 */
export function seedLogicModel(doc: Y.Doc, count: number): { texts: Map<string, string>; links: number } {
  const rand = mulberry32(11);
  const columns = getTemplate('kellogg').columns.map((c) => c.key as LogicColumn);
  const perColumn = columns.map((_, c) => Math.floor(count / columns.length) + (c < count % columns.length ? 1 : 0));
  const texts = new Map<string, string>();
  const ids: string[][] = columns.map(() => []);
  let links = 0;
  doc.transact(() => {
    updateMeta(doc, { logicTemplate: 'kellogg' }, origin);
    columns.forEach((column, c) => {
      const keys = orderKeys(perColumn[c]!);
      for (let i = 0; i < perColumn[c]!; i++) {
        const text = `${column} ${i + 1}: ${phrase(rand, 3 + Math.floor(rand() * 8))}`;
        const node = createRecord(doc, 'logicNodes', { column, text, order: keys[i]! }, origin);
        ids[c]!.push(node.id);
        texts.set(node.id, text);
      }
    });
    for (let c = 0; c + 1 < columns.length; c++) {
      const from = ids[c]!;
      const to = ids[c + 1]!;
      for (let i = 0; i < from.length; i += 10) {
        const target = to[Math.min(to.length - 1, i + Math.floor(rand() * 5))];
        if (!target) continue;
        createRecord(doc, 'logicLinks', { from: from[i]!, to: target }, origin);
        links += 1;
      }
    }
  }, origin);
  return { texts, links };
}

/** A skills matrix of `partnerCount` partners x `rowCount` rows, ~70% of its cells filled in; returns the number of cells. */
export function seedMatrix(doc: Y.Doc, partnerCount: number, rowCount: number): number {
  const random = mulberry32(42);
  const categories = ['skill', 'knowledge', 'resource'] as const;
  const groups = ['', '', 'Delivery', 'Governance', 'Training'];
  doc.transact(() => {
    const partners = Array.from({ length: partnerCount }, (_, i) => addPartner({ doc, localOrigin: origin }, { name: `Partner ${String(i + 1).padStart(2, '0')} Trust` }));
    for (let r = 0; r < rowCount; r++) {
      const row = addMatrixRow({ doc, localOrigin: origin }, {
        name: `Row ${r + 1}: ${['Safeguarding', 'Evaluation', 'Venues', 'Volunteers', 'Data protection', 'Funding bids'][r % 6]}`,
        category: categories[r % 3]!,
        required: 1 + Math.floor(random() * 4),
        group: groups[Math.floor(random() * groups.length)]!,
      });
      // Adding a row creates its empty cells (createMissingCells); fill 70% of them in.
      for (const partner of partners) {
        if (random() < 0.3) continue;
        updateRecord(
          doc,
          'matrixCells',
          matrixCellKey(row.id, partner.id),
          { level: Math.floor(random() * 5), gives: random() < 0.15, receives: random() < 0.1 },
          origin,
        );
      }
    }
  }, origin);
  return getCollection(doc, 'matrixCells').size;
}

/** A board of one render kind and size (the render bench, compare, profile and load-trace tools). */
export function seedBoard(doc: Y.Doc, kind: RenderKind, size: number): void {
  if (kind === 'stickies') seedStickies(doc, size);
  else if (kind === 'stakeholders') seedStakeholders(doc, size);
  else seedLogicModel(doc, size);
}

/**
 * A new board on `server` holding `size` records of `kind`, written by a stock
 * y-websocket client of `pool` (left connected); returns its edit link,
 * opening on the tab the kind is drawn on.
 */
export async function seededBoardLink(server: { url: string; port: number }, pool: ClientPool, kind: RenderKind, size: number, title: string): Promise<string> {
  const board = await createBoard({ url: server.url }, title);
  const seeder = pool.connect({ wsUrl: `ws://127.0.0.1:${server.port}/ws` }, board.id, board.tokens.owner);
  await seeder.synced();
  seedBoard(seeder.doc, kind, size);
  return new URL(tabLink(board.links.edit, kind), server.url).href;
}
