import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, matrixCellKey, updateMeta } from '@pc/shared';
import { clampLines, layoutTable, PackTooLargeError, PAGE, PageFlow, paginate, wrapText, type Measure, type Op, type Page } from './layout';
import { buildReviewPack } from './pack';
import { layoutReviewPack, partnerChunks, SECTION_TITLES } from './sections';

/** Every character half the font size wide: simple enough to check by hand. */
const mono: Measure = { width: (text, size) => [...text].length * size * 0.5 };

const texts = (page: Page) => page.ops.filter((op): op is Extract<Op, { kind: 'text' }> => op.kind === 'text').map((op) => op.text);
const allText = (pages: Page[]) => pages.flatMap(texts).join('\n');

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than the column', () => {
    // 10pt: 5 points a character, 100 points = 20 characters.
    const lines = wrapText('Kinship Carers’ Trust runs a weekly drop-in for carers in Riverside', 100, 10, mono);
    expect(lines).toEqual(['Kinship Carers’', 'Trust runs a weekly', 'drop-in for carers', 'in Riverside']);
    for (const line of lines) expect(mono.width(line, 10, 'regular')).toBeLessThanOrEqual(100);
  });

  it('cuts a word wider than the column by characters, and keeps paragraph breaks', () => {
    const lines = wrapText('https://example.org/a-very-long-address\nnext', 50, 10, mono);
    expect(lines.slice(0, 4)).toEqual(['https://ex', 'ample.org/', 'a-very-lon', 'g-address']);
    expect(lines.at(-1)).toBe('next');
  });

  it('clamps to a number of lines with an ellipsis that still fits', () => {
    const lines = clampLines(wrapText('one two three four five six seven eight', 40, 10, mono), 2, 40, 10, mono);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(mono.width(lines[1]!, 10, 'regular')).toBeLessThanOrEqual(40);
  });
});

describe('paginate', () => {
  it('fills the first page, then the following ones', () => {
    expect(paginate([40, 40, 40, 40, 40], 100, 130)).toEqual([[0, 1], [2, 3, 4]]);
  });
  it('gives an item taller than a page a page of its own instead of looping', () => {
    expect(paginate([50, 500, 20], 100, 100)).toEqual([[0], [1], [2]]);
  });
});

describe('layoutTable', () => {
  it('repeats the header on every page and never splits a row or leaves a group title alone', () => {
    const flow = new PageFlow(mono, 50);
    flow.newPage('Table');
    const rows = Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? { cells: [], group: `Group ${i / 10}` } : { cells: [{ text: `Row ${i}` }, { text: 'x' }] }));
    layoutTable(flow, [{ header: 'Name', width: 200 }, { header: 'Value', width: 100 }], rows);
    expect(flow.pages.length).toBeGreaterThan(2);
    for (const page of flow.pages) {
      expect(texts(page)[0]).toBe('Name');
      for (const op of page.ops) if (op.kind === 'text') expect(op.y).toBeLessThan(flow.bottom);
      // The last thing on a page is a row, not a group title.
      const rowTexts = texts(page).filter((t) => t !== 'Name' && t !== 'Value' && t !== 'x');
      expect(rowTexts.at(-1)).toMatch(/^Row /);
    }
    expect(flow.pages.flatMap(texts).filter((t) => t.startsWith('Row '))).toHaveLength(108);
  });
});

describe('partnerChunks', () => {
  it('prints every partner in one pass when they fit, in several when not', () => {
    expect(partnerChunks(5, 400)).toEqual([[0, 5]]);
    expect(partnerChunks(25, 340)).toEqual([[0, 10], [10, 20], [20, 25]]);
  });
});

function board(options: { stakeholders?: number; activities?: number; partners?: number } = {}): Y.Doc {
  const doc = new Y.Doc();
  updateMeta(doc, { title: 'Kinship Carers’ Partnership' });
  const partners = Array.from({ length: options.partners ?? 2 }, (_, i) =>
    createRecord(doc, 'partners', { name: i === 0 ? 'Kinship Carers’ Trust' : `Partner ${i}`, colour: '#2563eb' }),
  );
  for (let i = 0; i < (options.stakeholders ?? 3); i += 1) {
    createRecord(doc, 'stakeholders', { name: `Stakeholder ${String(i).padStart(3, '0')}`, power: i % 5, interest: (i * 2) % 5 });
  }
  const row = createRecord(doc, 'matrixRows', { name: 'Venues', category: 'resource', required: 3 });
  createRecord(doc, 'matrixCells', { id: matrixCellKey(row.id, partners[0]!.id), rowId: row.id, partnerId: partners[0]!.id, level: 1 });
  const outcome = createRecord(doc, 'logicNodes', { column: 'shortTermOutcomes', text: 'Carers feel less isolated' });
  for (let i = 0; i < (options.activities ?? 1); i += 1) {
    const activity = createRecord(doc, 'logicNodes', { column: 'activities', text: `Activity ${i} with a longer description of what happens`, order: `a${String(i).padStart(4, '0')}` });
    createRecord(doc, 'logicLinks', { from: activity.id, to: outcome.id });
  }
  return doc;
}

