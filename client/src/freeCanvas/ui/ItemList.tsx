import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { useSorted } from '../../lib/hooks';
import type { CanvasItem } from '@pc/shared';
import type { ConnectorRoute } from '../model/connector';
import { chunkIntrinsicSize, useChunksShown, useListChunks } from '../../canvas/listChunks';
import { KIND_LABELS, compareReadingOrder, describePosition } from '../../canvas/items';

interface ItemListProps {
  items: readonly CanvasItem[];
  tabLabel: string;
  editable: boolean;
  selectedIds: ReadonlySet<string>;
  /** Where each connector is drawn (missing: an end is gone, the connector dangles). */
  routes: ReadonlyMap<string, ConnectorRoute>;
  /** The words a row shows for an item (a connector names its two ends). */
  describe(item: CanvasItem): string;
  onSelect(id: string, additive: boolean): void;
  onEdit(id: string): void;
  onDelete(id: string): void;
  onNudge(id: string, dx: number, dy: number): void;
}

const ItemRow = memo(function ItemRow({ item, text, route, focusable, selected }: { item: CanvasItem; text: string; route: ConnectorRoute | undefined; focusable: boolean; selected: boolean }) {
  const ends = item.kind === 'connector'
    ? {
        'data-from': item.fromId ?? undefined,
        'data-to': item.toId ?? undefined,
        'data-drawn': route ? 'true' : 'false',
        'data-route': route ? [route.from.x, route.from.y, route.to.x, route.to.y].map((v) => Math.round(v)).join(',') : undefined,
      }
    : { 'data-width': Math.round(item.width), 'data-height': Math.round(item.height) };
  return (
    <li
      tabIndex={focusable ? 0 : -1}
      data-item-id={item.id}
      data-kind={item.kind}
      data-x={Math.round(item.x)}
      data-y={Math.round(item.y)}
      {...ends}
      aria-current={selected || undefined}
      className={selected ? 'selected' : undefined}
    >
      <span className="item-colour" style={{ background: item.colour }} aria-hidden="true" />
      <span className="item-body">
        <span className="item-text">{text}</span>
        {/* One text node per line: a board of 10,000 notes lists 10,000 rows. */}
        <span className="item-meta">{item.kind === 'connector' ? KIND_LABELS[item.kind] : `${KIND_LABELS[item.kind]}, ${describePosition(item)}`}</span>
      </span>
    </li>
  );
});

const NO_IDS: ReadonlySet<string> = new Set();
const NO_ROUTES: ReadonlyMap<string, ConnectorRoute> = new Map();

interface ChunkProps {
  chunk: readonly CanvasItem[];
  /** False while the chunk waits for idle time: it stands empty at its estimated size. */
  shown: boolean;
  describe(item: CanvasItem): string;
  routes: ReadonlyMap<string, ConnectorRoute>;
  activeId: string | null;
  selectedIds: ReadonlySet<string>;
  /** New on every render for a chunk whose rows read other records (a connector names its ends, a stakeholder among them); null otherwise. */
  readsOthers: object | null;
}

/**
 * Fifty rows. Its props stay the same while none of its rows changed (the
 * selection, focus and routes are passed only to the chunks they touch), so a
 * change to one item re-renders its own chunk, not all 10,000 rows.
 */
const ItemChunk = memo(function ItemChunk({ chunk, shown, describe, routes, activeId, selectedIds }: ChunkProps) {
  return (
    <div role="none" className="item-chunk" style={{ containIntrinsicSize: chunkIntrinsicSize(chunk.length, ROW_ESTIMATE_PX) }}>
      {shown && chunk.map((item) => (
        <ItemRow key={item.id} item={item} text={describe(item)} route={item.kind === 'connector' ? routes.get(item.id) : undefined} focusable={item.id === activeId} selected={selectedIds.has(item.id)} />
      ))}
    </div>
  );
});

/** The props of each chunk: only what it shows (see ItemChunk). */
function chunkProps(chunk: readonly CanvasItem[], activeId: string | null, selectedIds: ReadonlySet<string>, routes: ReadonlyMap<string, ConnectorRoute>) {
  const connectors = chunk.some((item) => item.kind === 'connector');
  return {
    activeId: activeId !== null && chunk.some((item) => item.id === activeId) ? activeId : null,
    selectedIds: selectedIds.size > 0 && chunk.some((item) => selectedIds.has(item.id)) ? selectedIds : NO_IDS,
    routes: connectors ? routes : NO_ROUTES,
    readsOthers: connectors ? {} : null,
  };
}

