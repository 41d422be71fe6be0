import { createHash, timingSafeEqual } from 'node:crypto';
import type { Brand, Role } from '@pc/shared';

/**
 * Tokens carry >= 128 bits of randomness, so one unsalted SHA-256 is enough:
 * there is nothing to brute-force, and a stolen database yields no usable token.
 */
export type TokenHash = Brand<string, 'TokenHash'>;

export interface TokenHashes {
  owner: TokenHash;
  edit: TokenHash;
  view: TokenHash;
}

export function hashToken(token: string): TokenHash {
  return createHash('sha256').update(token, 'utf8').digest('hex') as TokenHash;
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

/** The role a token grants on a board, or null. Compares against every role so timing reveals nothing. */
export function roleForToken(hashes: TokenHashes, token: string): Role | null {
  const presented = hashToken(token);
  let role: Role | null = null;
  for (const candidate of ['view', 'edit', 'owner'] as const) {
    if (sameHash(presented, hashes[candidate])) role = candidate;
  }
  return role;
}

/** `Authorization: Bearer <token>` -> token, or null when absent or not a bearer header. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
