import { describe, expect, it } from 'vitest';
import { chunkIntrinsicSize, chunksToRender, listChunks, reuseChunks } from './listChunks';

describe('listChunks', () => {
  it('splits rows into chunks of the given size, the last one shorter', () => {
    expect(listChunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(listChunks([], 2)).toEqual([]);
    expect(listChunks(Array.from({ length: 120 }, (_, i) => i)).map((c) => c.length)).toEqual([50, 50, 20]);
  });

  it('sizes a skipped chunk by its rows', () => {
    expect(chunkIntrinsicSize(50, 48)).toBe('auto 2400px');
  });
});

describe('chunksToRender', () => {
  it('renders what idle steps have reached of a long list, and a short remainder at once', () => {
    expect(chunksToRender(200, 4)).toBe(4);
    expect(chunksToRender(200, 184)).toBe(184);
    expect(chunksToRender(200, 198)).toBe(200);
    expect(chunksToRender(5, 4)).toBe(5);
    expect(chunksToRender(3, 4)).toBe(3);
    // Complete, then a note added: listed at once.
    expect(chunksToRender(201, 204)).toBe(201);
  });
});

describe('reuseChunks', () => {
  const rows = Array.from({ length: 120 }, (_, i) => ({ id: i }));
  it('keeps the earlier array of every chunk whose rows are the same objects in the same order', () => {
    const before = listChunks(rows);
    const changed = rows.slice();
    changed[60] = { id: 60 };
    const after = reuseChunks(listChunks(changed), before);
    expect(after).toHaveLength(3);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[1]![10]).toBe(changed[60]);
    expect(after[2]).toBe(before[2]);
  });
  it('takes the new chunk when rows moved between chunks, were added or removed', () => {
    const before = listChunks(rows);
    const after = reuseChunks(listChunks(rows.slice(1)), before);
    expect(after.every((chunk, i) => chunk !== before[i])).toBe(true);
    expect(after.flat()).toEqual(rows.slice(1));
    const grown = reuseChunks(listChunks([...rows, { id: 120 }]), before);
    expect(grown[0]).toBe(before[0]);
    expect(grown[2]).not.toBe(before[2]);
    expect(grown).toHaveLength(3);
  });
});
