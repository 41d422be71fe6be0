import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareStateVectors, decodeStateVectorSafe, shouldRequest, silentPeers } from './resync';

const sv = (entries: [number, number][]) => new Map(entries);

describe('resync decisions', () => {
  it('compares state vectors both ways', () => {
    expect(compareStateVectors(sv([[1, 5]]), sv([[1, 5]]))).toBe('in-step');
    expect(compareStateVectors(sv([[1, 5]]), sv([[1, 6]]))).toBe('behind');
    expect(compareStateVectors(sv([[1, 5]]), sv([[1, 5], [2, 1]]))).toBe('behind');
    expect(compareStateVectors(sv([[1, 5], [2, 3]]), sv([[1, 5]]))).toBe('ahead');
    expect(compareStateVectors(sv([[1, 5]]), sv([[2, 3]]))).toBe('diverged');
    expect(compareStateVectors(sv([]), sv([]))).toBe('in-step');
  });

  it('matches what two real documents lack', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getMap('m').set('x', 1);
    const fromA = Y.decodeStateVector(Y.encodeStateVector(a));
    const fromB = Y.decodeStateVector(Y.encodeStateVector(b));
    expect(compareStateVectors(fromB, fromA)).toBe('behind');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(compareStateVectors(Y.decodeStateVector(Y.encodeStateVector(b)), fromA)).toBe('in-step');
  });

  it('decodes a state vector or says null', () => {
    expect(decodeStateVectorSafe(Y.encodeStateVector(new Y.Doc()))).toEqual(new Map());
    expect(decodeStateVectorSafe(new Uint8Array([5]))).toBeNull();
  });

  it('asks once per period when behind, never when ahead or in step', () => {
    expect(shouldRequest('behind', undefined, 1000, 500)).toBe(true);
    expect(shouldRequest('diverged', undefined, 1000, 500)).toBe(true);
    expect(shouldRequest('behind', 800, 1000, 500)).toBe(false);
    expect(shouldRequest('behind', 400, 1000, 500)).toBe(true);
    expect(shouldRequest('ahead', undefined, 1000, 500)).toBe(false);
    expect(shouldRequest('in-step', undefined, 1000, 500)).toBe(false);
  });

  it('names the peers silent for longer than the timeout', () => {
    expect(silentPeers(new Map([['a', 0], ['b', 900], ['c', 1000]]), 1000, 500)).toEqual(['a']);
  });
});
