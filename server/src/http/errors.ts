import type { ErrorRequestHandler, RequestHandler } from 'express';
import { BackupError } from '../boards/backup';
import { BoardAccessError } from '../boards/boardService';
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

const ACCESS_ERRORS: Record<BoardAccessError['reason'], HttpError> = {
  'missing-token': new HttpError(401, 'Send the board token as "Authorization: Bearer <token>"', { 'WWW-Authenticate': 'Bearer' }),
  'unknown-board': new HttpError(404, 'No board with this id'),
  'wrong-token': new HttpError(403, 'This token does not grant access to this board'),
  'owner-only': new HttpError(403, 'Only the facilitator (owner link) may do this'),
};

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
    let problems: string[] | undefined;
    if (error instanceof BoardAccessError) error = ACCESS_ERRORS[error.reason];
    if (error instanceof BackupError) {
      status = error.status;
      message = error.message;
      if (error.problems.length) problems = error.problems;
    } else if (error instanceof HttpError) {
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
      // Other http-errors the stack raises for bad input (a body that does not decompress,
      // a malformed %-escape in a route parameter): the caller's fault, so 4xx, never 500.
      status = error.status;
      message = error.expose === true && error.message ? error.message : 'Bad request';
    }
    if (status >= 500) log.error({ err: error, method: req.method, path: req.path }, 'request failed');
    res.status(status).json(problems ? { error: message, problems } : { error: message });
  };
}
