import type { Comment } from '@pc/shared';
import { request } from '../collab/api';

/**
 * A comment written through the server (`POST /api/boards/<id>/comments`):
 * how a view link comments when the owner has turned workshop mode on; the
 * server checks the role, the setting and the content, and writes it.
 */
export function postComment(boardId: string, token: string, input: Omit<Comment, 'id' | 'resolved' | 'createdAt'>): Promise<Comment> {
  return request<Comment>(`/api/boards/${encodeURIComponent(boardId)}/comments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}
