/**
 * Runs before the rest of the app is loaded (main.tsx, the first script): a
 * board page opens its sync socket now, so the board travels while React,
 * Konva and the boards start up.
 */
import { openEarlySocket, syncSocketUrl } from './collab/earlySocket';
import { parseRoute } from './routing';

const route = parseRoute(location.pathname, location.hash);
if (route.page === 'board' && route.token) openEarlySocket(syncSocketUrl(location, route.boardId, route.token));
