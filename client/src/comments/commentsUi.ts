import type { BoardSession } from '../collab/session';
import { createValueStore, type ValueStore } from '../lib/valueStore';
import { loadReadMarks, saveReadMarks } from './readMarks';
import { markRead, type ReadMarks, type Thread, type ThreadFilter } from './threads';
import type { CommentTarget } from './commentActions';

/** The comments' UI state for one open board: shared by the side panel, the pins and the comment tool. */
export interface CommentsUiState {
  /** The thread shown in the panel. */
  openId: string | null;
  filter: ThreadFilter;
  /** The comment tool: the next canvas click starts a thread there. */
  tool: boolean;
  /** A new thread being written, and where. */
  draft: CommentTarget | null;
}

export interface CommentsUi {
  state: ValueStore<CommentsUiState>;
  marks: ValueStore<ReadMarks>;
  update(patch: Partial<CommentsUiState>): void;
  read(thread: Thread): void;
}

export function createCommentsUi(session: BoardSession): CommentsUi {
  const boardId = session.options.boardId;
  const state = createValueStore<CommentsUiState>({ openId: null, filter: 'open', tool: false, draft: null });
  const marks = createValueStore<ReadMarks>(loadReadMarks(boardId));
  return {
    state,
    marks,
    update: (patch) => state.set((s) => ({ ...s, ...patch })),
    read(thread) {
      const next = markRead(marks.get(), thread);
      if (next === marks.get()) return;
      marks.set(next);
      saveReadMarks(boardId, next);
    },
  };
}

export const commentsUiFor = (session: BoardSession) => session.storeFor(createCommentsUi);
