import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';

/** An error with a status and a message the caller can act on; sent as {"error": message}. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** body-parser's error types, turned into the API's documented statuses and messages. */
const BODY_ERRORS: Record<string, { status: number; message: (limit?: number) => string }> = {
  'entity.parse.failed': { status: 400, message: () => 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, message: (limit) => `The request body is larger than ${limit ?? 'the limit of'} bytes` },
  'encoding.unsupported': { status: 400, message: () => 'Unsupported content encoding' },
  'charset.unsupported': { status: 400, message: () => 'The request body must be UTF-8 JSON' },
  'request.aborted': { status: 400, message: () => 'The request was aborted' },
  'request.size.invalid': { status: 400, message: () => 'The request body length does not match Content-Length' },
};

/** An http-errors style error (router, body-parser, send) with a 4xx status. */
function isClientError(error: unknown): error is { status: number; expose?: boolean; message?: string } {
  if (!error || typeof error !== 'object' || !('status' in error)) return false;
  const { status } = error as { status: unknown };
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status < 500;
}

export const notFound: RequestHandler = (_req, _res, next) => {
  next(new HttpError(404, 'Not found'));
};

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    let status = 500;
    let message = 'Internal server error';
    if (error instanceof HttpError) {
      status = error.status;
      message = error.message;
      res.set(error.headers);
    } else if (error && typeof error === 'object' && 'type' in error && typeof error.type === 'string') {
      const known = BODY_ERRORS[error.type];
      if (known) {
        status = known.status;
        message = known.message('limit' in error && typeof error.limit === 'number' ? error.limit : undefined);
      }
    }
    if (status === 500 && isClientError(error)) {
      // Other http-errors the stack raises for bad input (a malformed %-escape in the path,
      // a body that does not decompress): the caller's fault, so 4xx, never 500.
      status = error.status;
      message = error instanceof URIError ? 'The URL holds a malformed %-escape' : error.expose === true && error.message ? error.message : 'Bad request';
    }
    if (status >= 500) log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(status).json({ error: message });
  };
}
