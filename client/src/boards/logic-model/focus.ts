import { columnLabel } from '@pc/shared';
import type { FocusableItem } from '../../canvas/useCanvasFocus';
import type { FocusDirection } from '../../canvas/spatialFocus';
import type { ShortcutHint } from '../../canvas/shortcuts';
import type { BoardContext } from '../types';
import type { BoardLayout, DropTarget } from './model/columnLayout';
import { moveCard, removeCard } from './ui/actions';
import { logicModelStore } from './ui/store';

/**
 * Where Ctrl+arrow takes a card: in a main column up and down reorder it and
 * left and right take it to the neighbouring column at the same height; in a
 * lane (assumptions, external factors) left and right reorder it and up and
 * down take it to the neighbouring lane. Null at an edge.
 */
export function stepTarget(layout: BoardLayout, id: string, direction: FocusDirection): DropTarget | null {
  const card = layout.cards.get(id);
  if (!card) return null;
  const at = layout.columns.findIndex((c) => c.key === card.column);
  const column = layout.columns[at];
  if (!column) return null;
  const siblings = layout.cardsByColumn.get(card.column) ?? [];
  const reorder = column.kind === 'column' ? direction === 'up' || direction === 'down' : direction === 'left' || direction === 'right';
  if (reorder) {
    const forward = direction === 'down' || direction === 'right';
    const others = siblings.filter((b) => b.nodeId !== id);
    const index = card.index + (forward ? 1 : -1);
    if (index < 0 || index > others.length) return null;
    return { column: card.column, index, previousNodeId: others[index - 1]?.nodeId ?? null, nextNodeId: others[index]?.nodeId ?? null };
  }
  const forward = direction === 'down' || direction === 'right';
  const sameKind = layout.columns.filter((c) => c.kind === column.kind);
  const next = sameKind[sameKind.indexOf(column) + (forward ? 1 : -1)];
  if (!next) return null;
  const cards = layout.cardsByColumn.get(next.key) ?? [];
  const index = Math.min(card.index, cards.length);
  return { column: next.key, index, previousNodeId: cards[index - 1]?.nodeId ?? null, nextNodeId: cards[index]?.nodeId ?? null };
}

/** The logic model's cards for keyboard focus: Enter edits the card's text, Delete removes it, Ctrl+arrows move it a column or a place. */
export function logicFocusables({ session, editable }: BoardContext): FocusableItem[] {
  const store = logicModelStore(session);
  const snapshot = store.getSnapshot();
  const layout = snapshot.layout;
  if (!layout) return [];
  const templateId = snapshot.shownTemplate?.id ?? null;
  const nodes = session.collection('logicNodes');
  const items: FocusableItem[] = [];
  for (const column of layout.columns) {
    const cards = layout.cardsByColumn.get(column.key) ?? [];
    for (const card of cards) {
      const text = nodes.get(card.nodeId)?.text.trim() || 'Empty card';
      items.push({
        id: card.nodeId,
        rect: { x: card.x, y: card.y, width: card.width, height: card.height },
        label: `${text}, ${columnLabel(column.key, templateId)}, card ${card.index + 1} of ${cards.length}`,
        activate: () => store.ui.set((s) => ({ ...s, selectedId: card.nodeId, selectedLinkId: null, editingId: editable ? card.nodeId : null })),
        remove: editable
          ? () => {
              removeCard(session, card.nodeId);
              store.ui.set((s) => ({ ...s, selectedId: s.selectedId === card.nodeId ? null : s.selectedId, editingId: null }));
            }
          : undefined,
        move: editable
          ? (direction) => {
              const now = store.getSnapshot().layout;
              const target = now ? stepTarget(now, card.nodeId, direction) : null;
              if (now && target) moveCard(session, now, card.nodeId, target);
            }
          : undefined,
      });
    }
  }
  return items;
}

export const LOGIC_FOCUS_HINTS: readonly ShortcutHint[] = [
  { group: 'Logic model', keys: 'Enter (on a card)', description: 'Edit the card’s text (Enter again saves)' },
  { group: 'Logic model', keys: 'Ctrl+Left, Ctrl+Right', description: 'Move the card to the neighbouring column' },
  { group: 'Logic model', keys: 'Ctrl+Up, Ctrl+Down', description: 'Move the card up or down its column' },
];
