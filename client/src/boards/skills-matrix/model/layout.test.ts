import { partner, row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATRIX_METRICS,
  cellAt,
  cellIdsAt,
  cellRect,
  layoutMatrix,
  recordRect,
  visibleBandRange,
  visibleRowRange,
  type MatrixMetrics,
} from './layout';

// Round numbers make the expected coordinates readable.
const metrics: MatrixMetrics = {
  headerHeight: 100,
  categoryHeaderHeight: 30,
  groupHeaderHeight: 20,
  rowHeight: 10,
  nameColumnWidth: 200,
  partnerColumnWidth: 50,
  requiredColumnWidth: 60,
  bestColumnWidth: 40,
  gapColumnWidth: 40,
  coverageColumnWidth: 100,
};

const partners = [partner('a'), partner('b'), partner('c')];
const rows = [
  row('s1', { category: 'skill', order: 'a0' }),
  row('s2', { category: 'skill', group: 'Delivery', order: 'a0' }),
  row('s3', { category: 'skill', group: 'Delivery', order: 'a1' }),
  row('r1', { category: 'resource', order: 'a0' }),
];

function layout(collapsed: string[] = []) {
  return layoutMatrix(rows, partners, new Set(collapsed), metrics);
}

describe('layoutMatrix columns', () => {
  it('places name, one column per partner in order, then the summary columns', () => {
    const { columns, partnerColumns, width } = layout();
    expect(columns.map((c) => [c.kind, c.x, c.width])).toEqual([
      ['name', 0, 200],
      ['partner', 200, 50],
      ['partner', 250, 50],
      ['partner', 300, 50],
      ['required', 350, 60],
      ['best', 410, 40],
      ['gap', 450, 40],
      ['coverage', 490, 100],
    ]);
    expect(partnerColumns.map((c) => [c.partnerId, c.partnerIndex])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ]);
    expect(width).toBe(590);
  });

  it('gives a repeated partner one column and works with no partners', () => {
    expect(layoutMatrix(rows, [partners[0]!, partners[0]!], new Set(), metrics).partnerColumns).toHaveLength(1);
    const empty = layoutMatrix(rows, [], new Set(), metrics);
    expect(empty.columns.map((c) => c.kind)).toEqual(['name', 'required', 'best', 'gap', 'coverage']);
  });
});

describe('layoutMatrix bands', () => {
  it('stacks header, category bands, ungrouped rows, group bands and rows', () => {
    const result = layout();
    expect(result.bands.map((b) => [b.kind === 'row' ? b.row.id : b.key, b.y, b.height])).toEqual([
      ['skill', 100, 30],
      ['s1', 130, 10],
      ['skill/delivery', 140, 20],
      ['s2', 160, 10],
      ['s3', 170, 10],
      ['resource', 180, 30],
      ['r1', 210, 10],
    ]);
    expect(result.height).toBe(220);
    expect(result.rows.map((r) => [r.row.id, r.index])).toEqual([
      ['s1', 0],
      ['s2', 1],
      ['s3', 2],
      ['r1', 3],
    ]);
    expect(result.rowIndexById.get('r1')).toBe(3);
  });

  it('skips empty categories and reports row counts', () => {
    const result = layout();
    const headers = result.bands.flatMap((b) => (b.kind === 'row' ? [] : [[b.key, b.rowCount, b.label]]));
    expect(headers).toEqual([
      ['skill', 3, 'Skills'],
      ['skill/delivery', 2, 'Delivery'],
      ['resource', 1, 'Resources'],
    ]);
  });

  it('collapsing a group keeps its header and hides its rows', () => {
    const result = layout(['skill/delivery']);
    expect(result.bands.map((b) => (b.kind === 'row' ? b.row.id : b.key))).toEqual([
      'skill',
      's1',
      'skill/delivery',
      'resource',
      'r1',
    ]);
    expect(result.rows.map((r) => r.index)).toEqual([0, 1]);
    expect(result.rowIndexById.has('s2')).toBe(false);
    expect(result.height).toBe(100 + 30 + 10 + 20 + 30 + 10);
    const group = result.bands[2];
    expect(group?.kind === 'group' && group.collapsed).toBe(true);
  });

  it('collapsing a category hides its groups and rows', () => {
    const result = layout(['skill']);
    expect(result.bands.map((b) => (b.kind === 'row' ? b.row.id : b.key))).toEqual(['skill', 'resource', 'r1']);
    expect(result.rows[0]?.y).toBe(100 + 30 + 30);
  });

  it('ignores unknown collapse keys', () => {
    expect(layout(['nope', 'skill/other']).rows).toHaveLength(4);
  });

  it('lays out an empty matrix as just the header', () => {
    const empty = layoutMatrix([], partners, new Set(), metrics);
    expect(empty.bands).toEqual([]);
    expect(empty.height).toBe(100);
  });

  it('falls back to defaults for non-positive or non-finite metrics', () => {
    const result = layoutMatrix(rows, partners, new Set(), { rowHeight: 0, headerHeight: Number.NaN, nameColumnWidth: 10 });
    expect(result.metrics.rowHeight).toBe(DEFAULT_MATRIX_METRICS.rowHeight);
    expect(result.metrics.headerHeight).toBe(DEFAULT_MATRIX_METRICS.headerHeight);
    expect(result.metrics.nameColumnWidth).toBe(10);
  });
});

