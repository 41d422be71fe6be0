import { describe, expect, it } from 'vitest';
import type { CanvasItem } from '@pc/shared';
import { splitNoteLayer, stageWorldRect } from './noteLayer';

const note = (id: string): CanvasItem =>
  ({ id, kind: 'sticky', view: 'stakeholder-map', text: id, x: 0, y: 0, width: 200, height: 140, colour: '#fde68a', order: id, author: '' }) as CanvasItem;

describe('splitNoteLayer', () => {
  it('keeps every note in one batch when none is a node', () => {
    const items = ['a', 'b', 'c'].map(note);
    expect(splitNoteLayer(items, new Set())).toEqual([{ kind: 'batch', key: 'batch-0', items }]);
  });

  it('puts a node between the batches below and above it, in z-order', () => {
    const items = ['a', 'b', 'c', 'd'].map(note);
    const parts = splitNoteLayer(items, new Set(['c']));
    expect(parts.map((p) => (p.kind === 'batch' ? p.items.map((i) => i.id).join('') : `[${p.item.id}]`))).toEqual(['ab', '[c]', 'd']);
  });

  it('makes no empty batches around nodes at the ends', () => {
    const items = ['a', 'b'].map(note);
    expect(splitNoteLayer(items, new Set(['a', 'b'])).map((p) => p.kind)).toEqual(['node', 'node']);
    expect(splitNoteLayer([], new Set(['a']))).toEqual([]);
  });
});

describe('stageWorldRect', () => {
  it('inverts the stage transform', () => {
    expect(stageWorldRect({ x: -200, y: 100, scale: 2, width: 800, height: 600 })).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });
});
