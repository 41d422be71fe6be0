import { useEffect, useRef } from 'react';
import type { LogicColumn } from '@pc/shared';
import type { BoardContext } from '../../types';
import { SEVERITIES } from '../model/checks';
import { getTemplate, cardLabel } from '../model/templates';
import { addCard, moveCard, removeCard } from './actions';
import { CardDetails, LinkDetails } from './CardDetails';
import { useLogicModel, useLogicUi, type LogicModelSnapshot } from './store';
import { SEVERITY_COLOUR, SEVERITY_LABEL, STATUS_LABEL } from './theme';
import './logic-model.css';

/** Beside the canvas: the selected card's details, every check result, and the accessible outline. */
export function LogicSidePanel(ctx: BoardContext) {
  const { session, editable } = ctx;
  const model = useLogicModel(session);
  const [ui, setUi] = useLogicUi(session);
  if (model.template === null) {
    return (
      <section className="lm-panel" aria-label="Logic model">
        <div className="item-panel-header">
          <h2>Logic model</h2>
        </div>
        <p className="muted small lm-pad">Not started yet. Choose a template on the canvas to begin.</p>
      </section>
    );
  }
  const selected = ui.selectedId ? model.nodesById.get(ui.selectedId) : undefined;
  const selectedLink = ui.selectedLinkId ? model.links.find((l) => l.id === ui.selectedLinkId) : undefined;

  const selectCard = (id: string | null, reveal = true) => {
    setUi({ selectedId: id, selectedLinkId: null });
    const box = id ? model.layout?.cards.get(id) : undefined;
    if (box && reveal) ctx.reveal(box);
  };

  return (
    <section className="lm-panel" aria-label="Logic model">
      {selected && (
        <CardDetails
          key={selected.id}
          session={session}
          model={model}
          node={selected}
          editable={editable}
          onSelect={(id) => selectCard(id)}
          onSelectLink={(id) => setUi({ selectedLinkId: id, selectedId: null })}
        />
      )}
      {!selected && selectedLink && (
        <LinkDetails
          key={selectedLink.id}
          session={session}
          model={model}
          link={selectedLink}
          editable={editable}
          onClose={() => setUi({ selectedLinkId: null })}
          onSelectCard={(id) => selectCard(id)}
        />
      )}
      <ChecksPanel model={model} selectedId={ui.selectedId} onSelect={(id) => selectCard(id)} />
      <Outline ctx={ctx} model={model} selectedId={ui.selectedId} onSelect={selectCard} onEdit={(id) => setUi({ selectedId: id, editingId: id, actionPlanOpen: false })} />
    </section>
  );
}

