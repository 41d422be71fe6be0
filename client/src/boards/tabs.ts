import type { BoardView } from '@pc/shared';
import { healthBoard } from './health';
import { logicModelBoard } from './logic-model';
import { skillsMatrixBoard } from './skills-matrix';
import { stakeholderMapBoard } from './stakeholder-map';
import type { BoardModule, BoardTab } from './types';

/** The boards, in tab order. */
export const BOARDS: readonly BoardModule[] = [stakeholderMapBoard, skillsMatrixBoard, logicModelBoard, healthBoard];

export const BOARD_TABS: readonly BoardTab[] = BOARDS.map((board) => board.tab);

export function tabFor(view: BoardView): BoardTab {
  return BOARD_TABS.find((tab) => tab.view === view) ?? stakeholderMapBoard.tab;
}
