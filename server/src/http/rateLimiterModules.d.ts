/** The two files of rate-limiter-flexible the server loads (see rateLimiter.ts); their types are the package's. */
declare module 'rate-limiter-flexible/lib/RateLimiterMemory.js' {
  import type { RateLimiterMemory } from 'rate-limiter-flexible';
  const limiter: typeof RateLimiterMemory;
  export default limiter;
}
declare module 'rate-limiter-flexible/lib/RateLimiterRes.js' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';
  const result: typeof RateLimiterRes;
  export default result;
}
