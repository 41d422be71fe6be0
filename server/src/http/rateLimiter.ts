/**
 * rate-limiter-flexible's in-memory limiter, loaded on its own: the package's
 * index loads every store it supports (Redis, Mongo, SQL, ...), about 1 MB of
 * heap the server never uses.
 */
import type * as Package from 'rate-limiter-flexible';
import Memory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import Res from 'rate-limiter-flexible/lib/RateLimiterRes.js';

export const RateLimiterMemory = Memory;
export type RateLimiterMemory = Package.RateLimiterMemory;
/** What a refused consume() rejects with. */
export const RateLimiterRes = Res;
export type RateLimiterRes = Package.RateLimiterRes;
