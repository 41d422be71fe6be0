import { describe, expect, it } from 'vitest';
import { BoardRateLimiter, ConnectionRateLimiter, TokenBucket, type RateLimitSettings } from './limits';

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const SETTINGS: RateLimitSettings = {
  connectionUpdatesPerSecond: 10,
  connectionBytesPerSecond: 1000,
  boardUpdatesPerSecond: 15,
  boardBytesPerSecond: 100_000,
  syncRequestsPerMinute: 2,
  presencePerSecond: 5,
  burstSeconds: 1,
};

describe('TokenBucket', () => {
  it('allows a burst of its capacity, then its rate', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 20, c.now);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    c.advance(100);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('lets one large take overdraw a full bucket, then holds back until the debt is repaid', () => {
    const c = clock();
    const bucket = new TokenBucket(1000, 1000, c.now);
    expect(bucket.take(5000)).toBe(true);
    c.advance(3900);
    expect(bucket.take(1)).toBe(false);
    c.advance(200);
    expect(bucket.take(1)).toBe(true);
  });

  it('never refills beyond its capacity', () => {
    const c = clock();
    const bucket = new TokenBucket(10, 3, c.now);
    c.advance(60_000);
    expect([1, 2, 3, 4].map(() => bucket.take())).toEqual([true, true, true, false]);
  });
});

describe('ConnectionRateLimiter', () => {
  it('names the connection limit first, then the board limit shared by connections', () => {
    const c = clock();
    const board = new BoardRateLimiter(SETTINGS, c.now);
    const a = new ConnectionRateLimiter(board, c.now);
    const b = new ConnectionRateLimiter(board, c.now);
    for (let i = 0; i < 10; i++) expect(a.update(10)).toBeNull();
    expect(a.update(10)).toBe('updates');
    for (let i = 0; i < 5; i++) expect(b.update(10)).toBeNull();
    expect(b.update(10)).toBe('board-updates');
  });

  it('limits bytes, sync requests and presence on their own buckets', () => {
    const c = clock();
    const limiter = new ConnectionRateLimiter(new BoardRateLimiter(SETTINGS, c.now), c.now);
    expect(limiter.update(2000)).toBeNull();
    expect(limiter.update(1)).toBe('bytes');
    expect(limiter.syncRequest()).toBeNull();
    expect(limiter.syncRequest()).toBeNull();
    expect(limiter.syncRequest()).toBe('sync-requests');
    c.advance(30_000);
    expect(limiter.syncRequest()).toBeNull();
    for (let i = 0; i < 5; i++) expect(limiter.presenceMessage()).toBeNull();
    expect(limiter.presenceMessage()).toBe('presence');
  });
});
