import { tokenFromHash } from '@pc/shared/protocol';

export type Route = { page: 'home' } | { page: 'board'; boardId: string; token: string | null } | { page: 'not-found' };

/** The app has two pages: home (`/`) and a board (`/b/<boardId>#t=<token>`). */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '/index.html' || pathname === '') return { page: 'home' };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (match) {
    let boardId: string;
    try {
      boardId = decodeURIComponent(match[1]!);
    } catch {
      return { page: 'not-found' };
    }
    return { page: 'board', boardId, token: tokenFromHash(hash) };
  }
  return { page: 'not-found' };
}
