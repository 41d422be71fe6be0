import { describe, expect, it } from 'vitest';
import type { BoardDiff, ReviewSentence } from '@pc/shared';
import { compareEntries, marksFor, type CompareLocator } from './compareMarks';

const sentence = (s: Partial<ReviewSentence> & Pick<ReviewSentence, 'id' | 'kind'>): ReviewSentence => ({
  group: 'stakeholder-map',
  collection: 'stakeholders',
  text: `${s.id} ${s.kind}`,
  ...s,
});
const diffOf = (sentences: ReviewSentence[]): BoardDiff => ({ changes: [], sentences, moved: [], agreement: [], counts: { added: 0, removed: 0, changed: 0 } });
const rect = (x: number, y: number) => ({ x, y, width: 100, height: 40 });

/** A tab that draws records from two maps of places. */
function locator(view: 'stakeholder-map' | 'logic-model', now: Record<string, ReturnType<typeof rect>>, before: Record<string, ReturnType<typeof rect>>): CompareLocator {
  return { view, now: (_c, id) => now[id] ?? null, before: (_c, id) => before[id] ?? null };
}

describe('compareEntries', () => {
  const tabs = [
    locator('stakeholder-map', { ardmore: rect(500, 100), kept: rect(10, 10), fresh: rect(0, 300) }, { ardmore: rect(100, 100), kept: rect(10.2, 10), gone: rect(50, 50) }),
    locator('logic-model', { card: rect(0, 0) }, { card: rect(0, 0) }),
  ];

  it('calls a changed record that is drawn elsewhere now "moved", and one in the same place "changed"', () => {
    const entries = compareEntries(diffOf([sentence({ id: 'ardmore', kind: 'changed' }), sentence({ id: 'kept', kind: 'changed' })]), tabs);
    expect(entries.map((e) => [e.id, e.kind, e.view])).toEqual([
      ['ardmore', 'moved', 'stakeholder-map'],
      ['kept', 'changed', 'stakeholder-map'],
    ]);
    expect(entries[0]).toMatchObject({ now: rect(500, 100), before: rect(100, 100) });
  });

  it('places an added record only now and a removed one only before, on the tab that draws it', () => {
    const entries = compareEntries(
      diffOf([sentence({ id: 'fresh', kind: 'added' }), sentence({ id: 'gone', kind: 'removed' }), sentence({ id: 'card', kind: 'added', group: 'logic-model', collection: 'logicNodes' })]),
      tabs,
    );
    expect(entries.map((e) => [e.id, e.kind, e.view, e.now, e.before])).toEqual([
      ['fresh', 'added', 'stakeholder-map', rect(0, 300), null],
      ['gone', 'removed', 'stakeholder-map', null, rect(50, 50)],
      ['card', 'added', 'logic-model', rect(0, 0), null],
    ]);
  });

  it('lists what no canvas draws (the agreement, a record no tab shows) without a place', () => {
    const entries = compareEntries(
      diffOf([sentence({ id: 'vision', kind: 'changed', group: 'health', collection: 'agreement' }), sentence({ id: 'nowhere', kind: 'changed' })]),
      tabs,
    );
    expect(entries.map((e) => [e.id, e.kind, e.view])).toEqual([
      ['vision', 'changed', null],
      ['nowhere', 'changed', null],
    ]);
    expect(new Set(entries.map((e) => e.key)).size).toBe(2);
  });
});

describe('marksFor', () => {
  it('gives one mark per record drawn on the tab', () => {
    const entries = compareEntries(
      diffOf([sentence({ id: 'ardmore', kind: 'changed' }), sentence({ id: 'ardmore', kind: 'changed', text: 'again' }), sentence({ id: 'card', kind: 'added', collection: 'logicNodes' })]),
      [locator('stakeholder-map', { ardmore: rect(5, 5) }, { ardmore: rect(5, 5) }), locator('logic-model', { card: rect(0, 0) }, {})],
    );
    expect(marksFor(entries, 'stakeholder-map')).toEqual([{ id: 'ardmore', kind: 'changed', now: rect(5, 5), before: rect(5, 5) }]);
    expect(marksFor(entries, 'logic-model')).toEqual([{ id: 'card', kind: 'added', now: rect(0, 0), before: null }]);
    expect(marksFor(entries, 'skills-matrix')).toEqual([]);
  });
});
