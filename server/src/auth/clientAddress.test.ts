import { describe, expect, it } from 'vitest';
import { clientAddress } from './clientAddress';

const req = (forwarded: string | string[] | undefined, remote = '10.0.0.5') => ({
  headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
  socket: { remoteAddress: remote } as never,
});

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress(req('1.2.3.4'), 0)).toBe('10.0.0.5');
  });

  it('takes the address the trusted proxy saw, not what the client wrote', () => {
    // The client claims 6.6.6.6; the load balancer appended the real 1.2.3.4.
    expect(clientAddress(req('6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientAddress(req('6.6.6.6, 1.2.3.4, 10.1.1.1'), 2)).toBe('1.2.3.4');
    expect(clientAddress(req(['6.6.6.6', '1.2.3.4']), 1)).toBe('1.2.3.4');
    expect(clientAddress(req('2001:db8::1'), 1)).toBe('2001:db8::1');
  });

  it('falls back to the socket for missing, garbage or oversized headers', () => {
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.5');
    expect(clientAddress(req('not-an-ip'), 1)).toBe('10.0.0.5');
    expect(clientAddress(req(' , ,'), 1)).toBe('10.0.0.5');
    expect(clientAddress(req(`${'1.1.1.1,'.repeat(1000)}2.2.2.2`), 1)).toBe('10.0.0.5');
  });

  it('uses the leftmost entry when fewer proxies wrote than are trusted', () => {
    expect(clientAddress(req('1.2.3.4'), 3)).toBe('1.2.3.4');
  });
});
