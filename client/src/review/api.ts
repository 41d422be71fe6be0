import type { BoardDiff } from '@pc/shared';
import { request, send } from '../collab/api';

/** Review points over REST: list, save, open, compare, restore. */

export interface ReviewPointSummary {
  id: string;
  name: string;
  author: string;
  createdAt: number;
  bytes?: number;
}

export interface ReviewComparison {
  from: ReviewPointSummary;
  /** `id` is "current" when compared with now. */
  to: ReviewPointSummary;
  diff: BoardDiff;
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/snapshots`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function listReviewPoints(boardId: string, token: string): Promise<ReviewPointSummary[]> {
  const body = await request<{ snapshots: ReviewPointSummary[] }>(base(boardId), { headers: auth(token) });
  return body.snapshots;
}

export function saveReviewPoint(boardId: string, token: string, name: string, author: string): Promise<ReviewPointSummary> {
  return request<ReviewPointSummary>(base(boardId), {
    method: 'POST',
    headers: { ...auth(token), 'content-type': 'application/json' },
    body: JSON.stringify({ name, author }),
  });
}

/** The review point's whole state as one Yjs update, to open it read-only. */
export async function fetchReviewPointState(boardId: string, token: string, id: string): Promise<Uint8Array> {
  const res = await send(`${base(boardId)}/${encodeURIComponent(id)}?format=yjs`, { headers: auth(token) });
  return new Uint8Array(await res.arrayBuffer());
}

export function compareReviewPoints(boardId: string, token: string, id: string, against: string): Promise<ReviewComparison> {
  return request<ReviewComparison>(`${base(boardId)}/${encodeURIComponent(id)}/diff?against=${encodeURIComponent(against)}`, { headers: auth(token) });
}

export function restoreReviewPoint(boardId: string, token: string, id: string): Promise<{ touched: number; backup: ReviewPointSummary }> {
  return request(`${base(boardId)}/${encodeURIComponent(id)}/restore`, { method: 'POST', headers: auth(token) });
}
