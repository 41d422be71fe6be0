import { memo, useEffect, useRef } from 'react';
import { type LogicColumn, type LogicNode, type CheckResult, cardLabel } from '@pc/shared';
import type { BoardContext } from '../../types';
import { addCard, moveCard, removeCard } from './actions';
import { cardHeld } from './lockGuard';
import type { LogicModelSnapshot } from './store';
import { SEVERITY_LABEL, STATUS_LABEL } from './theme';
import { chunkIntrinsicSize, listChunks, LIST_CHUNK_ROWS, useChunksShown } from '../../../canvas/listChunks';

interface OutlineProps {
  ctx: BoardContext;
  model: LogicModelSnapshot;
  selectedId: string | null;
  onSelect(id: string | null, reveal?: boolean): void;
  onEdit(id: string): void;
}

/**
 * The accessible outline: the whole model as headings and lists, kept live. It is
 * how screen-reader users read and edit the model, and how browser tests read it.
 * Every card has its row, so rows are cheap: memoised on what they show, a few
 * elements each, and one set of listeners on the list instead of one per row.
 */
export function LogicOutline({ ctx, model, selectedId, onSelect, onEdit }: OutlineProps) {
  const { session, editable } = ctx;
  const template = model.shownTemplate!;
  const layout = model.layout!;
  const listRef = useRef<HTMLDivElement>(null);
  const columns: { key: LogicColumn; label: string }[] = [...template.columns, ...template.lanes];
  const latest = useRef({ selectedId, onSelect, onEdit, layout, editable });
  latest.current = { selectedId, onSelect, onEdit, layout, editable };

  // Keep the selected card's row in view when it is selected on the canvas.
  useEffect(() => {
    if (!selectedId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-node-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const focusRow = (id: string) => {
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`li[data-node-id="${CSS.escape(id)}"]`)?.focus());
  };

  const rowOf = (target: EventTarget): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('li[data-node-id]') : null);

  const onKey = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const row = event.target as HTMLElement;
    if (!row.matches('li[data-node-id]')) return;
    const id = row.dataset.nodeId!;
    const column = row.dataset.column as LogicColumn;
    const { layout: current, editable: canEdit, onEdit: edit, onSelect: select } = latest.current;
    const siblings = current.cardsByColumn.get(column) ?? [];
    const index = siblings.findIndex((b) => b.nodeId === id);
    const changes = event.key === 'Enter' || event.key === 'Delete' || event.key === 'Backspace' || ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.altKey);
    if (changes && canEdit && cardHeld(session, id)) {
      event.preventDefault();
    } else if (event.key === 'Enter' && canEdit) {
      event.preventDefault();
      edit(id);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && canEdit) {
      event.preventDefault();
      const next = siblings[index + 1]?.nodeId ?? siblings[index - 1]?.nodeId ?? null;
      removeCard(session, id);
      select(next, false);
      if (next) focusRow(next);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.altKey && canEdit) {
      // Alt+Arrow moves the card within its column, the keyboard twin of dragging.
      event.preventDefault();
      const others = siblings.filter((b) => b.nodeId !== id);
      const to = event.key === 'ArrowDown' ? Math.min(others.length, index + 1) : Math.max(0, index - 1);
      moveCard(session, current, id, { column, index: to, previousNodeId: others[to - 1]?.nodeId ?? null, nextNodeId: others[to]?.nodeId ?? null });
      focusRow(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const sibling = adjacentRow(row, event.key === 'ArrowDown' ? 1 : -1);
      (sibling ?? row).focus();
    } else if (event.key === 'Escape') {
      select(null);
    }
  };

  // A long outline is filled in idle time after the first frame (column by column); until then
  // its later chunks stand empty at their size.
  const chunkCount = columns.reduce((sum, column) => sum + Math.ceil((layout.cardsByColumn.get(column.key)?.length ?? 0) / LIST_CHUNK_ROWS), 0);
  const shownChunks = useChunksShown(chunkCount);
  let chunkIndex = 0;

  return (
    <section className="lm-outline" aria-labelledby="lm-outline-title">
      <div className="item-panel-header">
        <h2 id="lm-outline-title">Outline</h2>
        <span className="count">
          {model.nodes.length} card{model.nodes.length === 1 ? '' : 's'} · {model.graph.links.size} link{model.graph.links.size === 1 ? '' : 's'}
        </span>
      </div>
      {editable && <p className="lm-hint">Enter edits a card, Delete removes it, Alt+↑/↓ moves it.</p>}
      <div
        ref={listRef}
        className="lm-outline-body"
        aria-label="Logic model outline"
        role="region"
        data-count={model.nodes.length}
        onClick={(event) => {
          const row = rowOf(event.target);
          if (row) latest.current.onSelect(row.dataset.nodeId!);
        }}
        onFocus={(event) => {
          const row = event.target as HTMLElement;
          if (row.matches('li[data-node-id]') && latest.current.selectedId !== row.dataset.nodeId) latest.current.onSelect(row.dataset.nodeId!);
        }}
        onDoubleClick={(event) => {
          const row = rowOf(event.target);
          if (row && latest.current.editable) latest.current.onEdit(row.dataset.nodeId!);
        }}
        onKeyDown={onKey}
      >
        {columns.map((column) => {
          const cards = layout.cardsByColumn.get(column.key) ?? [];
          const chunks = listChunks(cards);
          const firstChunk = chunkIndex;
          chunkIndex += chunks.length;
          const box = layout.columns.find((c) => c.key === column.key);
          return (
            <div key={column.key} className="lm-outline-column" data-column={column.key} data-x={box?.x} data-y={box?.y} data-width={box?.width} data-height={box?.height}>
              <div className="lm-outline-heading">
                <h3 id={`lm-col-${column.key}`}>
                  {column.label} <span className="count">({cards.length})</span>
                </h3>
                {editable && (
                  <button
                    type="button"
                    className="link-button lm-add-link"
                    aria-label={`Add a card to ${column.label}`}
                    onClick={() => {
                      const node = addCard(session, layout, column.key);
                      onEdit(node.id);
                    }}
                  >
                    + Add
                  </button>
                )}
              </div>
              {cards.length > 0 && (
                <ul role="list" aria-labelledby={`lm-col-${column.key}`}>
                  {chunks.map((chunk, i) => (
                    // Presentational wrappers: to assistive technology the rows are the column list's own items.
                    <li key={i} role="none" className="lm-outline-chunk" style={{ containIntrinsicSize: chunkIntrinsicSize(chunk.length, ROW_ESTIMATE_PX) }}>
                      <ul role="none">
                  {firstChunk + i < shownChunks && chunk.map((box) => {
                    const node = model.nodesById.get(box.nodeId)!;
                    return (
                      <OutlineRow
                        key={node.id}
                        node={node}
                        x={box.x}
                        y={box.y}
                        width={box.width}
                        height={box.height}
                        selected={selectedId === node.id}
                        lead={node.column === 'activities' && node.leadPartnerId ? (model.partnersById.get(node.leadPartnerId)?.name ?? null) : null}
                        supporting={node.column === 'activities' ? supportingNames(node, model) : ''}
                        leadsTo={leadsTo(node, model)}
                        checks={model.report.byNode.get(node.id) ?? NO_CHECKS}
                      />
                    );
                  })}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}

const NO_CHECKS: readonly CheckResult[] = [];

/**
 * Rows come in chunks, each skipped by the browser while off screen
 * (content-visibility). A chunk, not a row: Chromium checks every such element
 * against the viewport on each frame it renders, and 10,000 of them cost every
 * canvas frame of a pan tens of ms; a whole column at once, on the other hand,
 * means laying out thousands of rows as soon as it scrolls into view.
 */
const ROW_ESTIMATE_PX = 48;

function supportingNames(node: LogicNode, model: LogicModelSnapshot): string {
  if (node.supportingPartnerIds.length === 0) return '';
  return node.supportingPartnerIds
    .map((id) => model.partnersById.get(id)?.name)
    .filter(Boolean)
    .join(', ');
}

function leadsTo(node: LogicNode, model: LogicModelSnapshot): string {
  const out = model.graph.outgoing.get(node.id);
  if (!out || out.length === 0) return '';
  const names: string[] = [];
  for (const l of out) {
    const to = model.nodesById.get(l.to);
    if (to) names.push(to.text.trim() || cardLabel(to, model.template));
  }
  return names.join('; ');
}

/** The next or previous card row in document order, across chunks and columns. */
function adjacentRow(row: HTMLElement, step: 1 | -1): HTMLElement | null {
  const sibling = step === 1 ? row.nextElementSibling : row.previousElementSibling;
  if (sibling instanceof HTMLElement) return sibling;
  const body = row.closest('.lm-outline-body');
  if (!body) return null;
  const rows = [...body.querySelectorAll<HTMLElement>('li[data-node-id]')];
  return rows[rows.indexOf(row) + step] ?? null;
}

interface RowProps {
  node: LogicNode;
  x: number;
  y: number;
  width: number;
  height: number;
  selected: boolean;
  /** Activities: the lead partner's name, null for none. */
  lead: string | null;
  supporting: string;
  leadsTo: string;
  checks: readonly CheckResult[];
}

function sameChecks(a: readonly CheckResult[], b: readonly CheckResult[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((r, i) => r.key === b[i]!.key && r.message === b[i]!.message);
}

const OutlineRow = memo(
  function OutlineRow({ node, x, y, width, height, selected, lead, supporting, leadsTo: leads, checks }: RowProps) {
    const indicators = node.indicators.filter((i) => i.trim());
    return (
      <li
        role="listitem"
        data-node-id={node.id}
        data-column={node.column}
        data-x={x}
        data-y={y}
        data-width={width}
        data-height={height}
        tabIndex={0}
        aria-current={selected || undefined}
        className={selected ? 'selected' : undefined}
      >
        <span className="lm-outline-text">{node.text.trim() || <em>Untitled</em>}</span>
        {node.column === 'activities' && (
          <span className="lm-outline-meta">
            Lead: <span data-field="lead">{lead ?? 'none'}</span>
            {supporting && ` · Supporting: ${supporting}`} · {STATUS_LABEL[node.status]}
            {node.dueDate && ` · Due ${node.dueDate}`}
          </span>
        )}
        {indicators.length > 0 && (
          <span className="lm-outline-meta" data-field="indicators">
            Indicators: {indicators.join('; ')}
          </span>
        )}
        {leads && (
          <span className="lm-outline-meta" data-field="leads-to">
            Leads to: {leads}
          </span>
        )}
        {checks.length > 0 && (
          <ul className="lm-outline-checks" aria-label="Checks">
            {checks.map((r) => (
              // The severity dot is drawn by CSS from data-severity: one element fewer per check.
              <li key={r.key} data-rule={r.rule} data-severity={r.severity}>
                <span className="sr-only">{SEVERITY_LABEL[r.severity]}: </span>
                {r.message}
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  },
  (a, b) =>
    a.node === b.node &&
    a.x === b.x &&
    a.y === b.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.lead === b.lead &&
    a.supporting === b.supporting &&
    a.leadsTo === b.leadsTo &&
    sameChecks(a.checks, b.checks),
);
