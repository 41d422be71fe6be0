import express from 'express';
import { HttpError } from './errors';

/**
 * The server's clock, for clients to measure their offset from it (the
 * workshop timer counts down to a moment in server time): `GET /api/time` ->
 * `{"now": <ms since the epoch>}`, never cached. It takes no parameters and
 * no body, so anything else is refused rather than ignored.
 */
export function timeRouter(now: () => number = Date.now): express.Router {
  const router = express.Router();
  router.all('/time', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next(new HttpError(405, 'Use GET /api/time', { Allow: 'GET, HEAD' }));
      return;
    }
    if (Object.keys(req.query).length > 0 || req.originalUrl.includes('?')) {
      next(new HttpError(400, '/api/time takes no parameters'));
      return;
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > 0 || req.headers['transfer-encoding']) {
      next(new HttpError(400, '/api/time takes no request body'));
      return;
    }
    res.set('Cache-Control', 'no-store');
    res.json({ now: now() });
  });
  return router;
}
