import type { BoardTab } from '../types';
import { STAKEHOLDER_FOCUS_HINTS, stakeholderFocusables } from './focus';
import { LABEL_FONT_SIZE } from './model/cardMetrics';
import { cardAt, cardPlacements, cardRectNow, layoutBounds } from './model/mapLayout';
import { mapUiFor } from './ui/mapStore';
import { MAP_PANEL_INSET, MAP_TOOLBAR_INSET, MapOverlay } from './ui/MapOverlay';
import { StakeholderLayers } from './ui/StakeholderLayers';
import { StakeholderPanel } from './ui/StakeholderPanel';

export const stakeholderMapTab: BoardTab = {
  view: 'stakeholder-map',
  label: 'Stakeholder map',
  purpose: 'Who else has an interest in your partnership, and how you will work with them.',
  comingSoon: 'Type stakeholders’ names in the side panel, one per line, then drag them onto the power/interest grid, the onion or the network.',
  CanvasLayers: StakeholderLayers,
  CanvasOverlay: MapOverlay,
  SidePanel: StakeholderPanel,
  dragsRecords: true,
  contentCollections: ['stakeholders'],
  insetTop: MAP_TOOLBAR_INSET,
  insetLeft: MAP_PANEL_INSET,
  // A grid too big to show whole at a readable size opens at its top: the upper quadrants and the lower ones' titles,
  // from its left edge (the power axis, the left quadrants' titles) when it is also too wide for the space beside the panels.
  labelPx: LABEL_FONT_SIZE,
  readableAnchor: 'top',
  // The grid's quadrants and the onion's rings; the network is open canvas between cards.
  ownArea(session) {
    const { layout } = mapUiFor(session).state.get();
    return layout === 'network' ? null : layoutBounds(layout, new Map());
  },
  // The card's circle where it is drawn now (dragged, filtered out or in the table view: as the canvas shows it).
  recordBounds(session, id) {
    const ui = mapUiFor(session);
    const state = ui.state.get();
    if (state.mode !== 'map') return null;
    const derived = ui.derive(session.collection('stakeholders').getSnapshot(), session.collection('partners').getSnapshot(), state);
    if (!derived.shownIds.has(id)) return null;
    return cardRectNow(id, derived.placements, ui.drag.get());
  },
  // The same layout, colours, sizes and filters: what is shown, and where, follows them.
  matchLayout(from, to) {
    const { layout, mode, colourBy, sizeBy, clauses, search } = mapUiFor(from).state.get();
    mapUiFor(to).update({ layout, mode, colourBy, sizeBy, clauses, search });
  },
  recordAt(session, point) {
    const ui = mapUiFor(session);
    const state = ui.state.get();
    if (state.mode !== 'map') return null;
    const derived = ui.derive(session.collection('stakeholders').getSnapshot(), session.collection('partners').getSnapshot(), state);
    return cardAt(point, [...derived.placements].filter(([id]) => derived.shownIds.has(id)));
  },
  focusables: stakeholderFocusables,
  focusHints: STAKEHOLDER_FOCUS_HINTS,
  contentBounds(session) {
    const state = mapUiFor(session).state.get();
    const placed = session.collection('stakeholders').getSnapshot().filter((s) => s.placed);
    return layoutBounds(state.layout, state.layout === 'network' ? cardPlacements(placed, 'network', state.sizeBy) : new Map());
  },
};
