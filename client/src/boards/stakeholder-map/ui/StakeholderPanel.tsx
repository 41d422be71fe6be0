import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Partner, Stakeholder } from '@pc/shared';
import type { BoardContext } from '../../types';
import { addStakeholdersFromText, removeStakeholder } from '../actions';
import { attitudeKey, fieldOptions } from '../model/fields';
import { highlightRanges } from '../model/filters';
import { mendelowQuadrant, QUADRANT_LABELS } from '../model/grid';
import { circleBounds } from '../model/culling';
import { RING_LABELS } from '../model/onion';
import { compareByNameThenId } from '../model/text';
import { StakeholderEditor } from './StakeholderEditor';
import { useMapModel } from './useMapModel';
import './stakeholder-map.css';

const ATTITUDE_LABELS = new Map(fieldOptions('attitude').map((o) => [o.value, o.label]));

function Highlighted({ text, query }: { text: string; query: string }) {
  const ranges = query ? highlightRanges(text, query) : [];
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach((range, i) => {
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(<mark key={i}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

interface RowProps {
  s: Stakeholder;
  /** Where the card is drawn in this person's current layout (world units), if it is. */
  mapX: number | null;
  mapY: number | null;
  relationships: number;
  owners: string;
  colour: string;
  focusable: boolean;
  selected: boolean;
  search: string;
}

const StakeholderRow = memo(function StakeholderRow({ s, mapX, mapY, relationships, owners, colour, focusable, selected, search }: RowProps) {
  const quadrant = mendelowQuadrant(s.power, s.interest);
  const attitude = ATTITUDE_LABELS.get(attitudeKey(s.attitude)) ?? 'Neutral';
  return (
    <li
      tabIndex={focusable ? 0 : -1}
      data-stakeholder-id={s.id}
      data-power={s.power}
      data-interest={s.interest}
      data-quadrant={quadrant}
      data-ring={s.ring}
      data-placed={s.placed}
      data-x={Math.round(s.x)}
      data-y={Math.round(s.y)}
      data-colour={colour}
      data-map-x={mapX ?? undefined}
      data-map-y={mapY ?? undefined}
      data-relationships={relationships}
      aria-current={selected || undefined}
      className={selected ? 'selected' : undefined}
    >
      <span className="sm-dot" style={{ background: colour }} aria-hidden="true" />
      <span className="sm-row-body">
        <span className="sm-row-title">
          <span className="sm-name">
            <Highlighted text={s.name} query={search} />
          </span>
          {s.organisation && (
            <span className="sm-org">
              , <Highlighted text={s.organisation} query={search} />
            </span>
          )}
          {s.partnerId && <span className="sm-tag">Partner</span>}
        </span>
        <span className="sm-row-meta">
          {s.placed ? (
            <>
              Power {s.power}, interest {s.interest}: {QUADRANT_LABELS[quadrant]}. {RING_LABELS[s.ring]}. {attitude}.
            </>
          ) : (
            <>To place. </>
          )}{' '}
          Owner: {owners || 'none'}.{relationships > 0 ? ` ${relationships} relationship${relationships === 1 ? '' : 's'}.` : ''}
        </span>
      </span>
    </li>
  );
});

function roundOrNull(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value);
}

function ownerNames(s: Stakeholder, partners: readonly Partner[]): string {
  return s.ownerPartnerIds.flatMap((id) => partners.find((p) => p.id === id)?.name ?? []).join(', ');
}

/**
 * The side panel: fast entry (names one per line, Enter), the accessible list of
 * stakeholders (keyboard navigable, live, the DOM contract tests read) and the
 * editor of the selected one.
 */
export function StakeholderPanel(context: BoardContext) {
  const { session, editable, reveal } = context;
  const model = useMapModel(session);
  const { ui, state, partners, colours, shownIds } = model;
  const [entry, setEntry] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const sorted = useMemo(() => model.stakeholders.filter((s) => shownIds.has(s.id)).sort(compareByNameThenId), [model.stakeholders, shownIds]);
  const selected = state.selectedId ? model.byId.get(state.selectedId) : undefined;
  const relationCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of model.relationships) {
      counts.set(r.from, (counts.get(r.from) ?? 0) + 1);
      if (r.to !== r.from) counts.set(r.to, (counts.get(r.to) ?? 0) + 1);
    }
    return counts;
  }, [model.relationships]);
  const activeId =
    (focusedId && shownIds.has(focusedId) && model.byId.has(focusedId) && focusedId) ||
    (selected && shownIds.has(selected.id) && selected.id) ||
    sorted[0]?.id ||
    null;

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const submit = () => {
    if (!entry.trim()) return;
    session.stopCapturing();
    const result = addStakeholdersFromText(session.doc, session.localOrigin, entry);
    session.stopCapturing();
    const added = result.items.length;
    const skipped = result.skipped.length;
    setMessage(`${added === 0 ? 'Nothing added' : `Added ${added} to the tray`}${skipped ? `; skipped ${skipped} (already there or repeated)` : ''}.`);
    setEntry('');
  };

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    listRef.current?.querySelector<HTMLElement>(`li[data-stakeholder-id="${CSS.escape(id)}"]`)?.focus();
  };

  const select = (id: string) => {
    ui.update({ selectedId: id });
    const placement = model.placements.get(id);
    if (placement) reveal(circleBounds(placement, placement.radius));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const id = (event.target as HTMLElement).closest('li[data-stakeholder-id]')?.getAttribute('data-stakeholder-id');
    if (!id) return;
    const index = sorted.findIndex((s) => s.id === id);
    let handled = true;
    if (event.key === 'ArrowDown') focusRow(sorted[Math.min(sorted.length - 1, index + 1)]?.id);
    else if (event.key === 'ArrowUp') focusRow(sorted[Math.max(0, index - 1)]?.id);
    else if (event.key === 'Home') focusRow(sorted[0]?.id);
    else if (event.key === 'End') focusRow(sorted[sorted.length - 1]?.id);
    else if (event.key === 'Enter') {
      select(id);
      requestAnimationFrame(() => document.querySelector<HTMLInputElement>('#stakeholder-editor-name')?.focus());
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && editable) {
      const next = sorted[index + 1] ?? sorted[index - 1];
      session.stopCapturing();
      removeStakeholder(session.doc, session.localOrigin, id);
      if (state.selectedId === id) ui.update({ selectedId: null });
      if (next) focusRow(next.id);
    } else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  return (
    <aside className="sm-panel" aria-labelledby="sm-panel-title">
      <div className="item-panel-header">
        <h2 id="sm-panel-title">Stakeholders</h2>
        <span className="count">
          {sorted.length === model.stakeholders.length ? model.stakeholders.length : `${sorted.length} of ${model.stakeholders.length}`}
        </span>
      </div>
      {editable && (
        <form
          className="sm-entry"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <label htmlFor="sm-fast-entry" className="sr-only">
            Add stakeholders, one name per line
          </label>
          <textarea
            id="sm-fast-entry"
            rows={Math.min(6, Math.max(1, entry.split('\n').length))}
            placeholder="Add a stakeholder: name, Enter"
            value={entry}
            onChange={(event) => setEntry(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                submit();
              }
            }}
            aria-describedby="sm-entry-help"
          />
          <p id="sm-entry-help" className="sm-hint">
            {message ?? 'One per line (Shift+Enter, or paste a list). “Name, Organisation” works too.'}
          </p>
        </form>
      )}
      {model.stakeholders.length === 0 && <p className="muted small sm-pad">No stakeholders yet.</p>}
      <ul
        ref={listRef}
        className={`sm-list${selected ? ' sm-list-compact' : ''}`}
        aria-label="Stakeholders"
        onKeyDown={onKeyDown}
        onFocus={(event) => {
          const id = (event.target as HTMLElement).getAttribute('data-stakeholder-id');
          if (id) {
            setFocusedId(id);
            select(id);
          }
        }}
        onClick={(event) => {
          const id = (event.target as HTMLElement).closest('li[data-stakeholder-id]')?.getAttribute('data-stakeholder-id');
          if (id) select(id);
        }}
      >
        {sorted.map((s) => (
          <StakeholderRow
            key={s.id}
            s={s}
            mapX={roundOrNull(model.placements.get(s.id)?.x)}
            mapY={roundOrNull(model.placements.get(s.id)?.y)}
            relationships={relationCounts.get(s.id) ?? 0}
            owners={ownerNames(s, partners)}
            colour={colours.colourOf.get(s.id) ?? '#bdbdbd'}
            focusable={s.id === activeId}
            selected={s.id === state.selectedId}
            search={state.search}
          />
        ))}
      </ul>
      {selected && (
        <StakeholderEditor
          key={selected.id}
          session={session}
          editable={editable}
          ui={ui}
          stakeholder={selected}
          stakeholders={model.stakeholders}
          partners={partners}
          relationships={model.relationships}
        />
      )}
    </aside>
  );
}