const pack = (doc: Y.Doc, changes?: Parameters<typeof buildReviewPack>[2]['changes']) => buildReviewPack(doc, 'Fallback', { today: '2026-03-31', changes });

describe('layoutReviewPack', () => {
  it('puts the sections in order, the cover first with the title, partners and date', () => {
    const pages = layoutReviewPack(pack(board()), mono, 100);
    expect(pages[0]!.section).toBe(SECTION_TITLES.cover);
    const cover = texts(pages[0]!).join('\n');
    expect(cover).toContain('Kinship Carers’ Partnership');
    expect(cover).toContain('31 March 2026');
    expect(cover).toMatch(/Kinship Carers’ Trust \(lead partner\)|Kinship Carers’ Trust · third sector/);
    const order = [...new Set(pages.map((p) => p.section.replace(' (continued)', '')))];
    expect(order).toEqual([SECTION_TITLES.cover, SECTION_TITLES.grid, SECTION_TITLES.comms, SECTION_TITLES.matrix, SECTION_TITLES.logic, SECTION_TITLES.actions]);
    expect(allText(pages)).toContain(SECTION_TITLES.checks);
    expect(allText(pages)).toContain('Venues: needs level 3, the best partner has 1 (gap 2).');
    pages.forEach((page, i) => expect(texts(page)).toContain(`Page ${i + 1} of ${pages.length}`));
  });

  it('adds "What changed since" with the sentences, grouped by board, right after the cover', () => {
    const pages = layoutReviewPack(
      pack(board(), {
        sinceName: 'March review',
        sinceCreatedAt: Date.UTC(2026, 2, 1),
        counts: { added: 1, removed: 0, changed: 0 },
        sentences: [{ group: 'stakeholder-map', collection: 'stakeholders', id: 'x', kind: 'added', text: 'Health Board was added (Manage closely).' }],
      }),
      mono,
      100,
    );
    expect(pages[1]!.section).toBe('What changed since March review');
    const text = texts(pages[1]!).join('\n');
    expect(text).toContain('Stakeholder map');
    expect(text).toContain('Health Board was added (Manage closely).');
    expect(text).toContain('1 March 2026');
  });

  it('paginates a long communications plan and a long logic model column, drawing links only within a page', () => {
    const pages = layoutReviewPack(pack(board({ stakeholders: 150, activities: 40 })), mono, 100);
    const comms = pages.filter((p) => p.section === SECTION_TITLES.comms);
    expect(comms.length).toBeGreaterThan(3);
    expect(allText(comms)).toContain('Stakeholder 149');
    const logic = pages.filter((p) => p.section.startsWith(SECTION_TITLES.logic));
    expect(logic.length).toBeGreaterThan(1);
    // Every activity links to the one outcome, which sits on the first logic page only.
    const arrows = logic.map((p) => p.ops.filter((op) => op.kind === 'line' && op.arrow).length);
    expect(arrows[0]).toBeGreaterThan(0);
    expect(arrows.slice(1).every((n) => n === 0)).toBe(true);
    for (const page of pages) {
      for (const op of page.ops) if (op.kind === 'text' && !op.rotate) expect(op.y).toBeLessThan(PAGE.height - PAGE.margin);
    }
  });

  it('refuses a pack longer than the page limit', () => {
    expect(() => layoutReviewPack(pack(board({ stakeholders: 400 })), mono, 5)).toThrow(PackTooLargeError);
  });

  it('prints a matrix with many partners in several passes', () => {
    const pages = layoutReviewPack(pack(board({ partners: 30 })), mono, 100);
    expect(allText(pages.filter((p) => p.section === SECTION_TITLES.matrix))).toContain('Partners 1-');
  });
});
