import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pickEncoding } from './contentEncoding';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The built client (vite output). Hashed assets are cached for a year;
 * index.html never, so a deploy is picked up on the next load. The board
 * route `/b/<id>` is the SPA's: it gets index.html, and the token stays in the
 * fragment, which browsers never send. An asset with a precompressed copy
 * beside it (`.br`, `.gz`, written by the build) is sent as that copy to a
 * browser that accepts it: the app's script goes as about a quarter of its size.
 */
export function staticClient(dir: string): Router {
  const router = express.Router();
  router.get('/assets/*splat', (req, res, next) => sendPrecompressed(dir, req, res, next));
  router.use(
    express.static(dir, {
      index: false,
      setHeaders(res, path) {
        if (path.includes(`${join('/', 'assets', '/')}`)) res.setHeader('Cache-Control', IMMUTABLE);
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

/**
 * The precompressed copy of an asset, or on to the plain file (no copy, the
 * browser accepts no coding, or anything unusual: express.static answers it).
 * `sendFile` with `root` refuses paths that climb out of `dir`.
 */
function sendPrecompressed(dir: string, req: Request, res: Response, next: NextFunction): void {
  const choice = pickEncoding(req.headers['accept-encoding']);
  const path = req.path;
  const type = extname(path);
  res.vary('Accept-Encoding');
  if (!choice || !type || path.includes('\0')) return next();
  res.sendFile(
    `.${path}${choice.suffix}`,
    {
      root: dir,
      dotfiles: 'deny',
      headers: { 'Cache-Control': IMMUTABLE, 'Content-Encoding': choice.encoding, 'Content-Type': contentType(res, type) },
    },
    (error?: Error & { code?: string; status?: number }) => {
      if (!error) return;
      if (res.headersSent) return next(error);
      // No copy for this file (or a refused path): the plain route decides, with its own errors.
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      res.removeHeader('Cache-Control');
      next();
    },
  );
}

function contentType(res: Response, extension: string): string {
  res.type(extension);
  const type = String(res.getHeader('Content-Type') ?? 'application/octet-stream');
  res.removeHeader('Content-Type');
  return type;
}
