import { useCallback } from 'react';
import { useValue } from '../lib/hooks';
import type { Role } from '@pc/shared';
import { forgetBoard, loadRecentBoards, rememberBoard, replaceBoardToken, saveRecentBoards, type RecentBoard } from '../collab/recentBoards';
import { browserStore } from '../collab/storage';
import { createValueStore } from '../lib/valueStore';

const storage = browserStore();
const recentStore = createValueStore<RecentBoard[]>(loadRecentBoards(storage));

export function recentBoardsNow(): RecentBoard[] {
  return recentStore.get();
}

export function remember(entry: RecentBoard): void {
  change((list) => rememberBoard(list, entry));
}

/** Apply a change to the stored list, re-read first (another tab may have changed it). */
function change(update: (list: RecentBoard[]) => RecentBoard[]): void {
  const next = update(loadRecentBoards(storage));
  saveRecentBoards(storage, next);
  recentStore.set(next);
}

export function rememberRotated(id: string, role: Role, token: string): void {
  change((list) => replaceBoardToken(list, id, role, token));
}

export function forgetDeleted(id: string): void {
  change((list) => forgetBoard(list, id));
}

export function useRecentBoards(): { boards: RecentBoard[]; forget(id: string): void } {
  const boards = useValue(recentStore);
  const forget = useCallback((id: string) => change((list) => forgetBoard(list, id)), []);
  return { boards, forget };
}
