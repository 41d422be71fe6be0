import { describe, expect, it } from 'vitest';
import { pickEncoding } from './contentEncoding';

const pick = (header: string | undefined) => pickEncoding(header)?.encoding ?? null;

describe('pickEncoding', () => {
  it('prefers Brotli, then gzip, as browsers send them', () => {
    expect(pick('gzip, deflate, br, zstd')).toBe('br');
    expect(pick('gzip, deflate')).toBe('gzip');
    expect(pick('GZIP')).toBe('gzip');
  });

  it('serves the file as it is without a header or an accepted coding', () => {
    expect(pick(undefined)).toBeNull();
    expect(pick('')).toBeNull();
    expect(pick('identity')).toBeNull();
    expect(pick('deflate, zstd')).toBeNull();
  });

  it('takes q=0 as a refusal, also through *', () => {
    expect(pick('br;q=0, gzip')).toBe('gzip');
    expect(pick('br; q=0, gzip;q=0')).toBeNull();
    expect(pick('*')).toBe('br');
    expect(pick('*;q=0')).toBeNull();
    expect(pick('br;q=0, *')).toBe('gzip');
    expect(pick('gzip;q=0.5, br;q=0.1')).toBe('br');
  });

  it('ignores malformed parts and oversized headers', () => {
    expect(pick(',,;;, gzip;q=abc, br;q=')).toBe('br');
    expect(pick(';q=1, , gzip')).toBe('gzip');
    expect(pick(`${'x,'.repeat(600)}br`)).toBeNull();
  });
});
