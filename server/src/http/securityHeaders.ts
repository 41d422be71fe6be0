import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** A Host header fit to appear in a CSP source (no spaces, quotes or semicolons that could add directives). */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** `ws://host` or `wss://host` for the page's own host, for browsers whose 'self' does not cover WebSockets yet. */
function sameHostSocket(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  if (!HOST.test(host)) return "'self'";
  return `ws://${host} wss://${host}`;
}

/**
 * Security headers for every response (helmet). The CSP allows only this
 * origin's scripts and stylesheets (the built app has no inline script; style
 * attributes are allowed, style elements are not), data: and
 * blob: images (the favicon, QR codes, canvas exports), sync sockets to this
 * host (and to the other nodes of WS_URLS), and no framing; the referrer is never sent, since share tokens live in
 * URLs. HSTS and upgrade-insecure-requests only when PUBLIC_URL is https: on a
 * plain-http LAN install they would break the app.
 */
export function securityHeaders(options: { https: boolean; syncUrls?: readonly string[] }): RequestHandler {
  // Several nodes given to clients (WS_URLS): the page may open its sync socket to any of them.
  const syncOrigins = [...new Set((options.syncUrls ?? []).map((url) => new URL(url).origin))];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // Style *attributes* only (the side lists render rows as HTML strings with
        // a colour each): they cannot run script or load anything img-src forbids;
        // <style> elements and stylesheets stay limited to this origin.
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", (req) => sameHostSocket(req), ...syncOrigins],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.https ? { maxAge: 15_552_000, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
