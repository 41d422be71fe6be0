import { describe, expect, it } from 'vitest';
import { INITIAL_CONNECTION, MAX_RECONNECT_MS, accessProblemFromCloseCode, connectionIndicator, reconnectDelay } from './connection';

const live = { ...INITIAL_CONNECTION, status: 'connected' as const, synced: true, localLoaded: true };

describe('connection indicator', () => {
  it('connecting until the first sync', () => {
    expect(connectionIndicator(INITIAL_CONNECTION, 'edit').kind).toBe('connecting');
    expect(connectionIndicator({ ...live, synced: false }, 'edit').kind).toBe('connecting');
  });

  it('live for editors, read-only for viewers', () => {
    expect(connectionIndicator(live, 'edit').kind).toBe('live');
    expect(connectionIndicator(live, 'owner').label).toBe('Live');
    expect(connectionIndicator(live, 'view')).toMatchObject({ kind: 'read-only', label: 'Read-only' });
  });

  it('offline when the socket dropped or the device is offline', () => {
    expect(connectionIndicator({ ...live, status: 'disconnected', synced: false }, 'view').kind).toBe('offline');
    expect(connectionIndicator({ ...live, online: false }, 'edit').kind).toBe('offline');
  });

  it('stays offline between reconnection attempts once it has been live', () => {
    const lost = { ...live, hasBeenLive: true, synced: false };
    expect(connectionIndicator({ ...lost, status: 'disconnected' }, 'edit').kind).toBe('offline');
    expect(connectionIndicator({ ...lost, status: 'connecting' }, 'edit').kind).toBe('offline');
    // Connected again but not yet synced: still not live.
    expect(connectionIndicator({ ...lost, status: 'connected' }, 'edit').kind).not.toBe('live');
    expect(connectionIndicator({ ...lost, status: 'connected', synced: true }, 'edit').kind).toBe('live');
  });

  it('access problems win and are explained', () => {
    expect(accessProblemFromCloseCode(4401)).toBe('unauthorised');
    expect(accessProblemFromCloseCode(4403)).toBe('forbidden');
    expect(accessProblemFromCloseCode(4404)).toBe('not-found');
    expect(accessProblemFromCloseCode(1006)).toBeNull();
    const denied = connectionIndicator({ ...live, accessProblem: 'not-found' }, 'edit');
    expect(denied.kind).toBe('denied');
    expect(denied.detail).toMatch(/does not exist/);
  });
});

describe('reconnectDelay', () => {
  it('grows exponentially to a ceiling, jittered within its upper half', () => {
    expect(reconnectDelay(1, 0)).toBe(100);
    expect(reconnectDelay(1, 1)).toBe(200);
    expect(reconnectDelay(3, 0.5)).toBe(600);
    expect(reconnectDelay(20, 0)).toBe(MAX_RECONNECT_MS / 2);
    expect(reconnectDelay(20, 1)).toBe(MAX_RECONNECT_MS);
  });

  it('spreads clients that lost the server at the same moment', () => {
    const delays = new Set(Array.from({ length: 50 }, (_, i) => reconnectDelay(6, i / 49)));
    expect(delays.size).toBeGreaterThan(40);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(MAX_RECONNECT_MS / 2);
  });
});
