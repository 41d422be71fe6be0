import { describe, expect, it, vi } from 'vitest';
import { createValueStore } from '../lib/valueStore';
import { EMPTY_SELECTION, selectedIn, selectMany, selectOnly, toggleSelected, type Selection } from './selection';
import { withSelection } from './selectionStore';

const CARDS = new Set(['card-1', 'card-2']);
const LINKS = new Set(['link-1']);

function boardUi() {
  const selection = createValueStore<Selection>(EMPTY_SELECTION);
  const local = createValueStore({ editingId: null as string | null, open: false });
  const ui = withSelection(local, selection, 'logic', {
    keys: ['selectedId', 'selectedLinkId'],
    read: (ids) => {
      const [only] = ids;
      const one = ids.size === 1 && only !== undefined ? only : null;
      return { selectedId: one && CARDS.has(one) ? one : null, selectedLinkId: one && LINKS.has(one) ? one : null };
    },
    write: ({ selectedId, selectedLinkId }: { selectedId: string | null; selectedLinkId: string | null }) => selectedId ?? selectedLinkId,
  });
  return { selection, local, ui };
}

const ids = (s: ReadonlySet<string>) => [...s].sort();

describe('a board UI state whose selection lives in the one selection', () => {
  it('selecting a card puts it in the tab selection, replacing the notes selected there', () => {
    const { selection, ui } = boardUi();
    selection.set((s) => selectMany(s, 'logic', ['note-1', 'note-2']));
    selection.set((s) => selectOnly(s, 'map', 'stakeholder-1'));
    ui.set((s) => ({ ...s, selectedId: 'card-1', editingId: 'card-1' }));
    expect(ids(selectedIn(selection.get(), 'logic'))).toEqual(['card-1']);
    expect(ids(selectedIn(selection.get(), 'map'))).toEqual(['stakeholder-1']);
    expect(ui.get()).toMatchObject({ selectedId: 'card-1', selectedLinkId: null, editingId: 'card-1' });
  });

  it('a note picked on the tab deselects the card, and a link is told from a card', () => {
    const { selection, ui } = boardUi();
    ui.set((s) => ({ ...s, selectedId: 'card-2' }));
    selection.set((s) => selectOnly(s, 'logic', 'note-1'));
    expect(ui.get()).toMatchObject({ selectedId: null, selectedLinkId: null });
    ui.set((s) => ({ ...s, selectedLinkId: 'link-1', selectedId: null }));
    expect(ui.get()).toMatchObject({ selectedId: null, selectedLinkId: 'link-1' });
    // Shift-click adds a note: two things are selected, so no single card or link.
    selection.set((s) => toggleSelected(s, 'logic', 'note-1'));
    expect(ui.get()).toMatchObject({ selectedId: null, selectedLinkId: null });
  });

  it('changing only local fields leaves the selection (and a selected note) alone', () => {
    const { selection, ui, local } = boardUi();
    selection.set((s) => selectOnly(s, 'logic', 'note-1'));
    const before = selection.get();
    ui.set((s) => ({ ...s, open: true, selectedId: null }));
    expect(selection.get()).toBe(before);
    expect(local.get()).toEqual({ editingId: null, open: true });
    expect('selectedId' in local.get()).toBe(false);
  });

  it('reads the same object while nothing changed, and wakes subscribers on either part', () => {
    const { selection, ui } = boardUi();
    const first = ui.get();
    expect(ui.get()).toBe(first);
    const listener = vi.fn();
    const off = ui.subscribe(listener);
    selection.set((s) => selectOnly(s, 'logic', 'card-1'));
    ui.set((s) => ({ ...s, open: true }));
    expect(listener).toHaveBeenCalledTimes(2);
    expect(ui.get()).not.toBe(first);
    off();
    ui.set((s) => ({ ...s, open: false }));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('clearing the card clears the tab selection', () => {
    const { selection, ui } = boardUi();
    ui.set((s) => ({ ...s, selectedId: 'card-1' }));
    ui.set((s) => ({ ...s, selectedId: null }));
    expect(selectedIn(selection.get(), 'logic').size).toBe(0);
  });
});
