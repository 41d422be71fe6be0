import { clampStakeholderLevel, ONION_RINGS, type Stakeholder } from '@pc/shared';
import type { FocusableItem } from '../../canvas/useCanvasFocus';
import type { FocusDirection } from '../../canvas/spatialFocus';
import type { ShortcutHint } from '../../canvas/shortcuts';
import type { BoardContext } from '../types';
import { returnToTray, updateStakeholder } from './actions';
import { cardRectNow, type CardPlacement, type MapLayout } from './model/mapLayout';
import { RING_LABELS } from './model/onion';
import { LABEL_ROOM, labelWidth } from './model/cardMetrics';
import { mapUiFor } from './ui/mapStore';

/** How far Ctrl+arrow nudges a card on the network (world units). */
const NETWORK_NUDGE = 40;

/** What a screen reader says for a card: its name, what it is, and where it stands in the layout shown. */
export function stakeholderFocusLabel(s: Pick<Stakeholder, 'name' | 'power' | 'interest' | 'ring'>, layout: MapLayout): string {
  const name = s.name.trim() || 'Unnamed';
  if (layout === 'onion') return `${name}, stakeholder, ${s.ring ? RING_LABELS[s.ring] : 'ring not assessed'}`;
  return `${name}, stakeholder, power ${s.power}, interest ${s.interest}`;
}

/**
 * The patch Ctrl+arrow writes: on the grid one cell (up raises power, right
 * raises interest), on the onion one ring (up goes inwards), on the network a
 * nudge. Null at the edge (nothing to write).
 */
export function stepPatch(
  s: Pick<Stakeholder, 'power' | 'interest' | 'ring' | 'x' | 'y'>,
  layout: MapLayout,
  direction: FocusDirection,
  placement: Pick<CardPlacement, 'x' | 'y'> | undefined,
): Partial<Pick<Stakeholder, 'power' | 'interest' | 'ring' | 'x' | 'y'>> | null {
  if (layout === 'grid') {
    const axis = direction === 'up' || direction === 'down' ? 'power' : 'interest';
    const next = clampStakeholderLevel(s[axis] + (direction === 'up' || direction === 'right' ? 1 : -1));
    return next === s[axis] ? null : { [axis]: next };
  }
  if (layout === 'onion') {
    if (direction === 'left' || direction === 'right') return null;
    const at = s.ring === null ? ONION_RINGS.length : ONION_RINGS.indexOf(s.ring);
    const next = Math.min(ONION_RINGS.length - 1, Math.max(0, at + (direction === 'up' ? -1 : 1)));
    return ONION_RINGS[next] === s.ring ? null : { ring: ONION_RINGS[next] };
  }
  const x = s.x ?? placement?.x ?? 0;
  const y = s.y ?? placement?.y ?? 0;
  const [dx, dy] = { left: [-NETWORK_NUDGE, 0], right: [NETWORK_NUDGE, 0], up: [0, -NETWORK_NUDGE], down: [0, NETWORK_NUDGE] }[direction];
  return { x: x + dx!, y: y + dy! };
}

/** The placed cards the map shows, for keyboard focus: Enter opens the card's editor, Delete puts it back in the tray, Ctrl+arrows move it a step. */
export function stakeholderFocusables({ session, editable }: BoardContext): FocusableItem[] {
  const ui = mapUiFor(session);
  const state = ui.state.get();
  if (state.mode !== 'map') return [];
  const derived = ui.derive(session.collection('stakeholders').getSnapshot(), session.collection('partners').getSnapshot(), state);
  const items: FocusableItem[] = [];
  for (const s of derived.placed) {
    if (!derived.shownIds.has(s.id)) continue;
    const circle = cardRectNow(s.id, derived.placements, null);
    const placement = derived.placements.get(s.id);
    if (!circle || !placement) continue;
    // The circle and the name under it, so the focus ring never crosses the name.
    const width = Math.max(circle.width, labelWidth(placement.scale));
    const rect = { x: circle.x + circle.width / 2 - width / 2, y: circle.y, width, height: circle.height + LABEL_ROOM * Math.max(0.7, placement.scale) };
    items.push({
      id: s.id,
      rect,
      label: stakeholderFocusLabel(s, state.layout),
      activate: () => ui.update({ selectedId: s.id }),
      remove: editable
        ? () => {
            session.stopCapturing();
            returnToTray(session, s.id);
            session.stopCapturing();
          }
        : undefined,
      move: editable
        ? (direction) => {
            const now = session.collection('stakeholders').get(s.id);
            if (!now) return;
            const patch = stepPatch(now, ui.state.get().layout, direction, derived.placements.get(s.id));
            if (!patch) return;
            session.stopCapturing();
            updateStakeholder(session, s.id, patch);
            session.stopCapturing();
          }
        : undefined,
    });
  }
  return items;
}

export const STAKEHOLDER_FOCUS_HINTS: readonly ShortcutHint[] = [
  { group: 'Stakeholder map', keys: 'Enter (on a card)', description: 'Open the stakeholder in the side panel' },
  { group: 'Stakeholder map', keys: 'Ctrl+Up, Ctrl+Down', description: 'Grid: power one step up or down; onion: one ring in or out' },
  { group: 'Stakeholder map', keys: 'Ctrl+Left, Ctrl+Right', description: 'Grid: interest one step down or up; network: nudge the card' },
  { group: 'Stakeholder map', keys: 'Delete (on a card)', description: 'Put the stakeholder back in the “To place” tray' },
  { group: 'Stakeholder map', keys: 'Enter (in “To place”)', description: 'Place the stakeholder in the middle of the map, then refine with Ctrl+arrows' },
  { group: 'Stakeholder map', keys: '1–4 (in “To place”)', description: 'Place it in a quadrant of the grid: Keep satisfied, Manage closely, Monitor, Keep informed' },
];
