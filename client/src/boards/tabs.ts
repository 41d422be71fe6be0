import type { BoardView } from '@pc/shared';
import { logicModelTab } from './logic-model/tab';
import { skillsMatrixTab } from './skills-matrix/tab';
import { stakeholderMapTab } from './stakeholder-map/tab';
import type { BoardTab } from './types';

export const BOARD_TABS: readonly BoardTab[] = [stakeholderMapTab, skillsMatrixTab, logicModelTab];

export function tabFor(view: BoardView): BoardTab {
  return BOARD_TABS.find((tab) => tab.view === view) ?? stakeholderMapTab;
}
