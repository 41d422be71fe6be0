import { useEffect, useRef, useState } from 'react';
import type { Stakeholder } from '@pc/shared';
import { eventWorld, trackPointer, watchLockedDrag } from '../../../canvas/pointer';
import { lockedFor, sayLocked } from '../../../collab/locks';
import type { BoardContext } from '../../types';
import { dropStakeholder, updateStakeholder } from '../actions';
import { compareByNameThenId } from '../model/text';
import type { MapUi } from './mapStore';
import { useWheelIsolation } from '../../../ui-kit/inputs';
import { stableOrder } from '../../../lib/stableOrder';
import { canvasFocusRequest } from '../../../canvas/useCanvasFocus';
import { GRID_WORLD, type MapLayout } from '../model/mapLayout';

/** Keys 1-4 on a tray entry: Keep satisfied, Manage closely, Monitor, Keep informed (the grid's quadrants as they read), each at its middle levels. */
const QUADRANT_KEYS = [
  { power: 3, interest: 1 },
  { power: 3, interest: 3 },
  { power: 1, interest: 1 },
  { power: 1, interest: 3 },
] as const;

/** Where a stakeholder placed from the keyboard lands: the middle of the map (the grid's centre cell, the onion's centre). */
const MAP_CENTRE = { x: GRID_WORLD.x + GRID_WORLD.width / 2, y: GRID_WORLD.y + GRID_WORLD.height / 2 };

/** Is the point over the map itself (not over a panel floating on it)? */
function overMap(canvas: HTMLElement, clientX: number, clientY: number): boolean {
  const element = document.elementFromPoint(clientX, clientY);
  return element !== null && canvas.contains(element) && element.closest('.sm-float') === null;
}

/**
 * The "to place" tray: stakeholders typed in by fast entry, waiting to be dragged
 * onto the map (how workshops start). Dropping one writes placed plus what the
 * drop point means in the current layout.
 */
export function Tray({ context, ui, unplaced, layout }: { context: BoardContext; ui: MapUi; unplaced: readonly Stakeholder[]; layout: MapLayout }) {
  const { session, editable, camera } = context;
  const [ghost, setGhost] = useState<{ name: string; x: number; y: number } | null>(null);
  const panel = useWheelIsolation<HTMLElement>();
  // New arrivals join the end: the chip under someone's pointer never moves because another was typed in.
  const shownOrder = useRef<string[] | null>(null);
  const sorted = stableOrder(unplaced, shownOrder.current, (s) => s.id, compareByNameThenId);
  useEffect(() => {
    shownOrder.current = sorted.map((s) => s.id);
  });
  const listRef = useRef<HTMLUListElement>(null);
  if (sorted.length === 0) return null;

  const startDrag = (stakeholder: Stakeholder, event: React.PointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0 || !editable) return;
    const canvas = (event.currentTarget.closest('.canvas') as HTMLElement | null) ?? null;
    if (!canvas) return;
    event.preventDefault();
    const locked = lockedFor(session, 'stakeholder-map', stakeholder.id);
    if (locked) {
      ui.update({ selectedId: stakeholder.id });
      watchLockedDrag(event.nativeEvent, () => sayLocked(session, locked));
      return;
    }
    const startX = event.clientX;
    const startY = event.clientY;
    let dragging = false;
    const worldAt = (e: PointerEvent) => eventWorld(canvas, e, camera);
    const move = (e: PointerEvent) => {
      if (!dragging && Math.hypot(e.clientX - startX, e.clientY - startY) < 4) return;
      dragging = true;
      setGhost({ name: stakeholder.name, x: e.clientX, y: e.clientY });
      ui.drag.set({ id: stakeholder.id, ...worldAt(e), overCanvas: overMap(canvas, e.clientX, e.clientY), source: 'tray' });
    };
    const end = (e: PointerEvent, cancelled: boolean) => {
      setGhost(null);
      ui.drag.set(null);
      if (!dragging) {
        ui.update({ selectedId: stakeholder.id });
        return;
      }
      if (!cancelled && overMap(canvas, e.clientX, e.clientY)) {
        session.stopCapturing();
        dropStakeholder(session, stakeholder.id, ui.state.get().layout, worldAt(e));
        session.stopCapturing();
        ui.update({ selectedId: stakeholder.id });
      }
    };
    trackPointer(event.pointerId, { move, end });
  };

  // Enter (or Space) on an entry: place it in the middle of the map, then the canvas has the keyboard on it for arrows and Ctrl+arrows.
  // Keys 1-4 on the grid: straight into a quadrant, numbered as they read (top left first).
  const placeFromKeyboard = (stakeholder: Stakeholder, quadrant: number | null = null) => {
    if (!editable) {
      ui.update({ selectedId: stakeholder.id });
      return;
    }
    const layout = ui.state.get().layout;
    const levels = quadrant === null || layout !== 'grid' ? null : QUADRANT_KEYS[quadrant - 1];
    session.stopCapturing();
    if (levels) updateStakeholder(session, stakeholder.id, { ...levels, placed: true });
    else dropStakeholder(session, stakeholder.id, layout, MAP_CENTRE);
    session.stopCapturing();
    canvasFocusRequest.set(stakeholder.id);
  };

  const placeAll = () => {
    session.stopCapturing();
    session.doc.transact(() => {
      for (const s of sorted) if (!lockedFor(session, 'stakeholder-map', s.id)) updateStakeholder(session, s.id, { placed: true });
    }, session.localOrigin);
    session.stopCapturing();
  };

  return (
    <section ref={panel} className="sm-float sm-tray" aria-labelledby="sm-tray-title">
      <header>
        <h2 id="sm-tray-title">
          To place <span className="sm-count">{sorted.length}</span>
        </h2>
        {editable && (
          <button type="button" className="link-button sm-link" onClick={placeAll} title="Place every card at its current values">
            Place all
          </button>
        )}
      </header>
      {/* Keys 1-4 are the grid's quadrants: the onion and the network have none to offer. */}
      <p className="sm-hint">{editable ? `Drag each onto the map, or press Enter on one${layout === 'grid' ? ' (1-4: into a quadrant)' : ''}.` : 'Waiting to be placed.'}</p>
      <ul ref={listRef} aria-label="Stakeholders to place">
        {sorted.map((s) => (
          <li key={s.id} data-stakeholder-id={s.id}>
            <button type="button" className="sm-chip" onPointerDown={(event) => startDrag(s, event)} onClick={(event) => event.detail === 0 && placeFromKeyboard(s)}
              onKeyDown={(event) => {
                if (!/^[1-4]$/.test(event.key) || event.ctrlKey || event.metaKey || event.altKey || ui.state.get().layout !== 'grid') return;
                event.preventDefault();
                placeFromKeyboard(s, Number(event.key));
              }} title={s.organisation ? `${s.name}, ${s.organisation}` : s.name} aria-description={editable ? `Enter places it in the middle of the map${layout === 'grid' ? '; 1 to 4 place it in a quadrant, top left first' : ''}` : undefined}>
              <span className="sm-grip" aria-hidden="true">⠿</span>
              {s.name}
            </button>
          </li>
        ))}
      </ul>
      {ghost && (
        <div className="sm-ghost" style={{ left: ghost.x, top: ghost.y }} aria-hidden="true">
          {ghost.name}
        </div>
      )}
    </section>
  );
}
