/**
 * Rate limits for the sync path: small token buckets, one per connection and
 * per board, checked synchronously on every message (a library built for
 * async stores would add a promise per update on the hottest path).
 */

/**
 * Refills `ratePerSecond` tokens a second up to `capacity`. A take needs its
 * cost in tokens, except that a cost larger than the whole bucket passes when
 * the bucket is full and overdraws it: the debt then holds the next takes back
 * until it is repaid, so the long-run rate holds whatever the message sizes.
 */
/** One clock for every bucket (a default closure per bucket would cost one per connection and limit). */
const monotonicNow = (): number => performance.now();

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly now: () => number = monotonicNow,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(cost = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
    this.last = now;
    if (this.tokens < Math.min(cost, this.capacity)) return false;
    this.tokens -= cost;
    return true;
  }
}

export interface RateLimitSettings {
  /** Document updates a second one connection may send, and bytes a second. */
  connectionUpdatesPerSecond: number;
  connectionBytesPerSecond: number;
  /** The same for a whole board, every connection together. */
  boardUpdatesPerSecond: number;
  boardBytesPerSecond: number;
  /** Sync requests (step 1 or 2) a connection may send a minute; a client sends one of each per connection. */
  syncRequestsPerMinute: number;
  /** Presence messages a second one connection may send. */
  presencePerSecond: number;
  /** Bursts: a bucket holds this many seconds of its rate. */
  burstSeconds: number;
}

export type RateLimitName = 'updates' | 'bytes' | 'board-updates' | 'board-bytes' | 'sync-requests' | 'presence';

/** One board's buckets, shared by its connections. */
export class BoardRateLimiter {
  readonly updates: TokenBucket;
  readonly bytes: TokenBucket;

  constructor(readonly settings: RateLimitSettings, now?: () => number) {
    const burst = settings.burstSeconds;
    this.updates = new TokenBucket(settings.boardUpdatesPerSecond, settings.boardUpdatesPerSecond * burst, now);
    this.bytes = new TokenBucket(settings.boardBytesPerSecond, settings.boardBytesPerSecond * burst, now);
  }
}

/**
 * One connection's buckets; each check names the limit it broke, or returns
 * null. A bucket is made the first time it is needed: a full bucket made late
 * behaves as one made at the start, and most connections never send an
 * update (viewers, people watching a workshop), so they never pay for those.
 */
export class ConnectionRateLimiter {
  private updates: TokenBucket | null = null;
  private bytes: TokenBucket | null = null;
  private sync: TokenBucket | null = null;
  private presence: TokenBucket | null = null;

  constructor(
    private readonly board: BoardRateLimiter,
    private readonly now?: () => number,
  ) {}

  private bucket(ratePerSecond: number, capacity = ratePerSecond * this.board.settings.burstSeconds): TokenBucket {
    return new TokenBucket(ratePerSecond, capacity, this.now);
  }

  /** An update message: counted and weighed, for the connection and for its board. */
  update(bytes: number): RateLimitName | null {
    const s = this.board.settings;
    this.updates ??= this.bucket(s.connectionUpdatesPerSecond);
    this.bytes ??= this.bucket(s.connectionBytesPerSecond);
    if (!this.updates.take()) return 'updates';
    if (!this.bytes.take(bytes)) return 'bytes';
    if (!this.board.updates.take()) return 'board-updates';
    if (!this.board.bytes.take(bytes)) return 'board-bytes';
    return null;
  }

  /**
   * A sync message (step 1 asks for the state, step 2 carries an offline
   * batch): counted on their own bucket only, so a large catch-up is not held
   * to the per-second byte rate of live edits.
   */
  syncRequest(): RateLimitName | null {
    const perMinute = this.board.settings.syncRequestsPerMinute;
    this.sync ??= this.bucket(perMinute / 60, perMinute);
    return this.sync.take() ? null : 'sync-requests';
  }

  presenceMessage(): RateLimitName | null {
    this.presence ??= this.bucket(this.board.settings.presencePerSecond);
    return this.presence.take() ? null : 'presence';
  }
}

/** The close reason a client sees for each limit (kept under the 123-byte limit of close reasons). */
export function describeRateLimit(name: RateLimitName, settings: RateLimitSettings): string {
  switch (name) {
    case 'updates':
      return `rate limit: more than ${settings.connectionUpdatesPerSecond} updates a second`;
    case 'bytes':
      return `rate limit: more than ${settings.connectionBytesPerSecond} bytes of updates a second`;
    case 'board-updates':
      return `board rate limit: more than ${settings.boardUpdatesPerSecond} updates a second`;
    case 'board-bytes':
      return `board rate limit: more than ${settings.boardBytesPerSecond} bytes of updates a second`;
    case 'sync-requests':
      return `rate limit: more than ${settings.syncRequestsPerMinute} sync requests a minute`;
    case 'presence':
      return `rate limit: more than ${settings.presencePerSecond} presence messages a second`;
  }
}
