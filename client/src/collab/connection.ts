import { CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHORISED, type Role } from '@pc/shared';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** Why the server refused us for good (WebSocket close codes 44xx). */
export type AccessProblem = 'unauthorised' | 'forbidden' | 'not-found';

export interface ConnectionState {
  status: SocketStatus;
  /** True once the first sync with the server finished on this connection. */
  synced: boolean;
  /** True once the board's local copy (IndexedDB) is loaded. */
  localLoaded: boolean;
  /** True once the server's paint snapshot is shown: all of the board's records, read-only until the sync. */
  painted: boolean;
  /** False when the browser reports no network. */
  online: boolean;
  accessProblem: AccessProblem | null;
  /** True once this session has been live; a lost connection then reads "Offline", not "Connecting". */
  hasBeenLive: boolean;
}

export type IndicatorKind = 'connecting' | 'live' | 'offline' | 'read-only' | 'denied';

export interface Indicator {
  kind: IndicatorKind;
  label: string;
  /** Longer sentence for the tooltip and screen readers. */
  detail: string;
}

export const INITIAL_CONNECTION: ConnectionState = {
  status: 'connecting',
  synced: false,
  localLoaded: false,
  painted: false,
  online: true,
  accessProblem: null,
  hasBeenLive: false,
};

export function accessProblemFromCloseCode(code: number): AccessProblem | null {
  if (code === CLOSE_UNAUTHORISED) return 'unauthorised';
  if (code === CLOSE_FORBIDDEN) return 'forbidden';
  if (code === CLOSE_NOT_FOUND) return 'not-found';
  return null;
}

/**
 * What the connection pill says. A viewer always sees "read-only" while connected:
 * for them that is the one fact that matters; offline still wins so nobody
 * believes they see live data when they don't.
 */
export function connectionIndicator(state: ConnectionState, role: Role | null): Indicator {
  if (state.accessProblem) {
    return {
      kind: 'denied',
      label: 'No access',
      detail: ACCESS_PROBLEM_TEXT[state.accessProblem],
    };
  }
  const connected = state.status === 'connected' && state.online;
  // Between two reconnection attempts the socket says "connecting"; someone who was
  // live is still offline until the sync completes, so the pill does not flicker.
  if (!connected && (state.status === 'disconnected' || state.hasBeenLive)) {
    return {
      kind: 'offline',
      label: 'Offline',
      detail: state.localLoaded || state.hasBeenLive
        ? 'Offline: your changes are kept on this device and will merge when the connection is back. Reconnecting…'
        : 'Offline: trying to reconnect.',
    };
  }
  if (!connected || !state.synced) {
    if (!state.online) {
      return { kind: 'offline', label: 'Offline', detail: 'Your device is offline. Changes will merge when you reconnect.' };
    }
    return { kind: 'connecting', label: 'Connecting', detail: 'Connecting to the board…' };
  }
  if (role === 'view') {
    return { kind: 'read-only', label: 'Read-only', detail: 'Live, view only: you can look and follow along but not edit.' };
  }
  return { kind: 'live', label: 'Live', detail: 'Live: changes are shared with everyone on the board.' };
}

export const ACCESS_PROBLEM_TEXT: Record<AccessProblem, string> = {
  unauthorised: 'This link is not valid any more. Ask the facilitator for a new one.',
  forbidden: 'This link does not give access to this board.',
  'not-found': 'This board does not exist or was deleted.',
};

/** Longest wait between two reconnection attempts. */
export const MAX_RECONNECT_MS = 5000;

/**
 * Delay before reconnection attempt `attempt` (1, 2, ...): exponential from
 * 200 ms up to MAX_RECONNECT_MS, with "equal jitter" (half fixed, half random)
 * so a restarted server is not hit by every client in the same instant.
 */
export function reconnectDelay(attempt: number, random: number): number {
  const ceiling = Math.min(2 ** Math.max(1, attempt) * 100, MAX_RECONNECT_MS);
  const unit = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (unit * ceiling) / 2);
}
