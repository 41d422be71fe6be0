import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The client's address for per-address limits. Behind `trustedHops` proxies
 * (load balancers that each append the address they saw to
 * `X-Forwarded-For`), the client is the address that many entries from the
 * right; everything further left was written by the client and is not
 * believed. With 0 hops (the default) the header is ignored: anyone could
 * send one to dodge the limits. A malformed or missing entry falls back to
 * the socket's address, so a bad header can never name someone else.
 */
export function clientAddress(req: Pick<IncomingMessage, 'headers' | 'socket'>, trustedHops: number): string {
  const socketAddress = req.socket.remoteAddress ?? 'unknown';
  if (trustedHops <= 0) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (!raw || raw.length > 4096) return socketAddress;
  const chain = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  // chain + socket address, read from the right: the socket is hop 0's peer.
  const candidate = chain[chain.length - trustedHops];
  if (candidate === undefined) return chain.length > 0 && isIP(chain[0]!) ? chain[0]! : socketAddress;
  return isIP(candidate) ? candidate : socketAddress;
}
