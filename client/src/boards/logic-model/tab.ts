import type { BoardTab } from '../types';
import { LOGIC_FOCUS_HINTS, logicFocusables } from './focus';
import { cardAt } from './model/columnLayout';
import { CARD } from './ui/cardMetrics';
import { LogicCanvasLayers } from './ui/LogicCanvasLayers';
import { LogicOverlay } from './ui/LogicOverlay';
import { LogicSidePanel } from './ui/LogicSidePanel';
import { logicModelStore } from './ui/store';

export const logicModelTab: BoardTab = {
  view: 'logic-model',
  label: 'Logic model',
  purpose: 'Your theory of change: from inputs and activities to outcomes and impact.',
  comingSoon: 'Choose a template to start: inputs, activities, outputs, outcomes and impact, linked by causal arrows.',
  CanvasLayers: LogicCanvasLayers,
  CanvasOverlay: LogicOverlay,
  SidePanel: LogicSidePanel,
  contentBounds: (session) => logicModelStore(session).bounds(),
  ownArea: (session) => logicModelStore(session).bounds(),
  recordBounds(session, id) {
    const card = logicModelStore(session).getSnapshot().layout?.cards.get(id);
    return card ? { x: card.x, y: card.y, width: card.width, height: card.height } : null;
  },
  recordAt(session, point) {
    const layout = logicModelStore(session).getSnapshot().layout;
    return layout ? cardAt(layout, point) : null;
  },
  dragsRecords: true,
  focusables: logicFocusables,
  focusHints: LOGIC_FOCUS_HINTS,
  contentCollections: ['logicNodes'],
  // Columns read left to right, from the situation and inputs.
  labelPx: CARD.fontSize,
  readableAnchor: 'top-left',
};
