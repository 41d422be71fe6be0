/**
 * Which browser pages may open a WebSocket to this server. Browsers send
 * `Origin` on every WebSocket handshake and do not apply CORS to it, so without
 * this check any web page a participant visits could open their board in the
 * background (cross-site WebSocket hijacking, with a token from a leaked link).
 */
export interface OriginPolicy {
  /** Explicit list (ALLOWED_ORIGINS); undefined = PUBLIC_URL's origin plus same-host. */
  allowed: readonly string[] | undefined;
  /** PUBLIC_URL's origin, when set. */
  publicOrigin: string | undefined;
}

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * @param origin the request's Origin header (undefined: not a browser, e.g. the
 *   y-websocket client in Node, which has no ambient credentials to abuse: allowed)
 * @param host the request's Host header (same-host pages are ours)
 */
export function originAllowed(origin: string | undefined, host: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined) return true;
  const normalised = originOf(origin);
  if (!normalised) return false;
  if (policy.allowed) return policy.allowed.includes(normalised);
  if (policy.publicOrigin && normalised === policy.publicOrigin) return true;
  return host !== undefined && new URL(normalised).host === host.toLowerCase();
}
