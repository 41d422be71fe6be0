/** The precompressed copies the client build writes next to its assets, best first. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type Precompressed = (typeof PRECOMPRESSED)[number];

/**
 * Which precompressed copy an `Accept-Encoding` header allows, best first
 * (Brotli, then gzip), or null for the file as it is. A coding is accepted
 * when listed (or covered by `*`) with a q-value above 0; q-values only
 * rule codings out: the smaller copy wins among the accepted ones.
 */
export function pickEncoding(header: string | undefined): Precompressed | null {
  if (!header || header.length > 1000) return null;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param);
      if (match) weight = Number(match[1]);
    }
    if (Number.isFinite(weight)) q.set(name, weight);
  }
  for (const choice of PRECOMPRESSED) {
    const weight = q.get(choice.encoding) ?? q.get('*');
    if (weight !== undefined && weight > 0) return choice;
  }
  return null;
}