describe('visibleRowRange', () => {
  const result = layout();

  it('returns rows overlapping the viewport, half-open at the edges', () => {
    expect(visibleRowRange(result, 0, 1000)).toEqual({ start: 0, end: 4 });
    expect(visibleRowRange(result, 135, 165)).toEqual({ start: 0, end: 2 });
    // s1 spans [130, 140): a viewport starting at 140 no longer shows it.
    expect(visibleRowRange(result, 140, 160)).toEqual({ start: 1, end: 1 });
    expect(visibleRowRange(result, 140, 161)).toEqual({ start: 1, end: 2 });
  });

  it('is empty above, below, or for an empty viewport', () => {
    expect(visibleRowRange(result, 0, 130)).toEqual({ start: 0, end: 0 });
    expect(visibleRowRange(result, 500, 600)).toEqual({ start: 4, end: 4 });
    expect(visibleRowRange(result, 150, 150)).toEqual({ start: 1, end: 1 });
    expect(visibleRowRange(result, 170, 150).end - visibleRowRange(result, 170, 150).start).toBe(0);
  });

  it('skips collapsed rows', () => {
    const collapsed = layout(['skill/delivery']);
    // Between y 140 and 180 there are only headers once Delivery is collapsed.
    const range = visibleRowRange(collapsed, 141, 189);
    expect(range.end - range.start).toBe(0);
    expect(collapsed.rows[range.start]?.row.id).toBe('r1');
  });

  it('agrees with a linear scan on a large matrix', () => {
    const many = Array.from({ length: 300 }, (_, i) =>
      row(`r${i}`, { category: (['skill', 'knowledge', 'resource'] as const)[i % 3], group: `G${i % 7}`, order: `a${i % 10}` }),
    );
    const big = layoutMatrix(many, partners, new Set(['skill/g3', 'resource']), metrics);
    for (const [top, bottom] of [
      [0, 500],
      [777, 1234],
      [1500, 1501],
      [big.height - 5, big.height + 100],
    ] as const) {
      const expected = big.rows.filter((r) => r.y < bottom && r.y + r.height > top).map((r) => r.index);
      const { start, end } = visibleRowRange(big, top, bottom);
      expect(Array.from({ length: end - start }, (_, i) => start + i)).toEqual(expected);
    }
  });
});

describe('visibleBandRange', () => {
  it('includes headers', () => {
    const result = layout();
    const { start, end } = visibleBandRange(result, 135, 165);
    expect(result.bands.slice(start, end).map((b) => (b.kind === 'row' ? b.row.id : b.key))).toEqual([
      's1',
      'skill/delivery',
      's2',
    ]);
  });
});

