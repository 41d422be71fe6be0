import type { RequestHandler } from 'express';
import type { Logger } from '../logger';

/**
 * One line per API request. Only method, path (never the query string) and
 * status are logged, so neither a token in a URL nor a header can leak.
 */
export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    // Captured now: inside a mounted router req.path loses its mount prefix.
    const path = req.path;
    res.on('finish', () => {
      const entry = {
        method: req.method,
        path,
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 10) / 10,
      };
      if (res.statusCode >= 500) log.error(entry, 'request');
      else if (path.startsWith('/api/')) log.info(entry, 'request');
      else log.debug(entry, 'request');
    });
    next();
  };
}
