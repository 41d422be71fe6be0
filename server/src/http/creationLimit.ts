import type { Request } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { clientAddress } from '../auth/clientAddress';
import { HttpError } from './errors';

export interface CreationLimiter {
  /** Count one board creation for the caller's address; throws HTTP 429 once the hour's allowance is used. */
  consume(req: Request): Promise<void>;
}

/**
 * Board creations (new and restored) per client address per hour. A board
 * costs storage forever, and creating one needs no account, so one address
 * cannot fill the disk. `perHour` 0 turns the limit off.
 */
export function creationLimiter(perHour: number, trustProxyHops = 0): CreationLimiter {
  if (perHour === 0) return { consume: async () => undefined };
  const limiter = new RateLimiterMemory({ points: perHour, duration: 3600 });
  return {
    async consume(req) {
      try {
        await limiter.consume(clientAddress(req, trustProxyHops));
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retry = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new HttpError(429, `Too many boards created from this address: at most ${perHour} an hour. Try again in ${Math.ceil(retry / 60)} min.`, {
          'Retry-After': String(retry),
        });
      }
    },
  };
}