function ChecksPanel({ model, selectedId, onSelect }: { model: LogicModelSnapshot; selectedId: string | null; onSelect(id: string): void }) {
  const { results, counts } = model.report;
  return (
    <section className="lm-checks" aria-labelledby="lm-checks-title">
      <div className="item-panel-header">
        <h2 id="lm-checks-title">Checks</h2>
        <span className="count">{results.length === 0 ? 'all clear' : SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${SEVERITY_LABEL[s].toLowerCase()}${counts[s] === 1 ? '' : 's'}`).join(' · ')}</span>
      </div>
      {results.length === 0 ? (
        <p className="lm-all-clear lm-pad" data-testid="checks-clear">
          ✓ No problems found. Every outcome has a path from an activity, every activity has a lead partner, and everything measured has an indicator.
        </p>
      ) : (
        <ul className="lm-check-list" aria-label="Check results">
          {results.map((r) => {
            const first = r.nodeIds[0];
            return (
              <li key={r.key} data-rule={r.rule} data-severity={r.severity} className={first && first === selectedId ? 'selected' : undefined}>
                <button type="button" onClick={() => first && onSelect(first)} disabled={!first}>
                  <span className="lm-dot" style={{ background: SEVERITY_COLOUR[r.severity] }} aria-hidden="true" />
                  <span>
                    <span className="sr-only">{SEVERITY_LABEL[r.severity]}: </span>
                    {r.message}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

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
 */
function Outline({ ctx, model, selectedId, onSelect, onEdit }: OutlineProps) {
  const { session, editable } = ctx;
  const template = getTemplate(model.template!);
  const layout = model.layout!;
  const listRef = useRef<HTMLDivElement>(null);
  const columns: { key: LogicColumn; label: string }[] = [...template.columns, ...template.lanes];

  // Keep the selected card's row in view when it is selected on the canvas.
  useEffect(() => {
    if (!selectedId) return;
    const row = listRef.current?.querySelector<HTMLElement>(`li[data-node-id="${CSS.escape(selectedId)}"]`);
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const focusRow = (id: string) => {
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLElement>(`li[data-node-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onKey = (event: React.KeyboardEvent<HTMLLIElement>, id: string, column: LogicColumn) => {
    if (event.target !== event.currentTarget) return;
    const siblings = layout.cardsByColumn.get(column) ?? [];
    const index = siblings.findIndex((b) => b.nodeId === id);
    if (event.key === 'Enter' && editable) {
      event.preventDefault();
      onEdit(id);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && editable) {
      event.preventDefault();
      const next = siblings[index + 1]?.nodeId ?? siblings[index - 1]?.nodeId ?? null;
      removeCard(session, id);
      onSelect(next, false);
      if (next) focusRow(next);
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && event.altKey && editable) {
      // Alt+Arrow moves the card within its column, the keyboard twin of dragging.
      event.preventDefault();
      const others = siblings.filter((b) => b.nodeId !== id);
      const to = event.key === 'ArrowDown' ? Math.min(others.length, index + 1) : Math.max(0, index - 1);
      moveCard(session, layout, id, { column, index: to, previousNodeId: others[to - 1]?.nodeId ?? null, nextNodeId: others[to]?.nodeId ?? null });
      focusRow(id);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const rows = [...(listRef.current?.querySelectorAll<HTMLElement>('li[data-node-id]') ?? [])];
      const at = rows.indexOf(event.currentTarget);
      rows[event.key === 'ArrowDown' ? Math.min(rows.length - 1, at + 1) : Math.max(0, at - 1)]?.focus();
    } else if (event.key === 'Escape') {
      onSelect(null);
    }
  };

  return (
    <section className="lm-outline" aria-labelledby="lm-outline-title">
      <div className="item-panel-header">
        <h2 id="lm-outline-title">Outline</h2>
        <span className="count">
          {model.nodes.length} card{model.nodes.length === 1 ? '' : 's'} · {model.graph.links.size} link{model.graph.links.size === 1 ? '' : 's'}
        </span>
      </div>
      {editable && <p className="lm-hint">Enter edits a card, Delete removes it, Alt+↑/↓ moves it.</p>}
      <div ref={listRef} className="lm-outline-body" aria-label="Logic model outline" role="region">
        {columns.map((column) => {
          const cards = layout.cardsByColumn.get(column.key) ?? [];
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
                <ul aria-labelledby={`lm-col-${column.key}`}>
                  {cards.map((box) => {
                    const node = model.nodesById.get(box.nodeId)!;
                    const lead = node.leadPartnerId ? model.partnersById.get(node.leadPartnerId) : undefined;
                    const supporting = node.supportingPartnerIds.map((id) => model.partnersById.get(id)?.name).filter(Boolean);
                    const leadsTo = (model.graph.outgoing.get(node.id) ?? []).map((l) => model.nodesById.get(l.to)!).filter(Boolean);
                    const checks = model.report.byNode.get(node.id) ?? [];
                    const indicators = node.indicators.filter((i) => i.trim());
                    return (
                      <li
                        key={node.id}
                        data-node-id={node.id}
                        data-column={node.column}
                        data-x={box.x}
                        data-y={box.y}
                        data-width={box.width}
                        data-height={box.height}
                        tabIndex={0}
                        aria-selected={selectedId === node.id}
                        className={selectedId === node.id ? 'selected' : undefined}
                        onClick={() => onSelect(node.id)}
                        onFocus={() => selectedId !== node.id && onSelect(node.id)}
                        onDoubleClick={() => editable && onEdit(node.id)}
                        onKeyDown={(e) => onKey(e, node.id, column.key)}
                      >
                        <span className="lm-outline-text">{node.text.trim() || <em>Untitled</em>}</span>
                        {node.column === 'activities' && (
                          <span className="lm-outline-meta">
                            Lead: <span data-field="lead">{lead?.name ?? 'none'}</span>
                            {supporting.length > 0 && <> · Supporting: {supporting.join(', ')}</>} · {STATUS_LABEL[node.status]}
                            {node.dueDate && <> · Due {node.dueDate}</>}
                          </span>
                        )}
                        {indicators.length > 0 && (
                          <span className="lm-outline-meta" data-field="indicators">
                            Indicators: {indicators.join('; ')}
                          </span>
                        )}
                        {leadsTo.length > 0 && (
                          <span className="lm-outline-meta" data-field="leads-to">
                            Leads to: {leadsTo.map((n) => n.text.trim() || cardLabel(n, model.template)).join('; ')}
                          </span>
                        )}
                        {checks.length > 0 && (
                          <ul className="lm-outline-checks" aria-label="Checks">
                            {checks.map((r) => (
                              <li key={r.key} data-rule={r.rule} data-severity={r.severity}>
                                <span className="lm-dot" style={{ background: SEVERITY_COLOUR[r.severity] }} aria-hidden="true" />
                                <span className="sr-only">{SEVERITY_LABEL[r.severity]}: </span>
                                {r.message}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
