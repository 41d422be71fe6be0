import type { ReadMarks } from './threads';

/** Last-read marks per thread, per board, on this device (localStorage). */
const key = (boardId: string) => `pc-comments-read:${boardId}`;

export function loadReadMarks(boardId: string): ReadMarks {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(boardId)) ?? '{}');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
    return Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return {};
  }
}

export function saveReadMarks(boardId: string, marks: ReadMarks): void {
  try {
    localStorage.setItem(key(boardId), JSON.stringify(marks));
  } catch {
    // Storage full or private mode: marks last for this page only.
  }
}
