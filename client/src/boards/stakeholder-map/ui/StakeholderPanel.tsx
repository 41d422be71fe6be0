import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Partner, Stakeholder } from '@pc/shared';
import type { BoardContext } from '../../types';
import { addStakeholdersFromText, removeStakeholder } from '../actions';
import { lockedFor, sayLocked } from '../../../collab/locks';
import { parseFastEntry } from '../model/fastEntry';
import { compareByNameThenId } from '../model/text';
import { StakeholderEditor } from './StakeholderEditor';
import { RowList, sameRow, type RowData } from './stakeholderRows';
import { useMapModel } from './useMapModel';
import './stakeholder-map.css';
import { circleBounds } from '../../../lib/geometry';
import { useSorted } from '../../../lib/hooks';

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
  /** A pasted list (more than one line) offers to add all of its new names at once. */
  const pending = useMemo(
    () => (entry.split('\n').filter((line) => line.trim()).length > 1 ? parseFastEntry(entry, { existing: model.stakeholders }).items.length : 0),
    [entry, model.stakeholders],
  );
  const [focusedId, setFocusedId] = useState<string | null>(null);
  // Patched rather than sorted again when someone changes a few stakeholders (lib/sortedView).
  const shown = useMemo(() => model.stakeholders.filter((s) => shownIds.has(s.id)), [model.stakeholders, shownIds]);
  const sorted = useSorted(shown, compareByNameThenId);
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

  const previousRows = useRef(new Map<string, RowData>());
  const rows = useMemo(() => {
    const before = previousRows.current;
    const next = new Map<string, RowData>();
    const out: RowData[] = [];
    for (const s of sorted) {
      const placement = model.placements.get(s.id);
      let row: RowData = {
        s,
        mapX: roundOrNull(placement?.x),
        mapY: roundOrNull(placement?.y),
        relationships: relationCounts.get(s.id) ?? 0,
        owners: ownerNames(s, partners),
        colour: colours.colourOf.get(s.id) ?? '#bdbdbd',
        focusable: s.id === activeId,
        selected: s.id === state.selectedId,
        search: state.search,
      };
      const old = before.get(s.id);
      if (old && sameRow(old, row)) row = old;
      next.set(s.id, row);
      out.push(row);
    }
    previousRows.current = next;
    return out;
  }, [sorted, model.placements, relationCounts, partners, colours, activeId, state.selectedId, state.search]);

  // The rows are plain DOM under the React-owned list (see stakeholderRows.ts), in the same commit;
  // a long list lists its first rows with the map's first frame and the others in idle time after it.
  const rowList = useRef<RowList | null>(null);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    if (rowList.current?.list !== list) {
      rowList.current?.dispose();
      rowList.current = new RowList(list);
    }
    rowList.current.update(rows);
  }, [rows]);
  useEffect(() => () => rowList.current?.dispose(), []);

  useEffect(() => {
    if (message === null) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  const submit = () => {
    if (!entry.trim()) return;
    session.stopCapturing();
    const result = addStakeholdersFromText(session, entry);
    session.stopCapturing();
    const added = result.items.length;
    const skipped = result.skipped.length;
    setMessage(`${added === 0 ? 'Nothing added' : `Added ${added} to the tray`}${skipped ? `; skipped ${skipped} (already there or repeated)` : ''}.`);
    setEntry('');
  };

  const focusRow = (id: string | undefined) => {
    if (!id) return;
    setFocusedId(id);
    const selector = `li[data-stakeholder-id="${CSS.escape(id)}"]`;
    // A key can move past the rows listed so far while a long list still fills.
    if (!listRef.current?.querySelector(selector)) rowList.current?.complete();
    listRef.current?.querySelector<HTMLElement>(selector)?.focus();
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
      const locked = lockedFor(session, 'stakeholder-map', id);
      if (locked) {
        sayLocked(session, locked);
        event.preventDefault();
        return;
      }
      const next = sorted[index + 1] ?? sorted[index - 1];
      session.stopCapturing();
      removeStakeholder(session, id);
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
            onBlur={submit}
            onKeyDown={(event) => {
              if (event.nativeEvent.isComposing) return;
              if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Escape') {
                event.preventDefault();
                submit();
              }
            }}
            aria-describedby="sm-entry-help"
          />
          {pending > 0 && (
            <button
              type="submit"
              className="button primary sm-add-all"
              // Keep the focus in the list so its blur does not add the names before the click does.
              onMouseDown={(event) => event.preventDefault()}
            >
              {pending === 1 ? 'Add this one' : `Add these ${pending}`}
            </button>
          )}
          <p id="sm-entry-help" className="sm-hint">
            {message ?? 'One per line (Shift+Enter, or paste a list). “Name, Organisation” works too.'}
          </p>
        </form>
      )}
      {model.stakeholders.length === 0 && <p className="muted small sm-pad">No stakeholders yet.</p>}
      <ul
        ref={listRef}
        role="list"
        className={`sm-list${selected ? ' sm-list-compact' : ''}`}
        aria-label="Stakeholders"
        data-count={rows.length}
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
      />
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
