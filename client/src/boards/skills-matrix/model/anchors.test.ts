import { partner, row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import { holdAt, keepInPlaceShift } from '../../../canvas/layoutAnchor';
import { frozenMatrixAnchors, matrixAnchors } from './anchors';
import { layoutMatrix } from './layout';

const rows = [row('s1', { category: 'skill', order: 'a0' }), row('s2', { category: 'skill', order: 'a1' }), row('r1', { category: 'resource', order: 'a0' })];
const partners = [partner('a'), partner('b'), partner('c')];

/** The middle of partner c's cell in row r1. */
function cellOfR1C(layout: ReturnType<typeof layoutMatrix>) {
  const band = layout.rows.find((b) => b.row.id === 'r1')!;
  const column = layout.partnerColumns.find((c) => c.partnerId === 'c')!;
  return { x: column.x + column.width / 2, y: band.y + band.height / 2 };
}

describe('matrixAnchors', () => {
  const before = layoutMatrix(rows, partners);
  const held = holdAt(matrixAnchors, before, cellOfR1C(before));

  it('holds a cell by its row and its partner column', () => {
    expect(held.y?.key).toBe('row:r1');
    expect(held.x?.key).toBe('partner:c');
  });

  it('moves the camera by the rows added above, a category closed above, a column removed to the left', () => {
    const more = layoutMatrix([...rows, row('s3', { category: 'skill', order: 'a2' }), row('s4', { category: 'skill', order: 'a3' })], partners);
    expect(keepInPlaceShift(held, matrixAnchors, more, 2)).toEqual({ dx: 0, dy: -2 * 32 * 2 });
    const closed = layoutMatrix(rows, partners, new Set(['skill']));
    expect(keepInPlaceShift(held, matrixAnchors, closed, 1)).toEqual({ dx: 0, dy: 64 });
    const fewer = layoutMatrix(rows, partners.slice(1));
    expect(keepInPlaceShift(held, matrixAnchors, fewer, 1)).toEqual({ dx: 56, dy: 0 });
  });

  it('holds a category band and the analysis columns too', () => {
    const band = before.bands.find((b) => b.kind === 'category' && b.key === 'resource')!;
    const gap = before.columns.find((c) => c.kind === 'gap')!;
    const atBand = holdAt(matrixAnchors, before, { x: gap.x + 5, y: band.y + 5 });
    expect(atBand.y?.key).toBe('band:resource');
    const fewer = layoutMatrix([row('s1', { category: 'skill', order: 'a0' }), row('r1', { category: 'resource', order: 'a0' })], partners.slice(1));
    expect(keepInPlaceShift(atBand, matrixAnchors, fewer, 1)).toEqual({ dx: 0, dy: 32 });
    const atGap = holdAt(matrixAnchors, before, { x: gap.x + 5, y: cellOfR1C(before).y });
    expect(atGap.x?.key).toBe('column:gap');
    expect(keepInPlaceShift(atGap, matrixAnchors, fewer, 1)).toEqual({ dx: 56, dy: 32 });
  });

  it('over the frozen header (scrolled down) holds the partner column, not the row scrolled beneath it', () => {
    const many = [...rows, ...Array.from({ length: 20 }, (_, i) => row(`x${i}`, { category: 'resource', order: `b${i}` }))];
    const layout = layoutMatrix(many, partners);
    const band = layout.rows.find((b) => b.row.id === 'x10')!;
    const column = layout.partnerColumns.find((c) => c.partnerId === 'c')!;
    // Scrolled so that the header is drawn over row x10.
    const panes = { headerY: band.y, nameX: 0 };
    const point = { x: column.x + column.width / 2, y: band.y + 4 };
    const frozen = holdAt(frozenMatrixAnchors(() => panes), layout, point);
    expect(frozen.x?.key).toBe('partner:c');
    expect(frozen.y).toBeNull();
    // Rows added above: what is under the pointer (the header) does not move, so neither does the camera.
    const more = layoutMatrix([row('s0', { category: 'skill', order: 'a' }), ...many], partners);
    expect(keepInPlaceShift(frozen, matrixAnchors, more, 1)).toEqual({ dx: 0, dy: 0 });
    // Read at rest, the same point would hold row x10 and shift the camera by the new row.
    expect(holdAt(matrixAnchors, layout, point).y?.key).toBe('row:x10');
  });
});
