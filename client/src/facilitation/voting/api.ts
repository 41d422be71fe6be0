import type { VoteRound } from '@pc/shared';
import { request } from '../../collab/api';

/**
 * The voting REST calls. A person's dots are keyed by a private voter key
 * kept on this device (never shared in presence or the document), so they can
 * read back their own anonymous dots and nobody else's.
 */

const VOTER_KEY_STORAGE = 'pc-voter-key';

export function voterKey(): string {
  let key = localStorage.getItem(VOTER_KEY_STORAGE);
  if (!key || !/^[A-Za-z0-9_-]{16,128}$/.test(key)) {
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    key = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    localStorage.setItem(VOTER_KEY_STORAGE, key);
  }
  return key;
}

export interface MyDots {
  roundId: string;
  dots: Record<string, number>;
  left: number;
}

export interface OpenRoundInput {
  title: string;
  targetIds: string[];
  dotsPerPerson: number;
  maxPerItem: number;
  anonymous: boolean;
}

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;
const headers = (token: string, json = false): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'x-voter-key': voterKey(),
  ...(json ? { 'content-type': 'application/json' } : {}),
});

export function openRound(boardId: string, token: string, input: OpenRoundInput): Promise<VoteRound> {
  return request(`${base(boardId)}/vote-rounds`, { method: 'POST', headers: headers(token, true), body: JSON.stringify(input) });
}

export function closeRound(boardId: string, token: string, roundId: string): Promise<VoteRound> {
  return request(`${base(boardId)}/vote-rounds/${encodeURIComponent(roundId)}/close`, { method: 'POST', headers: headers(token) });
}

export function fetchMyDots(boardId: string, token: string, roundId: string): Promise<MyDots> {
  return request(`${base(boardId)}/vote-rounds/${encodeURIComponent(roundId)}/my-dots`, { method: 'GET', headers: headers(token) });
}

export function putMyDots(boardId: string, token: string, roundId: string, dots: Record<string, number>, voterName: string): Promise<MyDots> {
  return request(`${base(boardId)}/vote-rounds/${encodeURIComponent(roundId)}/my-dots`, {
    method: 'PUT',
    headers: headers(token, true),
    body: JSON.stringify({ dots, voterName }),
  });
}