/** Estimated height of a row, for the chunks skipped while off screen. */
const ROW_ESTIMATE_PX = 52;

/** "3 notes" while the tab holds only notes; "5 items" once it holds other kinds too. */
function countLabel(items: readonly CanvasItem[]): string {
  const notesOnly = items.every((item) => item.kind === 'sticky');
  const noun = notesOnly ? 'note' : 'item';
  return items.length === 1 ? `1 ${noun}` : `${items.length} ${noun}s`;
}

/**
 * The board as a list, beside the canvas: what screen-reader and keyboard users
 * (and browser tests) read and act on. Arrow keys move between items with a
 * roving tab stop; Enter edits, Delete deletes, Ctrl/Alt+arrows nudge.
 */
export function ItemList({ items, tabLabel, editable, selectedIds, routes, describe, onSelect, onEdit, onDelete, onNudge }: ItemListProps) {
  const sorted = useSorted(items, compareReadingOrder);
  const chunks = useListChunks(sorted);
  // A long list is filled in idle time after the first frame; until then its later chunks stand empty at their size.
  const shownChunks = useChunksShown(chunks.length);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const activeId =
    (focusedId && sorted.some((i) => i.id === focusedId) && focusedId) ||
    sorted.find((i) => selectedIds.has(i.id))?.id ||
    sorted[0]?.id ||
    null;

  const focusItem = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    listRef.current?.querySelector<HTMLElement>(`li[data-item-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const li = (event.target as HTMLElement).closest('li[data-item-id]');
    const id = li?.getAttribute('data-item-id');
    if (!id) return;
    const index = sorted.findIndex((i) => i.id === id);
    const nudgeModifier = event.ctrlKey || event.metaKey || event.altKey;
    const arrows: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const arrow = arrows[event.key];
    let handled = true;
    if (arrow && nudgeModifier) {
      if (editable) onNudge(id, arrow[0], arrow[1]);
    } else if (event.key === 'ArrowDown') focusItem(sorted[Math.min(sorted.length - 1, index + 1)]?.id);
    else if (event.key === 'ArrowUp') focusItem(sorted[Math.max(0, index - 1)]?.id);
    else if (event.key === 'Home') focusItem(sorted[0]?.id);
    else if (event.key === 'End') focusItem(sorted[sorted.length - 1]?.id);
    else if (event.key === 'Enter' && editable) onEdit(id);
    else if ((event.key === 'Delete' || event.key === 'Backspace') && editable) {
      const next = sorted[index + 1] ?? sorted[index - 1];
      onDelete(id);
      if (next) focusItem(next.id);
    } else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <aside className="item-panel" aria-labelledby="item-panel-title">
      <div className="item-panel-header">
        <h2 id="item-panel-title">On the canvas</h2>
        <span className="count">{countLabel(items)}</span>
      </div>
      {sorted.length === 0 ? (
        <p className="muted small">No notes, text, frames or connectors on the {tabLabel.toLowerCase()} yet.</p>
      ) : null}
      <ul
        ref={listRef}
        className="item-list"
        aria-label="Items on this board"
        data-count={sorted.length}
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const id = (event.target as HTMLElement).getAttribute('data-item-id');
          if (id) {
            setFocusedId(id);
            if (!selectedIds.has(id)) onSelect(id, false);
          }
        }}
        onClick={(event) => {
          const id = (event.target as HTMLElement).closest('li[data-item-id]')?.getAttribute('data-item-id');
          if (id) onSelect(id, event.shiftKey);
        }}
      >
        {chunks.map((chunk, index) => (
          <ItemChunk key={chunk[0]!.id} chunk={chunk} shown={index < shownChunks} describe={describe} {...chunkProps(chunk, activeId, selectedIds, routes)} />
        ))}
      </ul>
      {editable && sorted.length > 0 && (
        <p className="hint">Arrow keys move, Enter edits, Delete removes, Ctrl+arrows nudge.</p>
      )}
    </aside>
  );
}