describe('cellAt', () => {
  const result = layout();

  it('finds a partner cell with cursor indices', () => {
    expect(cellAt(result, { x: 260, y: 165 })).toMatchObject({
      kind: 'cell',
      rowId: 's2',
      partnerId: 'b',
      rowIndex: 1,
      colIndex: 1,
    });
  });

  it('uses half-open edges: a boundary belongs to the next cell', () => {
    expect(cellAt(result, { x: 250, y: 170 })).toMatchObject({ kind: 'cell', rowId: 's3', partnerId: 'b' });
    expect(cellAt(result, { x: 249.99, y: 169.99 })).toMatchObject({ kind: 'cell', rowId: 's2', partnerId: 'a' });
  });

  it('reports the name and summary columns of a row', () => {
    expect(cellAt(result, { x: 10, y: 135 })).toMatchObject({ kind: 'rowColumn', rowId: 's1', rowIndex: 0 });
    expect(cellAt(result, { x: 589, y: 215 })).toMatchObject({ kind: 'rowColumn', rowId: 'r1' });
    const hit = cellAt(result, { x: 455, y: 215 });
    expect(hit?.kind === 'rowColumn' && hit.column.kind).toBe('gap');
  });

  it('reports the column header and group headers', () => {
    const header = cellAt(result, { x: 310, y: 5 });
    expect(header?.kind === 'columnHeader' && header.column.partnerId).toBe('c');
    expect(cellAt(result, { x: 300, y: 100 })).toMatchObject({ kind: 'categoryHeader', band: { key: 'skill' } });
    expect(cellAt(result, { x: 0, y: 150 })).toMatchObject({ kind: 'groupHeader', band: { key: 'skill/delivery' } });
  });

  it('returns null outside the matrix', () => {
    for (const point of [
      { x: -1, y: 150 },
      { x: 590, y: 150 },
      { x: 100, y: 220 },
      { x: 100, y: -0.1 },
      { x: Number.NaN, y: 150 },
    ]) {
      expect(cellAt(result, point)).toBeNull();
    }
  });

  it('skips collapsed rows', () => {
    const collapsed = layout(['skill/delivery']);
    // r1 moves up to y 190 once the two Delivery rows are hidden.
    expect(cellAt(collapsed, { x: 210, y: 195 })).toMatchObject({ kind: 'cell', rowId: 'r1', rowIndex: 1 });
  });
});

describe('cellIdsAt and cellRect', () => {
  const result = layout();

  it('map a cursor to ids and a rectangle', () => {
    expect(cellIdsAt(result, 3, 2)).toEqual({ rowId: 'r1', partnerId: 'c' });
    expect(cellRect(result, 3, 2)).toEqual({ x: 300, y: 210, width: 50, height: 10 });
  });

  it('return null for a cursor outside the grid', () => {
    expect(cellIdsAt(result, 4, 0)).toBeNull();
    expect(cellIdsAt(result, 0, 3)).toBeNull();
    expect(cellIdsAt(result, -1, 0)).toBeNull();
    expect(cellRect(result, 0, -1)).toBeNull();
  });
});

describe('recordRect', () => {
  it('gives a row its band across the whole table and a partner its column down it', () => {
    const result = layout();
    const band = result.rows[3]!;
    expect(recordRect(result, band.row.id)).toEqual({ x: 0, y: band.y, width: result.width, height: 10 });
    expect(recordRect(result, 'b')).toEqual({ x: 250, y: 0, width: 50, height: result.height });
  });

  it('moves a row up when a category above it closes, and has no place for a hidden row', () => {
    const open = layout();
    const collapsed = layout(['skill/delivery']);
    expect(recordRect(collapsed, 'r1')!.y).toBeLessThan(recordRect(open, 'r1')!.y);
    const hidden = open.rows.find((band) => !collapsed.rowIndexById.has(band.row.id))!;
    expect(recordRect(collapsed, hidden.row.id)).toBeNull();
    expect(recordRect(open, 'nobody')).toBeNull();
  });
});
