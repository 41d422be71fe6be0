import { describe, expect, it } from 'vitest';
import { bestEstimate, serverNow } from './clockOffset';

describe('clock offset', () => {
  it('takes the server time at the midpoint of the round trip', () => {
    expect(bestEstimate([{ sentAt: 1000, serverTime: 5100, receivedAt: 1200 }])).toEqual({ offsetMs: 4000, rttMs: 200 });
  });

  it('trusts the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, serverTime: 900, receivedAt: 1000 },
      { sentAt: 2000, serverTime: 2060, receivedAt: 2020 },
      { sentAt: 3000, serverTime: 3400, receivedAt: 3500 },
    ];
    expect(bestEstimate(samples)).toEqual({ offsetMs: 50, rttMs: 20 });
  });

  it('ignores impossible samples and falls back to my own clock', () => {
    expect(bestEstimate([{ sentAt: 10, serverTime: 5, receivedAt: 5 }])).toBeNull();
    expect(bestEstimate([{ sentAt: 0, serverTime: Number.NaN, receivedAt: 5 }])).toBeNull();
    expect(serverNow(1234, null)).toBe(1234);
    expect(serverNow(1234, { offsetMs: -34, rttMs: 2 })).toBe(1200);
  });
});
