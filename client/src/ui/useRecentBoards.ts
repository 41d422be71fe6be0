import { useCallback } from 'react';
import { useValue } from '../lib/hooks';
import { forgetBoard, loadRecentBoards, rememberBoard, saveRecentBoards, type RecentBoard } from '../collab/recentBoards';
import { browserStore } from '../collab/storage';
import { createValueStore } from '../lib/valueStore';

const storage = browserStore();
const recentStore = createValueStore<RecentBoard[]>(loadRecentBoards(storage));

export function recentBoardsNow(): RecentBoard[] {
  return recentStore.get();
}

export function remember(entry: RecentBoard): void {
  // Re-read first: another tab may have opened a board since this one started.
  const next = rememberBoard(loadRecentBoards(storage), entry);
  saveRecentBoards(storage, next);
  recentStore.set(next);
}

export function useRecentBoards(): { boards: RecentBoard[]; forget(id: string): void } {
  const boards = useValue(recentStore);
  const forget = useCallback((id: string) => {
    const next = forgetBoard(loadRecentBoards(storage), id);
    saveRecentBoards(storage, next);
    recentStore.set(next);
  }, []);
  return { boards, forget };
}
