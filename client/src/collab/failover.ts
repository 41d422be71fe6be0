/**
 * Several server nodes, each serving every board: when the socket to one
 * closes (its node died or restarts), the next attempt goes to the next node
 * of the list the server gave (WS_URLS), round the list. Without a list the
 * client keeps the page's own host (one process, or a load balancer that
 * picks a healthy node itself).
 */

/** Only ws(s) URLs, without a trailing slash, each once. Anything else in the list is ignored. */
export function cleanSyncUrls(urls: unknown): string[] {
  if (!Array.isArray(urls)) return [];
  const clean = urls
    .filter((url): url is string => typeof url === 'string' && /^wss?:\/\/[^\s]+$/.test(url))
    .map((url) => url.replace(/\/+$/, ''));
  return [...new Set(clean)];
}

/** The server URL to try after `current` failed: the one after it in `urls`, or the first when `current` is not listed. */
export function nextSyncUrl(urls: readonly string[], current: string): string {
  if (urls.length === 0) return current;
  const index = urls.indexOf(current.replace(/\/+$/, ''));
  return urls[(index + 1) % urls.length]!;
}
