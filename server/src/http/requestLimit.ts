import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from './rateLimiter';
import { clientAddress } from '../auth/clientAddress';
import { HttpError } from './errors';

/**
 * The one limiter for costly HTTP requests (board creations, review points,
 * comparisons, PDF packs, votes, workshop comments, health ratings): a token
 * bucket per key from rate-limiter-flexible,
 * answering HTTP 429 with Retry-After once the allowance is used. The sync
 * path has its own synchronous buckets (`sync/limits.ts`), since a promise
 * per update would cost too much there.
 */
export interface RequestLimiter {
  /** Count one request for `key`; throws HTTP 429 once the window's allowance is used. */
  consume(key: string): Promise<void>;
}

export interface RequestLimit {
  /** Requests allowed per window; 0 turns the limit off. */
  points: number;
  windowSeconds: number;
  /** Completes "Too many …": what was asked for too often, and per what ("review points saved on this board"). */
  what: string;
}

function wait(seconds: number): string {
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

function windowName(seconds: number): string {
  if (seconds === 3600) return 'an hour';
  if (seconds === 60) return 'a minute';
  return `per ${wait(seconds)}`;
}

export function requestLimiter(limit: RequestLimit): RequestLimiter {
  if (limit.points === 0) return { consume: async () => undefined };
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retry = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new HttpError(
          429,
          `Too many ${limit.what}: at most ${limit.points} ${windowName(limit.windowSeconds)}. Try again in ${wait(retry)}.`,
          { 'Retry-After': String(retry) },
        );
      }
    },
  };
}

export interface AddressLimiter {
  /** Count one request for the caller's address; throws HTTP 429 once the window's allowance is used. */
  consume(req: Request): Promise<void>;
}

/** A limit per client address (`clientAddress`: behind `trustProxyHops` proxies, the forwarded one). */
export function addressLimiter(limit: RequestLimit, trustProxyHops = 0): AddressLimiter {
  const limiter = requestLimiter(limit);
  return { consume: (req) => limiter.consume(clientAddress(req, trustProxyHops)) };
}

export type CreationLimiter = AddressLimiter;

/**
 * Board creations (new and restored) per client address per hour. A board
 * costs storage forever, and creating one needs no account, so one address
 * cannot fill the disk. `perHour` 0 turns the limit off.
 */
export function creationLimiter(perHour: number, trustProxyHops = 0): CreationLimiter {
  return addressLimiter({ points: perHour, windowSeconds: 3600, what: 'boards created from this address' }, trustProxyHops);
}
