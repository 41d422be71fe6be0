import type { BoardView } from '@pc/shared';

/** What the board shell needs to know about each of the three boards. */
export interface BoardTab {
  view: BoardView;
  label: string;
  /** One line under the tab title in the empty state. */
  purpose: string;
  /** What the specialised board will add; shown while the tab has no items. */
  comingSoon: string;
}
