import { partner, row } from '@pc/shared/testing';
import { describe, expect, it } from 'vitest';
import { layoutMatrix } from './layout';
import { frozenPanes, hitTestMatrix, homeCamera, insetView, panToReveal, visiblePartnerRange } from './viewport';

const partners = Array.from({ length: 10 }, (_, i) => partner(`p${i}`, `Partner ${i}`));
const rows = Array.from({ length: 40 }, (_, i) => row(`r${i}`, { order: `a${String(i).padStart(3, '0')}` }));
const layout = layoutMatrix(rows, partners);
// header 120, category 36, rows 32 each; name 240, partner columns 56.

describe('frozenPanes', () => {
  it('keeps the header and names at the top-left of the view, within the matrix', () => {
    expect(frozenPanes(layout, { x: -50, y: -50, width: 800, height: 600 })).toEqual({ headerY: 0, nameX: 0 });
    expect(frozenPanes(layout, { x: 100, y: 500, width: 800, height: 600 })).toEqual({ headerY: 500, nameX: 100 });
    const far = frozenPanes(layout, { x: 99_999, y: 99_999, width: 800, height: 600 });
    expect(far.headerY).toBe(layout.height - 120 - 32);
    expect(far.nameX).toBe(layout.width - 240 - 160);
  });
});

describe('visiblePartnerRange', () => {
  it('returns the partner columns overlapping a horizontal span', () => {
    expect(visiblePartnerRange(layout, 0, 240)).toEqual({ start: 0, end: 0 });
    expect(visiblePartnerRange(layout, 0, 241)).toEqual({ start: 0, end: 1 });
    expect(visiblePartnerRange(layout, 300, 400)).toEqual({ start: 1, end: 3 });
    expect(visiblePartnerRange(layout, 5000, 6000)).toEqual({ start: 10, end: 10 });
  });
});

describe('hitTestMatrix', () => {
  it('finds cells as the layout does when nothing is frozen', () => {
    const hit = hitTestMatrix(layout, { x: 240 + 56 * 2 + 5, y: 120 + 36 + 32 * 3 + 5 }, { headerY: 0, nameX: 0 });
    expect(hit).toMatchObject({ kind: 'cell', rowId: 'r3', partnerId: 'p2' });
  });

  it('hits the frozen header and name column where they are drawn', () => {
    const panes = { headerY: 400, nameX: 300 };
    const header = hitTestMatrix(layout, { x: 240 + 56 * 6 + 5, y: 410 }, panes);
    expect(header).toMatchObject({ kind: 'columnHeader', column: { partnerId: "p6" } });
    const name = hitTestMatrix(layout, { x: 310, y: 120 + 36 + 32 * 20 + 1 }, panes);
    expect(name).toMatchObject({ kind: 'rowColumn', rowId: 'r20', column: { kind: 'name' } });
    const cornerName = hitTestMatrix(layout, { x: 310, y: 405 }, panes);
    expect(cornerName).toMatchObject({ kind: 'columnHeader', column: { kind: 'name' } });
  });

  it('misses outside the matrix and in the scrolled-away header space', () => {
    expect(hitTestMatrix(layout, { x: -1, y: 200 }, { headerY: 0, nameX: 0 })).toBeNull();
    expect(hitTestMatrix(layout, { x: 500, y: 50 }, { headerY: 300, nameX: 0 })).toBeNull();
  });
});

describe('panToReveal', () => {
  const cell = (row: number, col: number) => ({ x: 240 + col * 56, y: 120 + 36 + row * 32, width: 56, height: 32 });
  it('does nothing for a cell in view', () => {
    expect(panToReveal(layout, { x: 0, y: 0, width: 800, height: 600 }, cell(2, 2))).toEqual({ dx: 0, dy: 0 });
  });
  it('scrolls down just enough for a cell below the view', () => {
    const { dy } = panToReveal(layout, { x: 0, y: 0, width: 800, height: 600 }, cell(20, 0));
    expect(dy).toBe(120 + 36 + 21 * 32 - 600);
  });
  it('keeps a cell above clear of the frozen header', () => {
    const view = { x: 0, y: 800, width: 800, height: 600 };
    const target = cell(10, 0);
    expect(panToReveal(layout, view, target).dy).toBe(target.y - (800 + 120));
  });
  it('keeps a cell on the left clear of the frozen names', () => {
    const view = { x: 300, y: 0, width: 800, height: 600 };
    const target = cell(0, 1);
    expect(panToReveal(layout, view, target).dx).toBe(target.x - (300 + 240));
  });
});

describe('panToReveal with the matrix below the top of the view', () => {
  it('treats the header as covering rows only where it is', () => {
    const view = { x: -100, y: -50, width: 800, height: 600 };
    expect(panToReveal(layout, view, { x: 240, y: 156, width: 56, height: 32 })).toEqual({ dx: 0, dy: 0 });
  });
});

describe('homeCamera', () => {
  it('puts a small matrix at zoom 1 top-left, below the toolbar', () => {
    expect(homeCamera({ width: 600, height: 400 }, { width: 1000, height: 800 })).toEqual({ zoom: 1, x: 24, y: 72 });
  });
  it('shrinks a slightly large matrix to fit, but never below 0.6', () => {
    expect(homeCamera({ width: 1200, height: 400 }, { width: 1000, height: 800 })).toEqual({ zoom: 952 / 1200, x: 24, y: 72 });
    const big = homeCamera({ width: 3384, height: 9800 }, { width: 1000, height: 800 });
    expect(big).toEqual({ zoom: 0.6, x: 24, y: 72 });
  });
});

describe('insetView', () => {
  it('removes the toolbar strip from the top, in world units', () => {
    expect(insetView({ x: 10, y: 20, width: 500, height: 400 }, 0.5, 60)).toEqual({ x: 10, y: 140, width: 500, height: 280 });
  });
});
