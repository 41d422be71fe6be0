import express, { type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The built client (vite output). Hashed assets are cached for a year;
 * index.html never, so a deploy is picked up on the next load. The board
 * route `/b/<id>` is the SPA's: it gets index.html, and the token stays in the
 * fragment, which browsers never send.
 */
export function staticClient(dir: string): Router {
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join('/', 'assets', '/')}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  router.get(['/', '/b/*splat'], (_req, res) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(404).json({ error: 'The client is not built yet: run `npm run build`' });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
