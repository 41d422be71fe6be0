import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * JSON lines on stdout. Tokens travel in WebSocket query strings and in
 * Authorization headers, so nothing here ever logs a raw URL or headers; the
 * redaction below is a second line of defence for a careless `log.info(req)`.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'partnership-canvas' },
    redact: {
      paths: ['token', '*.token', 'tokens', '*.tokens', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'url', '*.url'],
      censor: '[redacted]',
    },
  });
}
