import type { HealthLevel } from '@pc/shared';
import { request } from '../../collab/api';

/**
 * The health tab's REST calls: the board's review points (dates only, for the
 * automatic evidence and the review reminder) and anonymous ratings, which go
 * to the server and never into the shared document with the partner.
 */

const board = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function reviewPointDates(boardId: string, token: string): Promise<number[]> {
  const body = await request<{ snapshots: { createdAt: number }[] }>(`${board(boardId)}/snapshots`, { headers: auth(token) });
  return body.snapshots.map((s) => s.createdAt);
}

export function submitAnonymousRating(boardId: string, token: string, rating: { itemId: string; partnerId: string; level: HealthLevel | null }): Promise<{ ok: true }> {
  return request(`${board(boardId)}/health/ratings`, {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify(rating),
  });
}
